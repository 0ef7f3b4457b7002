"""`POST /twilio/status`: signed delivery callbacks, deduped, never moving a status backwards,
with Twilio's error codes applied to the contact."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from gateway.models import AuditEvent, Contact, Message, MessageKind, MessageStatus, StatusEvent
from gateway.outbox import queue_message, send_pending
from tests.conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    MESSAGING_SERVICE_SID,
    PATIENT_NUMBER,
    PUBLIC_BASE_URL,
)

NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
BODY = "Riverside Clinic: your visit is Tue Mar 4 at 3:00 PM. Reply C to confirm."


@pytest.fixture
def sent(app, queue, fake_twilio):
    """Queue a text and send it for real through the fake Twilio; returns (message id, sid)."""

    def send(to: str = PATIENT_NUMBER) -> tuple[int, str]:
        message_id = queue(BODY, to=to, now=NOW)
        gateway = app.extensions["gateway"]
        send_pending(
            engine=gateway.engine,
            sender=gateway.sender,
            public_base_url=PUBLIC_BASE_URL,
            now=NOW,
            message_ids=[message_id],
        )
        return message_id, fake_twilio.messages[-1]["sid"]

    return send


@pytest.fixture
def callback(twilio_post, fake_twilio):
    """POST the callback the fake Twilio would send for `sid`, signed with the real token."""

    def post(sid: str, status: str, error_code: int | None = None, **override):
        url, form, _signature = fake_twilio.status_callback(sid, status, error_code)
        form.update(override)
        path = url.removeprefix(PUBLIC_BASE_URL)
        return twilio_post(path, form)

    return post


def reload(session, model, row_id):
    session.expire_all()
    return session.get(model, row_id)


def events(session, sid: str | None = None) -> list[StatusEvent]:
    session.expire_all()
    query = sa.select(StatusEvent).order_by(StatusEvent.id)
    if sid is not None:
        query = query.where(StatusEvent.twilio_sid == sid)
    return list(session.exec(query).scalars())


def test_delivery_is_recorded_and_answered_with_empty_twiml(session, sent, callback):
    message_id, sid = sent()

    response = callback(sid, "delivered")

    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    assert b"<Response" in response.data and b"<Message" not in response.data
    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.DELIVERED
    [event] = events(session, sid)
    assert (event.status, event.message_id) == ("delivered", message_id)


def test_stragglers_from_before_delivery_do_not_move_it_back(session, sent, callback):
    message_id, sid = sent()

    callback(sid, "sent")
    callback(sid, "delivered")
    responses = [callback(sid, "queued"), callback(sid, "sending")]  # late, out of order

    assert [r.status_code for r in responses] == [200, 200]
    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED
    assert [e.status for e in events(session, sid)] == ["sent", "delivered", "queued", "sending"]


def test_out_of_order_sent_after_delivered_keeps_delivered(session, sent, callback):
    message_id, sid = sent()

    callback(sid, "delivered")
    callback(sid, "sent")

    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED
    assert {e.status for e in events(session, sid)} == {"delivered", "sent"}


def test_read_comes_after_delivered(session, sent, callback):
    message_id, sid = sent()

    callback(sid, "delivered")
    callback(sid, "read")

    assert reload(session, Message, message_id).status == MessageStatus.READ


def test_a_repeated_callback_is_recorded_once(session, sent, callback):
    message_id, sid = sent()

    first = callback(sid, "delivered")
    again = callback(sid, "delivered")

    assert first.status_code == again.status_code == 200
    assert len(events(session, sid)) == 1
    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED


def test_a_forged_signature_is_refused_and_changes_nothing(session, sent, twilio_post, fake_twilio):
    message_id, sid = sent()
    url, form, _ = fake_twilio.status_callback(sid, "failed", 21610)

    response = twilio_post(url.removeprefix(PUBLIC_BASE_URL), form, signature="Zm9yZ2Vk")

    assert response.status_code == 403
    assert events(session) == []
    assert reload(session, Message, message_id).status == MessageStatus.ACCEPTED
    assert session.exec(sa.select(Contact).where(Contact.is_opted_out)).first() is None


def test_a_signature_for_another_outbox_id_is_refused(session, sent, twilio_post, fake_twilio):
    first_id, sid = sent()
    url, form, signature = fake_twilio.status_callback(sid, "delivered")

    # Same form and signature, but the URL (which the signature covers) is changed.
    response = twilio_post(f"/twilio/status?outbox_id={first_id + 1}", form, signature=signature)

    assert response.status_code == 403
    assert events(session) == []


@pytest.mark.parametrize(
    ("form", "query"),
    [
        ({"MessageStatus": "delivered"}, "?outbox_id=1"),  # no MessageSid
        ({"MessageSid": "SM" + "a" * 32}, "?outbox_id=1"),  # no status
        ({"MessageSid": "SM" + "a" * 32, "MessageStatus": "failed", "ErrorCode": "x"}, ""),
        ({"MessageSid": "SM" + "a" * 32, "MessageStatus": "sent"}, "?outbox_id=abc"),
        ({"MessageSid": "SM" + "a" * 80, "MessageStatus": "sent"}, ""),
    ],
    ids=["no-sid", "no-status", "bad-error-code", "bad-outbox-id", "oversized-sid"],
)
def test_malformed_callbacks_get_400_not_500(session, twilio_post, form, query):
    response = twilio_post("/twilio/status" + query, {"AccountSid": "AC" + "0" * 32, **form})

    assert response.status_code == 400
    assert events(session) == []


def test_a_callback_that_beats_the_send_answer_attaches_by_outbox_id(
    app, session, clinic, callback, twilio_post
):
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=PATIENT_NUMBER,
        body=BODY,
        kind=MessageKind.AUTOMATED,
        now=NOW,
        idempotency_key=None,
    )
    session.commit()
    sid = "SM" + "b" * 32
    form = {"MessageSid": sid, "MessageStatus": "sent", "AccountSid": "AC" + "0" * 32}

    response = twilio_post(f"/twilio/status?outbox_id={message.id}", form)

    assert response.status_code == 200
    message = reload(session, Message, message.id)
    assert message.twilio_sid == sid
    assert message.status == MessageStatus.SENT
    # Twilio has it, so the worker must not send it again.
    gateway = app.extensions["gateway"]
    assert send_pending(engine=gateway.engine, sender=gateway.sender, now=NOW) == 0


def test_an_unknown_sid_without_outbox_id_is_kept_unattached(session, twilio_post):
    sid = "SM" + "c" * 32

    response = twilio_post(
        "/twilio/status",
        {"MessageSid": sid, "MessageStatus": "delivered", "AccountSid": "AC" + "0" * 32},
    )

    assert response.status_code == 200
    assert b"<Response" in response.data
    [event] = events(session)
    assert (event.twilio_sid, event.message_id) == (sid, None)


def test_a_second_sid_for_one_row_is_recorded_for_a_person(session, sent, twilio_post):
    message_id, sid = sent()
    other = "SM" + "d" * 32

    twilio_post(
        f"/twilio/status?outbox_id={message_id}",
        {"MessageSid": other, "MessageStatus": "delivered", "AccountSid": "AC" + "0" * 32},
    )

    message = reload(session, Message, message_id)
    assert message.twilio_sid == sid
    assert message.status == MessageStatus.ACCEPTED  # the other text's fate is not this one's
    session.expire_all()
    [audit] = session.exec(
        sa.select(AuditEvent).where(AuditEvent.action == "outbox.second_sid")
    ).scalars()
    assert audit.subject_id == message_id


def test_failed_21610_opts_the_contact_out(session, sent, callback, create_contact):
    contact = create_contact()
    message_id, sid = sent()

    callback(sid, "failed", 21610)

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.FAILED and message.error_code == 21610
    contact = reload(session, Contact, contact.id)
    assert contact.is_opted_out and contact.opt_out_keyword == "twilio:21610"


@pytest.mark.parametrize("code", [30005, 30006])
def test_undelivered_to_a_landline_flags_the_contact(session, sent, callback, create_contact, code):
    contact = create_contact()
    message_id, sid = sent()

    callback(sid, "undelivered", code)

    assert reload(session, Message, message_id).status == MessageStatus.UNDELIVERED
    contact = reload(session, Contact, contact.id)
    assert contact.is_flagged and str(code) in contact.flag_reason
    assert not contact.is_opted_out


def test_undelivered_30007_changes_no_contact(session, sent, callback, create_contact):
    contact = create_contact()
    message_id, sid = sent()

    callback(sid, "undelivered", 30007)

    assert reload(session, Message, message_id).error_code == 30007
    contact = reload(session, Contact, contact.id)
    assert not contact.is_flagged and not contact.is_opted_out


def test_unreachable_handset_is_resent_once_later(app, session, sent, callback, fake_twilio):
    message_id, sid = sent()

    callback(sid, "undelivered", 30003)

    session.expire_all()
    [resend] = session.exec(
        sa.select(Message).where(Message.idempotency_key == f"resend:{message_id}")
    ).scalars()
    assert resend.status == MessageStatus.QUEUED
    assert resend.body == BODY and resend.to_number == PATIENT_NUMBER
    assert resend.next_attempt_at >= datetime.now(UTC) + timedelta(minutes=14)

    # The resend goes out later, and if it too is undelivered there is no third try.
    gateway = app.extensions["gateway"]
    assert (
        send_pending(engine=gateway.engine, sender=gateway.sender, now=resend.next_attempt_at) == 1
    )
    callback(fake_twilio.messages[-1]["sid"], "undelivered", 30003)
    session.expire_all()
    count = session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one()
    assert count == 2


@pytest.fixture
def served_app(app):
    """The app on a real local port, so the fake Twilio can call it back over HTTP."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def test_the_fake_twilio_delivers_signed_callbacks_over_http(
    app, session, clinic, fake_twilio, served_app
):
    """The demo's path: real client -> fake Twilio -> signed callback -> our webhook."""
    from gateway.twilio.sender import TwilioSender

    app.extensions["gateway"].settings.public_base_url = served_app
    sender = TwilioSender(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        public_base_url=served_app,
        messaging_service_sid=MESSAGING_SERVICE_SID,
        api_base_url=fake_twilio.base_url,
    )
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=PATIENT_NUMBER,
        body=BODY,
        kind=MessageKind.AUTOMATED,
        now=NOW,
        idempotency_key=None,
    )
    session.commit()
    send_pending(engine=app.extensions["gateway"].engine, sender=sender, now=NOW)

    assert fake_twilio.deliver(fake_twilio.messages[0]["sid"], "delivered") == 200

    assert reload(session, Message, message.id).status == MessageStatus.DELIVERED


