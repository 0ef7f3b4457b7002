"""The worker's reminder pass: the right text, at an allowed time, to the right phone, once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from gateway.models import (
    Contact,
    Conversation,
    Message,
    MessageKind,
    Reminder,
    ReminderPolicy,
    ReminderStatus,
)
from gateway.reminders.dispatch import LEASE, claim_due_reminders, dispatch_due_reminders
from gateway.reminders.planner import DEFAULT_POLICY, next_allowed
from tests.gateway.reminders.conftest import row

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
CONFIRMATION_DUE = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)  # Sat 10:00 in New York


def reminder_texts(session: Session) -> list[Message]:
    session.expire_all()
    return list(
        session.exec(
            sa.select(Message).where(Message.kind == MessageKind.REMINDER).order_by(Message.id)
        ).scalars()
    )


def test_due_confirmation_reaches_the_phone_and_waits_for_the_answer(
    import_csv, run_worker, fake_twilio, session, reminders_of
):
    import_csv([row()], now=NOW)
    assert run_worker(CONFIRMATION_DUE - timedelta(minutes=1)) == 0
    run_worker(CONFIRMATION_DUE)
    assert [m["Body"] for m in fake_twilio.messages] == [
        "Riverside Clinic: Your visit is Tue, Nov 24, 9:30 AM at Main St, Suite 200. "
        "Reply C to confirm, R to reschedule, X to cancel."
    ]
    assert fake_twilio.messages[0]["To"] == "+12025550123"
    confirmation = reminders_of("A1")[("confirmation", "0")]
    assert confirmation.status == ReminderStatus.SENT and confirmation.message_id
    conversation = session.exec(sa.select(Conversation)).scalar_one()
    assert conversation.awaiting == "appointment_reminder"
    assert conversation.awaiting_appointment_id == confirmation.appointment_id
    run_worker(CONFIRMATION_DUE + timedelta(minutes=5))
    assert len(fake_twilio.messages) == 1


def test_spanish_patient_gets_spanish_in_their_time_zone(import_csv, run_worker, fake_twilio):
    import_csv(
        [row(language="es", timezone="America/Los_Angeles", start="2026-11-24 09:30")], now=NOW
    )
    run_worker(datetime(2026, 11, 21, 18, 0, tzinfo=UTC))  # Sat 10:00 in Los Angeles
    (sent,) = fake_twilio.messages
    assert "mar, 24 de nov, 9:30 a.m." in sent["Body"]
    assert "C para confirmar" in sent["Body"]


def test_quiet_hours_defer_to_8am_local_across_a_dst_change(
    import_csv, run_worker, fake_twilio, session, clinic, reminders_of
):
    # Sat Nov 1 2025, 19:00 EDT is when the confirmation is due; the worker first runs at 21:30.
    session.add(ReminderPolicy(clinic_id=clinic.id, settings={"send_time": "19:00"}))
    session.commit()
    import_csv([row(start="2025-11-04 10:00")], now=datetime(2025, 10, 25, tzinfo=UTC))
    run_worker(datetime(2025, 11, 2, 1, 30, tzinfo=UTC))  # 21:30 EDT
    confirmation = reminders_of("A1")[("confirmation", "0")]
    assert (confirmation.status, confirmation.reason) == (ReminderStatus.PENDING, "quiet_hours")
    # Clocks went back at 2:00: 08:00 on Sunday is 13:00 UTC, not 12:00.
    assert confirmation.due_at == datetime(2025, 11, 2, 13, 0, tzinfo=UTC)
    run_worker(datetime(2025, 11, 2, 12, 30, tzinfo=UTC))  # 07:30 EST
    assert fake_twilio.messages == []
    run_worker(datetime(2025, 11, 2, 13, 0, tzinfo=UTC))
    assert len(fake_twilio.messages) == 1


def test_next_allowed_minute_on_the_spring_forward_night():
    zone = "America/New_York"
    late = datetime(2026, 3, 8, 1, 0, tzinfo=UTC)  # Sat Mar 7, 20:00 EST
    assert next_allowed(late, zone=zone, policy=DEFAULT_POLICY) == datetime(
        2026, 3, 8, 12, 0, tzinfo=UTC
    )  # Sun 08:00 EDT
    inside = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
    assert next_allowed(inside, zone=zone, policy=DEFAULT_POLICY) == inside


def test_moved_visit_is_reminded_at_its_new_time_only(
    import_csv, run_worker, fake_twilio, reminders_of
):
    import_csv([row()], now=NOW)
    import_csv([row(start="2026-11-27 09:30")], now=NOW)
    run_worker(CONFIRMATION_DUE)
    assert fake_twilio.messages == []
    run_worker(CONFIRMATION_DUE + timedelta(days=3))
    (sent,) = fake_twilio.messages
    assert "Fri, Nov 27, 9:30 AM" in sent["Body"]


def test_cancelled_visit_gets_nothing(import_csv, run_worker, fake_twilio, reminders_of):
    import_csv([row()], now=NOW)
    import_csv([row(status="cancelled")], now=NOW)
    run_worker(CONFIRMATION_DUE)
    assert fake_twilio.messages == []
    assert reminders_of("A1")[("confirmation", "0")].reason == "cancelled"


def test_opted_out_patient_gets_nothing_and_the_reason_is_recorded(
    import_csv, run_worker, fake_twilio, session, reminders_of
):
    import_csv([row()], now=NOW)
    contact = session.exec(sa.select(Contact)).scalar_one()
    contact.is_opted_out = True
    session.add(contact)
    session.commit()
    run_worker(CONFIRMATION_DUE)
    assert fake_twilio.messages == []
    confirmation = reminders_of("A1")[("confirmation", "0")]
    assert (confirmation.status, confirmation.reason) == (ReminderStatus.SKIPPED, "opted_out")


def test_number_twilio_flagged_as_invalid_gets_nothing(
    import_csv, run_worker, fake_twilio, session, reminders_of
):
    import_csv([row()], now=NOW)
    contact = session.exec(sa.select(Contact)).scalar_one()
    contact.is_flagged, contact.flag_reason = True, "invalid number"
    session.add(contact)
    session.commit()
    run_worker(CONFIRMATION_DUE)
    assert fake_twilio.messages == [] and fake_twilio.calls == []
    assert reminders_of("A1")[("confirmation", "0")].reason == "undeliverable"


def test_landline_form_reminder_is_not_a_call(import_csv, run_worker, fake_twilio, reminders_of):
    import_csv(
        [row(phone_type="landline", forms_missing="Consent", forms_url="https://f.example/x")],
        now=NOW,
    )
    run_worker(datetime(2026, 11, 17, 15, 0, tzinfo=UTC))  # 7 days before, 10:00
    assert fake_twilio.messages == [] and fake_twilio.calls == []
    assert reminders_of("A1")[("form", "d7")].reason == "undeliverable"


def test_family_phone_gets_one_reminder_a_day(import_csv, run_worker, fake_twilio, reminders_of):
    import_csv(
        [
            row(appointment_id="A1", patient_id="MOM", first_name="Rosa"),
            row(appointment_id="A2", patient_id="KID", first_name="Leo", start="2026-11-24 10:30"),
        ],
        now=NOW,
    )
    run_worker(CONFIRMATION_DUE)
    assert len(fake_twilio.messages) == 1
    waiting = reminders_of("A2")[("confirmation", "0")]
    assert (waiting.status, waiting.reason) == (ReminderStatus.PENDING, "cap_reached")
    assert waiting.due_at == datetime(2026, 11, 22, 13, 0, tzinfo=UTC)  # Sun 08:00
    run_worker(waiting.due_at)
    assert len(fake_twilio.messages) == 2
    assert "10:30 AM" in fake_twilio.messages[1]["Body"]


def test_late_worker_catches_up_within_the_grace_window_and_skips_stale(
    import_csv, run_worker, fake_twilio, reminders_of
):
    import_csv(
        [row(appointment_id="A1"), row(appointment_id="A2", patient_id="P2", phone="+12025550188")],
        now=NOW,
    )
    run_worker(CONFIRMATION_DUE + timedelta(hours=5))
    assert len(fake_twilio.messages) == 2  # five hours late: still useful
    import_csv(
        [row(appointment_id="A3", patient_id="P3", phone="+12025550177", start="2026-11-25 09:30")],
        now=NOW,
    )
    run_worker(CONFIRMATION_DUE + timedelta(days=1, hours=7))
    stale = reminders_of("A3")[("confirmation", "0")]
    assert (stale.status, stale.reason) == (ReminderStatus.SKIPPED, "stale")


def test_confirmed_visit_gets_no_nudge(import_csv, run_worker, fake_twilio, session, reminders_of):
    import_csv([row()], now=NOW)
    run_worker(CONFIRMATION_DUE)
    import_csv([row(status="confirmed")], now=NOW)
    run_worker(CONFIRMATION_DUE + timedelta(days=1))
    assert len(fake_twilio.messages) == 1
    assert reminders_of("A1")[("confirmation_nudge", "0")].reason == "answered"


def test_two_racing_workers_send_each_reminder_once(import_csv, app, session):
    rows = [
        row(appointment_id=f"A{i}", patient_id=f"P{i}", phone=f"+1202555{1000 + i}")
        for i in range(40)
    ]
    import_csv(rows, now=NOW)
    engine = app.extensions["gateway"].engine
    barrier = threading.Barrier(2)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(dispatch_due_reminders(engine=engine, now=CONFIRMATION_DUE))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    texts = reminder_texts(session)
    assert len(texts) == 40
    assert len({m.to_number for m in texts}) == 40
    assert sorted(results[0] + results[1]) == sorted(m.id for m in texts)


def test_worker_restart_reclaims_after_the_lease_and_never_sends_twice(
    import_csv, run_worker, app, fake_twilio, session
):
    import_csv([row()], now=NOW)
    engine = app.extensions["gateway"].engine
    # A worker claims the row and dies before queueing it.
    assert len(claim_due_reminders(engine=engine, now=CONFIRMATION_DUE)) == 1
    run_worker(CONFIRMATION_DUE + LEASE - timedelta(seconds=1))
    assert fake_twilio.messages == []
    run_worker(CONFIRMATION_DUE + LEASE + timedelta(seconds=1))
    assert len(fake_twilio.messages) == 1
    run_worker(CONFIRMATION_DUE + 3 * LEASE)
    assert len(fake_twilio.messages) == 1
    assert (
        session.exec(
            sa.select(Reminder.attempts).where(Reminder.kind == "confirmation")
        ).scalar_one()
        == 2
    )


def test_tick_command_runs_one_pass_as_of_the_given_time(import_csv, runner, fake_twilio):
    import_csv([row()], now=NOW)
    result = runner.invoke(args=["tick", "--now", CONFIRMATION_DUE.isoformat()])
    assert result.exit_code == 0, result.output
    assert "1 sent" in result.output
    assert len(fake_twilio.messages) == 1


def test_a_reminder_that_twilio_cannot_take_before_8pm_is_never_sent_at_night(
    import_csv, run_worker, fake_twilio, session, clinic
):
    # Due 19:55 in New York; Twilio answers 500 until 21:00, then is healthy again.
    session.add(ReminderPolicy(clinic_id=clinic.id, settings={"send_time": "19:55"}))
    session.commit()
    import_csv([row()], now=NOW)
    due = datetime(2026, 11, 22, 0, 55, tzinfo=UTC)  # Sat 19:55 EST
    fake_twilio.outage("500", until=(due + timedelta(hours=1)).timestamp())
    fake_twilio.clock = lambda: clock
    for minutes in range(0, 24 * 60, 5):
        clock = (due + timedelta(minutes=minutes)).timestamp()
        run_worker(due + timedelta(minutes=minutes))
    assert fake_twilio.messages == []  # not at 21:00, not at 8:00 the next day either
    [text] = reminder_texts(session)
    assert text.status == "expired"
