import io
import json
import logging.config

import pytest

from bilateral.operations.logs import JSON, logging_config


@pytest.fixture
def json_log(settings):
    """The production log configuration (JSON lines) for the test's duration; returns a function
    giving the lines written so far, parsed."""
    buffer = io.StringIO()
    logging.config.dictConfig(logging_config(JSON, "DEBUG"))
    logging.getLogger().handlers[0].setStream(buffer)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)
