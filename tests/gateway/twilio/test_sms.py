"""The SMS webhook as transcripts: a signed text in, a reply and an effect out."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa
from sqlmodel import select

from gateway.models import (
    AppointmentStatus,
    AuditEvent,
    Contact,
    Direction,
    Handoff,
    HandoffStatus,
    Message,
    MessageKind,
    MessageStatus,
)
from gateway.scheduler import tick
from tests.conftest import CLINIC_NUMBER, ON_CALL_NUMBER, PATIENT_NUMBER


def inbound(session):
    return session.exec(
        select(Message).where(Message.direction == Direction.INBOUND).order_by(Message.id)
    ).all()


def texts_to(session, number=PATIENT_NUMBER):
    session.expire_all()
    return session.exec(
        select(Message)
        .where(Message.direction == Direction.OUTBOUND, Message.to_number == number)
        .order_by(Message.id)
    ).all()


def handoffs(session):
    session.expire_all()
    return session.exec(select(Handoff).order_by(Handoff.id)).all()


def contact(session, number=PATIENT_NUMBER):
    session.expire_all()
    return session.exec(select(Contact).where(Contact.phone == number)).one()


def assert_twiml(response):
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    assert response.get_data(as_text=True).startswith("<?xml")
    assert "<Response" in response.get_data(as_text=True)


# ----------------------------------------------------------------------------- idempotency


def test_retried_text_is_stored_once_processed_once_and_answered_once(
    send_sms, session, app, fake_twilio
):
    for _ in range(3):
        assert_twiml(send_sms("I need a refill on my lisinopril", sid="SMretry0000000000000001"))

    assert [m.twilio_sid for m in inbound(session)] == ["SMretry0000000000000001"]
    replies = texts_to(session)
    assert len(replies) == 1
    assert "refill team" in replies[0].body
    assert len(handoffs(session)) == 1
    tick(app, now=replies[0].created_at)
    assert [sent["To"] for sent in fake_twilio.messages] == [PATIENT_NUMBER]


def test_reply_is_sent_with_the_real_client_by_the_worker_never_by_the_request(
    send_sms, session, fake_twilio, run_worker
):
    response = send_sms("what's your fax number for records? need my chart sent", process=False)
    response.close()  # WSGI servers close the response: no send rides on it any more
    assert fake_twilio.messages == []
    assert texts_to(session) == []  # stored only: no flows ran in the request

    assert run_worker() == 1
    [sent] = fake_twilio.messages
    assert sent["To"] == PATIENT_NUMBER
    assert "records team" in sent["Body"]
    assert "/twilio/status?outbox_id=" in sent["StatusCallback"]
    [reply] = texts_to(session)
    assert reply.twilio_sid == sent["sid"]


# ----------------------------------------------------------------------------- emergencies


def test_emergency_text_gets_911_guidance_top_of_queue_and_pages_on_call(send_sms, session):
    assert_twiml(send_sms("my husband's face is drooping and he can't talk right"))

    [reply] = texts_to(session)
    assert "911" in reply.body
    assert reply.kind == MessageKind.EMERGENCY
    [handoff] = handoffs(session)
    assert handoff.queue == "emergency"
    assert handoff.priority == 0 and handoff.is_emergency
    [page] = texts_to(session, ON_CALL_NUMBER)
    assert page.kind == MessageKind.PAGE
    assert PATIENT_NUMBER not in page.body and PATIENT_NUMBER[-4:] in page.body
    assert "drooping" not in page.body


def test_mental_health_crisis_gets_988(send_sms, session):
    send_sms("i dont want to be here anymore. i have my pills saved up")
    [reply] = texts_to(session)
    assert "988" in reply.body and "911" in reply.body


def test_emergency_is_answered_even_while_staff_own_the_conversation(send_sms, session):
    send_sms("I have a question about my bill")
    assert len(texts_to(session)) == 1
    send_sms("also my chest is squeezing and my left arm is numb")

    replies = texts_to(session)
    assert len(replies) == 2 and "911" in replies[1].body
    [handoff] = handoffs(session)
    assert handoff.queue == "emergency" and handoff.priority == 0  # escalated, not duplicated


def test_emergency_reaches_an_opted_out_patient(send_sms, session):
    send_sms("stop texting me")
    send_sms("my son took a whole bottle of tylenol")
    replies = texts_to(session)
    assert "911" in replies[-1].body and replies[-1].kind == MessageKind.EMERGENCY


# ----------------------------------------------------------------------------- opt-out


@pytest.mark.parametrize(
    "words", ["stop texting me", "take me off your list", "no más mensajes", "STOP"]
)
def test_opt_out_is_honoured_with_one_confirmation_and_no_later_automated_text(
    send_sms, session, words
):
    send_sms(words)
    patient = contact(session)
    assert patient.is_opted_out
    [first] = inbound(session)
    assert patient.opt_out_message_id == first.id and patient.opt_out_keyword
    [confirmation] = texts_to(session)
    assert confirmation.kind == MessageKind.COMPLIANCE

    send_sms("stop texting me!!")  # a second revocation: no second confirmation
    send_sms("I have a question about my bill")  # anything else: nothing automated
    assert len(texts_to(session)) == 1
    [handoff] = handoffs(session)
    assert handoff.queue == "billing"  # a person still sees the request


@pytest.mark.parametrize("settings_overrides", [{"twilio_handles_keywords": True}])
def test_carrier_answers_stop_so_we_record_it_without_a_second_text(send_sms, session):
    send_sms("STOP")
    assert contact(session).is_opted_out
    assert texts_to(session) == []
    send_sms("please stop sending me these texts")  # plain language: only we understand it
    assert texts_to(session) == []  # already opted out: still no confirmation


def test_start_and_yes_opt_back_in(send_sms, session):
    send_sms("STOP")
    send_sms("YES")
    patient = contact(session)
    assert not patient.is_opted_out and patient.opted_in_at is not None
    assert [m.kind for m in texts_to(session)] == [MessageKind.COMPLIANCE] * 2


def test_help_answers_with_clinic_name_phone_and_how_to_opt_out(send_sms, session):
    send_sms("HELP")
    [reply] = texts_to(session)
    assert "Riverside Clinic" in reply.body and "(202) 555-0100" in reply.body
    assert "STOP" in reply.body


def test_confirm_after_reminder_is_not_an_opt_out(
    send_sms, session, create_patient, create_appointment, awaiting_reply
):
    patient = create_patient()
    visit = create_appointment(patient)
    awaiting_reply(contact(session), "appointment_reminder", visit)

    send_sms("Yes")
    session.refresh(visit)
    assert visit.status == AppointmentStatus.CONFIRMED
    assert not contact(session).is_opted_out
    [reply] = texts_to(session)
    assert "confirmed" in reply.body


def test_x_after_reminder_cancels_the_visit_in_spanish(
    send_sms, session, create_patient, create_appointment, awaiting_reply
):
    patient = create_patient(locale="es")
    visit = create_appointment(patient)
    awaiting_reply(contact(session), "appointment_reminder", visit)

    send_sms("X")
    session.refresh(visit)
    assert visit.status == AppointmentStatus.CANCELLED
    [reply] = texts_to(session)
    assert reply.lang == "es"
    assert not handoffs(session)


# ----------------------------------------------------------------------------- stepping back


def test_bot_is_silent_while_a_person_owns_the_conversation(send_sms, session):
    send_sms("I've been waiting 3 weeks for my referral, this is ridiculous")
    [handoff] = handoffs(session)
    assert len(texts_to(session)) == 1

    send_sms("hello??")
    send_sms("what's the portal link")
    assert len(texts_to(session)) == 1  # nothing automated
    session.expire_all()
    attached = session.exec(select(Message).where(Message.handoff_id == handoff.id)).all()
    assert len([m for m in attached if m.direction == Direction.INBOUND]) == 3

    handoff.status = HandoffStatus.RESOLVED
    session.add(handoff)
    session.commit()
    send_sms("what's the portal link")
    assert "portal" in texts_to(session)[-1].body  # the bot is back


# ----------------------------------------------------------------------------- bad input


def test_forged_signature_is_refused_and_changes_nothing(twilio_post, session):
    form = {
        "MessageSid": "SMforged00000000000001",
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "Body": "hi",
    }
    assert twilio_post("/twilio/sms", form, signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    assert twilio_post("/twilio/sms", form, signature="").status_code == 403
    assert inbound(session) == []


def test_signature_for_another_url_is_refused(client, session):
    from tests.conftest import sign

    form = {"MessageSid": "SMother0000000000000001", "From": PATIENT_NUMBER, "Body": "hi"}
    signature = sign("https://evil.example/twilio/sms", form)
    response = client.post("/twilio/sms", data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403
    assert inbound(session) == []


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({"From": PATIENT_NUMBER, "Body": "hi"}, 400),  # no MessageSid
        ({"MessageSid": "SMnofrom000000000000001", "Body": "hi"}, 400),  # no From
        ({"MessageSid": "not-a-sid", "From": PATIENT_NUMBER, "Body": "hi"}, 400),
    ],
)
def test_malformed_forms_get_a_clear_4xx(twilio_post, session, form, status):
    response = twilio_post("/twilio/sms", {"To": CLINIC_NUMBER, **form})
    assert response.status_code == status
    assert inbound(session) == []


def test_missing_body_is_stored_and_reaches_a_person(send_sms, twilio_post, session):
    form = {"MessageSid": "SMnobody000000000000001", "From": PATIENT_NUMBER, "To": CLINIC_NUMBER}
    assert_twiml(twilio_post("/twilio/sms", form))
    [message] = inbound(session)
    assert message.body == "" and message.status == MessageStatus.PROCESSED
    assert handoffs(session)[0].queue == "front_desk"


def test_alphanumeric_sender_is_stored_but_never_texted(send_sms, session):
    assert_twiml(send_sms("I need to reschedule", from_="CLINICFYI"))
    [message] = inbound(session)
    assert message.from_number == "CLINICFYI"
    session.expire_all()
    assert session.exec(select(Message).where(Message.direction == Direction.OUTBOUND)).all() == []
    assert handoffs(session)[0].queue == "scheduling"


def test_unknown_to_number_still_reaches_the_clinic(send_sms, session):
    assert_twiml(send_sms("need to reschedule my appt", To="+12025550999"))
    assert len(inbound(session)) == 1 and len(handoffs(session)) == 1


def test_a_one_megabyte_body_is_refused_cleanly(twilio_post, session):
    form = {
        "MessageSid": "SMhuge0000000000000001",
        "From": PATIENT_NUMBER,
        "To": CLINIC_NUMBER,
        "Body": "x" * 1_000_000,
    }
    assert twilio_post("/twilio/sms", form).status_code == 413
    assert inbound(session) == []


def test_long_body_under_the_limit_is_kept_whole(send_sms, session):
    body = "please call me about my bill. " * 200  # 6,000 characters
    assert_twiml(send_sms(body))
    assert inbound(session)[0].body == body


def test_invalid_utf8_never_becomes_a_500(client, session):
    raw = b"MessageSid=SMutf8000000000000000001&From=%2B12025550123&Body=caf%E9%FF"
    response = client.post(
        "/twilio/sms",
        data=raw,
        content_type="application/x-www-form-urlencoded",
        headers={"X-Twilio-Signature": "c29tZXRoaW5n"},
    )
    assert response.status_code == 403


def test_surprise_inside_the_flows_still_stores_hands_off_and_answers_twiml(
    send_sms, session, monkeypatch, caplog
):
    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("gateway.conversations.handle", explode)
    with caplog.at_level(logging.INFO):
        response = send_sms("my secret symptom text")
    assert_twiml(response)
    [message] = inbound(session)
    assert message.body == "my secret symptom text"
    [handoff] = handoffs(session)
    assert handoff.queue == "front_desk" and handoff.status == HandoffStatus.OPEN
    assert "my secret symptom text" not in caplog.text
    assert PATIENT_NUMBER not in caplog.text


def test_no_log_line_carries_a_body_or_a_full_number(send_sms, caplog):
    with caplog.at_level(logging.DEBUG):
        send_sms("my chest hurts so bad, this is Maria Lopez")
        send_sms("I need a refill please")
    assert "chest" not in caplog.text and "Maria" not in caplog.text
    assert PATIENT_NUMBER not in caplog.text


def test_every_decision_leaves_an_audit_trail_without_bodies(send_sms, session):
    send_sms("stop texting me")
    events = session.exec(select(AuditEvent)).all()
    assert any(event.action == "opt_out" for event in events)
    assert all("stop texting" not in str(event.detail) for event in events)


def test_processing_claim_holds_across_sessions(send_sms, session, app):
    """A retry that races the first delivery cannot process the message a second time."""
    from datetime import UTC, datetime

    from gateway.conversations import claim_for_processing

    send_sms("need my records")
    [message] = inbound(session)
    assert not claim_for_processing(session=session, message_id=message.id, now=datetime.now(UTC))
    count = session.execute(sa.select(sa.func.count()).select_from(Handoff)).scalar_one()
    assert count == 1


@pytest.mark.parametrize("claimed", [False, True], ids=["died-before-claim", "died-holding-claim"])
def test_a_text_stored_by_a_process_that_died_is_processed_by_the_worker(
    app, session, clinic, claimed
):
    """Store-first means a crash after the commit loses nothing: the sweep finishes the job."""
    from datetime import UTC, datetime, timedelta

    from gateway.conversations import inbound_values, store_inbound
    from gateway.ingest import process_ready
    from gateway.models import MessageChannel

    earlier = datetime.now(UTC) - timedelta(minutes=5)
    message, _ = store_inbound(
        session=session,
        values=inbound_values(
            clinic_id=clinic.id,
            from_number=PATIENT_NUMBER,
            to_number=CLINIC_NUMBER,
            body="I need a refill of my inhaler",
            channel=MessageChannel.SMS,
            twilio_sid="SMdied000000000000000001",
            now=earlier,
            claim=claimed,
        ),
    )
    outbox = process_ready(engine=app.extensions["gateway"].engine, now=datetime.now(UTC))
    assert len(outbox) == 1
    session.expire_all()
    assert session.get(Message, message.id).processed_at is not None
    assert handoffs(session)[0].queue == "refills"
    assert process_ready(engine=app.extensions["gateway"].engine, now=datetime.now(UTC)) == []


def test_handoff_note_is_structured_for_the_person_who_picks_it_up(
    send_sms, session, create_patient, create_appointment, awaiting_reply
):
    patient = create_patient()
    visit = create_appointment(patient)
    awaiting_reply(contact(session), "appointment_reminder", visit)

    send_sms("C but also I've been really dizzy since starting the new bp pill")

    [handoff] = handoffs(session)
    note = handoff.note
    assert handoff.queue == "clinical" and note["queue"] == "clinical"
    assert note["intent"] == "confirm"  # the literal request; the symptom decides the queue
    assert note["summary"] and "dizzy" not in note["summary"]  # a label, not the patient's words
    assert note["reason"]  # the evidence that matched
    assert note["urgency"] == "high" and note["due_at"]
    assert note["lang"] == "en" and note["emergency"] is None and note["is_upset"] is False
    assert note["answering"] == "appointment_reminder"
    # The patient hears both parts: the visit is confirmed, and a nurse will reply.
    confirmed, reply = texts_to(session)
    assert "confirmed" in confirmed.body
    assert note["bot_said"] == [confirmed.body, reply.body] and "nurse" in reply.body
    assert [entry["direction"] for entry in note["transcript"]] == ["inbound"]
    assert "dizzy" in note["transcript"][0]["body"]
    session.refresh(visit)
    assert visit.status == AppointmentStatus.CONFIRMED  # recorded although a nurse must look


def test_a_symptom_while_billing_owns_the_conversation_reaches_a_nurse_silently(send_sms, session):
    send_sms("I have a question about my bill, I was charged twice")
    [handoff] = handoffs(session)
    assert handoff.queue in ("billing", "manager")
    before = len(texts_to(session))

    send_sms("also my ankle has been really swollen and red since yesterday, it's hot to touch")

    [handoff] = handoffs(session)  # the same handoff, re-routed, not a second one
    assert handoff.queue == "clinical" and handoff.priority == 1
    assert len(texts_to(session)) == before  # the bot stays silent
