"""Property: whatever a browser, a script or an attacker posts to a staff form, the app answers
a page (a redirect, or a 4xx naming the problem), never a 500; a rejected request stores nothing.

Bodies are built by hand, so they can carry what no well-behaved browser sends: NUL bytes,
invalid UTF-8, huge values, duplicate and missing fields. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.models import (
    AuditEvent,
    Handoff,
    HandoffStatus,
    HandoffWork,
    LoginAttempt,
    Message,
    StaffNote,
    StaffUser,
)
from gateway.staff import totp
from tests.gateway.staff.conftest import PASSWORD, csrf_of

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "'; DROP TABLE staffuser; --",
    "Robert'); DELETE FROM handoff;--",
    "%00",
    "../../etc/passwd",
    "\u202eevil",
    "😀" * 50,
    "ｅｍａｉｌ＠ｃｌｉｎｉｃ",
    "²³",
    "9" * 5000,
    "-1",
    "clinical",
    "emergency",
    "completed",
    "in_review",
    "admin",
    "role",
    "password",
    "deactivate",
    "start",
    "confirm",
]

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
values = st.one_of(
    st.sampled_from(HOSTILE).map(str.encode),
    st.tuples(texts, texts).map(lambda pair: f"{pair[0]}\x00{pair[1]}".encode()),
    texts.map(str.encode),
    st.binary(max_size=40),  # mostly invalid UTF-8
    st.sampled_from([1601, 4001, 20_000, 70_000]).map(lambda n: b"x" * n),
    st.sampled_from([300, 2000]).map(lambda n: ("é" * n).encode()),
)


def fields_for(names: list[str]):
    """Some of `names` (possibly none, possibly twice) and an odd one, each with hostile values."""
    odd = st.one_of(st.sampled_from(["", "\x00", "x" * 300]), texts)
    name = st.one_of(st.sampled_from(names), st.sampled_from(names), odd)
    return st.lists(st.tuples(name.map(str.encode), values), min_size=1, max_size=6)


def encode(pairs: list[tuple[bytes, bytes]]) -> bytes:
    return "&".join(f"{quote_from_bytes(k)}={quote_from_bytes(v)}" for k, v in pairs).encode()


def post(client, path: str, pairs, *, token: str | None, bad_token: bool = False):
    lead = [] if token is None else [(b"csrf_token", token.encode())]
    tail = [(b"csrf_token", b"forged")] if bad_token else []
    return client.post(
        path,
        data=encode(lead + list(pairs) + tail),
        content_type="application/x-www-form-urlencoded",
    )


TABLES = (StaffUser, LoginAttempt, AuditEvent, Handoff, HandoffWork, StaffNote, Message)


def snapshot(session) -> dict[str, object]:
    """Counts per table, and every staff account's and handoff's state."""
    session.expire_all()
    counts = {
        t.__name__: session.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        for t in TABLES
    }
    users = [
        (u.id, u.email, u.name, u.role, u.is_active, u.password_hash, u.totp_secret)
        for u in session.execute(sa.select(StaffUser).order_by(StaffUser.id)).scalars()
    ]
    handoffs = [
        (h.id, h.queue, h.status, h.owner)
        for h in session.execute(sa.select(Handoff).order_by(Handoff.id)).scalars()
    ]
    works = [
        (w.id, w.status, w.identity_verified_at)
        for w in session.execute(sa.select(HandoffWork).order_by(HandoffWork.id)).scalars()
    ]
    return {**counts, "users": users, "handoffs": handoffs, "works": works}


def flashed_error(client) -> bool:
    with client.session_transaction() as stored:
        return any(category == "error" for category, _ in stored.get("_flashes", []))


def clear_flashes(client) -> None:
    with client.session_transaction() as stored:
        stored.pop("_flashes", None)


def check(response, client, before, after) -> None:
    """Never a 500; a 4xx says why in words; a refusal (4xx or an error flash) stored nothing."""
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.status_code in (200, 302, 400, 401, 403, 404, 413, 429)
    if response.status_code in (400, 413):
        page = response.get_data(as_text=True)
        assert "<p" in page or "error" in page, page[:300]
        assert after == before
    elif response.status_code == 302 and flashed_error(client):
        assert after == before


PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def handoff(send_sms, run_worker, session) -> Handoff:
    send_sms("I have a rash that is spreading, should I worry?")
    run_worker()
    session.expire_all()
    found = session.execute(sa.select(Handoff).order_by(Handoff.id.desc())).scalars().first()
    assert found is not None and found.queue == "clinical"
    return found


@pytest.fixture
def owner(signed_in, handoff, session):
    """A nurse who owns the handoff; each example starts from that state again."""
    nurse = signed_in("clinical")
    page = f"/staff/handoffs/{handoff.id}"
    token = csrf_of(nurse.get(page).get_data(as_text=True))
    assert nurse.post(page + "/claim", data={"csrf_token": token}).status_code == 302

    def reset() -> str:
        session.expire_all()
        row = session.get(Handoff, handoff.id)
        row.status, row.owner, row.queue = (
            HandoffStatus.CLAIMED,
            f"staff:{nurse.staff_user.id}",
            "clinical",
        )
        session.add(row)
        session.commit()
        clear_flashes(nurse)
        return token

    nurse.reset = reset  # type: ignore[attr-defined]
    return nurse


ACTIONS = {
    "claim": [],
    "release": [],
    "reply": ["body", "nonce"],
    "note": ["body"],
    "status": ["status"],
    "route": ["queue", "reason"],
    "verify": [],
    "resolve": [],
}


@PROPERTY
@given(
    action=st.sampled_from(sorted(ACTIONS)),
    pairs=st.data(),
    bad_token=st.booleans(),
    no_token=st.integers(0, 9),
)
def test_conversation_actions_survive_any_form(
    owner, handoff, session, action, pairs, bad_token, no_token
):
    token = owner.reset()
    form = pairs.draw(fields_for(ACTIONS[action] or ["body"]))
    before = snapshot(session)

    response = post(
        owner,
        f"/staff/handoffs/{handoff.id}/{action}",
        form,
        token=None if no_token == 0 else token,
        bad_token=bad_token,
    )

    check(response, owner, before, snapshot(session))


@PROPERTY
@given(handoff_id=st.one_of(st.integers(-(2**70), 2**70), st.just(2**63)))
def test_any_handoff_id_in_a_url_is_a_page_not_a_crash(owner, handoff_id):
    token = owner.reset()
    for path in (f"/staff/handoffs/{handoff_id}", f"/staff/media/{handoff_id}"):
        assert owner.get(path).status_code in (200, 302, 403, 404)
    response = post(owner, f"/staff/handoffs/{handoff_id}/note", [(b"body", b"x")], token=token)
    assert response.status_code in (302, 403, 404)


@PROPERTY
@given(
    args=st.lists(
        st.tuples(
            st.sampled_from(["queue", "status", "lang", "location"]), st.sampled_from(HOSTILE)
        ),
        max_size=4,
    )
)
def test_queue_filters_survive_any_query(owner, args):
    owner.reset()
    query = "&".join(f"{k}={quote_from_bytes(v.encode())}" for k, v in args)
    for path in ("/staff/", "/staff/queue/list", "/staff/aging"):
        response = owner.get(f"{path}?{query}")
        # A filter it can read narrows the list; one no page could send is refused in words.
        assert response.status_code in (200, 400), response.status_code
        if response.status_code == 400:
            assert 'id="error-message"' in response.get_data(as_text=True)


@PROPERTY
@given(pairs=fields_for(["email", "password"]), bad_token=st.booleans())
def test_sign_in_survives_any_form(app, make_staff, session, pairs, bad_token):
    if not session.execute(sa.select(StaffUser)).first():
        make_staff("clinical", email="nurse@clinic.test")
    client = app.test_client()
    token = csrf_of(client.get("/staff/login").get_data(as_text=True))
    before = snapshot(session)

    response = post(client, "/staff/login", pairs, token=token, bad_token=bad_token)

    after = snapshot(session)
    assert response.status_code in (302, 400, 401, 413, 429), response.status_code
    if response.status_code in (400, 413):
        assert after == before and "<p" in response.get_data(as_text=True)
    else:
        # A failed try is recorded (rate limits read it); nothing else changes.
        assert after["users"] == before["users"] and after["Handoff"] == before["Handoff"]
    if response.status_code == 302:
        assert client.get("/staff/").status_code in (200, 302)


@PROPERTY
@given(pairs=fields_for(["code"]), bad_token=st.booleans())
def test_sign_in_code_survives_any_form(app, make_staff, session, pairs, bad_token):
    email = "totp@clinic.test"
    user = session.execute(sa.select(StaffUser).where(StaffUser.email == email)).scalars().first()
    if user is None:
        user = make_staff("clinical", email=email)
        user.totp_secret = totp.seal(
            totp.new_secret(), secret_key=app.extensions["gateway"].settings.secret_key
        )
        session.add(user)
        session.commit()
    session.execute(sa.delete(LoginAttempt))
    session.commit()
    client = app.test_client()
    token = csrf_of(client.get("/staff/login").get_data(as_text=True))
    first = client.post(
        "/staff/login", data={"email": email, "password": PASSWORD, "csrf_token": token}
    )
    assert first.headers["Location"].endswith("/staff/login/code")
    before = snapshot(session)

    response = post(client, "/staff/login/code", pairs, token=token, bad_token=bad_token)

    after = snapshot(session)
    assert response.status_code in (302, 400, 401, 413), response.status_code
    if response.status_code in (400, 413):
        assert after == before
    assert after["users"][:-1] == before["users"][:-1]


@PROPERTY
@given(
    create=fields_for(["email", "password", "role", "name", "clinic"]),
    update=fields_for(["action", "role", "password"]),
    bad_token=st.booleans(),
)
def test_admin_account_forms_survive_any_form(signed_in_admin, session, create, update, bad_token):
    admin, other_id = signed_in_admin
    clear_flashes(admin)
    token = csrf_of(admin.get("/staff/admin/users").get_data(as_text=True))
    before = snapshot(session)
    response = post(admin, "/staff/admin/users", create, token=token, bad_token=bad_token)
    check(response, admin, before, snapshot(session))

    clear_flashes(admin)
    before = snapshot(session)
    response = post(admin, f"/staff/admin/users/{other_id}", update, token=token)
    check(response, admin, before, snapshot(session))


@pytest.fixture
def signed_in_admin(signed_in, make_staff):
    admin = signed_in("admin")
    other = make_staff("billing")
    return admin, other.id


@PROPERTY
@given(pairs=fields_for(["action", "code"]), bad_token=st.booleans())
def test_two_factor_enrolment_survives_any_form(signed_in_nurse, session, pairs, bad_token):
    nurse = signed_in_nurse
    clear_flashes(nurse)
    token = csrf_of(nurse.get("/staff/account").get_data(as_text=True))
    before = snapshot(session)

    response = post(nurse, "/staff/account/totp", pairs, token=token, bad_token=bad_token)

    check(response, nurse, before, snapshot(session))


@pytest.fixture
def signed_in_nurse(signed_in):
    return signed_in("clinical")


def test_a_nul_byte_is_refused_with_words_and_stores_nothing(owner, handoff, session):
    token = owner.reset()
    before = snapshot(session)

    response = post(
        owner, f"/staff/handoffs/{handoff.id}/note", [(b"body", b"a\x00b")], token=token
    )

    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)
    assert snapshot(session) == before


def test_a_note_longer_than_the_limit_is_refused_not_cut(owner, handoff, session):
    token = owner.reset()
    before = snapshot(session)

    response = post(
        owner, f"/staff/handoffs/{handoff.id}/note", [(b"body", b"x" * 4001)], token=token
    )

    assert response.status_code == 400
    assert "4000" in response.get_data(as_text=True)
    assert snapshot(session) == before
