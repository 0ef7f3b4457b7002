"""Intent and queue for everyday messages, in English and Spanish, with and without context."""

from __future__ import annotations

import pytest

from flows.triage import triage
from flows.types import Awaiting, Intent, Queue, Urgency

APPT = Awaiting.APPOINTMENT_REMINDER
FORM = Awaiting.FORM_REMINDER
VIDEO = Awaiting.TELEHEALTH_PREP

CASES = [
    # (text, awaiting, intent, queue)
    ("C", APPT, Intent.CONFIRM, Queue.NONE),
    ("yes we'll be there", APPT, Intent.CONFIRM, Queue.NONE),
    ("👍", APPT, Intent.CONFIRM, Queue.NONE),
    ("si ahí estaré", APPT, Intent.CONFIRM, Queue.NONE),
    ("confirmado, gracias", APPT, Intent.CONFIRM, Queue.NONE),
    ("X", APPT, Intent.CANCEL, Queue.NONE),
    ("X no voy a poder ir", APPT, Intent.CANCEL, Queue.NONE),
    ("R", APPT, Intent.RESCHEDULE, Queue.SCHEDULING),
    ("R - mornings are better for me", APPT, Intent.RESCHEDULE, Queue.SCHEDULING),
    ("C, btw the new water pill makes me dizzy", APPT, Intent.CONFIRM, Queue.CLINICAL),
    ("please cancel my visit on friday, we're moving", None, Intent.CANCEL, Queue.NONE),
    ("cancéleme la cita del martes porfa", None, Intent.CANCEL, Queue.NONE),
    ("can I move my appointment to next tuesday?", None, Intent.RESCHEDULE, Queue.SCHEDULING),
    ("se puede cambiar mi cita para el lunes?", None, Intent.RESCHEDULE, Queue.SCHEDULING),
    ("I'd like to book a physical for my son", None, Intent.SCHEDULE, Queue.SCHEDULING),
    ("quiero hacer una cita para mi esposa", None, Intent.SCHEDULE, Queue.SCHEDULING),
    (
        "can you send a refill of my lisinopril to the cvs on oak st",
        None,
        Intent.REFILL,
        Queue.REFILLS,
    ),
    ("ocupo que me renueven la receta de la metformina", None, Intent.REFILL, Queue.REFILLS),
    ("are my blood test results back yet?", None, Intent.TEST_RESULTS, Queue.CLINICAL),
    ("ya salieron los resultados de mi hija?", None, Intent.TEST_RESULTS, Queue.CLINICAL),
    (
        "my throat is sore and I have a fever of 101, should I come in?",
        None,
        Intent.CLINICAL,
        Queue.CLINICAL,
    ),
    ("me duele el oído desde ayer, qué me recomiendan?", None, Intent.CLINICAL, Queue.CLINICAL),
    ("the new pills give me a rash, is that normal?", None, Intent.CLINICAL, Queue.CLINICAL),
    ("can you send a referral to the orthopedist?", None, Intent.REFERRAL, Queue.SCHEDULING),
    ("do you accept Aetna?", None, Intent.INSURANCE, Queue.BILLING),
    ("aceptan el seguro de Molina?", None, Intent.INSURANCE, Queue.BILLING),
    ("why was I charged $90 for a phone call?", None, Intent.BILLING, Queue.BILLING),
    ("me llegó una factura que no entiendo", None, Intent.BILLING, Queue.BILLING),
    ("I need a copy of my medical records for my new doctor", None, Intent.RECORDS, Queue.RECORDS),
    ("necesito copia de mi expediente", None, Intent.RECORDS, Queue.RECORDS),
    ("DONE", FORM, Intent.FORMS, Queue.NONE),
    ("listo ya lo llené", FORM, Intent.FORMS, Queue.NONE),
    ("where is the link for the form?", FORM, Intent.FORMS, Queue.NONE),
    ("the form keeps giving me an error when I hit submit", FORM, Intent.FORMS, Queue.FRONT_DESK),
    ("how do I reset my portal password?", None, Intent.PORTAL, Queue.NONE),
    ("my portal account is locked", None, Intent.PORTAL, Queue.FRONT_DESK),
    ("what's the video link again?", VIDEO, Intent.TELEHEALTH, Queue.NONE),
    (
        "the camera won't work on my phone for the video visit",
        VIDEO,
        Intent.TELEHEALTH,
        Queue.FRONT_DESK,
    ),
    ("I want to speak to a manager about how I was treated", None, Intent.COMPLAINT, Queue.MANAGER),
    ("quiero poner una queja de la recepcionista", None, Intent.COMPLAINT, Queue.MANAGER),
    ("HELP", None, Intent.HELP, Queue.NONE),
    ("who is this?", None, Intent.HELP, Queue.NONE),
    ("can you text me in spanish from now on?", None, Intent.LANGUAGE, Queue.NONE),
    ("mándenme los mensajes en español por favor", None, Intent.LANGUAGE, Queue.NONE),
    ("thank you!!", None, Intent.THANKS, Queue.NONE),
    ("ok 👍", None, Intent.THANKS, Queue.NONE),
    ("muchas gracias", None, Intent.THANKS, Queue.NONE),
    ("wrong number, no Maria here", None, Intent.WRONG_NUMBER, Queue.FRONT_DESK),
    ("número equivocado", None, Intent.WRONG_NUMBER, Queue.FRONT_DESK),
    ("do you have wheelchair access at the side entrance?", None, Intent.OTHER, Queue.FRONT_DESK),
    ("a qué hora cierran el sábado?", None, Intent.OTHER, Queue.FRONT_DESK),
    ("can I set up a payment plan for my balance?", None, Intent.BILLING, Queue.BILLING),
    ("what did my ultrasound show?", None, Intent.TEST_RESULTS, Queue.CLINICAL),
    ("I have a question about my new medication", None, Intent.CLINICAL, Queue.CLINICAL),
    ("how soon can I eat after taking my thyroid pill?", None, Intent.CLINICAL, Queue.CLINICAL),
    (
        "estoy en la sala de espera virtual y nadie se conecta",
        VIDEO,
        Intent.TELEHEALTH,
        Queue.FRONT_DESK,
    ),
    ("预约改到下周二可以吗？", None, Intent.RESCHEDULE, Queue.SCHEDULING),
    ("내일 예약 취소하고 싶어요", None, Intent.CANCEL, Queue.NONE),
    ("Preciso remarcar a consulta", None, Intent.RESCHEDULE, Queue.SCHEDULING),
    # Symptom inside another request goes to the clinical queue (rule 2)
    (
        "need to reschedule, I've had diarrhea since yesterday",
        None,
        Intent.RESCHEDULE,
        Queue.CLINICAL,
    ),
    (
        "can I get a same day appointment? my kid has pink eye",
        None,
        Intent.SCHEDULE,
        Queue.CLINICAL,
    ),
    ("refill my inhaler please, been coughing a lot at night", None, Intent.REFILL, Queue.CLINICAL),
    # Denied or past symptoms do not
    (
        "no fever or anything, just need to book my annual physical",
        None,
        Intent.SCHEDULE,
        Queue.SCHEDULING,
    ),
    ("no tengo dolor ni nada, solo ocupo mi receta", None, Intent.REFILL, Queue.REFILLS),
    (
        "had a heart attack in 2018, doing great now. need my statin refilled",
        None,
        Intent.REFILL,
        Queue.REFILLS,
    ),
    # Upset tone goes to a manager even with another request (rule 3)
    (
        "this is the third time I've asked for my records. unacceptable",
        None,
        Intent.RECORDS,
        Queue.MANAGER,
    ),
    ("ya es la tercera vez que me cambian la cita!!", None, Intent.RESCHEDULE, Queue.MANAGER),
    # Idioms are not symptoms
    ("I'm dying to know if my insurance covers this", None, Intent.INSURANCE, Queue.BILLING),
]


