"""Property: whatever signed form Twilio (or an attacker with the token) posts, the SMS webhook
answers valid TwiML or a clear 4xx, never a 500, and stores each valid message exactly once."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from gateway.models import Direction, Message
from gateway.twilio.fields import SMS_SID as SID_PATTERN

# Any unicode Twilio could forward, minus surrogates (not encodable in a form post).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
phones = st.one_of(
    st.just("+12025550123"),
    st.from_regex(r"\+1[2-9]\d{9}", fullmatch=True),
    st.from_regex(r"\+\d{1,15}", fullmatch=True),
    texts,
)
optional = st.one_of(st.none(), texts)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=optional, from_=st.one_of(st.none(), phones), to=optional, extra=optional)
def test_sms_webhook_never_fails_on_any_form(twilio_post, session, body, from_, to, extra):
    sid = "SM" + uuid.uuid4().hex
    form = {"MessageSid": sid}
    for key, value in (("Body", body), ("From", from_), ("To", to), ("NumMedia", extra)):
        if value is not None:
            form[key] = value

    response = twilio_post("/twilio/sms", form)

    assert response.status_code in (200, 400), response.status_code
    session.expire_all()
    stored = session.exec(select(Message).where(Message.twilio_sid == sid)).all()
    if response.status_code == 200:
        assert response.mimetype == "text/xml"
        assert "<Response" in response.get_data(as_text=True)
        assert len(stored) == 1
        assert stored[0].body == (body or "").replace("\x00", "\ufffd")
        assert stored[0].direction == Direction.INBOUND
        assert stored[0].processed_at is not None
    else:
        assert stored == []
        assert not (from_ or "").strip()  # the only 400 a valid MessageSid can earn


sids = st.one_of(
    st.builds(lambda: "SM" + uuid.uuid4().hex),
    st.builds(lambda: "SM" + uuid.uuid4().hex + "\n"),  # `$` would let this one through
    st.builds(lambda: "SM" + uuid.uuid4().hex + "x" * 40),  # longer than the column
    st.builds(lambda: "SM" + uuid.uuid4().hex[:10] + "\x00"),
    texts,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sid=sids, body=optional, from_=phones, opt_out=st.one_of(st.none(), texts))
def test_any_message_sid_is_stored_whole_or_refused_with_a_4xx(
    twilio_post, session, sid, body, from_, opt_out
):
    """Both databases: a sid is either exactly valid and stored once, or a clear 400."""
    form = {"MessageSid": sid, "From": from_ or "+12025550123"}
    if body is not None:
        form["Body"] = body
    if opt_out is not None:
        form["OptOutType"] = opt_out
    if not form["From"].strip():
        form["From"] = "+12025550123"

    response = twilio_post("/twilio/sms", form)

    assert response.status_code in (200, 400), response.status_code
    session.expire_all()
    # Compared in Python: PostgreSQL refuses a NUL even inside a query parameter.
    stored = [m for m in session.exec(select(Message)).all() if m.twilio_sid == sid]
    if response.status_code == 200:
        assert len(stored) == 1 and stored[0].processed_at is not None
        assert len(stored[0].from_number) <= 20 and "\x00" not in stored[0].from_number
    else:
        assert stored == []
        assert not SID_PATTERN.fullmatch(sid)
