"""Pacing: the worker's outbox pass holds texts to SEND_RATE_PER_SECOND; 911 guidance never waits."""

from __future__ import annotations

from datetime import UTC, datetime

from gateway.models import MessageKind
from gateway.outbox import queue_message, send_pending
from gateway.sending import Pacer

NOW = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_a_pacer_spaces_sends_by_its_interval_and_never_bursts_after_a_pause() -> None:
    fake = FakeTime()
    pacer = Pacer(4, clock=fake.clock, sleep=fake.sleep)
    for _ in range(5):
        pacer.wait()
    assert fake.sleeps == [0.25, 0.25, 0.25, 0.25]  # the first goes at once
    fake.now += 10  # a quiet spell earns no burst: the next send waits for nothing,
    pacer.wait()
    pacer.wait()  # and the one after it waits a whole interval again
    assert fake.sleeps[-1] == 0.25 and len(fake.sleeps) == 5


def test_an_unpaced_pacer_never_sleeps() -> None:
    fake = FakeTime()
    pacer = Pacer(0, clock=fake.clock, sleep=fake.sleep)
    for _ in range(3):
        pacer.wait()
    assert fake.sleeps == []


def test_the_outbox_paces_reminders_but_not_emergency_guidance(app, session, clinic, fake_twilio):
    fake = FakeTime()
    pacer = Pacer(2, clock=fake.clock, sleep=fake.sleep)
    for n in range(4):
        queue_message(
            session=session,
            clinic_id=clinic.id,
            to_number=f"+1202555{n:04d}",
            body=f"Riverside Clinic: reminder {n}. Reply C to confirm.",
            kind=MessageKind.REMINDER,
            now=NOW,
            idempotency_key=None,
        )
    queue_message(
        session=session,
        clinic_id=clinic.id,
        to_number="+12025559911",
        body="Riverside Clinic: call 911 now.",
        kind=MessageKind.EMERGENCY,
        now=NOW,
        idempotency_key=None,
    )
    session.commit()
    gateway = app.extensions["gateway"]

    assert send_pending(engine=gateway.engine, sender=gateway.sender, now=NOW, pacer=pacer) == 5

    assert fake_twilio.messages[0]["To"] == "+12025559911"  # first, and it waited for nothing
    assert fake.sleeps == [0.5, 0.5, 0.5]  # four reminders: the first at once, then one each 0.5 s


def test_the_app_builds_its_pacer_from_the_setting(app) -> None:
    from gateway import create_app

    assert app.extensions["gateway"].pacer.interval == 0  # unpaced by default
    settings = app.extensions["gateway"].settings.model_copy(update={"send_rate_per_second": 10})
    assert create_app(settings).extensions["gateway"].pacer.interval == 0.1
