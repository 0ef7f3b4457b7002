"""The outbox, end to end: rows queued in a transaction, sent by the real Twilio client over HTTP
to the local fake Twilio server, retried, suppressed, and never sent twice."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from gateway import outbox
from gateway.models import AuditEvent, Contact, Message, MessageKind, MessageStatus
from gateway.outbox import (
    queue_message,
    send_pending,
)
from gateway.scheduler import JOB_ID, build_scheduler, tick
from gateway.twilio.sender import TwilioSender
from tests.conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    MESSAGING_SERVICE_SID,
    ON_CALL_NUMBER,
    PATIENT_NUMBER,
    PUBLIC_BASE_URL,
)

NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
BODY = "Riverside Clinic: your visit is Tue Mar 4 at 3:00 PM. Reply C to confirm."
OTHER_NUMBER = "+12025550177"


@pytest.fixture
def send(app):
    """One outbox pass at `now` with the app's real Twilio sender (or another one)."""

    def run(now: datetime = NOW, sender=None, **kwargs) -> int:
        gateway = app.extensions["gateway"]
        return send_pending(
            engine=gateway.engine,
            sender=sender or gateway.sender,
            public_base_url=PUBLIC_BASE_URL,
            now=now,
            rng=random.Random(7),
            **kwargs,
        )

    return run


def reload(session, model, row_id):
    session.expire_all()
    return session.get(model, row_id)


def audits(session, action: str) -> list[AuditEvent]:
    session.expire_all()
    return list(session.exec(sa.select(AuditEvent).where(AuditEvent.action == action)).scalars())


# ----------------------------------------------------------------------------- sending


def test_a_queued_text_goes_to_twilio_once(session, queue, send, fake_twilio):
    message_id = queue()

    assert send() == 1
    assert send(NOW + timedelta(minutes=5)) == 0  # a second pass finds nothing to do

    assert len(fake_twilio.messages) == 1
    sent = fake_twilio.messages[0]
    assert sent["To"] == PATIENT_NUMBER
    assert sent["Body"] == BODY
    assert sent["MessagingServiceSid"] == MESSAGING_SERVICE_SID
    assert sent["From"] is None
    assert sent["StatusCallback"] == f"{PUBLIC_BASE_URL}/twilio/status?outbox_id={message_id}"
    message = reload(session, Message, message_id)
    assert message.twilio_sid == sent["sid"]
    assert message.status == MessageStatus.ACCEPTED  # Twilio's answer with a Messaging Service
    assert message.attempts == 1
    assert message.sent_at == NOW


@pytest.mark.parametrize("concurrency", [1, 4])
def test_a_batch_goes_out_several_calls_at_a_time_each_text_once(
    session, queue, send, fake_twilio, concurrency
):
    """Twilio's API answers in a tenth of a second or more: the outbox keeps SEND_CONCURRENCY
    calls in flight, and every text still goes once, with its own sid recorded."""
    sender = TwilioSender(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
        messaging_service_sid=MESSAGING_SERVICE_SID,
        api_base_url=fake_twilio.base_url,
        concurrency=concurrency,
    )
    fake_twilio.latency = 0.15
    ids = [queue(f"text {n}", to=f"+120255501{n:02d}") for n in range(8)]
    assert send(sender=sender) == 8
    assert fake_twilio.max_in_flight == concurrency
    by_sid = {m["sid"]: m for m in fake_twilio.messages}
    assert len(fake_twilio.messages) == len(by_sid) == 8
    for n, message_id in enumerate(ids):
        message = reload(session, Message, message_id)
        assert by_sid[message.twilio_sid]["Body"] == f"text {n}"
        assert by_sid[message.twilio_sid]["To"] == f"+120255501{n:02d}"
        assert message.status == MessageStatus.ACCEPTED and message.attempts == 1


