"""Staff-app fixtures: accounts by role, a signed-in client, and the page's CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlmodel import Session

from gateway.models import StaffRole, StaffUser
from gateway.staff.auth import create_staff

PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


@pytest.fixture
def make_staff(session: Session) -> Callable[..., StaffUser]:
    """Create an account: `make_staff("clinical")` -> nurse@clinic.test."""

    def make(role: str = "clinical", email: str | None = None, **fields: Any) -> StaffUser:
        user = create_staff(
            session=session,
            email=email or f"{role}@clinic.test",
            password=PASSWORD,
            role=StaffRole(role),
            name=fields.pop("name", role.replace("_", " ").title()),
            now=datetime.now(UTC),
            clinic_id=fields.pop("clinic_id", None),
            all_clinics=fields.pop("all_clinics", False),
        )
        for key, value in fields.items():
            setattr(user, key, value)
        session.add(user)
        session.commit()
        return user

    return make


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD, **extra: str):
    token = csrf_of(client.get("/staff/login").get_data(as_text=True))
    return client.post(
        "/staff/login", data={"email": email, "password": password, "csrf_token": token, **extra}
    )


@pytest.fixture
def signed_in(app, make_staff) -> Callable[..., FlaskClient]:
    """A new test client signed in with a new account of `role`."""

    def login(role: str = "clinical", email: str | None = None) -> FlaskClient:
        user = make_staff(role, email=email)
        client = app.test_client()
        response = sign_in(client, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        client.staff_user = user  # type: ignore[attr-defined]
        return client

    return login


@pytest.fixture
def post_form() -> Callable[..., Any]:
    """POST a staff form with the CSRF token read from `page` (a GET path) first."""

    def post(client: FlaskClient, path: str, data: dict[str, str], *, page: str):
        token = csrf_of(client.get(page).get_data(as_text=True))
        return client.post(path, data={**data, "csrf_token": token})

    return post
