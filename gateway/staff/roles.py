"""Who may see and do what: the one place that maps staff roles to queues.

Queues are `flows.types.Queue` values. A role *views* a queue's conversations and *acts* on them
(claim, reply, note, status, resolve); the manager views every queue and may reassign any
handoff, but acts only on the manager queue (complaints, upset patients). The admin manages
accounts and reads the audit log, and sees no patient conversation (minimum necessary).

Emergencies are visible to the front desk as well as to nurses and the manager: the person who
answers the phone must never be the one who did not know.
"""

from __future__ import annotations

from flows.types import Queue
from gateway.models import StaffRole

ALL_QUEUES: tuple[Queue, ...] = tuple(q for q in Queue if q is not Queue.NONE)

#: role -> the queues it works (views and acts on).
ROLE_QUEUES: dict[StaffRole, frozenset[Queue]] = {
    StaffRole.FRONT_DESK: frozenset({Queue.FRONT_DESK, Queue.SCHEDULING, Queue.EMERGENCY}),
    StaffRole.CLINICAL: frozenset({Queue.EMERGENCY, Queue.CLINICAL, Queue.REFILLS}),
    StaffRole.REFILLS: frozenset({Queue.REFILLS}),
    StaffRole.BILLING: frozenset({Queue.BILLING}),
    StaffRole.RECORDS: frozenset({Queue.RECORDS}),
    StaffRole.SCHEDULING: frozenset({Queue.SCHEDULING}),
    StaffRole.MANAGER: frozenset({Queue.MANAGER}),
    StaffRole.ADMIN: frozenset(),
}

#: Roles that read every queue (and may reassign) besides the queues they work.
READ_ALL: frozenset[StaffRole] = frozenset({StaffRole.MANAGER})

ROLE_LABELS: dict[StaffRole, str] = {
    StaffRole.FRONT_DESK: "Front desk",
    StaffRole.CLINICAL: "Clinical (nurse)",
    StaffRole.REFILLS: "Refills",
    StaffRole.BILLING: "Billing",
    StaffRole.RECORDS: "Records",
    StaffRole.SCHEDULING: "Scheduling",
    StaffRole.MANAGER: "Manager",
    StaffRole.ADMIN: "Administrator",
}


def visible_queues(role: StaffRole) -> tuple[Queue, ...]:
    """The queues a role may open, in routing order (emergency first)."""
    allowed = set(ALL_QUEUES) if role in READ_ALL else ROLE_QUEUES[role]
    return tuple(q for q in ALL_QUEUES if q in allowed)


def can_view(role: StaffRole, queue: str) -> bool:
    """May this role open a conversation handed to `queue`?"""
    return queue in {str(q) for q in visible_queues(role)}


def can_act(role: StaffRole, queue: str) -> bool:
    """May this role claim, reply to, note, set the status of and resolve it?"""
    return queue in {str(q) for q in ROLE_QUEUES[role]}


def can_route(role: StaffRole, queue: str) -> bool:
    """May this role send it to another queue (its own work, or any queue for the manager)?"""
    return can_act(role, queue) or role in READ_ALL


def can_manage_accounts(role: StaffRole) -> bool:
    return role is StaffRole.ADMIN


def can_read_audit(role: StaffRole) -> bool:
    return role in (StaffRole.ADMIN, StaffRole.MANAGER)


def can_read_scorecard(role: StaffRole) -> bool:
    return role in (StaffRole.ADMIN, StaffRole.MANAGER)