def test_texts_to_one_patient_reach_twilio_in_order_even_several_at_a_time(
    session, queue, send, fake_twilio
):
    """A two-part answer must read in order: sends to one number never travel at once."""
    fake_twilio.latency = 0.1
    for n in range(3):
        queue(f"part {n} for the patient", to=PATIENT_NUMBER)
        queue(f"someone else {n}", to=f"+120255502{n:02d}")
    assert send() == 6
    to_patient = [m["Body"] for m in fake_twilio.messages if m["To"] == PATIENT_NUMBER]
    assert to_patient == [f"part {n} for the patient" for n in range(3)]
    assert fake_twilio.max_in_flight_per_number == 1
    assert fake_twilio.max_in_flight >= 2  # the others still went several at a time


def test_audit_of_a_send_names_ids_not_the_patient(session, queue, send):
    message_id = queue()
    send()

    [event] = audits(session, "outbox.sent")
    assert event.subject_id == message_id
    text = repr(event.detail)
    assert PATIENT_NUMBER not in text and "visit" not in text


def test_without_a_messaging_service_the_from_number_is_used(session, queue, send, fake_twilio):
    sender = TwilioSender(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
        from_number="+12025550100",
        api_base_url=fake_twilio.base_url,
    )
    message_id = queue()

    assert send(sender=sender) == 1

    assert fake_twilio.messages[0]["From"] == "+12025550100"
    assert fake_twilio.messages[0]["MessagingServiceSid"] is None
    assert reload(session, Message, message_id).status == MessageStatus.TWILIO_QUEUED


def test_only_the_given_ids_are_sent_when_ids_are_named(send, session, queue, fake_twilio):
    first, second = queue(), queue(to=OTHER_NUMBER)

    assert send(message_ids=[second]) == 1

    assert [m["To"] for m in fake_twilio.messages] == [OTHER_NUMBER]
    assert reload(session, Message, first).status == MessageStatus.QUEUED


def test_concurrent_senders_send_each_text_exactly_once(app, session, queue, fake_twilio):
    ids = [queue(to=f"+1202555{n:04d}") for n in range(24)]
    gateway = app.extensions["gateway"]
    start = threading.Barrier(4)
    totals: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            totals.append(
                send_pending(
                    engine=gateway.engine,
                    sender=gateway.sender,
                    public_base_url=PUBLIC_BASE_URL,
                    now=NOW,
                    limit=10,
                )
            )
            totals.append(
                send_pending(
                    engine=gateway.engine,
                    sender=gateway.sender,
                    public_base_url=PUBLIC_BASE_URL,
                    now=NOW,
                )
            )
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors
    assert sum(totals) == len(ids)
    callbacks = sorted(m["StatusCallback"] for m in fake_twilio.messages)
    assert callbacks == sorted(f"{PUBLIC_BASE_URL}/twilio/status?outbox_id={i}" for i in ids)
    session.expire_all()
    statuses = session.exec(sa.select(Message.status, Message.attempts)).all()
    assert {tuple(row) for row in statuses} == {(MessageStatus.ACCEPTED, 1)}


# ----------------------------------------------------------------------------- idempotency


def test_a_duplicate_idempotency_key_adds_nothing(session, clinic, queue, send, fake_twilio):
    queue(key="reminder:41:confirm:48h")

    again = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=PATIENT_NUMBER,
        body=BODY,
        kind=MessageKind.REMINDER,
        now=NOW,
        idempotency_key="reminder:41:confirm:48h",
    )
    # The caller's transaction is still usable after the duplicate.
    other = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=OTHER_NUMBER,
        body=BODY,
        kind=MessageKind.REMINDER,
        now=NOW,
        idempotency_key="reminder:42:confirm:48h",
    )
    session.commit()

    assert again is None
    assert other is not None
    assert session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one() == 2
    assert send() == 2
    assert sorted(m["To"] for m in fake_twilio.messages) == sorted([PATIENT_NUMBER, OTHER_NUMBER])


