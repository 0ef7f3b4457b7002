"""The reminder flows as transcripts: what the patient says after a reminder, what comes back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from flows import messages as m
from flows.engine import handle
from flows.types import (
    AppendToHandoff,
    Awaiting,
    CancelAppointment,
    ClinicInfo,
    ConfirmAppointment,
    Inbound,
    MarkFormDone,
    OpenHandoff,
    OpeningHours,
    Queue,
    RequestReschedule,
    SetAwaiting,
    Situation,
    Urgency,
    Visit,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York
VISIT = Visit(
    starts_at=datetime(2026, 11, 27, 14, 30, tzinfo=UTC),  # Friday 9:30
    location="Main St, Suite 200",
)
VIDEO = Visit(
    starts_at=NOW + timedelta(minutes=50), is_telehealth=True, telehealth_url="https://v.example/9"
)
CLINIC = ClinicInfo(
    name="Riverside Clinic",
    phone="(202) 555-0100",
    hours=tuple(OpeningHours(day, time(8), time(17)) for day in range(5)),
    forms_url="https://forms.example.org",
    telehealth_url="https://video.example.org",
)


def reminded(awaiting: Awaiting = Awaiting.APPOINTMENT_REMINDER, **extra) -> Situation:
    return Situation(
        awaiting=awaiting, appointment_at=VISIT.starts_at, visit=extra.pop("visit", VISIT), **extra
    )


def say(text: str, situation: Situation):
    return handle(Inbound(text), situation, CLINIC, NOW)


def msgids(outcome) -> list[str]:
    return [reply.msgid for reply in outcome.replies]


def effect(outcome, kind):
    found = [e for e in outcome.effects if isinstance(e, kind)]
    return found[0] if found else None


@pytest.mark.parametrize("text", ["C", "c", "yes", "Sí", "si", "1", "👍", "Confirmed!"])
def test_confirm_codes_confirm_the_visit(text):
    outcome = say(text, reminded())
    assert msgids(outcome) == [m.APPOINTMENT_CONFIRMED]
    assert effect(outcome, ConfirmAppointment)


@pytest.mark.parametrize("text", ["X", "x", "I can't make it", "no puedo ir"])
def test_cancel_codes_cancel_and_offer_to_reschedule(text):
    outcome = say(text, reminded())
    assert msgids(outcome) == [m.CANCELLED_OFFER_RESCHEDULE]
    assert effect(outcome, CancelAppointment)
    assert effect(outcome, SetAwaiting).awaiting is Awaiting.NO_SHOW
    # ... and "R" then books a new time.
    again = say("R", reminded(Awaiting.NO_SHOW))
    assert msgids(again) == [m.RESCHEDULE_ASK]


@pytest.mark.parametrize("text", ["R", "can we move it?", "I need a different day"])
def test_reschedule_asks_for_times_then_hands_off_with_them_in_the_note(text):
    asked = say(text, reminded())
    assert msgids(asked) == [m.RESCHEDULE_ASK]
    assert effect(asked, SetAwaiting).awaiting is Awaiting.RESCHEDULE_TIMES
    outcome = say("Tuesday or Wednesday morning", reminded(Awaiting.RESCHEDULE_TIMES))
    handoff = effect(outcome, OpenHandoff)
    assert handoff.note.queue is Queue.SCHEDULING
    assert "Tuesday or Wednesday morning" in handoff.note.summary
    assert effect(outcome, RequestReschedule).preferred == "Tuesday or Wednesday morning"
    assert msgids(outcome) == [m.ACK_SCHEDULING]


def test_unclear_reply_gets_one_clarification_then_a_person():
    first = say("hmm maybe", reminded())
    assert msgids(first) == [m.REMINDER_CLARIFY]
    second = say("hmm maybe", reminded(Awaiting.REMINDER_CLARIFY))
    assert effect(second, OpenHandoff).note.queue is Queue.SCHEDULING
    assert effect(second, SetAwaiting).awaiting is None


def test_a_real_request_after_a_reminder_still_goes_to_its_queue():
    outcome = say("I need a refill of my inhaler", reminded())
    assert effect(outcome, OpenHandoff).note.queue is Queue.REFILLS


def test_reminder_reply_is_honoured_while_an_unclaimed_handoff_waits_and_recorded_on_it():
    waiting = reminded(is_human_owned=True, is_handoff_claimed=False)
    outcome = say("C", waiting)
    assert msgids(outcome) == [m.APPOINTMENT_CONFIRMED]
    assert effect(outcome, ConfirmAppointment) and effect(outcome, AppendToHandoff)
    claimed = say("C", reminded(is_human_owned=True, is_handoff_claimed=True))
    assert claimed.replies == () and effect(claimed, ConfirmAppointment) is None


def test_emergency_beats_the_reminder_flow():
    outcome = say("C but my chest is crushing and I can't breathe", reminded())
    assert effect(outcome, OpenHandoff).note.queue is Queue.EMERGENCY


def test_cancel_word_is_an_opt_out_not_a_visit_code():
    outcome = say("CANCEL", reminded())
    assert outcome.decided_by == "opt_out"


# ----------------------------------------------------------------------------- questions


def test_question_is_answered_from_the_record_for_a_single_patient():
    outcome = say("what time is my appointment?", Situation(visit=VISIT))
    assert msgids(outcome) == [m.VISIT_DETAILS]
    assert dict(outcome.replies[0].params)["location"] == "Main St, Suite 200"


def test_a_wrong_day_is_pointed_out():
    outcome = say("am I still on for Thursday?", Situation(visit=VISIT))
    assert msgids(outcome) == [m.VISIT_DAY_MISMATCH]
    assert dict(outcome.replies[0].params)["day"] == "Thursday"
    right = say("am I still on for Friday?", Situation(visit=VISIT))
    assert msgids(right) == [m.VISIT_DETAILS]


def test_shared_phone_is_asked_for_a_date_of_birth_first():
    kid = Visit(starts_at=VISIT.starts_at + timedelta(days=1), location="Kids wing")
    family = Situation(
        patients_on_number=2,
        candidates=((date(1980, 3, 11), VISIT), (date(2015, 6, 1), kid)),
    )
    asked = say("where do I go?", family)
    assert msgids(asked) == [m.DOB_ASK]
    family_asked = Situation(
        awaiting=Awaiting.DATE_OF_BIRTH, patients_on_number=2, candidates=family.candidates
    )
    answered = say("06/01/2015", family_asked)
    assert msgids(answered) == [m.VISIT_DETAILS]
    assert dict(answered.replies[0].params)["location"] == "Kids wing"
    wrong = say("01/01/1999", family_asked)
    assert effect(wrong, OpenHandoff).note.queue is Queue.FRONT_DESK


def test_unknown_number_is_asked_for_a_date_of_birth():
    assert msgids(say("when is my appointment", Situation(patients_on_number=0))) == [m.DOB_ASK]


# ----------------------------------------------------------------------------- forms, video


@pytest.mark.parametrize("text", ["DONE", "ya lo llené"])
def test_form_done_ends_the_form_reminders(text):
    outcome = say(text, reminded(Awaiting.FORM_REMINDER))
    assert msgids(outcome) == [m.FORM_DONE] and effect(outcome, MarkFormDone)


@pytest.mark.parametrize("text", ["the link doesn't work", "it says incomplete"])
def test_form_trouble_goes_to_the_front_desk(text):
    outcome = say(text, reminded(Awaiting.FORM_REMINDER))
    assert effect(outcome, OpenHandoff).note.queue is Queue.FRONT_DESK


def test_telehealth_link_is_resent_from_the_visit():
    outcome = say("link?", reminded(Awaiting.TELEHEALTH_PREP, visit=VIDEO))
    assert msgids(outcome) == [m.TELEHEALTH_LINK]
    assert dict(outcome.replies[0].params)["link"] == "https://v.example/9"


def test_trouble_joining_close_to_the_visit_is_immediate_for_the_front_desk():
    outcome = say("it won't let me join", reminded(Awaiting.TELEHEALTH_PREP, visit=VIDEO))
    note = effect(outcome, OpenHandoff).note
    assert note.queue is Queue.FRONT_DESK and note.urgency is Urgency.HIGH
    assert note.due_at == NOW


def test_missed_call_reply_goes_to_scheduling():
    outcome = say("I wanted to book a checkup", Situation(awaiting=Awaiting.MISSED_CALL))
    assert effect(outcome, OpenHandoff).note.queue is Queue.SCHEDULING


def test_no_show_reply_goes_to_scheduling():
    outcome = say("sorry I forgot", Situation(awaiting=Awaiting.NO_SHOW))
    assert effect(outcome, OpenHandoff).note.queue is Queue.SCHEDULING
