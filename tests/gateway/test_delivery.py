"""Nothing lost, nothing twice: unknown outcomes are looked up in Twilio's log before a resend,
retries outlast an outage measured in time, and a text that finally cannot go reaches a person.

The real `twilio` client talks to the local fake Twilio, which answers late, refuses, fails or
goes down on cue; time is injected (`now=`) and the fake's clock follows it, so a 30-minute
outage takes a second.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from gateway.models import AuditEvent, Handoff, HandoffStatus, Message, MessageKind, MessageStatus
from gateway.outbox import CLAIM_LEASE, LOOKUP_PATIENCE, claim_due, queue_message, send_pending
from gateway.twilio.sender import TwilioSender
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, MESSAGING_SERVICE_SID, PUBLIC_BASE_URL

NOW = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
PATIENT = "+12025550123"


@pytest.fixture
def impatient(fake_twilio) -> TwilioSender:
    """The real Twilio sender with a 0.3 s timeout, so the fake's slow answers time it out."""
    return TwilioSender(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
        messaging_service_sid=MESSAGING_SERVICE_SID,
        api_base_url=fake_twilio.base_url,
        timeout=0.3,
    )


@pytest.fixture
def send(app, impatient, fake_twilio) -> Callable[..., int]:
    """One outbox pass at `now`; the fake's clock is set to the same time."""
    rng = random.Random(7)

    def run(now: datetime = NOW, sender=None) -> int:
        fake_twilio.clock = lambda: now.timestamp()
        return send_pending(
            engine=app.extensions["gateway"].engine,
            sender=sender or impatient,
            now=now,
            rng=rng,
        )

    return run


@pytest.fixture
def add(session, clinic) -> Callable[..., int]:
    """Queue an outbound text at NOW and commit; the row id."""
    counter = iter(range(1, 10_000))

    def queue(kind=MessageKind.AUTOMATED, to=PATIENT, body=None, **kwargs) -> int:
        message = queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=to,
            body=body or f"Riverside Clinic: reply {next(counter)}. Call (202) 555-0100.",
            kind=kind,
            now=kwargs.pop("now", NOW),
            idempotency_key=None,
            **kwargs,
        )
        session.commit()
        assert message is not None
        return message.id

    return queue


def row(session, message_id: int) -> Message:
    session.expire_all()
    return session.get(Message, message_id)


def audits(session, action: str) -> list[AuditEvent]:
    session.expire_all()
    return list(session.exec(sa.select(AuditEvent).where(AuditEvent.action == action)).scalars())


def open_handoffs(session) -> list[Handoff]:
    session.expire_all()
    return list(
        session.exec(sa.select(Handoff).where(Handoff.status != HandoffStatus.RESOLVED)).scalars()
    )


def at_twilio(fake_twilio, body: str | None = None) -> list[dict]:
    return [m for m in fake_twilio.messages if body is None or m["Body"] == body]


def next_due(session) -> datetime | None:
    session.expire_all()
    return session.exec(
        sa.select(sa.func.min(Message.next_attempt_at)).where(
            Message.status == MessageStatus.QUEUED
        )
    ).scalar_one()


def drain(session, send, *, start: datetime, until: datetime, before=None) -> int:
    """Run outbox passes at each row's due time from `start` to `until`; `before(now)` sets the
    fake's state for that moment. Returns how many passes ran."""
    now, passes = start, 0
    while now <= until:
        if before is not None:
            before(now)
        send(now)
        passes += 1
        due = next_due(session)
        if due is None:
            break
        now = max(due, now + timedelta(seconds=1))
    return passes


# ----------------------------------------------------------------------------- reconciliation


