"""Twilio answering 500/429, answering after the client's timeout, down for 30 minutes: every
reply reaches the fake Twilio exactly once and ends delivered (scripts/fault_twilio.py)."""

from __future__ import annotations

import pytest

from scripts import fault_twilio
from scripts.fake_twilio import FakeTwilio


@pytest.fixture(scope="module")
def fake() -> FakeTwilio:
    fake = FakeTwilio(fault_twilio.ACCOUNT_SID, fault_twilio.TOKEN).start()
    yield fake
    fake.stop()


@pytest.mark.postgres
@pytest.mark.parametrize("scenario", list(fault_twilio.SCENARIOS))
def test_replies_reach_twilio_exactly_once(scenario: str, postgres_url: str, fake) -> None:
    url, drop = fault_twilio.scratch_database(postgres_url)
    try:
        outcome = fault_twilio.run_scenario(scenario, database_url=url, fake=fake)
    finally:
        drop()
    assert outcome.ok, outcome.line()
