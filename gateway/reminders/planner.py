"""The reminder policy and the planner: one appointment -> its reminder rows.

Defaults a clinic can override (`ReminderPolicy.settings`, same keys as DEFAULT_POLICY):

- confirmation 3 days before at 10:00 in the patient's time zone, still sent up to 1 day
  before when planned late; one nudge the next day at 10:00 if the visit is still unconfirmed;
- form reminders 7, 4 and 2 days before, while the appointment has missing forms;
- telehealth prep the day before at 10:00 and 60 minutes before the visit;
- no-show recovery the next business day (Monday to Friday) at 10:00;
- quiet hours: texts only from 08:00 to 20:00 in the patient's time zone (the clinic's
  `quiet_end` / `quiet_start`), else at the next allowed minute;
- caps: one reminder a calendar day and three in seven days per patient;
- a late worker still sends a reminder up to 6 hours after it was due (and never after the
  kind's deadline); after that it is skipped with reason `stale`.

The planner is idempotent: planning the same appointment twice changes nothing; a moved
appointment moves its unsent rows; a cancelled one cancels them; finished forms stop form rows.
A sent reminder is never re-planned (its key, (appointment, kind, slot), is unique).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session

from gateway.models import (
    Appointment,
    AppointmentStatus,
    Clinic,
    Patient,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderStatus,
)

UNSENT = (ReminderStatus.PENDING,)


@dataclass(frozen=True)
class Policy:
    """A clinic's reminder policy (see the module docstring for what each default means)."""

    send_time: str = "10:00"
    confirmation_days_before: int = 3
    confirmation_nudge: bool = True
    form_days_before: tuple[int, ...] = (7, 4, 2)
    telehealth_day_before: bool = True
    telehealth_minutes_before: int = 60
    no_show: bool = True
    business_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    quiet_end: str = "08:00"  # first minute texts may go out
    quiet_start: str = "20:00"  # first minute they may not
    max_per_day: int = 1
    max_per_week: int = 3
    grace_hours: int = 6

    @property
    def send_at(self) -> time:
        return _hhmm(self.send_time)


DEFAULT_POLICY = Policy()


def _hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def policy_for(*, session: Session, clinic: Clinic) -> Policy:
    """The clinic's policy: its quiet hours and stored overrides over the defaults."""
    values: dict[str, Any] = {"quiet_end": clinic.quiet_end, "quiet_start": clinic.quiet_start}
    row = session.exec(
        sa.select(ReminderPolicy).where(ReminderPolicy.clinic_id == clinic.id)
    ).scalar_one_or_none()
    if row is not None:
        names = {f.name for f in fields(Policy)}
        for key, value in row.settings.items():
            if key in names:
                values[key] = tuple(value) if isinstance(value, list) else value
    return Policy(**values)


def patient_zone(*, patient: Patient | None, appointment: Appointment, clinic: Clinic) -> str:
    """The time zone a patient lives in: theirs, else the visit's, else the clinic's."""
    return (patient.time_zone if patient else None) or appointment.time_zone or clinic.time_zone


# ----------------------------------------------------------------------------- times