def test_a_key_taken_by_another_transaction_meanwhile_adds_nothing(app, session, clinic):
    from sqlmodel import Session

    def add(db, key):
        return queue_message(
            session=db,
            clinic_id=clinic.id,
            to_number=PATIENT_NUMBER,
            body=BODY,
            kind=MessageKind.REMINDER,
            now=NOW,
            idempotency_key=key,
        )

    with Session(app.extensions["gateway"].engine) as other:
        assert add(other, "page:7:+12025550199") is not None
        other.commit()
    # This session's own check ran before the other commit in a real race; the insert must
    # still lose cleanly. Simulate by skipping the pre-check.
    original = session.exec
    calls = {"n": 0}

    def exec_without_first_select(statement, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            return original(sa.select(Message.id).where(sa.false()), *args, **kwargs)
        return original(statement, *args, **kwargs)

    session.exec = exec_without_first_select  # type: ignore[method-assign]
    try:
        assert add(session, "page:7:+12025550199") is None
    finally:
        del session.exec
    session.commit()
    assert session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one() == 1


def test_a_queued_text_is_part_of_the_callers_transaction(session, clinic):
    """Rolling back the change that caused a text must drop the text too (no early commit)."""
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=PATIENT_NUMBER,
        body=BODY,
        kind=MessageKind.AUTOMATED,
        now=NOW,
        idempotency_key="reply:1:0",
    )
    assert message is not None and message.id is not None
    session.rollback()

    assert session.exec(sa.select(sa.func.count()).select_from(Message)).scalar_one() == 0


# ----------------------------------------------------------------------------- retries


@pytest.mark.parametrize(
    ("code", "http_status"),
    [(20429, 429), (20500, 500), (20503, 503)],
    ids=["rate-limited", "server-error", "unavailable"],
)
def test_transient_errors_are_retried_later_then_succeed(
    session, queue, send, fake_twilio, code, http_status
):
    message_id = queue()
    fake_twilio.fail_next(code, http_status)

    assert send() == 0
    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.QUEUED
    assert message.attempts == 1
    assert message.error_code == code
    assert NOW < message.next_attempt_at <= NOW + timedelta(seconds=30)
    assert fake_twilio.messages == []

    assert send(message.next_attempt_at - timedelta(milliseconds=1)) == 0  # not due yet
    assert send(message.next_attempt_at) == 1

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.ACCEPTED
    assert message.attempts == 2
    assert message.error_code is None
    assert len(fake_twilio.messages) == 1
    [retry] = audits(session, "outbox.retry_scheduled")
    assert retry.detail["code"] == code and retry.detail["http_status"] == http_status


def test_connection_refused_is_retried(session, queue, send):
    nowhere = TwilioSender(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
        messaging_service_sid=MESSAGING_SERVICE_SID,
        api_base_url="http://127.0.0.1:9",  # discard port: nothing listens
        timeout=2,
    )
    message_id = queue()

    assert send(sender=nowhere) == 0
    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.QUEUED and message.next_attempt_at > NOW


def test_backoff_is_capped_with_full_jitter_and_emergencies_retry_sooner():
    rng = random.Random(1)
    replies = [outbox.backoff(attempts=20, rng=rng) for _ in range(200)]
    urgent = [outbox.backoff(attempts=20, rng=rng, kind=MessageKind.EMERGENCY) for _ in range(200)]
    assert max(replies) <= timedelta(minutes=10)
    assert min(replies) < timedelta(minutes=3) < max(replies)  # spread, not a fixed step
    assert min(replies) >= timedelta(seconds=1)
    assert max(urgent) <= timedelta(minutes=1)
    first = [outbox.backoff(attempts=1, rng=rng, kind=MessageKind.EMERGENCY) for _ in range(50)]
    assert max(first) <= timedelta(seconds=5)


def test_unreachable_handset_is_retried_once_much_later(session, queue, send, fake_twilio):
    message_id = queue()
    fake_twilio.fail_next(30003, 400, times=2)

    assert send() == 0
    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.QUEUED
    assert message.next_attempt_at >= NOW + timedelta(minutes=15)

    assert send(message.next_attempt_at) == 0
    assert reload(session, Message, message_id).status == MessageStatus.FAILED
    assert send(NOW + timedelta(days=1)) == 0
    assert fake_twilio.messages == []