# ----------------------------------------------------------------------------- every signal


def test_a_late_delivered_after_undelivered_30003_cancels_the_resend(
    app, session, sent, callback, fake_twilio
):
    message_id, sid = sent()
    callback(sid, "undelivered", 30003)
    session.expire_all()
    [resend] = session.exec(
        sa.select(Message).where(Message.idempotency_key == f"resend:{message_id}")
    ).scalars()

    assert callback(sid, "delivered").status_code == 200

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.DELIVERED
    assert message.error_code is None
    assert reload(session, Message, resend.id).status == MessageStatus.SUPPRESSED
    gateway = app.extensions["gateway"]
    later = datetime.now(UTC) + timedelta(hours=1)
    assert send_pending(engine=gateway.engine, sender=gateway.sender, now=later) == 0
    assert len(fake_twilio.messages) == 1  # the patient got one text
    session.expire_all()
    [audit] = session.exec(
        sa.select(AuditEvent).where(AuditEvent.action == "outbox.resend_canceled")
    ).scalars()
    assert audit.subject_id == resend.id


def test_an_undelivered_after_delivered_changes_nothing_and_queues_no_resend(
    session, sent, callback
):
    message_id, sid = sent()
    callback(sid, "delivered")
    callback(sid, "undelivered", 30003)

    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED
    session.expire_all()
    assert session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one() == 1


