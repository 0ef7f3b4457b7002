"""PostgreSQL refusing connections, then back: every text answered 200 is stored once and
processed; the rest got 503 and their retries are stored once (scripts/fault_ingest.py)."""

from __future__ import annotations

import logging

import pytest

from scripts import fault_ingest


@pytest.fixture(autouse=True)
def quiet_logs():
    logging.disable(logging.CRITICAL)  # the 503s log on purpose
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.postgres
def test_postgres_refused_answers_503_and_calls_still_hear_911(postgres_url, lines) -> None:
    ok, out = lines(fault_ingest, fault_ingest.postgres_refused, 20)
    assert ok, out


@pytest.mark.postgres
def test_postgres_back_stores_retries_once(postgres_url, lines) -> None:
    ok, out = lines(fault_ingest, fault_ingest.postgres_back, postgres_url, 20)
    assert ok, out
