import pytest

from bilateral.facts.pictures import geometry


@pytest.fixture(scope="session", autouse=True)
def border_data():
    """The border data as the build makes it (manage.py build_borders, run by `make install`); built here
    when the tests run without the build."""
    if not geometry.DATA_FILE.exists():
        geometry.write_borders()
    geometry.stored_borders.cache_clear()
    geometry.projected_border.cache_clear()
    return geometry.stored_borders()
