"""The engine on the inbound signals: the carrier's opt-out verdict, keywords in voicemail."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.engine import handle
from flows.types import (
    AppendToHandoff,
    CarrierKeyword,
    Channel,
    ClinicInfo,
    Inbound,
    OpenHandoff,
    OptIn,
    OptOut,
    Queue,
    ReplyKind,
    Situation,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
CLINIC = ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100")
CARRIER = Situation(carrier_answers_keywords=True)


def kinds(outcome) -> list[type]:
    return [type(effect) for effect in outcome.effects]


def test_the_carriers_stop_opts_out_a_word_triage_does_not_know_and_says_nothing():
    outcome = handle(Inbound("ENOUGH", carrier_keyword=CarrierKeyword.STOP), CARRIER, CLINIC, NOW)
    assert OptOut in kinds(outcome) and outcome.replies == ()


def test_the_carriers_start_opts_in_silently():
    situation = Situation(is_opted_out=True, carrier_answers_keywords=True)
    outcome = handle(
        Inbound("RESUME", carrier_keyword=CarrierKeyword.START), situation, CLINIC, NOW
    )
    assert OptIn in kinds(outcome) and outcome.replies == ()


def test_the_carriers_help_gets_no_second_help():
    outcome = handle(Inbound("INFO", carrier_keyword=CarrierKeyword.HELP), CARRIER, CLINIC, NOW)
    assert outcome.replies == () and OptOut not in kinds(outcome)


def test_an_emergency_outranks_the_carriers_verdict():
    text = "stop. my chest is crushing and my arm is numb"
    outcome = handle(Inbound(text, carrier_keyword=CarrierKeyword.STOP), CARRIER, CLINIC, NOW)
    assert outcome.replies[0].kind is ReplyKind.EMERGENCY


@pytest.mark.parametrize("spoken", ["stop", "cancel", "unsubscribe", "start", "help"])
def test_a_keyword_in_a_voicemail_is_a_handoff_not_a_consent_change(spoken):
    outcome = handle(Inbound(spoken, Channel.VOICEMAIL), Situation(), CLINIC, NOW)
    assert OptOut not in kinds(outcome) and OptIn not in kinds(outcome)
    [handoff] = [e for e in outcome.effects if isinstance(e, OpenHandoff)]
    assert handoff.note.queue in (Queue.FRONT_DESK, Queue.SCHEDULING)
    assert "keyword" in handoff.note.summary
    assert all(reply.kind is not ReplyKind.COMPLIANCE for reply in outcome.replies)


def test_a_keyword_voicemail_while_staff_own_it_joins_their_handoff():
    outcome = handle(
        Inbound("stop", Channel.VOICEMAIL), Situation(is_human_owned=True), CLINIC, NOW
    )
    assert AppendToHandoff in kinds(outcome) and outcome.replies == ()
