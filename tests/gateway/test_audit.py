"""`flask --app gateway triage`: the offline audit gives the webhook's own answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from gateway.models import Contact, Direction, Handoff, Message

SAME_ANSWER_CASES = [
    # (text, context, stored language)
    ("my husband's face is drooping and he can't talk right", None, None),
    ("ya no quiero vivir, no aguanto más", None, "es"),
    ("I need a refill on my lisinopril, CVS on main st", None, None),
    ("take me off your list", None, None),
    ("STOP TEXTING ME I've asked 3 times this is harassment", "appointment_reminder", None),
    ("whats the link again?", "telehealth_prep", None),
    ("C", "appointment_reminder", "es"),
    ("necesito cambiar mi cita del jueves", None, "es"),
    ("thx", None, None),
    ("Tôi bị đau ngực và khó thở", None, "vi"),
]


@pytest.mark.parametrize(("text", "context", "lang"), SAME_ANSWER_CASES)
def test_webhook_and_audit_give_the_same_answer(
    text,
    context,
    lang,
    send_sms,
    runner,
    session,
    clinic,
    create_patient,
    create_appointment,
    awaiting_reply,
):
    phone = "+12025550177"
    patient = create_patient(phone=phone, locale=lang)
    visit = create_appointment(patient)
    contact = session.exec(select(Contact).where(Contact.phone == phone)).one()
    if context:
        awaiting_reply(contact, context, visit)

    send_sms(text, from_=phone)

    session.expire_all()
    inbound = session.exec(select(Message).where(Message.direction == Direction.INBOUND)).one()
    replies = session.exec(
        select(Message)
        .where(Message.direction == Direction.OUTBOUND, Message.to_number == phone)
        .order_by(Message.id)
    ).all()
    handoff = session.exec(select(Handoff)).first()
    item = {
        "id": "m1",
        "text": text,
        "context": context,
        "lang": lang,
        "appointment_at": visit.starts_at.isoformat(),
    }
    result = runner.invoke(
        args=["triage", "--now", inbound.processed_at.isoformat()],
        input=json.dumps(item) + "\n",
    )
    assert result.exit_code == 0, result.output
    audited = json.loads(result.output.strip().splitlines()[-1])

    assert audited["intent"] == inbound.triage["intent"]
    assert audited["emergency"] == inbound.triage["emergency"]
    assert audited["upset"] == inbound.triage["upset"]
    assert audited["lang"] == inbound.triage["lang"]
    assert audited["handoff"] == (handoff.queue if handoff else "none")
    assert audited["reply"] == ("\n\n".join(r.body for r in replies) or None)


def test_audit_writes_one_line_per_message_and_reports_bad_lines(runner):
    lines = "\n".join(
        [
            json.dumps({"id": "a", "text": "I need a refill"}),
            "this is not json",
            json.dumps({"id": "b", "text": 42}),
            "",
            json.dumps({"id": "c", "text": "chst pain cant breath", "channel": "sms"}),
        ]
    )
    result = runner.invoke(args=["triage"], input=lines + "\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.strip().splitlines()]
    assert [row.get("id") for row in rows] == ["a", None, "b", "c"]
    assert rows[0]["handoff"] == "refills" and "refill team" in rows[0]["reply"]
    assert "error" in rows[1] and "error" in rows[2]
    assert rows[3]["emergency"] == "medical" and "911" in rows[3]["reply"]
    assert set(rows[0]) == {"id", "intent", "handoff", "emergency", "upset", "lang", "reply"}


def test_audit_writes_nothing_to_the_database(runner, session):
    runner.invoke(args=["triage"], input=json.dumps({"id": "a", "text": "stop texting me"}) + "\n")
    assert session.exec(select(Message)).all() == []
    assert session.exec(select(Contact)).all() == []


def test_eval_prints_every_figure_the_clinic_needs(runner, tmp_path: Path):
    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {
            "id": "1",
            "text": "my chest hurts really bad",
            "channel": "sms",
            "context": None,
            "lang": "en",
            "intent": "clinical",
            "emergency": "medical",
            "upset": False,
            "handoff": "emergency",
        },
        {
            "id": "2",
            "text": "C",
            "channel": "sms",
            "context": "appointment_reminder",
            "lang": "en",
            "intent": "confirm",
            "emergency": None,
            "upset": False,
            "handoff": "none",
        },
        {
            "id": "3",
            "text": "stop texting me",
            "channel": "sms",
            "context": None,
            "lang": "en",
            "intent": "opt_out",
            "emergency": None,
            "upset": False,
            "handoff": "none",
        },
    ]
    labelled.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    result = runner.invoke(args=["triage", "--eval", str(labelled)])
    assert result.exit_code == 0, result.output
    for figure in (
        "macro-F1",
        "handoff accuracy",
        "emergency any",
        "opt-out recall",
        "false opt-outs on confirmations",
        "language accuracy",
        "automation rate",
        "p99",
    ):
        assert figure in result.output
    assert "recall  100.0%" in result.output
