"""Store, then acknowledge: the webhook only stores; workers claim, order and process.

Every test runs on SQLite and PostgreSQL (the `app` fixture) with signed webhooks.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import select

from gateway.conversations import process_inbound
from gateway.ingest import claim_batch, emergencies_first, process_ready
from gateway.ingest.loop import IngestLoop, wait_until
from gateway.models import (
    Contact,
    Conversation,
    Direction,
    Handoff,
    Message,
    MessageKind,
    MessageStatus,
)
from tests.conftest import ON_CALL_NUMBER, PATIENT_NUMBER

CHEST = "my chest is crushing and my left arm went numb"


def rows(session, model):
    session.expire_all()
    return session.exec(select(model)).all()


def inbound(session):
    session.expire_all()
    return session.exec(
        select(Message).where(Message.direction == Direction.INBOUND).order_by(Message.id)
    ).all()


def outbound(session):
    session.expire_all()
    return session.exec(
        select(Message).where(Message.direction == Direction.OUTBOUND).order_by(Message.id)
    ).all()


def test_the_webhook_stores_one_row_and_does_nothing_else(send_sms, session, fake_twilio):
    response = send_sms(CHEST, process=False)

    assert response.status_code == 200 and response.mimetype == "text/xml"
    assert response.get_data(as_text=True).endswith("<Response />")
    [message] = inbound(session)
    assert message.body == CHEST and message.processed_at is None
    assert message.status == MessageStatus.RECEIVED and message.conversation_id is None
    # No flows, no effects, no REST call: not even the emergency ran in the request.
    assert rows(session, Contact) == [] and rows(session, Conversation) == []
    assert rows(session, Handoff) == [] and outbound(session) == []
    assert fake_twilio.messages == []


def test_with_the_workers_down_texts_pile_up_stored_and_readyz_shows_the_backlog(
    send_sms, client, session, run_worker, fake_twilio
):
    for n in range(3):
        text = f"I need a refill please {n}"
        assert send_sms(text, from_=f"+120255502{n:02d}", process=False).status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["status"] == "ok"
    assert body["inbound_total"] == 3 and body["inbound_unprocessed"] == 3
    assert body["oldest_unprocessed_seconds"] >= 0

    run_worker()  # the worker comes back: one pass processes everything stored, then sends
    assert len(fake_twilio.messages) == 3
    assert client.get("/readyz").get_json()["inbound_unprocessed"] == 0


def test_a_batch_puts_emergencies_first(send_sms, session, app, process_stored):
    send_sms("what time do you open on saturday", process=False)
    send_sms("I need my records sent to my new doctor", process=False)
    send_sms(CHEST, process=False)
    engine = app.extensions["gateway"].engine

    batch = claim_batch(engine=engine, now=datetime.now(UTC))
    order = emergencies_first(batch)
    assert [urgent for _, urgent in order] == [True, False, False]
    assert order[0][0] == inbound(session)[2].id

    # The claim is held: nobody else takes these rows until the lease runs out.
    assert claim_batch(engine=engine, now=datetime.now(UTC)) == []
    later = datetime.now(UTC) + timedelta(minutes=3)
    assert len(claim_batch(engine=engine, now=later)) == 3


def test_the_emergency_in_a_batch_is_answered_before_the_others(send_sms, session, app):
    send_sms("what time do you open on saturday", process=False)
    send_sms(CHEST, process=False)
    with app.app_context():
        process_ready(engine=app.extensions["gateway"].engine, now=datetime.now(UTC))
    replies = [m for m in outbound(session) if m.to_number == PATIENT_NUMBER]
    assert replies[0].kind == MessageKind.EMERGENCY and "911" in replies[0].body


def test_a_dead_workers_claim_is_taken_again_after_the_lease(send_sms, session, app):
    send_sms("I need a refill of my inhaler", process=False)
    engine = app.extensions["gateway"].engine
    claimed_at = datetime.now(UTC)
    assert len(claim_batch(engine=engine, now=claimed_at)) == 1  # ... and the worker dies

    assert process_ready(engine=engine, now=claimed_at + timedelta(minutes=1)) == []
    assert inbound(session)[0].processed_at is None
    assert len(process_ready(engine=engine, now=claimed_at + timedelta(minutes=3))) == 1
    assert inbound(session)[0].processed_at is not None
    assert [h.queue for h in rows(session, Handoff)] == ["refills"]


def test_two_workers_holding_the_same_message_apply_it_once(send_sms, session, app):
    """A lease taken over from a slow worker: both run, the fence lets one apply."""
    send_sms("I need a refill of my inhaler", process=False)
    [message] = inbound(session)
    now = datetime.now(UTC)
    first = process_inbound(session=session, message_id=message.id, now=now, is_claimed=True)
    second = process_inbound(session=session, message_id=message.id, now=now, is_claimed=True)
    assert len(first) == 1 and second == []
    assert len(rows(session, Handoff)) == 1 and len(outbound(session)) == 1


def test_four_workers_at_once_process_every_message_exactly_once(send_sms, session, app):
    count = 40
    for n in range(count):
        send_sms(
            f"please send my records to dr smith {n}",
            from_=f"+1202555{3000 + n:04d}",
            process=False,
        )
    engine = app.extensions["gateway"].engine
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with app.app_context():
                process_ready(engine=engine, now=datetime.now(UTC))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert all(m.processed_at is not None for m in inbound(session))
    replies = outbound(session)
    assert len(replies) == count  # one acknowledgement per text, none twice
    assert len({m.to_number for m in replies}) == count
    assert len(rows(session, Handoff)) == count


def test_the_worker_loop_answers_an_emergency_within_two_seconds(
    send_sms, session, app, fake_twilio
):
    loop = IngestLoop(app)
    loop.start()
    try:
        time.sleep(0.3)  # the loop is listening (PostgreSQL) or polling (SQLite)
        started = time.monotonic()
        assert send_sms(CHEST, process=False).status_code == 200
        assert wait_until(
            lambda: any("911" in m["Body"] for m in fake_twilio.messages), timeout=2.0
        ), "no 911 guidance within 2 s"
        elapsed = time.monotonic() - started
    finally:
        loop.stop()
    assert elapsed < 2.0
    assert {m["To"] for m in fake_twilio.messages} >= {PATIENT_NUMBER, ON_CALL_NUMBER}


def test_tick_processes_fresh_texts_not_only_stale_ones(send_sms, session, run_worker, fake_twilio):
    send_sms("what's the portal link", process=False)
    assert run_worker() == 1
    [sent] = fake_twilio.messages
    assert "portal" in sent["Body"]


def test_readyz_is_503_when_the_database_does_not_answer(app, tmp_path):
    from gateway import create_app

    broken = create_app(
        {
            "gateway_env": "test",
            "database_url": "postgresql://postgres@127.0.0.1:1/nowhere",
            "public_base_url": "https://gateway.test",
            "twilio_auth_token": "x",
        }
    )
    response = broken.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"
    broken.extensions["gateway"].engine.dispose()


def test_a_notification_is_sent_only_by_a_commit_on_postgresql(app, send_sms):
    """The webhook's NOTIFY rides in its own transaction: workers wake once it committed."""
    engine = app.extensions["gateway"].engine
    if engine.dialect.name != "postgresql":
        return
    import psycopg

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN gateway_inbound")
        send_sms("hello", process=False)
        got = list(listener.notifies(timeout=2, stop_after=1))
    assert len(got) == 1