# ----------------------------------------------------------------------------- refusals


def test_twilio_opt_out_21610_is_recorded_and_never_retried(
    session, queue, send, fake_twilio, create_contact
):
    contact = create_contact()
    message_id = queue()
    fake_twilio.fail_next(21610, 400)

    assert send() == 0

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.FAILED and message.error_code == 21610
    contact = reload(session, Contact, contact.id)
    assert contact.is_opted_out
    assert contact.opted_out_at == NOW
    assert contact.opt_out_keyword == "twilio:21610"
    # Nothing automated goes to that number afterwards, and the failed row is not retried.
    later = queue(now=NOW + timedelta(hours=1))
    assert send(NOW + timedelta(hours=2)) == 0
    assert reload(session, Message, later).status == MessageStatus.SUPPRESSED
    assert fake_twilio.messages == []


def test_twilio_opt_out_creates_the_contact_when_missing(session, clinic, queue, send, fake_twilio):
    queue(to=OTHER_NUMBER)
    fake_twilio.fail_next(21610, 400)

    send()

    contact = session.exec(
        sa.select(Contact).where(Contact.clinic_id == clinic.id, Contact.phone == OTHER_NUMBER)
    ).scalar_one()
    assert contact.is_opted_out


@pytest.mark.parametrize("code", [21211, 21614, 21635, 30005, 30006])
def test_numbers_that_cannot_text_are_flagged_for_staff(
    session, queue, send, fake_twilio, create_contact, code
):
    contact = create_contact()
    message_id = queue()
    fake_twilio.fail_next(code, 400)

    assert send() == 0

    assert reload(session, Message, message_id).status == MessageStatus.FAILED
    contact = reload(session, Contact, contact.id)
    assert contact.is_flagged
    assert str(code) in contact.flag_reason
    assert not contact.is_opted_out
    [event] = audits(session, "contact.flagged")
    assert event.subject_id == contact.id
    assert send(NOW + timedelta(days=1)) == 0
    assert fake_twilio.messages == []


def test_carrier_filtering_fails_without_retry(session, queue, send, fake_twilio, create_contact):
    contact = create_contact()
    message_id = queue()
    fake_twilio.fail_next(30007, 400)

    assert send() == 0
    assert send(NOW + timedelta(days=1)) == 0

    message = reload(session, Message, message_id)
    assert message.status == MessageStatus.FAILED and message.error_code == 30007
    contact = reload(session, Contact, contact.id)
    assert not contact.is_flagged and not contact.is_opted_out
    assert fake_twilio.messages == []


def test_a_refusal_for_one_number_does_not_touch_the_others(session, queue, send, fake_twilio):
    blocked, fine = queue(), queue(to=OTHER_NUMBER)
    fake_twilio.fail_next(21610, 400, to=PATIENT_NUMBER)

    assert send() == 1

    assert reload(session, Message, blocked).status == MessageStatus.FAILED
    assert reload(session, Message, fine).status == MessageStatus.ACCEPTED


# ----------------------------------------------------------------------------- suppression


def test_opted_out_numbers_get_only_emergency_and_compliance_texts(
    session, queue, send, fake_twilio, create_contact
):
    create_contact(is_opted_out=True, opted_out_at=NOW - timedelta(days=1), opt_out_keyword="STOP")
    kinds = set(MessageKind) - {MessageKind.PATIENT, MessageKind.PAGE}
    ids = {kind: queue(f"text for {kind}", kind=kind) for kind in sorted(kinds)}

    assert send() == 2

    assert sorted(m["Body"] for m in fake_twilio.messages) == [
        "text for compliance",
        "text for emergency",
    ]
    for kind in (MessageKind.AUTOMATED, MessageKind.REMINDER, MessageKind.STAFF):
        assert reload(session, Message, ids[kind]).status == MessageStatus.SUPPRESSED
    suppressed = audits(session, "outbox.suppressed")
    assert {e.detail["reason"] for e in suppressed} == {"opted_out"}
    assert len(suppressed) == 3