def test_a_timed_out_send_twilio_created_is_found_in_its_log_not_sent_twice(
    session, add, send, fake_twilio
):
    message_id = add()
    fake_twilio.delay_next(3)  # Twilio creates it, then answers after the client gave up

    assert send() == 0
    message = row(session, message_id)
    assert message.status == MessageStatus.QUEUED
    assert message.outcome_unknown_at == NOW
    [retry] = audits(session, "outbox.retry_scheduled")
    assert retry.detail["outcome_unknown"] is True

    assert send(message.next_attempt_at) == 1

    [sent] = at_twilio(fake_twilio)  # exactly one text reached the patient
    message = row(session, message_id)
    assert message.twilio_sid == sent["sid"]
    assert message.status == MessageStatus.ACCEPTED
    assert message.outcome_unknown_at is None
    assert len(audits(session, "outbox.reconciled")) == 1
    gets = [r for r in fake_twilio.requests if r["method"] == "GET"]
    assert gets, "the real client's list API was used"
    assert send(NOW + timedelta(hours=1)) == 0
    assert len(at_twilio(fake_twilio)) == 1


def test_the_lookup_logs_no_phone_number(session, add, send, fake_twilio, caplog):
    """The twilio client logs a list request's query (the patient's number) at INFO."""
    caplog.set_level(logging.DEBUG)
    message_id = add()
    fake_twilio.delay_next(3)
    send()
    send(row(session, message_id).next_attempt_at)
    assert [r for r in fake_twilio.requests if r["method"] == "GET"]
    number = row(session, message_id).to_number
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("scripts.")]
    assert ours and not [line for line in ours if number[-10:] in line]


def test_a_timed_out_send_twilio_never_created_is_sent_once(session, add, send, fake_twilio):
    message_id = add()
    fake_twilio.delay_next(3, creates=False)

    assert send() == 0
    assert at_twilio(fake_twilio) == []

    assert send(row(session, message_id).next_attempt_at) == 1

    [sent] = at_twilio(fake_twilio)
    assert row(session, message_id).twilio_sid == sent["sid"]
    assert len(audits(session, "outbox.reconciled_absent")) == 1


def test_an_identical_text_sent_earlier_on_purpose_is_not_taken_for_this_one(
    session, add, send, fake_twilio
):
    body = "Riverside Clinic: we got your message and will reply within 2 hours."
    first = add(body=body)
    assert send() == 1
    second = add(body=body, now=NOW + timedelta(minutes=1))
    fake_twilio.delay_next(3, creates=False)
    assert send(NOW + timedelta(minutes=1)) == 0

    assert send(row(session, second).next_attempt_at) == 1

    assert len(at_twilio(fake_twilio, body)) == 2
    assert row(session, first).twilio_sid != row(session, second).twilio_sid


def test_a_crash_after_the_claim_is_reconciled_after_the_lease(
    app, session, add, send, fake_twilio
):
    lost, reached = add(), add(to="+12025550177")
    engine = app.extensions["gateway"].engine
    # A worker claims both and dies; for one of them its request had reached Twilio.
    assert claim_due(engine=engine, now=NOW) == [lost, reached]
    message = row(session, reached)
    app.extensions["gateway"].sender.send(
        to=message.to_number, body=message.body, outbox_id=reached
    )

    assert send(NOW + CLAIM_LEASE - timedelta(seconds=1)) == 0  # still within the lease
    assert row(session, lost).status == MessageStatus.SENDING

    assert send(NOW + CLAIM_LEASE + timedelta(seconds=1)) == 2

    assert sorted(m["To"] for m in at_twilio(fake_twilio)) == ["+12025550123", "+12025550177"]
    assert {row(session, lost).status, row(session, reached).status} == {MessageStatus.ACCEPTED}
    assert len(audits(session, "outbox.claim_expired")) == 2
    assert [a.subject_id for a in audits(session, "outbox.reconciled")] == [reached]


