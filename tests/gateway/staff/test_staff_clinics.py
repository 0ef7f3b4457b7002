"""Several clinics in one deployment: a staff account sees only its own clinic's conversations,
counts, scorecard and audit trail; another clinic's conversation by URL is refused and audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from gateway.models import AuditEvent, Clinic, Handoff, Location, StaffRole, StaffUser
from gateway.staff.auth import create_staff
from tests.gateway.staff.conftest import PASSWORD, csrf_of, sign_in

NORTH_NUMBER = "+12025550188"


@pytest.fixture
def north(session) -> Clinic:
    clinic = Clinic(slug="north", name="North Clinic", phone="(202) 555-0188")
    session.add(clinic)
    session.flush()
    session.add(Location(clinic_id=clinic.id, name="North", twilio_number=NORTH_NUMBER))
    session.commit()
    return clinic


@pytest.fixture
def two_handoffs(send_sms, run_worker, session, clinic, north) -> tuple[Handoff, Handoff]:
    """One rash question to each clinic's number, from two patients."""
    send_sms("I have a rash that is spreading, should I worry?", from_="+12025550131")
    send_sms(
        "I have a rash that is spreading, should I worry?", from_="+12025550132", To=NORTH_NUMBER
    )
    run_worker()
    session.expire_all()
    main_h, north_h = session.execute(sa.select(Handoff).order_by(Handoff.id)).scalars().all()
    assert (main_h.clinic_id, north_h.clinic_id) == (clinic.id, north.id)
    assert main_h.queue == north_h.queue == "clinical"
    return main_h, north_h


def client_for(app, make_staff, role: str, email: str, **fields):
    user = make_staff(role, email=email, **fields)
    client = app.test_client()
    assert sign_in(client, user.email).status_code == 302
    client.staff_user = user  # type: ignore[attr-defined]
    return client


def test_a_nurse_sees_only_her_clinics_queue_and_counts(app, make_staff, two_handoffs, clinic):
    main_h, north_h = two_handoffs
    nurse = client_for(app, make_staff, "clinical", "nurse@main.test", clinic_id=clinic.id)

    html = nurse.get("/staff/").get_data(as_text=True)
    data = nurse.get("/staff/api/queue").get_json()

    assert f'data-handoff="{main_h.id}"' in html
    assert f'data-handoff="{north_h.id}"' not in html
    assert data["counts"]["clinical"] == 1


def test_another_clinics_conversation_by_url_is_refused_and_audited(
    app, make_staff, two_handoffs, clinic, session
):
    main_h, north_h = two_handoffs
    nurse = client_for(app, make_staff, "clinical", "nurse@main.test", clinic_id=clinic.id)
    token = csrf_of(nurse.get(f"/staff/handoffs/{main_h.id}").get_data(as_text=True))

    page = nurse.get(f"/staff/handoffs/{north_h.id}")
    claim = nurse.post(f"/staff/handoffs/{north_h.id}/claim", data={"csrf_token": token})

    assert page.status_code == 403 and claim.status_code == 403
    assert "clinic" in page.get_data(as_text=True)
    session.expire_all()
    assert session.get(Handoff, north_h.id).owner is None
    denied = (
        session.execute(sa.select(AuditEvent).where(AuditEvent.action == "staff.denied"))
        .scalars()
        .all()
    )
    assert [(e.subject_id, e.actor) for e in denied] == [
        (north_h.id, f"staff:{nurse.staff_user.id}")
    ] * 2
    # ...and the nurse's own clinic works as before.
    assert nurse.get(f"/staff/handoffs/{main_h.id}").status_code == 200


def test_a_managers_scorecard_and_audit_search_hold_only_her_clinic(
    app, make_staff, two_handoffs, clinic, north
):
    main_h, north_h = two_handoffs
    north_nurse = client_for(app, make_staff, "clinical", "nurse@north.test", clinic_id=north.id)
    assert north_nurse.get(f"/staff/handoffs/{north_h.id}").status_code == 200
    manager = client_for(app, make_staff, "manager", "manager@main.test", clinic_id=clinic.id)
    everyone = client_for(app, make_staff, "manager", "boss@group.test", all_clinics=True)

    card = manager.get("/staff/scorecard.csv").get_data(as_text=True)
    audit = manager.get("/staff/admin/audit?action=staff.view").get_data(as_text=True)
    queue = manager.get("/staff/").get_data(as_text=True)
    group_queue = everyone.get("/staff/").get_data(as_text=True)
    group_card = everyone.get("/staff/scorecard.csv").get_data(as_text=True)

    assert "nurse@north.test" not in audit  # the north nurse's view is the other clinic's
    assert f'data-handoff="{north_h.id}"' not in queue
    assert f'data-handoff="{main_h.id}"' in queue
    assert (
        f'data-handoff="{north_h.id}"' in group_queue
        and f'data-handoff="{main_h.id}"' in group_queue
    )
    assert "totals,opened,1," in card  # this clinic's one handoff of the week
    assert "totals,opened,2," in group_card  # both clinics'


def test_accounts_need_a_clinic_once_there_are_several(session, north):
    now = datetime.now(UTC)
    with pytest.raises(ValueError, match="several clinics"):
        create_staff(
            session=session, email="a@x.test", password=PASSWORD, role=StaffRole.CLINICAL, now=now
        )
    with pytest.raises(ValueError, match="every clinic"):
        create_staff(
            session=session,
            email="b@x.test",
            password=PASSWORD,
            role=StaffRole.CLINICAL,
            now=now,
            all_clinics=True,
        )


def test_create_staff_command_takes_a_clinic_slug(runner, session, north):
    result = runner.invoke(
        args=["create-staff", "n@north.test", "--role", "front_desk", "--clinic", "north"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    missing = runner.invoke(
        args=["create-staff", "m@north.test", "--role", "front_desk"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )

    assert result.exit_code == 0, result.output
    session.expire_all()
    user = session.execute(
        sa.select(StaffUser).where(StaffUser.email == "n@north.test")
    ).scalar_one()
    assert user.clinic_id == north.id
    assert missing.exit_code != 0 and "--clinic" in missing.output


def test_with_one_clinic_an_account_joins_it(make_staff, clinic):
    assert make_staff("billing").clinic_id == clinic.id
