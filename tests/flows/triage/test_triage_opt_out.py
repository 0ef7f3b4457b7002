"""Consent: carrier keywords and plain-language revocations opt out; confirmations never do."""

from __future__ import annotations

import pytest

from flows.triage import triage
from flows.types import Awaiting, Intent, Queue

REMINDER = Awaiting.APPOINTMENT_REMINDER

OPT_OUTS = [
    "STOP",
    "Stop.",
    "stop!!",
    "UNSUBSCRIBE",
    "Cancel",
    "END",
    "QUIT",
    "optout",
    "please stop texting me",
    "stop sending me messages",
    "take me off your text list",
    "remove me from this list please",
    "I don't want to get these texts anymore",
    "no more texts please",
    "unsubscribe me",
    "don't text me anymore",
    "please turn off the text reminders",
    "no más mensajes",
    "ya no me manden textos",
    "dejen de mandarme mensajes por favor",
    "no quiero recibir mensajes de ustedes",
    "quítenme de la lista",
    "BAJA",
    "no me manden más mensajes",
    "đừng nhắn tin cho tôi nữa",
    "不要再给我发短信了",
    "문자 그만 보내세요",
    "لا ترسلوا لي رسائل",
    "перестаньте присылать мне сообщения",
    "huwag na po kayong mag-text",
    "sispann voye mesaj ban mwen",
    "parem de enviar mensagens",
    # Found by a blind round of reminder replies.
    "Wrong number. I'm not a patient there, please remove this number",
    "Please stop with the automated texts. Just call me.",
    "favor de no mandarme mas textos, gracias",
    "أرجو عدم إرسال رسائل لي مرة أخرى",
]

NEVER_OPT_OUT = [
    ("C", REMINDER),
    ("Yes", REMINDER),
    ("Confirm", REMINDER),
    ("si", REMINDER),
    ("confirmed, see you then", REMINDER),
    ("X", REMINDER),
    ("cancel my appointment please", REMINDER),
    ("no puedo ir, cancelen mi cita", REMINDER),
    ("please don't cancel my appointment, I'll be there", REMINDER),
    ("I'll stop by tomorrow to pick up the form", None),
    ("can I stop taking the antibiotic?", None),
    ("the bleeding stopped", None),
    ("should I stop the blood thinner before surgery?", None),
    ("end of the month works for me", None),
    ("ok thanks", None),
    ("no", REMINDER),
    # A number swapped on a record is not a revocation.
    ("please remove this number from my file and add my new one", None),
    ("remove this number and use my new one 2025550188", None),
    ("done with the forms", None),
]

OPT_INS = [
    "START",
    "unstop",
    "please start sending me reminders again",
    "turn my text reminders back on",
    "quiero volver a recibir los mensajes",
    "vuelvan a mandarme los recordatorios",
]


@pytest.mark.parametrize("text", OPT_OUTS)
def test_revocation_opts_out(text: str) -> None:
    result = triage(text, awaiting=REMINDER)
    assert result.is_opt_out, result.evidence
    assert not result.is_opt_in
    assert result.intent is Intent.OPT_OUT


@pytest.mark.parametrize(("text", "awaiting"), NEVER_OPT_OUT)
def test_never_opts_out(text: str, awaiting: Awaiting | None) -> None:
    result = triage(text, awaiting=awaiting)
    assert not result.is_opt_out, result.evidence
    assert result.intent is not Intent.OPT_OUT


@pytest.mark.parametrize("text", OPT_INS)
def test_opt_in(text: str) -> None:
    result = triage(text)
    assert result.is_opt_in, result.evidence
    assert not result.is_opt_out
    assert result.intent is Intent.OPT_IN


def test_bare_yes_is_not_opt_in() -> None:
    assert not triage("YES").is_opt_in


def test_angry_opt_out_also_reaches_a_manager() -> None:
    result = triage("STOP TEXTING ME. I've told you 3 times, this is harassment")
    assert result.is_opt_out
    assert result.is_upset
    assert result.queue is Queue.MANAGER
