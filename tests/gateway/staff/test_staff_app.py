"""The staff app through its routes, as a nurse, a biller, a manager and an admin would use it.

Patients text through the real signed webhook and `run_worker` processes and sends; staff
replies reach the local fake Twilio through the outbox.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from gateway.models import (
    AuditEvent,
    Contact,
    Handoff,
    HandoffWork,
    Message,
    MessageKind,
    StaffNote,
)
from tests.conftest import PATIENT_NUMBER
from tests.gateway.staff.conftest import csrf_of

BILLING_NUMBER = "+12025550144"


def latest_handoff(session) -> Handoff:
    session.expire_all()
    return session.execute(sa.select(Handoff).order_by(Handoff.id.desc())).scalars().first()


def audit_actions(session, **where) -> list[str]:
    session.expire_all()
    query = sa.select(AuditEvent.action).order_by(AuditEvent.id)
    for key, value in where.items():
        query = query.where(getattr(AuditEvent, key) == value)
    return list(session.execute(query).scalars())


def nonce_of(html: str) -> str:
    return re.search(r'name="nonce" value="([^"]+)"', html).group(1)


@pytest.fixture
def emergency(send_sms, run_worker, create_patient, session) -> Handoff:
    """Ana asks a general question, then writes that her toddler will not wake up."""
    create_patient(name="Ana Test")
    send_sms("what time do you open on saturday?")
    run_worker()
    send_sms("my toddler has a high fever and won't wake up")
    run_worker()
    return latest_handoff(session)


@pytest.fixture
def billing(send_sms, run_worker, session) -> Handoff:
    send_sms("I have a question about my bill", from_=BILLING_NUMBER)
    run_worker()
    handoff = latest_handoff(session)
    assert handoff.queue == "billing"
    return handoff


def claim(client, handoff_id: int):
    page = f"/staff/handoffs/{handoff_id}"
    token = csrf_of(client.get(page).get_data(as_text=True))
    return client.post(page + "/claim", data={"csrf_token": token})


def reply(client, handoff_id: int, body: str, *, nonce: str | None = None):
    page = f"/staff/handoffs/{handoff_id}"
    html = client.get(page).get_data(as_text=True)
    data = {"csrf_token": csrf_of(html), "nonce": nonce or nonce_of(html), "body": body}
    return client.post(page + "/reply", data=data)


def act(client, handoff_id: int, action: str, **data: str):
    page = f"/staff/handoffs/{handoff_id}"
    token = csrf_of(client.get(page).get_data(as_text=True))
    return client.post(f"{page}/{action}", data={"csrf_token": token, **data})


# ----------------------------------------------------------------------------- headline


def test_a_later_emergency_becomes_the_headline_in_words_and_the_first_reason_stays(
    emergency, signed_in
):
    nurse = signed_in("clinical")

    queue = nurse.get("/staff/").get_data(as_text=True)
    page = nurse.get(f"/staff/handoffs/{emergency.id}").get_data(as_text=True)

    assert emergency.queue == "emergency" and emergency.is_emergency
    assert "Possible medical emergency: call the patient now" in queue
    headline = re.search(r'<h1 id="headline">(.*?)</h1>', page, re.S).group(1)
    assert "Possible medical emergency" in headline
    assert "General question" not in headline
    earlier = page.split('id="earlier"')[1]
    assert "A general question" in earlier
    # Reasons are words, not rule codes.
    assert "Emergency warning sign (medical): unresponsive." in page
    assert "queue rule" not in page and "emergency:medical" not in page


# ----------------------------------------------------------------------------- queue


def test_the_queue_pins_emergencies_then_urgency_then_due_and_counts_each_queue(
    send_sms, run_worker, signed_in, session
):
    send_sms("can I get a refill of my inhaler", from_="+12025550131")
    send_sms("my chest hurts really bad", from_="+12025550132")
    send_sms("I have a rash that is spreading, should I worry?", from_="+12025550133")
    run_worker()
    nurse = signed_in("clinical")

    html = nurse.get("/staff/").get_data(as_text=True)
    rows = re.findall(r'class="queue-row ([^"]*)"\s+data-handoff="(\d+)"', html)
    data = nurse.get("/staff/api/queue").get_json()

    assert len(rows) == 3
    assert "row-emergency" in rows[0][0]
    assert "row-emergency" not in rows[1][0] + rows[2][0]
    queues = [session.get(Handoff, int(hid)).queue for _, hid in rows]
    assert queues == ["emergency", "clinical", "refills"]
    assert data["counts"] == {"emergency": 1, "clinical": 1, "refills": 1}
    assert data["emergencies"] == [int(rows[0][1])]
    assert (
        'id="emergency-alert"' in html
        and "hidden" not in html.split('id="emergency-alert"')[1][:40]
    )


def test_overdue_items_are_flagged_and_filters_narrow_the_list(
    send_sms, run_worker, signed_in, session
):
    send_sms("can I get a refill of my inhaler", from_="+12025550131")
    send_sms("necesito una receta nueva de mi medicina, por favor", from_="+12025550134")
    run_worker()
    late = latest_handoff(session)
    late.due_at = datetime.now(UTC) - timedelta(hours=1)
    session.add(late)
    session.commit()
    nurse = signed_in("clinical")

    everything = nurse.get("/staff/").get_data(as_text=True)
    spanish = nurse.get("/staff/?lang=es").get_data(as_text=True)
    english = nurse.get("/staff/?lang=en").get_data(as_text=True)
    new_only = nurse.get("/staff/?status=new").get_data(as_text=True)
    waiting = nurse.get("/staff/?status=waiting_on_patient").get_data(as_text=True)

    assert everything.count('class="queue-row') == 2
    assert everything.count("row-overdue") == 1 and "OVERDUE" in everything
    assert spanish.count('class="queue-row') == 1 and f'data-handoff="{late.id}"' in spanish
    assert f'data-handoff="{late.id}"' not in english
    assert new_only.count('class="queue-row') == 2
    assert waiting.count('class="queue-row') == 0


# ----------------------------------------------------------------------------- permissions


def test_a_nurse_cannot_open_a_billing_conversation_by_url_and_the_try_is_audited(
    billing, signed_in, session
):
    nurse = signed_in("clinical")

    page = nurse.get(f"/staff/handoffs/{billing.id}")
    claim_try = nurse.post(
        f"/staff/handoffs/{billing.id}/claim",
        data={"csrf_token": csrf_of(nurse.get("/staff/").get_data(as_text=True))},
    )
    queue = nurse.get("/staff/").get_data(as_text=True)

    assert page.status_code == 403
    assert "I have a question about my bill" not in page.get_data(as_text=True)
    assert claim_try.status_code == 403
    assert f'data-handoff="{billing.id}"' not in queue
    denied = (
        session.execute(sa.select(AuditEvent).where(AuditEvent.action == "staff.denied"))
        .scalars()
        .all()
    )
    assert [(e.actor, e.subject_id) for e in denied] == [
        (f"staff:{nurse.staff_user.id}", billing.id)
    ] * 2
    assert latest_handoff(session).owner is None


def test_billing_sees_it_the_manager_reads_and_reassigns_but_cannot_claim(
    billing, signed_in, session
):
    biller = signed_in("billing")
    manager = signed_in("manager")

    assert biller.get(f"/staff/handoffs/{billing.id}").status_code == 200
    assert manager.get(f"/staff/handoffs/{billing.id}").status_code == 200
    assert claim(manager, billing.id).status_code == 403
    routed = act(
        manager, billing.id, "route", queue="front_desk", reason="address change, not a bill"
    )

    assert routed.status_code == 302
    handoff = latest_handoff(session)
    assert handoff.queue == "front_desk"
    assert biller.get(f"/staff/handoffs/{billing.id}").status_code == 403
    notes = session.execute(sa.select(StaffNote.body)).scalars().all()
    assert notes == ["Routed from billing to front_desk: address change, not a bill"]


def test_the_admin_manages_accounts_and_nobody_else_can(signed_in, session):
    admin = signed_in("admin")
    nurse = signed_in("clinical")
    token = csrf_of(admin.get("/staff/admin/users").get_data(as_text=True))

    created = admin.post(
        "/staff/admin/users",
        data={
            "csrf_token": token,
            "email": "New.Biller@Clinic.test",
            "name": "New Biller",
            "role": "billing",
            "password": "a long enough password",
        },
    )
    listing = admin.get("/staff/admin/users").get_data(as_text=True)

    assert created.status_code == 302
    assert "new.biller@clinic.test" in listing
    assert nurse.get("/staff/admin/users").status_code == 403
    assert admin.get("/staff/").status_code == 302  # the admin sees no patient queue
    assert "staff.account_created" in audit_actions(session)


# ----------------------------------------------------------------------------- actions


def test_claim_reply_resolve_and_the_bot_steps_back_until_resolved(
    emergency, signed_in, run_worker, send_sms, fake_twilio, session
):
    nurse = signed_in("clinical")
    other = signed_in("clinical", email="second.nurse@clinic.test")

    assert claim(nurse, emergency.id).status_code == 302
    second = claim(other, emergency.id)
    other_page = other.get(f"/staff/handoffs/{emergency.id}").get_data(as_text=True)
    assert "Already claimed by" in other_page or second.status_code == 302
    assert latest_handoff(session).owner == f"staff:{nurse.staff_user.id}"
    assert reply(other, emergency.id, "hello from the wrong nurse", nonce="n1").status_code == 302
    assert "Claim the conversation first" in other.get(f"/staff/handoffs/{emergency.id}").get_data(
        as_text=True
    )

    html = nurse.get(f"/staff/handoffs/{emergency.id}").get_data(as_text=True)
    nonce = nonce_of(html)
    reply(nurse, emergency.id, "This is the nurse. I am calling you now.", nonce=nonce)
    reply(nurse, emergency.id, "This is the nurse. I am calling you now.", nonce=nonce)
    run_worker()

    staff_texts = [m for m in fake_twilio.messages if m["Body"].startswith("This is the nurse")]
    assert len(staff_texts) == 1 and staff_texts[0]["To"] == PATIENT_NUMBER
    row = session.execute(sa.select(Message).where(Message.kind == MessageKind.STAFF)).scalar_one()
    assert row.handoff_id == emergency.id

    # While the nurse owns it, the bot says nothing to an ordinary text.
    before = len(fake_twilio.messages)
    send_sms("ok thank you, what time do you open tomorrow?")
    run_worker()
    assert len(fake_twilio.messages) == before

    assert (
        act(nurse, emergency.id, "note", body="Called, mother taking child to ER").status_code
        == 302
    )
    assert act(nurse, emergency.id, "resolve").status_code == 302
    handoff = latest_handoff(session)
    assert handoff.status == "resolved"
    work = session.execute(sa.select(HandoffWork)).scalar_one()
    assert work.status == "completed" and work.first_reply_at is not None

    # Resolved: the bot answers again.
    send_sms("what time do you open tomorrow?")
    run_worker()
    assert len(fake_twilio.messages) > before
    actions = audit_actions(session, actor=f"staff:{nurse.staff_user.id}")
    for expected in ("staff.view", "staff.claim", "staff.reply", "staff.note", "staff.resolve"):
        assert expected in actions


def test_two_claims_at_once_leave_one_owner(emergency, app, make_staff, session):
    from gateway.staff import cases

    first, second = (
        make_staff("clinical", email="a@clinic.test"),
        make_staff("clinical", email="b@clinic.test"),
    )
    from sqlmodel import Session

    engine = app.extensions["gateway"].engine
    with Session(engine) as one, Session(engine) as two:
        h1, h2 = one.get(Handoff, emergency.id), two.get(Handoff, emergency.id)
        cases.claim(session=one, user=first, handoff=h1, now=datetime.now(UTC))
        one.commit()
        with pytest.raises(cases.ActionRefused, match="Already claimed"):
            cases.claim(session=two, user=second, handoff=h2, now=datetime.now(UTC))
    assert latest_handoff(session).owner == f"staff:{first.id}"


def test_a_terminal_status_resolves_and_waiting_does_not(billing, signed_in, session):
    biller = signed_in("billing")
    claim(biller, billing.id)

    act(biller, billing.id, "status", status="waiting_on_patient")
    assert latest_handoff(session).status != "resolved"
    act(biller, billing.id, "status", status="closed_no_response")

    handoff = latest_handoff(session)
    assert handoff.status == "resolved"
    assert session.execute(sa.select(HandoffWork.status)).scalar_one() == "closed_no_response"


def test_no_text_to_an_opted_out_patient(billing, signed_in, session, run_worker, fake_twilio):
    contact = session.execute(
        sa.select(Contact).where(Contact.phone == BILLING_NUMBER)
    ).scalar_one()
    contact.is_opted_out = True
    session.add(contact)
    session.commit()
    biller = signed_in("billing")
    claim(biller, billing.id)

    reply(biller, billing.id, "About your bill")
    run_worker()

    page = biller.get(f"/staff/handoffs/{billing.id}").get_data(as_text=True)
    assert "opted out of texts" in page
    assert not [m for m in fake_twilio.messages if m["Body"] == "About your bill"]


def test_identity_confirmation_is_recorded(billing, signed_in, session):
    biller = signed_in("billing")
    claim(biller, billing.id)

    act(biller, billing.id, "verify")

    page = biller.get(f"/staff/handoffs/{billing.id}").get_data(as_text=True)
    assert 'id="identity">yes' in page
    assert "staff.identity_verified" in audit_actions(session)


# ----------------------------------------------------------------------------- the page is safe


def test_patient_text_is_escaped_and_the_page_has_a_strict_policy(
    send_sms, run_worker, signed_in, session
):
    send_sms('<script>alert("x")</script> question about my bill', from_=BILLING_NUMBER)
    run_worker()
    handoff = latest_handoff(session)
    manager = signed_in("manager")

    response = manager.get(f"/staff/handoffs/{handoff.id}")
    html = response.get_data(as_text=True)

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "<style" not in html and " style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []


# ----------------------------------------------------------------------------- audit search


def test_the_audit_log_shows_who_opened_what(billing, signed_in, session):
    biller = signed_in("billing")
    biller.get(f"/staff/handoffs/{billing.id}")
    manager = signed_in("manager")

    page = manager.get(
        f"/staff/admin/audit?actor=staff:{biller.staff_user.id}&action=staff.view"
    ).get_data(as_text=True)

    assert "billing@clinic.test" in page and "staff.view" in page
    assert f"handoff {billing.id}" in page
    assert signed_in("refills").get("/staff/admin/audit").status_code == 403


def test_a_new_patient_message_after_staff_worked_on_it_is_flagged(
    billing, signed_in, send_sms, run_worker
):
    biller = signed_in("billing")
    claim(biller, billing.id)
    assert "new message" not in biller.get("/staff/").get_data(as_text=True)

    send_sms("also, can I pay in installments?", from_=BILLING_NUMBER)
    run_worker()

    assert "new message" in biller.get("/staff/").get_data(as_text=True)


def test_no_staff_log_line_or_url_carries_phi(emergency, signed_in, caplog, run_worker):
    import logging

    caplog.set_level(logging.DEBUG)
    nurse = signed_in("clinical")
    biller = signed_in("billing")
    html = nurse.get("/staff/").get_data(as_text=True)
    claim(nurse, emergency.id)
    reply(nurse, emergency.id, "Ana, the nurse is calling you now")
    biller.get(f"/staff/handoffs/{emergency.id}")  # refused, logged
    run_worker()

    text = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("Ana", "toddler", "nurse is calling", PATIENT_NUMBER):
        assert secret not in text
    links = re.findall(r'href="([^"]+)"', html)
    assert links and not [link for link in links if "0123" in link or "Ana" in link]


def test_quick_replies_come_from_the_catalogs_in_the_patients_language(
    send_sms, run_worker, signed_in, session
):
    send_sms("tengo una pregunta sobre mi factura, me cobraron dos veces", from_=BILLING_NUMBER)
    run_worker()
    handoff = latest_handoff(session)
    assert handoff.queue == "billing" and (handoff.note or {}).get("lang") == "es"
    biller = signed_in("billing")
    claim(biller, handoff.id)

    page = biller.get(f"/staff/handoffs/{handoff.id}").get_data(as_text=True)

    # The Spanish catalog's words (locales/es), filled with the clinic's name and phone.
    assert "le habla la clínica. Alguien del personal le llamará pronto desde el" in page
    assert "si es una emergencia, llame al 911 ahora" in page
    assert "A staff member will call you shortly" not in page