def test_a_worker_whose_lease_ran_out_does_not_send_over_the_next_one(
    app, session, add, send, fake_twilio
):
    from gateway import outbox

    message_id = add()
    engine = app.extensions["gateway"].engine
    [(claimed_id, token)] = outbox._claim(engine=engine, now=NOW, message_ids=None, limit=10)
    # The lease runs out; another worker takes the row and sends it.
    assert send(NOW + CLAIM_LEASE + timedelta(seconds=1)) == 1

    # The first worker wakes up and carries on with its old claim: it must not send.
    assert not outbox._send_one(
        engine=engine,
        sender=app.extensions["gateway"].sender,
        message_id=claimed_id,
        token=token,
        now=NOW + CLAIM_LEASE,
        rng=None,
    )
    assert len(at_twilio(fake_twilio)) == 1
    assert row(session, message_id).status == MessageStatus.ACCEPTED


def test_when_the_log_cannot_answer_a_reply_waits_then_a_person_is_told(
    session, add, send, fake_twilio
):
    message_id = add()
    fake_twilio.delay_next(3)  # it did reach Twilio...
    assert send() == 0
    fake_twilio.outage("500", until=(NOW + timedelta(hours=2)).timestamp(), api="list")

    passes = drain(session, send, start=NOW + timedelta(seconds=1), until=NOW + timedelta(hours=1))

    assert passes > 2  # looked again, with backoff, before giving up on the log
    message = row(session, message_id)
    assert message.status == MessageStatus.UNKNOWN
    assert len(at_twilio(fake_twilio)) == 1  # ...so nothing more was sent
    decisions = [a.detail["decision"] for a in audits(session, "outbox.lookup_failed")]
    assert decisions[-1] == "person" and set(decisions[:-1]) == {"look_again"}
    [handoff] = open_handoffs(session)
    assert handoff.queue == "front_desk"
    assert "may not have reached" in handoff.note["summary"]
    assert handoff.note["undelivered_message_id"] == message_id
    assert message.handoff_id == handoff.id
    first_failure = audits(session, "outbox.lookup_failed")[0].created_at
    assert audits(session, "outbox.unknown")[0].created_at - first_failure <= LOOKUP_PATIENCE


def test_when_the_log_cannot_answer_emergency_guidance_is_sent_anyway(
    session, add, send, fake_twilio
):
    message_id = add(MessageKind.EMERGENCY, body="Call 911 now. If you can, unlock your door.")
    fake_twilio.delay_next(3, creates=False)
    assert send() == 0
    fake_twilio.outage("503", calls=10, api="list")

    assert send(row(session, message_id).next_attempt_at) == 1

    assert len(at_twilio(fake_twilio)) == 1
    [decision] = audits(session, "outbox.lookup_failed")
    assert decision.detail["decision"] == "send"
    assert row(session, message_id).status == MessageStatus.ACCEPTED


def test_a_callback_naming_the_row_while_it_waits_for_a_lookup_stops_the_resend(
    session, add, send, fake_twilio, twilio_post
):
    message_id = add()
    fake_twilio.delay_next(3)
    assert send() == 0
    [created] = at_twilio(fake_twilio)
    url, form, _ = fake_twilio.status_callback(created["sid"], "delivered")

    assert twilio_post(url.removeprefix(PUBLIC_BASE_URL), form).status_code == 200
    assert send(NOW + timedelta(hours=1)) == 0

    assert len(at_twilio(fake_twilio)) == 1
    assert row(session, message_id).status == MessageStatus.DELIVERED


# ----------------------------------------------------------------------------- outages


def outage_of(fake_twilio, mode: str, minutes: int) -> Callable[[datetime], None]:
    end = NOW + timedelta(minutes=minutes)
    if mode != "down":
        fake_twilio.outage(mode, until=end.timestamp(), slow_seconds=2)
        return lambda now: None

    def before(now: datetime) -> None:
        fake_twilio.down() if now < end else fake_twilio.up()

    return before


# Every slow answer costs real seconds, so a slow Twilio is tried for 5 minutes only.
OUTAGES = [(mode, minutes) for mode in ("500", "429", "503", "down") for minutes in (5, 30)]


