import pytest

from bilateral.pages.seed import load_seed


@pytest.fixture
def empty_site(db, tmp_path):
    """The site as a new portal has it: home and the country list in Lithuanian and English, no country."""
    (tmp_path / "countries.yaml").write_text("[]\n", encoding="utf-8")
    return load_seed(report=lambda message: None, seed_dir=tmp_path)