def test_flagged_numbers_get_no_routine_texts(session, queue, send, fake_twilio, create_contact):
    create_contact(is_flagged=True, flag_reason="twilio:30006 landline")
    routine = queue()
    staff = queue(kind=MessageKind.STAFF)
    emergency = queue("Call 911 now.", kind=MessageKind.EMERGENCY)

    assert send() == 1

    assert reload(session, Message, routine).status == MessageStatus.SUPPRESSED
    assert reload(session, Message, staff).status == MessageStatus.SUPPRESSED
    # Emergency guidance is still attempted: a flag can come from a passing carrier fault.
    assert reload(session, Message, emergency).status == MessageStatus.ACCEPTED
    assert [m["Body"] for m in fake_twilio.messages] == ["Call 911 now."]


def test_pages_to_on_call_staff_skip_the_patient_checks(
    session, queue, send, fake_twilio, create_contact
):
    create_contact(ON_CALL_NUMBER, is_opted_out=True)
    page = queue("Emergency handoff 12 opened", to=ON_CALL_NUMBER, kind=MessageKind.PAGE)

    assert send() == 1

    assert reload(session, Message, page).status == MessageStatus.ACCEPTED
    assert fake_twilio.messages[0]["To"] == ON_CALL_NUMBER


def test_an_opt_out_after_queueing_still_stops_the_text(
    session, queue, send, fake_twilio, create_contact
):
    contact = create_contact()
    message_id = queue()
    contact.is_opted_out = True
    session.add(contact)
    session.commit()

    assert send() == 0
    assert reload(session, Message, message_id).status == MessageStatus.SUPPRESSED


# ----------------------------------------------------------------------------- stuck sends


# ----------------------------------------------------------------------------- segments


@pytest.mark.parametrize(
    ("body", "segments"),
    [
        ("See you Tue at 3 PM.", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("{" * 80, 1),  # extension characters take two septets: 160
        ("[" * 81, 2),
        ("Price: 10€ " + "a" * 148, 1),  # 11 + 1 extra for € + 148 = 160 septets
        ("Price: 10€ " + "a" * 149, 2),
        ("Confirmed 👍", 1),  # one emoji switches the whole text to UCS-2
        ("a" * 69 + "👍", 2),  # 71 UTF-16 units
        ("a" * 70, 1),
        ("It’s " + "a" * 65, 1),  # curly quote: UCS-2, 70 units
        ("It’s " + "a" * 66, 2),
        ("ü" * 161, 2),  # in the GSM-7 basic set
    ],
)
def test_queued_rows_count_their_segments(session, clinic, body, segments):
    message = queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number=PATIENT_NUMBER,
        body=body,
        kind=MessageKind.AUTOMATED,
        now=NOW,
        idempotency_key=None,
    )
    assert message is not None and message.segments == segments


def test_an_empty_text_is_refused(session, clinic):
    with pytest.raises(ValueError, match="body"):
        queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=PATIENT_NUMBER,
            body="",
            kind=MessageKind.AUTOMATED,
            now=NOW,
            idempotency_key=None,
        )


# ----------------------------------------------------------------------------- the worker


def test_the_worker_has_one_safe_polling_job(app):
    scheduler = build_scheduler(app)
    [job] = scheduler.get_jobs()

    assert job.id == JOB_ID
    assert job.trigger.interval == timedelta(seconds=5)
    assert job.coalesce is True
    assert job.max_instances == 1
    assert job.misfire_grace_time == 30


def test_tick_sends_what_is_due_and_leaves_the_rest(app, session, queue, fake_twilio):
    due = queue()
    later = queue(to=OTHER_NUMBER, now=NOW + timedelta(hours=2))

    assert tick(app, NOW) == 1

    assert reload(session, Message, due).status == MessageStatus.ACCEPTED
    assert reload(session, Message, later).status == MessageStatus.QUEUED
    assert [m["To"] for m in fake_twilio.messages] == [PATIENT_NUMBER]
