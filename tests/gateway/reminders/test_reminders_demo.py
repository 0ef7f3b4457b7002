"""The demo: a small CSV is imported, its reminders arrive in the simulator, "C" confirms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
import time_machine

from gateway.demo import seed_demo
from gateway.models import Appointment, AppointmentStatus


def thread_bodies(client, phone: str) -> list[tuple[str, str]]:
    response = client.get("/simulator/api/thread", query_string={"phone": phone})
    return [(m["direction"], m["body"]) for m in response.get_json()["messages"]]


@pytest.mark.parametrize(
    "clock",
    [
        datetime(2026, 12, 3, 10, 0, tzinfo=UTC),  # 05:00 in New York, before any send time
        datetime(2026, 12, 3, 18, 0, tzinfo=UTC),  # 13:00
        datetime(2026, 12, 4, 4, 30, tzinfo=UTC),  # 23:30
    ],
    ids=["early", "afternoon", "late"],
)
def test_demo_imports_a_csv_and_a_reminder_is_confirmed_in_the_simulator(
    clock, app, runner, client, run_worker, session
):
    # Whenever someone starts the demo, the reminder arrives at once.
    with time_machine.travel(clock, tick=True):
        _demo(app, runner, client, run_worker, session)


def _demo(app, runner, client, run_worker, session):
    seed_demo(app, now=datetime.now(UTC))
    result = runner.invoke(args=["demo-reminders"])
    assert result.exit_code == 0, result.output
    assert "imported 2 of 2 rows" in result.output
    run_worker()
    [(direction, body)] = thread_bodies(client, "+12025550115")
    assert direction == "outbound" and "Reply C to confirm, R to reschedule, X to cancel" in body
    spanish = thread_bodies(client, "+12025550116")
    assert any("Responda C para confirmar" in body for _, body in spanish)

    response = client.post("/simulator/send", json={"phone": "+12025550115", "body": "C"})
    assert response.status_code == 200
    run_worker()
    assert "is confirmed" in thread_bodies(client, "+12025550115")[-1][1]
    session.expire_all()
    status = session.exec(
        sa.select(Appointment.status).where(Appointment.external_id == "demo-r1")
    ).scalar_one()
    assert status == AppointmentStatus.CONFIRMED
