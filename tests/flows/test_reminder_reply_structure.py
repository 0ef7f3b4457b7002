"""Transcripts: a reminder reply with more than one part gets every part done (EN and ES)."""

from __future__ import annotations

import pytest

from flows import messages as m
from flows.types import (
    Awaiting,
    CancelAppointment,
    ConfirmAppointment,
    MarkFormDone,
    OpenHandoff,
    Queue,
    SetAwaiting,
    Situation,
)
from tests.flows.test_reminder_flows import VISIT, effect, msgids, reminded, say


def queue(outcome):
    found = effect(outcome, OpenHandoff)
    return found.note.queue if found else None


# 1. confirm + a question or request: confirmed, and the rest reaches its person.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c. also where do i park??", Queue.FRONT_DESK),
        ("C. How long will the visit take? I need to tell my boss", Queue.FRONT_DESK),
        ("Sí confirmo, pero ¿puedo llevar a mi niño?", Queue.FRONT_DESK),
        ("Ok pero cual es la direccion exacta", Queue.FRONT_DESK),
        ("yes. btw I ran out of my inhaler can dr send a refill", Queue.REFILLS),
        ("confirmo, ¿le puedo dar tylenol a mi niño? sigue con tos", Queue.CLINICAL),
    ],
)
def test_confirm_with_a_question_confirms_and_hands_off_the_rest(text, expected):
    outcome = say(text, reminded())
    assert effect(outcome, ConfirmAppointment)
    assert queue(outcome) is expected
    assert msgids(outcome)[0] == m.APPOINTMENT_CONFIRMED  # the patient hears both
    assert len(msgids(outcome)) == 2


@pytest.mark.parametrize("text", ["C", "c, see you then", "Sí, ahí estaré", "ok gracias"])
def test_a_plain_confirm_stays_a_plain_confirm(text):
    outcome = say(text, reminded())
    assert msgids(outcome) == [m.APPOINTMENT_CONFIRMED]
    assert queue(outcome) is None


def test_a_question_about_the_visit_after_a_confirm_is_answered_from_the_record():
    outcome = say("C. where do I go?", reminded())
    assert effect(outcome, ConfirmAppointment)
    assert msgids(outcome) == [m.APPOINTMENT_CONFIRMED, m.VISIT_DETAILS]


# 2. can't come + another time wanted: a reschedule, never a cancel.
@pytest.mark.parametrize(
    "text",
    [
        "cant make it, ill call to set up another time",
        "I can't make it, how about Friday?",
        "No puedo ir ese día, ¿tienen el viernes en la tarde?",
        "no voy a poder, me pueden dar otra cita?",
    ],
)
def test_cant_come_but_another_time_is_a_reschedule(text):
    outcome = say(text, reminded())
    assert effect(outcome, CancelAppointment) is None
    assert effect(outcome, SetAwaiting).awaiting is Awaiting.RESCHEDULE_TIMES


@pytest.mark.parametrize("text", ["I can't make it", "No voy a poder ir, estoy fuera del país"])
def test_cant_come_alone_is_still_a_cancel(text):
    assert effect(say(text, reminded()), CancelAppointment)


# 3. upset + a code: the code is honoured and a person sees the upset.
@pytest.mark.parametrize(
    "text",
    [
        "I have been on hold for 30 minutes trying to reschedule this. ridiculous. R",
        "Siempre me cambian la cita a última hora. Qué falta de respeto. R",
    ],
)
def test_upset_with_a_code_reaches_a_manager_while_the_reschedule_is_honoured(text):
    outcome = say(text, reminded())
    assert m.RESCHEDULE_ASK in msgids(outcome)
    note = effect(outcome, OpenHandoff).note
    assert note.queue is Queue.MANAGER and note.is_upset


def test_upset_without_a_code_goes_to_a_manager_not_a_clarification():
    outcome = say("Why is my appt on Dec 8?? I asked for the 18th. Nobody listens", reminded())
    assert queue(outcome) is Queue.MANAGER
    assert m.REMINDER_CLARIFY not in msgids(outcome)


# 4. form done + a question: done, and the question routed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Listo. También quería preguntar si ya salieron los resultados", Queue.CLINICAL),
        ("done. also did my lab results come back?", Queue.CLINICAL),
        ("done, can I bring my insurance card on Tuesday?", None),
    ],
)
def test_form_done_with_a_question_marks_done_and_routes_it(text, expected):
    outcome = say(text, reminded(Awaiting.FORM_REMINDER))
    assert effect(outcome, MarkFormDone)
    assert msgids(outcome)[0] == m.FORM_DONE
    assert queue(outcome) is not None
    if expected is not None:
        assert queue(outcome) is expected


# 5. a disputed no-show is a complaint for a person.
@pytest.mark.parametrize(
    "text",
    [
        "I called this morning to cancel, why are you saying I missed it",
        "I WAS there, I sat in the lobby for an hour",
        "Sí estuve ahí!! Me dijeron que esperara y nunca me llamaron",
        "Yo ya había cancelado la cita",
    ],
)
def test_a_disputed_no_show_reaches_a_manager(text):
    outcome = say(text, Situation(awaiting=Awaiting.NO_SHOW, appointment_at=VISIT.starts_at))
    note = effect(outcome, OpenHandoff).note
    assert note.queue is Queue.MANAGER and note.is_upset
    assert effect(outcome, CancelAppointment) is None


# 6. clinical content after a missed-call or no-show text goes to a nurse.
@pytest.mark.parametrize(
    ("text", "awaiting"),
    [
        ("I had a question about whether I should still take the water pill", Awaiting.MISSED_CALL),
        ("¿Debo seguir tomando mi medicamento nuevo?", Awaiting.MISSED_CALL),
        ("I went to the ER on Sunday, they said to see my doctor", Awaiting.NO_SHOW),
        ("Fui a urgencias el domingo y me dijeron que viera a mi doctor", Awaiting.NO_SHOW),
    ],
)
def test_clinical_content_after_a_missed_call_or_no_show_goes_to_a_nurse(text, awaiting):
    outcome = say(text, Situation(awaiting=awaiting))
    assert queue(outcome) is Queue.CLINICAL


def test_a_no_show_reschedule_with_a_sick_child_still_goes_to_scheduling():
    outcome = say("sorry my son was sick, can we reschedule", Situation(awaiting=Awaiting.NO_SHOW))
    assert effect(outcome, SetAwaiting).awaiting is Awaiting.RESCHEDULE_TIMES


# 7. ambiguous codes get the one clarification, never a confirm.
@pytest.mark.parametrize("text", ["C?", "C and R", "R or X idk", "c o r?", "C y X"])
def test_ambiguous_codes_get_the_clarification(text):
    outcome = say(text, reminded())
    assert effect(outcome, ConfirmAppointment) is None
    assert effect(outcome, CancelAppointment) is None
    assert msgids(outcome) == [m.REMINDER_CLARIFY]
    again = say(text, reminded(Awaiting.REMINDER_CLARIFY))
    assert queue(again) is Queue.SCHEDULING


@pytest.mark.parametrize("text", ["R x favor", "R pls. mornings r better for me"])
def test_one_code_with_texting_words_is_not_ambiguous(text):
    assert msgids(say(text, reminded())) == [m.RESCHEDULE_ASK]