def test_a_status_that_beats_the_send_answer_keeps_its_error_code(
    app, session, queue, fake_twilio, twilio_post
):
    """Twilio's callback arrives while the send's own answer is still on its way."""
    message_id = queue(BODY, now=NOW)
    fake_twilio.delay_next(1.5)  # created at once, answered 1.5 s later
    gateway = app.extensions["gateway"]
    worker = threading.Thread(
        target=send_pending,
        kwargs={"engine": gateway.engine, "sender": gateway.sender, "now": NOW},
    )
    worker.start()
    for _ in range(100):
        if fake_twilio.messages:
            break
        threading.Event().wait(0.02)
    [created] = fake_twilio.messages
    url, form, _ = fake_twilio.status_callback(created["sid"], "undelivered", 30007)
    assert twilio_post(url.removeprefix(PUBLIC_BASE_URL), form).status_code == 200
    worker.join(timeout=10)

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.UNDELIVERED  # the answer did not move it back
    assert message.error_code == 30007  # nor wipe the code
    assert message.twilio_sid == created["sid"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("partially_delivered", MessageStatus.PARTIALLY_DELIVERED),
        ("canceled", MessageStatus.CANCELED),
    ],
)
def test_partially_delivered_and_canceled_are_statuses_of_their_own(
    session, sent, callback, status, expected
):
    message_id, sid = sent()

    callback(sid, status)

    assert reload(session, Message, message_id).status == expected
    assert expected != MessageStatus.FAILED


