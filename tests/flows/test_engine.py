"""The engine's intercept order and what it finishes alone, as pure transcripts."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from flows import messages as m
from flows.engine import handle
from flows.types import (
    AppendToHandoff,
    Awaiting,
    CancelAppointment,
    Channel,
    ClinicInfo,
    ConfirmAppointment,
    Emergency,
    Inbound,
    MarkFormDone,
    OpenHandoff,
    OpeningHours,
    OptIn,
    OptOut,
    PageOnCall,
    Queue,
    ReplyKind,
    SetLanguage,
    Situation,
)

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday 10:00 in New York
VISIT = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)
CLINIC = ClinicInfo(
    name="Riverside Clinic",
    phone="(202) 555-0100",
    hours=tuple(OpeningHours(day, time(8), time(17)) for day in range(5)),
    portal_url="https://portal.example.org",
    forms_url="https://forms.example.org",
    telehealth_url="https://video.example.org",
)
FRESH = Situation()
REMINDED = Situation(awaiting=Awaiting.APPOINTMENT_REMINDER, appointment_at=VISIT)


def run(text: str, situation: Situation = FRESH, channel: Channel = Channel.SMS):
    return handle(Inbound(text, channel), situation, CLINIC, NOW)


def kinds(outcome) -> list[type]:
    return [type(effect) for effect in outcome.effects]


def handoff_queue(outcome) -> Queue | None:
    found = [e.note.queue for e in outcome.effects if isinstance(e, OpenHandoff)]
    return found[0] if found else None


def test_emergency_buried_in_a_confirmation_confirms_and_escalates():
    outcome = run("C. also my chest is squeezing", REMINDED)
    assert outcome.decided_by == "emergency"
    assert [r.msgid for r in outcome.replies] == [m.EMERGENCY_MEDICAL]
    assert outcome.replies[0].kind is ReplyKind.EMERGENCY
    assert handoff_queue(outcome) is Queue.EMERGENCY
    assert PageOnCall(Emergency.MEDICAL) in outcome.effects
    assert ConfirmAppointment in kinds(outcome)


def test_emergency_screen_runs_while_staff_own_the_conversation():
    owned = Situation(is_human_owned=True)
    assert run("my daughter took a bunch of my pills", owned).decided_by == "emergency"
    assert run("ok thanks", owned).replies == ()
    assert AppendToHandoff in kinds(run("ok thanks", owned))


def test_emergency_wording_follows_the_patients_language():
    outcome = run("mi esposo tiene dolor de pecho muy fuerte y no puede respirar")
    assert outcome.replies[0].lang == "es"


def test_mental_health_gets_988_wording():
    outcome = run("I don't want to be here anymore")
    assert [r.msgid for r in outcome.replies] == [m.EMERGENCY_MENTAL_HEALTH]


def test_plain_language_opt_out_confirms_once():
    outcome = run("please stop texting me")
    assert OptOut in kinds(outcome)
    assert [r.msgid for r in outcome.replies] == [m.OPT_OUT_CONFIRMED]
    again = run("please stop texting me", Situation(is_opted_out=True))
    assert again.replies == () and OptOut in kinds(again)


def test_angry_opt_out_is_an_opt_out_and_a_manager_handoff():
    outcome = run("STOP TEXTING ME. I've asked 3 times, this is harassment")
    assert OptOut in kinds(outcome)
    assert handoff_queue(outcome) is Queue.MANAGER


def test_carrier_keywords_get_no_second_confirmation_when_the_carrier_answers():
    outcome = run("STOP", Situation(carrier_answers_keywords=True))
    assert OptOut in kinds(outcome) and outcome.replies == ()
    plain = run("take me off your list", Situation(carrier_answers_keywords=True))
    assert [r.msgid for r in plain.replies] == [m.OPT_OUT_CONFIRMED]


def test_yes_opts_back_in_only_when_opted_out():
    assert OptIn in kinds(run("YES", Situation(is_opted_out=True)))
    confirmed = run("Yes", REMINDED)
    assert OptIn not in kinds(confirmed) and ConfirmAppointment in kinds(confirmed)


def test_nothing_automated_after_an_opt_out_but_a_person_still_sees_it():
    outcome = run("I need a refill of my metformin", Situation(is_opted_out=True))
    assert outcome.replies == ()
    assert handoff_queue(outcome) is Queue.REFILLS


def test_confirm_and_cancel_after_a_reminder_are_finished_by_the_bot():
    confirm = run("C", REMINDED)
    assert ConfirmAppointment in kinds(confirm)
    assert confirm.replies[0].msgid == m.APPOINTMENT_CONFIRMED
    assert dict(confirm.replies[0].params)["when"] == VISIT
    cancel = run("X", REMINDED)
    assert CancelAppointment in kinds(cancel) and handoff_queue(cancel) is None


def test_reschedule_goes_to_scheduling_with_a_due_time_in_business_hours():
    # reminders: "R" first asks which days and times suit them (flows/reminders/confirmation).
    asked = run("R", REMINDED)
    assert [r.msgid for r in asked.replies] == [m.RESCHEDULE_ASK]
    outcome = run("mornings next week", Situation(awaiting=Awaiting.RESCHEDULE_TIMES))
    assert handoff_queue(outcome) is Queue.SCHEDULING
    [reply] = outcome.replies
    assert reply.msgid == m.ACK_SCHEDULING
    due = dict(reply.params)["due"]
    assert due > NOW and due.astimezone(UTC).hour < 22  # inside New York business hours


def test_clinical_reply_names_a_nurse_and_what_to_do_if_it_gets_worse():
    outcome = run("I've had a fever of 101 for three days and a bad cough")
    assert handoff_queue(outcome) is Queue.CLINICAL
    assert outcome.replies[0].msgid == m.ACK_CLINICAL
    note = next(e.note for e in outcome.effects if isinstance(e, OpenHandoff))
    assert note.bot_said == (m.ACK_CLINICAL,)
    assert note.reason and note.summary


def test_form_done_after_a_form_reminder():
    outcome = run("ya lo llené", Situation(awaiting=Awaiting.FORM_REMINDER))
    assert MarkFormDone in kinds(outcome)
    assert outcome.replies[0].msgid == m.FORM_DONE


@pytest.mark.parametrize(
    ("text", "situation", "msgid"),
    [
        ("what's the link again?", Situation(awaiting=Awaiting.TELEHEALTH_PREP), m.TELEHEALTH_LINK),
        ("where do I fill out the intake form", Situation(), m.FORMS_LINK),
    ],
)
def test_links_are_resent(text, situation, msgid):
    outcome = run(text, situation)
    assert [r.msgid for r in outcome.replies] == [msgid]
    assert handoff_queue(outcome) is None


def test_a_link_the_clinic_never_configured_goes_to_the_front_desk():
    bare = ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100")
    outcome = handle(
        Inbound("whats the link again?"), Situation(awaiting=Awaiting.TELEHEALTH_PREP), bare, NOW
    )
    assert handoff_queue(outcome) is Queue.FRONT_DESK


def test_language_switch_answers_in_the_new_language():
    outcome = run("en español por favor", REMINDED)
    assert SetLanguage("es") in outcome.effects
    assert outcome.replies[0].lang == "es"
    english = run("english please, I don't read spanish")
    assert SetLanguage("en") in english.effects


def test_partly_supported_language_goes_to_a_person_with_the_language_marked():
    outcome = run("Tôi muốn đổi lịch hẹn sang tuần sau được không?")
    assert outcome.replies[0].msgid == m.ACK_STAFF
    assert outcome.replies[0].lang == "vi"
    note = next(e.note for e in outcome.effects if isinstance(e, OpenHandoff))
    assert note.lang == "vi"


def test_thanks_gets_no_reply_and_no_handoff():
    outcome = run("ok thanks!")
    assert outcome.replies == () and handoff_queue(outcome) is None


def test_voicemail_without_transcript_still_reaches_the_front_desk():
    outcome = run("", channel=Channel.VOICEMAIL)
    assert handoff_queue(outcome) is Queue.FRONT_DESK
    assert outcome.replies[0].msgid == m.ACK_VOICEMAIL


def test_voicemail_transcript_is_triaged_like_a_text():
    outcome = run(
        "Hi this is about my mom, she fell an hour ago and hit her head and now she's confused "
        "and throwing up, please call me back",
        channel=Channel.VOICEMAIL,
    )
    assert handoff_queue(outcome) is Queue.EMERGENCY


def test_bare_cancel_after_a_reminder_opts_out_and_a_scheduler_calls_about_the_visit():
    outcome = run("CANCEL", REMINDED)
    assert OptOut in kinds(outcome)
    assert CancelAppointment not in kinds(outcome)  # ambiguous: a person confirms by phone
    assert handoff_queue(outcome) is Queue.SCHEDULING
    assert handoff_queue(run("CANCEL")) is None  # no reminder: a plain opt-out


@pytest.mark.parametrize(
    "text",
    [
        "can you cancel my mom's appointment on friday",
        "quiero cancelar la cita de mi esposo",
        "porfa cancelen la cita de mi niño del viernes",
        "cancel her appt please",
    ],
)
def test_cancel_for_someone_else_is_never_a_guess(text):
    on_file = Situation(appointment_at=VISIT)  # the texter's own visit, no reminder
    outcome = run(text, on_file)
    assert CancelAppointment not in kinds(outcome)
    assert handoff_queue(outcome) is Queue.SCHEDULING


def test_cancel_of_the_only_visit_on_file_is_done_and_states_the_date():
    outcome = run(
        "hi can you cancel my appointment? something came up", Situation(appointment_at=VISIT)
    )
    assert CancelAppointment in kinds(outcome)
    assert dict(outcome.replies[0].params)["when"] == VISIT


def test_cancel_with_no_visit_on_file_goes_to_a_scheduler():
    assert handoff_queue(run("please cancel my appointment")) is Queue.SCHEDULING


def test_partly_supported_language_confirms_in_that_language():
    outcome = run("Dạ, tôi sẽ đến đúng giờ. Cảm ơn.", REMINDED)
    assert ConfirmAppointment in kinds(outcome) and handoff_queue(outcome) is None
    assert outcome.replies[0].msgid == m.APPOINTMENT_CONFIRMED
    assert outcome.replies[0].lang == "vi"
    assert outcome.replies[0].msgid in m.FINISHED_IN_EVERY_LANGUAGE


@pytest.mark.parametrize(
    "text",
    ["C. also can you refill my albuterol? cvs on main", "yes! and what will I owe for the visit?"],
)
def test_a_confirm_code_with_another_request_still_confirms_the_visit(text):
    outcome = run(text, REMINDED)
    assert ConfirmAppointment in kinds(outcome)
    assert handoff_queue(outcome) is not None  # the request still reaches a person


def test_a_leading_c_word_is_not_a_confirm_code():
    outcome = run("can you refill my albuterol? cvs on main", REMINDED)
    assert ConfirmAppointment not in kinds(outcome)
