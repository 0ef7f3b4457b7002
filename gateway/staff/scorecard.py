"""The manager's week at a glance: what patients needed, how fast a person answered, what is left.

A week is Monday 00:00 to the next Monday in the clinic's time zone. Every figure counts
handoffs *opened* in that week, except opt-outs and reminders (events in the week). Medians of
time to first human reply are given per queue and per language, each on its own, so a slow
Spanish queue cannot hide in an average; "n" is how many had a reply, and the ones still
without one are counted beside it.

A repeat contact is a handoff opened for the same need (intent) from the same conversation
within seven days after an earlier one: the first answer did not settle it.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, select

from gateway.models import (
    AuditEvent,
    CaseStatus,
    Direction,
    Handoff,
    HandoffStatus,
    HandoffWork,
    Message,
    MessageKind,
)
from gateway.staff.alerts import emergency_since
from gateway.staff.words import NEEDS, QUEUE_LABELS, headline, language_name

REPEAT_WINDOW = timedelta(days=7)
TOP_REASONS = 8


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


@dataclass
class Median:
    label: str
    minutes: float | None
    replied: int
    waiting: int


@dataclass
class EmergencyRow:
    handoff_id: int
    headline: str
    since: datetime
    viewed_at: datetime | None
    minutes_to_view: float | None
    pages: int


@dataclass
class Scorecard:
    week: date
    starts_at: datetime
    ends_at: datetime
    opened: int = 0
    completed: int = 0
    escalated: int = 0
    unresolved: int = 0
    top_reasons: list[tuple[str, int]] = field(default_factory=list)
    by_queue: list[Median] = field(default_factory=list)
    by_language: list[Median] = field(default_factory=list)
    repeat_contacts: int = 0
    opt_outs: int = 0
    reminders_sent: int = 0
    reminders_confirmed: int = 0
    emergencies: list[EmergencyRow] = field(default_factory=list)

    @property
    def confirmation_rate(self) -> float | None:
        if not self.reminders_sent:
            return None
        return min(1.0, self.reminders_confirmed / self.reminders_sent)


def _minutes(delta: timedelta) -> float:
    return round(delta.total_seconds() / 60, 1)


def _medians(groups: dict[str, list[float]], waiting: Counter, label) -> list[Median]:
    keys = sorted(set(groups) | set(waiting), key=lambda k: label(k))
    return [
        Median(
            label=label(key),
            minutes=round(statistics.median(groups[key]), 1) if groups.get(key) else None,
            replied=len(groups.get(key, [])),
            waiting=waiting.get(key, 0),
        )
        for key in keys
    ]


def build_scorecard(
    *, session: Session, week: date, time_zone: str, now: datetime, clinic_id: int | None = None
) -> Scorecard:
    """Every figure for the week starting on Monday `week` (one clinic's, or all with None)."""

    def scoped(query, column):
        return query if clinic_id is None else query.where(column == clinic_id)

    zone = ZoneInfo(time_zone)
    starts_at = datetime.combine(week, datetime.min.time(), zone)
    ends_at = starts_at + timedelta(days=7)
    card = Scorecard(week=week, starts_at=starts_at, ends_at=ends_at)
    cutoff = min(now, ends_at)
    rows = session.exec(
        scoped(
            select(Handoff, HandoffWork)
            .join(HandoffWork, HandoffWork.handoff_id == Handoff.id, isouter=True)
            .where(Handoff.opened_at >= starts_at, Handoff.opened_at < ends_at)
            .order_by(Handoff.opened_at),
            Handoff.clinic_id,
        )
    ).all()
    reasons: Counter = Counter()
    by_queue: dict[str, list[float]] = defaultdict(list)
    by_lang: dict[str, list[float]] = defaultdict(list)
    queue_waiting: Counter = Counter()
    lang_waiting: Counter = Counter()
    for handoff, work in rows:
        note = handoff.note or {}
        card.opened += 1
        reasons[
            headline(note)
            if note.get("emergency")
            else NEEDS.get(note.get("intent") or "", "Other")
        ] += 1
        status = work.status if work else CaseStatus.NEW
        if status == CaseStatus.COMPLETED:
            card.completed += 1
        if (
            note.get("earlier")
            or status == CaseStatus.ESCALATED
            or status == CaseStatus.ROUTED_TO_CLINICAL
        ):
            card.escalated += 1
        if handoff.status != HandoffStatus.RESOLVED or (
            handoff.resolved_at is not None and handoff.resolved_at >= cutoff
        ):
            card.unresolved += 1
        lang = note.get("lang") or "en"
        if work is not None and work.first_reply_at is not None:
            minutes = _minutes(work.first_reply_at - handoff.opened_at)
            by_queue[handoff.queue].append(minutes)
            by_lang[lang].append(minutes)
        else:
            queue_waiting[handoff.queue] += 1
            lang_waiting[lang] += 1
        if handoff.is_emergency:
            since = emergency_since(handoff)
            viewed = work.emergency_viewed_at if work else None
            card.emergencies.append(
                EmergencyRow(
                    handoff_id=handoff.id,
                    headline=headline(note),
                    since=since,
                    viewed_at=viewed,
                    minutes_to_view=_minutes(viewed - since) if viewed else None,
                    pages=work.ack_pages if work else 0,
                )
            )
        earlier = session.exec(
            select(Handoff.id).where(
                Handoff.conversation_id == handoff.conversation_id,
                Handoff.id != handoff.id,
                Handoff.opened_at < handoff.opened_at,
                Handoff.opened_at >= handoff.opened_at - REPEAT_WINDOW,
            )
        ).all()
        if any(
            (session.get(Handoff, other).note or {}).get("intent") == note.get("intent")
            for other in earlier
        ):
            card.repeat_contacts += 1
    card.top_reasons = reasons.most_common(TOP_REASONS)
    card.by_queue = _medians(by_queue, queue_waiting, lambda q: QUEUE_LABELS.get(q, q))
    card.by_language = _medians(by_lang, lang_waiting, language_name)

    def events(action: str) -> int:
        return session.execute(
            scoped(
                sa.select(sa.func.count())
                .select_from(AuditEvent)
                .where(
                    AuditEvent.action == action,
                    AuditEvent.created_at >= starts_at,
                    AuditEvent.created_at < ends_at,
                ),
                AuditEvent.clinic_id,
            )
        ).scalar_one()

    card.opt_outs = events("opt_out")
    card.reminders_confirmed = events("appointment_confirmed")
    card.reminders_sent = session.execute(
        scoped(
            sa.select(sa.func.count())
            .select_from(Message)
            .where(
                Message.direction == Direction.OUTBOUND,
                Message.kind == MessageKind.REMINDER,
                Message.created_at >= starts_at,
                Message.created_at < ends_at,
            ),
            Message.clinic_id,
        )
    ).scalar_one()
    return card


def scorecard_csv(card: Scorecard) -> str:
    """The scorecard as CSV: section, item, value, count (for a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "item", "value", "count"])
    writer.writerow(["week", "starts", card.starts_at.date().isoformat(), ""])
    for name in ("opened", "completed", "escalated", "unresolved", "repeat_contacts", "opt_outs"):
        writer.writerow(["totals", name, getattr(card, name), ""])
    writer.writerow(["reminders", "sent", card.reminders_sent, ""])
    writer.writerow(["reminders", "confirmed", card.reminders_confirmed, ""])
    rate = card.confirmation_rate
    writer.writerow(["reminders", "confirmation_rate", "" if rate is None else f"{rate:.3f}", ""])
    for label, count in card.top_reasons:
        writer.writerow(["top_reasons", label, count, ""])
    for section, medians in (
        ("median_minutes_by_queue", card.by_queue),
        ("median_minutes_by_language", card.by_language),
    ):
        for median in medians:
            writer.writerow(
                [
                    section,
                    median.label,
                    "" if median.minutes is None else median.minutes,
                    median.replied,
                ]
            )
            writer.writerow([section, f"{median.label} (no reply yet)", "", median.waiting])
    for row in card.emergencies:
        writer.writerow(
            [
                "emergencies",
                f"handoff {row.handoff_id}",
                "" if row.minutes_to_view is None else row.minutes_to_view,
                row.pages,
            ]
        )
    return out.getvalue()