@pytest.mark.parametrize(("mode", "minutes"), [*OUTAGES, ("slow", 5)])
def test_an_outage_loses_nothing_and_duplicates_nothing(
    session, add, send, fake_twilio, mode, minutes
):
    ids = [add(to=f"+1202555{n:04d}") for n in range(3)]
    ids.append(add(MessageKind.EMERGENCY, to="+12025559911", body="Call 911 now."))
    before = outage_of(fake_twilio, mode, minutes)

    drain(session, send, start=NOW, until=NOW + timedelta(hours=3), before=before)
    fake_twilio.up()

    for message_id in ids:
        message = row(session, message_id)
        assert message.status == MessageStatus.ACCEPTED, (message_id, message.status)
        copies = [m["sid"] for m in at_twilio(fake_twilio, message.body)]
        if message.kind == MessageKind.EMERGENCY and mode == "slow":
            # Twilio's log was as slow as its sends: 911 guidance errs towards sending, once.
            assert message.twilio_sid == copies[0] and len(copies) <= 2
        else:
            assert copies == [message.twilio_sid]  # exactly once
    assert open_handoffs(session) == []


def test_emergency_guidance_is_retried_sooner_than_a_reply(session, add, send, fake_twilio):
    reply = add()
    emergency = add(MessageKind.EMERGENCY, to="+12025559911", body="Call 911 now.")
    fake_twilio.outage("503", calls=2)

    send()

    assert row(session, emergency).next_attempt_at - NOW <= timedelta(seconds=5)
    assert row(session, reply).next_attempt_at - NOW <= timedelta(seconds=30)


def test_emergency_guidance_is_claimed_before_replies_queued_earlier(
    session, add, send, fake_twilio
):
    for n in range(3):
        add(to=f"+1202555{n:04d}")
    add(MessageKind.EMERGENCY, to="+12025559911", body="Call 911 now.")

    assert send() == 4

    assert fake_twilio.messages[0]["To"] == "+12025559911"


def test_a_reply_that_cannot_be_sent_for_six_hours_goes_to_a_person(
    session, add, send, fake_twilio
):
    message_id = add()
    fake_twilio.outage("500", until=(NOW + timedelta(days=1)).timestamp())

    drain(session, send, start=NOW, until=NOW + timedelta(hours=8))

    message = row(session, message_id)
    assert message.status == MessageStatus.FAILED
    assert message.attempts > 20  # measured in time, not a handful of attempts
    [gave_up] = audits(session, "outbox.gave_up")
    assert NOW + timedelta(hours=5, minutes=45) <= gave_up.created_at <= NOW + timedelta(hours=6)
    [handoff] = open_handoffs(session)
    assert "call the patient" in handoff.note["summary"]
    assert handoff.note["reason"] == ["outbox:gave_up"]
    assert at_twilio(fake_twilio) == []


def test_the_retry_budget_is_configurable_per_text(session, add, send, fake_twilio):
    message_id = add(retry_for=timedelta(minutes=20))
    fake_twilio.outage("500", until=(NOW + timedelta(days=1)).timestamp())

    drain(session, send, start=NOW, until=NOW + timedelta(hours=1))

    assert row(session, message_id).status == MessageStatus.FAILED
    [gave_up] = audits(session, "outbox.gave_up")
    assert gave_up.created_at <= NOW + timedelta(minutes=20)


def test_a_reminder_that_would_arrive_too_late_is_skipped_with_its_reason(
    session, add, send, fake_twilio
):
    reminder = add(MessageKind.REMINDER, not_after=NOW + timedelta(minutes=20))
    fake_twilio.outage("503", until=(NOW + timedelta(minutes=30)).timestamp())

    drain(session, send, start=NOW, until=NOW + timedelta(hours=2))

    message = row(session, reminder)
    assert message.status == MessageStatus.EXPIRED
    [expired] = audits(session, "outbox.expired")
    assert expired.detail["reason"] == "too_late"
    assert expired.created_at <= NOW + timedelta(minutes=20)
    assert at_twilio(fake_twilio) == []
    assert open_handoffs(session) == []  # a missed reminder is not a patient left waiting


