"""Signing in: passwords, rate limits, CSRF, idle timeout, deactivation, TOTP, the CLI."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from gateway.models import AuditEvent, StaffUser
from gateway.staff import totp
from tests.gateway.staff.conftest import PASSWORD, csrf_of, sign_in


def test_rfc_6238_test_vectors():
    # RFC 6238 appendix B, SHA-1, secret "12345678901234567890", 8 digits.
    key = b"12345678901234567890"
    for unix, code in ((59, "94287082"), (1111111109, "07081804"), (1234567890, "89005924")):
        assert totp.hotp(key, unix // 30, digits=8) == code


def test_a_totp_code_works_once_and_only_near_its_time():
    secret = totp.new_secret()
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    code = totp.code_at(secret, now)

    step = totp.verify(secret, code, now=now, last_step=None)

    assert step is not None
    assert totp.verify(secret, code, now=now, last_step=step) is None  # replay
    later = datetime.fromtimestamp(now.timestamp() + 120, UTC)
    assert totp.verify(secret, code, now=later, last_step=None) is None


def test_the_password_is_stored_as_argon2_and_a_wrong_one_is_refused(client, make_staff):
    user = make_staff("clinical")

    wrong = sign_in(client, user.email, "not the password at all")
    right = sign_in(client, user.email.upper())

    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert wrong.status_code == 401
    assert "do not match" in wrong.get_data(as_text=True)
    assert right.status_code == 302 and right.headers["Location"].endswith("/staff/")
    assert client.get("/staff/").status_code == 200


def test_a_form_without_the_csrf_token_is_refused(client, make_staff):
    user = make_staff("clinical")
    client.get("/staff/login")

    response = client.post("/staff/login", data={"email": user.email, "password": PASSWORD})

    assert response.status_code == 400
    assert client.get("/staff/").status_code == 302  # not signed in


def test_five_failures_lock_the_email_even_for_the_right_password(client, make_staff, session):
    user = make_staff("clinical")
    for _ in range(5):
        assert sign_in(client, user.email, "wrong password here").status_code == 401

    locked = sign_in(client, user.email)

    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302
    actions = session.execute(sa.select(AuditEvent.action)).scalars().all()
    assert actions.count("staff.login_failed") == 5 and "staff.login_limited" in actions


def test_twenty_failures_from_one_address_lock_every_email(client, make_staff):
    user = make_staff("clinical")
    for n in range(20):
        sign_in(client, f"guess{n}@clinic.test", "wrong password here")

    assert sign_in(client, user.email).status_code == 429


def test_an_idle_session_ends_and_polling_does_not_keep_it_alive(signed_in, app):
    nurse = signed_in("clinical")
    idle = app.extensions["gateway"].settings.staff_idle_minutes * 60
    with nurse.session_transaction() as cookie:
        cookie["seen"] = int(time.time()) - idle + 30
    assert nurse.get("/staff/api/queue").status_code == 200
    with nurse.session_transaction() as cookie:
        assert cookie["seen"] <= int(time.time()) - idle + 30  # the poll did not touch it
        cookie["seen"] = int(time.time()) - idle - 1

    page = nurse.get("/staff/")
    poll = nurse.get("/staff/api/queue")

    assert page.status_code == 302 and page.headers["Location"].endswith("/staff/login")
    assert poll.status_code == 401
    assert "signed out after a period without activity" in nurse.get("/staff/login").get_data(
        as_text=True
    )


def test_a_deactivated_account_is_signed_out_at_its_next_request(signed_in, session):
    nurse = signed_in("clinical")
    user = session.get(StaffUser, nurse.staff_user.id)
    user.is_active = False
    session.add(user)
    session.commit()

    assert nurse.get("/staff/").status_code == 302
    assert sign_in(nurse, user.email).status_code == 401


def test_sign_out_ends_the_session(signed_in):
    nurse = signed_in("clinical")
    token = csrf_of(nurse.get("/staff/").get_data(as_text=True))

    nurse.post("/staff/logout", data={"csrf_token": token})

    assert nurse.get("/staff/").status_code == 302


def test_totp_enrolment_and_sign_in_with_a_code(signed_in, app, session):
    nurse = signed_in("clinical")
    token = csrf_of(nurse.get("/staff/account").get_data(as_text=True))
    nurse.post("/staff/account/totp", data={"csrf_token": token, "action": "start"})
    page = nurse.get("/staff/account").get_data(as_text=True)
    secret = page.split('id="totp-secret">')[1].split("<")[0]
    token = csrf_of(page)
    nurse.post(
        "/staff/account/totp",
        data={
            "csrf_token": token,
            "action": "confirm",
            "code": totp.code_at(secret, datetime.now(UTC)),
        },
    )
    session.expire_all()
    stored = session.get(StaffUser, nurse.staff_user.id).totp_secret
    assert secret not in stored and stored.startswith("v1.")  # sealed, not the secret itself
    secret_key = app.extensions["gateway"].settings.secret_key
    assert totp.unseal(stored, secret_key=secret_key) == secret

    client = app.test_client()
    first = sign_in(client, nurse.staff_user.email)
    assert first.headers["Location"].endswith("/staff/login/code")
    assert client.get("/staff/").status_code == 302  # a password alone is not enough
    token = csrf_of(client.get("/staff/login/code").get_data(as_text=True))
    bad = client.post("/staff/login/code", data={"csrf_token": token, "code": "000000"})
    assert bad.status_code == 401
    # The step used at enrolment is spent; wait for the next one rather than replay it.
    code = totp.code_at(secret, datetime.fromtimestamp(time.time() + 30, UTC))
    token = csrf_of(client.get("/staff/login/code").get_data(as_text=True))
    good = client.post("/staff/login/code", data={"csrf_token": token, "code": code})
    assert good.status_code == 302 and good.headers["Location"].endswith("/staff/")
    assert client.get("/staff/").status_code == 200


@pytest.mark.parametrize(
    ("stdin", "ok"),
    [
        ("a long enough password\na long enough password\n", True),
        ("a long enough password\na different password!!\n", False),
        ("short\nshort\n", False),
    ],
)
def test_create_staff_reads_the_password_twice_from_stdin(runner, session, stdin, ok):
    result = runner.invoke(
        args=["create-staff", "Nurse.Joy@Clinic.test", "--role", "clinical"], input=stdin
    )

    user = session.execute(
        sa.select(StaffUser).where(StaffUser.email == "nurse.joy@clinic.test")
    ).scalar_one_or_none()
    if ok:
        assert result.exit_code == 0, result.output
        assert user is not None and user.role == "clinical"
        assert "a long enough password" not in result.output
    else:
        assert result.exit_code != 0
        assert user is None


def test_create_staff_has_no_password_argument(runner):
    result = runner.invoke(args=["create-staff", "--help"])

    assert "--password" not in result.output


def test_the_demo_makes_the_nurse_and_manager_it_prints(app, client):
    from gateway.demo import DEMO_STAFF, seed_demo
    from scripts import demo

    seed_demo(app, now=datetime.now(UTC))
    seed_demo(app, now=datetime.now(UTC))  # idempotent
    banner = demo.banner(5400, 5401)
    for email, _role, _name, password in DEMO_STAFF[:2]:
        assert email in banner and password in banner
        other = app.test_client()
        assert sign_in(other, email, password).status_code == 302
    assert {role for _e, role, _n, _p in DEMO_STAFF} >= {"clinical", "manager"}


def test_a_sealed_totp_secret_is_authenticated_and_bound_to_the_secret_key():
    secret = totp.new_secret()
    sealed = totp.seal(secret, secret_key="k" * 32)
    assert totp.seal(secret, secret_key="k" * 32) != sealed  # a fresh nonce each time
    assert totp.unseal(sealed, secret_key="k" * 32) == secret
    with pytest.raises(ValueError):
        totp.unseal(sealed, secret_key="another key of 32 characters...")
    tampered = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
    with pytest.raises(ValueError):
        totp.unseal(tampered, secret_key="k" * 32)
    with pytest.raises(ValueError):
        totp.unseal(secret, secret_key="k" * 32)  # a secret stored in the clear is not read


def test_a_secret_sealed_under_another_key_refuses_every_code(app, make_staff, session):
    user = make_staff("clinical", email="moved@clinic.test")
    secret = totp.new_secret()
    user.totp_secret = totp.seal(secret, secret_key="an old key that is no longer set")
    session.add(user)
    session.commit()
    client = app.test_client()
    assert sign_in(client, user.email).headers["Location"].endswith("/staff/login/code")
    token = csrf_of(client.get("/staff/login/code").get_data(as_text=True))
    code = totp.code_at(secret, datetime.fromtimestamp(time.time(), UTC))

    response = client.post("/staff/login/code", data={"csrf_token": token, "code": code})

    assert response.status_code == 401
    assert client.get("/staff/").status_code == 302