def test_partially_delivered_then_delivered_ends_delivered(session, sent, callback):
    message_id, sid = sent()
    callback(sid, "partially_delivered")
    callback(sid, "delivered")
    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED


def test_raw_dlr_done_date_is_stored(session, sent, callback):
    _, sid = sent()

    callback(sid, "delivered", RawDlrDoneDate="2503041502")

    [event] = events(session, sid)
    assert event.raw_dlr_done_date == "2503041502"


def test_a_malformed_raw_dlr_done_date_is_dropped_not_fatal(session, sent, callback):
    message_id, sid = sent()

    response = callback(sid, "delivered", RawDlrDoneDate="x" * 500)

    assert response.status_code == 200
    [event] = events(session, sid)
    assert event.raw_dlr_done_date is None
    assert reload(session, Message, message_id).status == MessageStatus.DELIVERED


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ErrorCode", "2147483648"),
        ("ErrorCode", "99999999999999999999"),
        ("ErrorCode", "-1"),
        ("ErrorCode", "1e5"),
        ("outbox_id", "2147483648"),
        ("outbox_id", "-3"),
        ("outbox_id", "9" * 40),
        ("MessageSid", "SM" + "a" * 32 + "\n"),
        ("MessageSid", "SM" + "a" * 31 + "\x00"),
        ("MessageStatus", "delivered\x00"),
    ],
)
def test_out_of_range_or_malformed_values_get_a_clear_400(session, sent, twilio_post, field, value):
    message_id, sid = sent()
    form = {"MessageSid": sid, "MessageStatus": "failed", "AccountSid": ACCOUNT_SID}
    query = f"?outbox_id={message_id}"
    if field == "outbox_id":
        query = f"?outbox_id={value}"
    else:
        form[field] = value

    response = twilio_post("/twilio/status" + query, form)

    assert response.status_code == 400
    assert events(session) == []
    assert reload(session, Message, message_id).status == MessageStatus.ACCEPTED


def test_smart_encoding_segments_are_counted_after_its_substitutions(
    session, queue, app, fake_twilio
):
    fake_twilio.smart_encoding = True
    body = "Riverside Clinic: it’s time for your visit “check-in” — reply C to confirm… thanks"
    message_id = queue(body, now=NOW)
    assert reload(session, Message, message_id).segments == 2  # as typed: UCS-2, 82 > 70

    gateway = app.extensions["gateway"]
    send_pending(engine=gateway.engine, sender=gateway.sender, now=NOW)

    assert reload(session, Message, message_id).segments == 1  # what Twilio bills: GSM-7
    assert fake_twilio.messages[0]["num_segments"] == 1