def _at(day: date, at: time, zone: str) -> datetime:
    """A wall-clock time on a day in a zone (zoneinfo resolves DST offsets per date)."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def next_allowed(moment: datetime, *, zone: str, policy: Policy) -> datetime:
    """`moment` if it is inside the allowed hours in `zone`, else the next allowed minute.

    Computed on local wall-clock dates, so a DST change between now and the next morning
    still lands on 08:00 local, never 07:00 or 09:00.
    """
    local = moment.astimezone(ZoneInfo(zone))
    opens, closes = _hhmm(policy.quiet_end), _hhmm(policy.quiet_start)
    if opens <= local.time() < closes:
        return moment
    day = local.date() if local.time() < opens else local.date() + timedelta(days=1)
    return _at(day, opens, zone)


def window_closes(moment: datetime, *, zone: str, policy: Policy) -> datetime:
    """When the allowed hours that hold (or next follow) `moment` in `zone` end.

    An automated text queued inside the window carries this as its `not_after`, so a retry
    after a Twilio outage can never reach the patient at night: it expires instead.
    """
    opened = next_allowed(moment, zone=zone, policy=policy)
    return _at(opened.astimezone(ZoneInfo(zone)).date(), _hhmm(policy.quiet_start), zone)


def is_allowed(moment: datetime, *, zone: str, policy: Policy) -> bool:
    return next_allowed(moment, zone=zone, policy=policy) == moment


def _next_business_day(day: date, policy: Policy) -> date:
    day += timedelta(days=1)
    while day.weekday() not in policy.business_days:
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Planned:
    kind: ReminderKind
    slot: str
    due_at: datetime
    deadline: datetime  # after this the reminder is useless: skipped, never sent


def schedule(*, appointment: Appointment, zone: str, policy: Policy) -> list[Planned]:
    """Every reminder the policy wants for this appointment, with its ideal time and deadline."""
    start = appointment.starts_at
    day = start.astimezone(ZoneInfo(zone)).date()
    at = policy.send_at
    status = appointment.status
    planned: list[Planned] = []
    if status == AppointmentStatus.NO_SHOW:
        if policy.no_show:
            due = _at(_next_business_day(day, policy), at, zone)
            planned.append(Planned(ReminderKind.NO_SHOW, "0", due, due + timedelta(days=2)))
        return planned
    if status not in (
        AppointmentStatus.SCHEDULED,
        AppointmentStatus.CONFIRMED,
        AppointmentStatus.RESCHEDULE_REQUESTED,
    ):
        return planned
    if status == AppointmentStatus.SCHEDULED:
        due = _at(day - timedelta(days=policy.confirmation_days_before), at, zone)
        planned.append(Planned(ReminderKind.CONFIRMATION, "0", due, start - timedelta(days=1)))
        if policy.confirmation_nudge:
            nudge = due + timedelta(days=1)
            planned.append(
                Planned(ReminderKind.CONFIRMATION_NUDGE, "0", nudge, start - timedelta(hours=12))
            )
    if appointment.forms_missing:
        days = sorted(policy.form_days_before, reverse=True)
        for index, before in enumerate(days):
            due = _at(day - timedelta(days=before), at, zone)
            if index + 1 < len(days):
                deadline = _at(day - timedelta(days=days[index + 1]), at, zone)
            else:
                deadline = start - timedelta(hours=2)
            planned.append(Planned(ReminderKind.FORM, f"d{before}", due, deadline))
    if appointment.is_telehealth:
        if policy.telehealth_day_before:
            due = _at(day - timedelta(days=1), at, zone)
            planned.append(
                Planned(ReminderKind.TELEHEALTH_PREP, "day_before", due, start - timedelta(hours=3))
            )
        if policy.telehealth_minutes_before:
            due = start - timedelta(minutes=policy.telehealth_minutes_before)
            planned.append(
                Planned(
                    ReminderKind.TELEHEALTH_PREP, "hour_before", due, start - timedelta(minutes=10)
                )
            )
    return planned


def deadline_for(reminder: Reminder, *, appointment: Appointment, zone: str, policy: Policy):
    """The planned deadline of an existing row (None when the policy no longer wants it)."""
    for item in schedule(appointment=appointment, zone=zone, policy=policy):
        if item.kind == reminder.kind and item.slot == reminder.slot:
            return item.deadline
    return None


# ----------------------------------------------------------------------------- planning


def _drop_reason(kind: ReminderKind, appointment: Appointment) -> str:
    """Why an unsent row the policy no longer wants will not be sent."""
    status = appointment.status
    if status == AppointmentStatus.CANCELLED:
        return "cancelled"
    if status in (AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW):
        return "past"
    if kind == ReminderKind.FORM:
        return "form_done"
    if kind in (ReminderKind.CONFIRMATION, ReminderKind.CONFIRMATION_NUDGE):
        return "answered"
    return "cancelled"


def plan_reminders(
    *,
    session: Session,
    appointment: Appointment,
    patient: Patient | None,
    clinic: Clinic,
    policy: Policy,
    now: datetime,
    existing: list[Reminder] | None = None,
) -> list[Reminder]:
    """Bring the appointment's reminder rows in line with the policy; flushes nothing itself.

    `existing` may be passed by a bulk caller that already loaded the rows.
    """
    assert appointment.id is not None
    if existing is None:
        existing = list(
            session.exec(
                sa.select(Reminder).where(Reminder.appointment_id == appointment.id)
            ).scalars()
        )
    by_key = {(row.kind, row.slot): row for row in existing}
    zone = patient_zone(patient=patient, appointment=appointment, clinic=clinic)
    wanted = schedule(appointment=appointment, zone=zone, policy=policy)
    changed: list[Reminder] = []
    for item in wanted:
        due = item.due_at if item.due_at >= now else now
        row = by_key.pop((item.kind, item.slot), None)
        if row is None:
            if item.deadline <= now:
                continue  # planned too late to matter: never a reminder
            row = Reminder(
                clinic_id=clinic.id,
                appointment_id=appointment.id,
                patient_id=appointment.patient_id,
                kind=item.kind,
                slot=item.slot,
                due_at=due,
                planned_at=item.due_at,
                created_at=now,
            )
            session.add(row)
            changed.append(row)
            continue
        if row.status == ReminderStatus.PENDING:
            if item.deadline <= now:
                _set(row, ReminderStatus.SKIPPED, "past", now)
                changed.append(row)
            elif row.planned_at != item.due_at:
                # The visit moved: the unsent reminder moves with it (dropping any deferral).
                row.due_at, row.planned_at, row.reason, row.updated_at = due, item.due_at, None, now
                changed.append(row)
        elif row.status in (ReminderStatus.CANCELLED, ReminderStatus.SKIPPED):
            # Re-opened only by a real change (the visit moved or was booked again), so
            # importing the same file twice never revives what was skipped.
            if item.deadline > now and (row.reason == "cancelled" or row.planned_at != item.due_at):
                row.status, row.reason, row.updated_at = ReminderStatus.PENDING, None, now
                row.due_at, row.planned_at = due, item.due_at
                changed.append(row)
        session.add(row)
    for row in by_key.values():
        if row.status == ReminderStatus.PENDING:
            _set(row, ReminderStatus.CANCELLED, _drop_reason(row.kind, appointment), now)
            session.add(row)
            changed.append(row)
    return changed


def _set(row: Reminder, status: ReminderStatus, reason: str, now: datetime) -> None:
    row.status, row.reason, row.updated_at = status, reason, now