def test_a_reminder_already_past_its_deadline_when_claimed_is_not_sent(
    session, add, send, fake_twilio
):
    reminder = add(MessageKind.REMINDER, not_after=NOW + timedelta(minutes=5))

    assert send(NOW + timedelta(minutes=6)) == 0

    assert row(session, reminder).status == MessageStatus.EXPIRED
    assert at_twilio(fake_twilio) == []


def test_emergency_guidance_twilio_refuses_for_good_goes_to_the_emergency_queue(
    session, add, send, fake_twilio
):
    message_id = add(MessageKind.EMERGENCY, body="Call 911 now.")
    fake_twilio.fail_next(21610, 400)  # blocked at Twilio: no retry can help

    assert send() == 0

    assert row(session, message_id).status == MessageStatus.FAILED
    [handoff] = open_handoffs(session)
    assert handoff.queue == "emergency" and handoff.priority == 0 and handoff.is_emergency
    assert "call the patient now" in handoff.note["summary"]


def test_a_person_already_on_the_conversation_gets_the_news_on_their_handoff(
    session, clinic, add, send, fake_twilio, create_contact
):
    from gateway.models import Conversation

    contact = create_contact()
    conversation = Conversation(clinic_id=clinic.id, contact_id=contact.id)
    session.add(conversation)
    session.commit()
    existing = Handoff(
        clinic_id=clinic.id, conversation_id=conversation.id, queue="clinical", note={}
    )
    session.add(existing)
    session.commit()
    message_id = add(retry_for=timedelta(minutes=5), conversation_id=conversation.id)
    fake_twilio.outage("500", until=(NOW + timedelta(days=1)).timestamp())

    drain(session, send, start=NOW, until=NOW + timedelta(hours=1))

    [handoff] = open_handoffs(session)
    assert handoff.id == existing.id
    [update] = handoff.note["updates"]
    assert update["undelivered_message_id"] == message_id
    assert row(session, message_id).handoff_id == existing.id


def test_the_lookup_reads_only_the_window_since_the_unknown_attempt(impatient, fake_twilio):
    body = "Riverside Clinic: we got your message and will reply within 2 hours."
    fake_twilio.clock = lambda: (NOW - timedelta(hours=2)).timestamp()
    impatient.send(to=PATIENT, body=body, outbox_id=1)  # an old text, same words
    fake_twilio.clock = lambda: (NOW + timedelta(seconds=1)).timestamp()
    impatient.send(to=PATIENT, body=body, outbox_id=2)
    impatient.send(to=PATIENT, body="something else", outbox_id=3)

    found = impatient.lookup(to=PATIENT, body=body, outbox_id=2, since=NOW)

    assert [f.sid for f in found] == [fake_twilio.messages[1]["sid"]]
    assert impatient.lookup(to="+12025550177", body=body, outbox_id=2, since=NOW) == []


def test_the_lookup_matches_a_body_smart_encoding_rewrote(impatient, fake_twilio):
    sent = impatient.send(to=PATIENT, body='It\'s "fine" - see you...', outbox_id=4)

    found = impatient.lookup(
        to=PATIENT, body="It’s “fine” — see you…", outbox_id=4, since=NOW - timedelta(days=1)
    )

    assert [f.sid for f in found] == [sent.sid]


def test_a_failing_log_raises_lookup_failed(impatient, fake_twilio):
    from gateway.sending import LookupFailed

    fake_twilio.outage("500", calls=5, api="list")
    with pytest.raises(LookupFailed):
        impatient.lookup(to=PATIENT, body="x", outbox_id=1, since=NOW)
