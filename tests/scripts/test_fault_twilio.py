"""The fault script's scenarios as tests, on SQLite and PostgreSQL: Twilio answering 500 then
429, answering after the client's timeout, and down for 30 minutes; every reply exactly once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scripts import fault_twilio
from scripts.fake_twilio import FakeTwilio


@pytest.fixture(scope="module")
def fault_fake() -> Iterator[FakeTwilio]:
    fake = FakeTwilio(fault_twilio.ACCOUNT_SID, fault_twilio.TOKEN).start()
    yield fake
    fake.stop()


@pytest.mark.parametrize("scenario", list(fault_twilio.SCENARIOS))
def test_every_reply_is_delivered_exactly_once(database_url, fault_fake, scenario):
    outcome = fault_twilio.run_scenario(scenario, database_url=database_url, fake=fault_fake)

    assert outcome.ok, outcome.line()
    assert "each at Twilio once and delivered" in outcome.detail


def test_the_script_prints_one_line_per_scenario(capsys):
    assert fault_twilio.main(["answers_after_timeout"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("PASS answers_after_timeout:")
