"""`flask --app gateway create-staff EMAIL --role ROLE`: the password comes from a prompt (typed
twice, not echoed) or, when stdin is not a terminal, from its first two lines; never from an
argument, which shell history and `ps` would keep."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import Flask
from sqlmodel import Session, select

from gateway.models import Clinic, StaffRole
from gateway.staff.auth import MIN_PASSWORD_LENGTH, audit_staff, create_staff


def read_password() -> str:
    """The new password, entered twice; exits when the two differ or it is too short."""
    if sys.stdin.isatty():
        first = click.prompt("Password", hide_input=True)
        second = click.prompt("Repeat the password", hide_input=True)
    else:
        first = sys.stdin.readline().rstrip("\r\n")
        second = sys.stdin.readline().rstrip("\r\n")
    if first != second:
        raise click.ClickException("the two passwords differ")
    if len(first) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return first


def create_staff_account(
    app: Flask, *, email: str, role: str, name: str = "", clinic: str | None = None
) -> None:
    """`clinic` is a slug, "all" (an admin or manager who sees every clinic), or None (the only one)."""
    password = read_password()
    now = datetime.now(UTC)
    with Session(app.extensions["gateway"].engine, expire_on_commit=False) as session:
        clinic_id = None
        if clinic not in (None, "all"):
            found = session.exec(select(Clinic).where(Clinic.slug == clinic)).first()
            if found is None:
                raise click.ClickException(f"no clinic with the slug {clinic!r}")
            clinic_id = found.id
        try:
            user = create_staff(
                session=session,
                email=email,
                password=password,
                role=StaffRole(role),
                name=name,
                now=now,
                clinic_id=clinic_id,
                all_clinics=clinic == "all",
            )
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        audit_staff(
            session,
            user=None,
            action="staff.account_created",
            subject_type="staff",
            subject_id=user.id,
            now=now,
            role=role,
            clinic_id=user.clinic_id,
            by="cli",
        )
        session.commit()
    click.echo(f"created {role} account {user.email}")
