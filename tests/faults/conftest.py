"""The fault scenarios of scripts/fault_*.py as tests, on PostgreSQL only.

Each test calls the scripts' own scenario functions (nothing copied) against a scratch database
beside `TEST_POSTGRES_URL`. PostgreSQL unreachable, or its server binaries missing for the
restart fault: the test skips with the reason, and under `CI=true` it fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from gateway.db import normalise_url
from tests.conftest import POSTGRES_URL

IN_CI = os.environ.get("CI") == "true"


def skip_or_fail(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    engine = sa.create_engine(normalise_url(POSTGRES_URL))
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except sa.exc.OperationalError as error:
        skip_or_fail(f"PostgreSQL not reachable at {POSTGRES_URL}: {str(error).splitlines()[0]}")
    finally:
        engine.dispose()
    yield POSTGRES_URL


@pytest.fixture
def lines(capsys: pytest.CaptureFixture[str]):
    """Run a scenario that reports through a script's `line()`; return (all ok, its output)."""

    def run(module, scenario, *args) -> tuple[bool, str]:
        module.results.clear()
        scenario(*args)
        out = capsys.readouterr().out
        return bool(module.results) and all(module.results), out

    return run