def test_a_message_claimed_but_unprocessed_is_counted_as_backlog(send_sms, session, app):
    from gateway.ingest import backlog

    send_sms("hello there", process=False)
    claim_batch(engine=app.extensions["gateway"].engine, now=datetime.now(UTC))
    stats = backlog(session=session, now=datetime.now(UTC))
    assert stats["inbound_unprocessed"] == 1
    count = session.execute(sa.select(sa.func.count()).select_from(Message)).scalar_one()
    assert count == 1


def test_the_lookout_claims_an_emergency_ahead_of_an_older_backlog(send_sms, session, app):
    from gateway.ingest import BATCH_SIZE, Lookout

    for n in range(BATCH_SIZE + 5):
        send_sms(f"what time do you open {n}", from_=f"+1202555{4000 + n:04d}", process=False)
    send_sms(CHEST, process=False)
    engine = app.extensions["gateway"].engine

    first = claim_batch(engine=engine, now=datetime.now(UTC), lookout=Lookout())

    assert CHEST in [body for _, body, _ in first]  # not left for a later batch
    assert len(first) == BATCH_SIZE


def test_texts_from_one_patient_on_several_workers_are_processed_one_after_the_other(
    send_sms, session, app
):
    from sqlmodel import Session

    for n in range(6):
        send_sms(f"I have a question about my bill, number {n}", process=False)
    ids = [m.id for m in inbound(session)]
    engine = app.extensions["gateway"].engine
    barrier = threading.Barrier(len(ids))
    errors: list[BaseException] = []

    def worker(message_id: int) -> None:
        try:
            barrier.wait(10)
            with app.app_context(), Session(engine, expire_on_commit=False) as own:
                process_inbound(session=own, message_id=message_id, now=datetime.now(UTC))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    [handoff] = rows(session, Handoff)  # one conversation, one handoff: the rest joined it
    assert handoff.note.get("summary")
    assert len(outbound(session)) == 1  # one acknowledgement; then the bot stepped back
    assert all(m.triage.get("decided_by") != "error" for m in inbound(session))


