"""Property: whatever signed status callback arrives, `/twilio/status` answers TwiML or a clear
400, never a 500, on SQLite and PostgreSQL alike; a 200 records the event once, a 400 nothing."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.models import StatusEvent

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
    texts,
)
statuses = st.one_of(
    st.sampled_from(
        [
            "queued",
            "sent",
            "delivered",
            "undelivered",
            "failed",
            "canceled",
            "read",
            "partially_delivered",
            "accepted",
            "scheduled",
            "sending",
        ]
    ),
    texts,
)
sids = st.one_of(st.builds(lambda: "SM" + uuid.uuid4().hex), texts)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sid=sids,
    status=statuses,
    error_code=st.one_of(st.none(), numbers),
    outbox_id=st.one_of(st.none(), numbers),
    dlr=st.one_of(st.none(), texts, st.from_regex(r"[0-9]{10}", fullmatch=True)),
)
def test_status_callback_never_fails_on_any_form(
    twilio_post, session, sid, status, error_code, outbox_id, dlr
):
    form = {"MessageSid": sid, "MessageStatus": status, "AccountSid": "AC" + "0" * 32}
    if error_code is not None:
        form["ErrorCode"] = error_code
    if dlr is not None:
        form["RawDlrDoneDate"] = dlr
    path = "/twilio/status" + (f"?outbox_id={quote(outbox_id)}" if outbox_id is not None else "")
    session.expire_all()
    before = session.exec(sa.select(sa.func.count()).select_from(StatusEvent)).scalar_one()

    response = twilio_post(path, form)

    assert response.status_code in (200, 400), response.status_code
    session.expire_all()
    after = session.exec(sa.select(sa.func.count()).select_from(StatusEvent)).scalar_one()
    if response.status_code == 200:
        assert "<Response" in response.get_data(as_text=True)
        assert after - before in (0, 1)  # 0: a repeat of an earlier (sid, status)
    else:
        assert after == before
