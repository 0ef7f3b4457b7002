"""`flask --app gateway create-staff EMAIL --role ROLE`: the password comes from a prompt (typed
twice, not echoed) or, when stdin is not a terminal, from its first two lines; never from an
argument, which shell history and `ps` would keep."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import Flask
from sqlmodel import Session

from gateway.models import StaffRole
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


def create_staff_account(app: Flask, *, email: str, role: str, name: str = "") -> None:
    password = read_password()
    now = datetime.now(UTC)
    with Session(app.extensions["gateway"].engine, expire_on_commit=False) as session:
        try:
            user = create_staff(
                session=session,
                email=email,
                password=password,
                role=StaffRole(role),
                name=name,
                now=now,
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
            by="cli",
        )
        session.commit()
    click.echo(f"created {role} account {user.email}")