def test_during_a_burst_the_worker_rests_after_routine_texts_but_never_after_an_emergency(
    send_sms, session, app, fake_twilio
):
    """Web first: at a burst rate the loop claims one text at a time and rests three times as
    long as each routine text took; an emergency arriving during a rest ends it at once."""
    from gateway.ingest.loop import BurstPacer

    stop = threading.Event()
    urgent = {"waiting": False}
    pacer = BurstPacer(rate=20, share=0.25, stop=stop, urgent_waiting=lambda: urgent["waiting"])
    assert pacer.batch_size() > 1  # quiet: whole batches, no rest
    started = time.monotonic()
    pacer.processed(urgent=False, seconds=0.1)
    assert time.monotonic() - started < 0.05

    pacer.arrived([datetime.now(UTC) - timedelta(minutes=5)] * 500)  # a backlog found at start
    assert pacer.batch_size() > 1  # is not a burst
    pacer.arrived([datetime.now(UTC)] * 50)  # 50 texts stored in the last second
    assert pacer.batch_size() == 1
    started = time.monotonic()
    pacer.processed(urgent=False, seconds=0.1)
    assert 0.28 <= time.monotonic() - started < 0.6  # rested ~0.3 s
    started = time.monotonic()
    pacer.processed(urgent=True, seconds=0.1)
    assert time.monotonic() - started < 0.05  # an emergency is never paced
    urgent["waiting"] = True
    started = time.monotonic()
    pacer.processed(urgent=False, seconds=2.0)  # would rest 6 s
    assert time.monotonic() - started < 0.2  # an emergency in the lookout ends the rest


def test_a_burst_that_goes_on_past_its_limit_is_the_load_and_the_worker_stops_resting():
    """Routine replies never lag without bound: after `max_seconds` of burst, no more rests."""
    from gateway.ingest.loop import BurstPacer

    now = {"t": 1000.0}
    pacer = BurstPacer(
        rate=20,
        share=0.25,
        stop=threading.Event(),
        urgent_waiting=lambda: False,
        clock=lambda: now["t"],
        max_seconds=60,
    )
    for second in range(0, 75, 5):
        now["t"] = 1000.0 + second
        pacer.arrived([datetime.now(UTC)] * 50)  # still 50 texts a second
        assert pacer.bursting()
        assert pacer.resting() is (second <= 60), second
    assert pacer.batch_size() > 1  # whole batches again
    now["t"] += 10  # quiet for a while: the next burst is paced again from its start
    assert not pacer.bursting()
    pacer.arrived([datetime.now(UTC)] * 50)
    assert pacer.resting()


def test_the_loop_answers_an_emergency_during_a_burst_of_routine_texts(
    send_sms, session, app, fake_twilio
):
    """A burst is paced, yet an emergency sent behind it is answered within two seconds."""
    for n in range(60):
        send_sms(f"what time do you open {n}", from_=f"+1202555{5000 + n:04d}", process=False)
    loop = IngestLoop(app)
    loop.pacer.share = 0.05  # a deep rest after every routine text
    loop.start()
    try:
        time.sleep(0.5)
        assert loop.pacer.bursting()
        started = time.monotonic()
        assert send_sms(CHEST, process=False).status_code == 200
        assert wait_until(
            lambda: any("911" in m["Body"] for m in fake_twilio.messages), timeout=2.0
        ), "no 911 guidance within 2 s of an emergency sent behind a burst"
        elapsed = time.monotonic() - started
        pending = sum(1 for m in inbound(session) if m.processed_at is None)
    finally:
        loop.stop()
    assert elapsed < 2.0
    assert pending > 30  # the routine texts were still waiting: the burst was paced


def test_a_slow_twilio_does_not_hold_up_the_next_texts(send_sms, session, app, fake_twilio):
    """Twilio answering each send in a second: the loop processes the next batch while the
    first batch's replies are still on the network, and every reply still goes once."""
    fake_twilio.latency = 1.0
    for n in range(25):  # two batches
        send_sms(f"what time do you open {n}", from_=f"+1202555{6000 + n:04d}", process=False)
    loop = IngestLoop(app)
    loop.pacer.share = 1  # no burst pacing: this is about sending
    loop.start()
    try:
        assert wait_until(
            lambda: all(m.processed_at is not None for m in inbound(session)), timeout=20
        )
        recorded = sum(1 for m in outbound(session) if m.twilio_sid)
        assert wait_until(lambda: sum(1 for m in outbound(session) if m.twilio_sid) == 25, 30)
    finally:
        loop.stop()
    # In line, the first batch's 20 answers (3 rounds of 8 at 1 s) came before the second batch.
    assert recorded < 20
    assert len(fake_twilio.messages) == 25
    assert len({m["To"] for m in fake_twilio.messages}) == 25


def test_the_worker_ticks_leave_inbound_texts_to_its_ingest_loop(send_sms, session, app):
    """In the worker process the loop owns inbound processing; `flask tick` still does it all."""
    from gateway.scheduler import tick

    send_sms("what's the portal link", process=False)
    tick(app, datetime.now(UTC), ingest=False)
    assert all(m.processed_at is None for m in inbound(session))
    tick(app, datetime.now(UTC))
    assert all(m.processed_at is not None for m in inbound(session))
