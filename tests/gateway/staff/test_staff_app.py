"""The staff app through its routes: sign-in, the queue, a conversation, every action."""

from __future__ import annotations

import sqlalchemy as sa

from gateway.models import Handoff
from tests.conftest import PATIENT_NUMBER
from tests.gateway.staff.conftest import csrf_of


def _handoff(session, **where) -> Handoff:
    session.expire_all()
    query = sa.select(Handoff).order_by(Handoff.id.desc())
    return session.execute(query).scalars().first()


def test_smoke_emergency_claim_reply_resolve(
    app, session, send_sms, run_worker, signed_in, post_form, fake_twilio, create_patient
):
    create_patient(name="Ana Test")
    send_sms("what time do you open on saturday?")
    run_worker()
    send_sms("my toddler has a high fever and won't wake up")
    run_worker()
    nurse = signed_in("clinical")
    page = nurse.get("/staff/").get_data(as_text=True)
    assert "Possible medical emergency" in page, page
    handoff = _handoff(session)
    path = f"/staff/handoffs/{handoff.id}"
    html = nurse.get(path).get_data(as_text=True)
    assert "Possible medical emergency" in html
    assert "A general question" in html  # the earlier reason stays visible
    assert "General question (en)" not in html
    response = post_form(nurse, path + "/claim", {}, page=path)
    assert response.status_code == 302
    html = nurse.get(path).get_data(as_text=True)
    token = csrf_of(html)
    nonce = html.split('name="nonce" value="')[1].split('"')[0]
    response = nurse.post(
        path + "/reply", data={"csrf_token": token, "nonce": nonce, "body": "Calling you now."}
    )
    assert response.status_code == 302
    run_worker()
    assert any(
        m["Body"] == "Calling you now." and m["To"] == PATIENT_NUMBER for m in fake_twilio.messages
    )
    response = post_form(nurse, path + "/resolve", {}, page=path)
    session.expire_all()
    assert session.get(Handoff, handoff.id).status == "resolved"
