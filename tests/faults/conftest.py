"""The private servers the fault tests stop, kill and start: a PostgreSQL cluster per module, a
Redis per test."""

import pytest

from .processes import PrivatePostgres, PrivateRedis


@pytest.fixture(scope="module")
def postgres():
    cluster = PrivatePostgres()
    try:
        yield cluster.start()
    finally:
        cluster.destroy()


@pytest.fixture
def redis_server():
    server = PrivateRedis()
    try:
        yield server.start()
    finally:
        server.kill()