@pytest.mark.parametrize(("text", "awaiting", "intent", "queue"), CASES)
def test_intent_and_queue(
    text: str, awaiting: Awaiting | None, intent: Intent, queue: Queue
) -> None:
    result = triage(text, awaiting=awaiting)
    assert (result.intent, result.queue) == (intent, queue), result.evidence


def test_urgency_follows_queue() -> None:
    assert triage("my knee is swollen and hurts to walk").urgency is Urgency.HIGH
    assert triage("I want to talk to a manager").urgency is Urgency.HIGH
    assert triage("can you send my refill to walgreens").urgency is Urgency.NORMAL


def test_summary_is_short_and_has_no_patient_words() -> None:
    text = "Hi this is Jonathan Applebaum 555 010 2222, refill my atorvastatin please"
    result = triage(text)
    assert len(result.summary) <= 100
    for word in ("Jonathan", "Applebaum", "555", "atorvastatin"):
        assert word not in result.summary
    assert result.summary.startswith("Refill request")


def test_evidence_names_the_rule() -> None:
    result = triage("can you send my refill to walgreens")
    assert any(e.startswith("intent:refill:") for e in result.evidence)
    assert any(e.startswith("queue rule 4") for e in result.evidence)


@pytest.mark.parametrize("text", ["ok 👍", "C"])
def test_context_decides_short_replies(text: str) -> None:
    assert triage(text, awaiting=APPT).intent is Intent.CONFIRM
