"""The blind reminder-reply corpus as a regression set with floors.

`reminders_blind_round.jsonl` holds 260 replies to the five reminder kinds (confirmation, form,
telehealth prep, no-show, missed call) in 11 languages, labelled by a writer who never saw the
code. It was scored with `replies-eval.py` (the scorer maps an outcome to ONE label, in the
order emergency, opt-out, confirm, cancel, reschedule, done, handoff) BEFORE the reply-structure
rules of `flows/reminders/reply.py` were written:

    before: 23 serious errors of 260; emergency 11/11, opt-out 20/20
    after:  15 by the same scorer, every one a reply that confirms (11), marks a form done (2)
            or asks for new times (2) AND hands the rest to a person, which a one-label scorer
            cannot credit (r127 was a clean clinical handoff before; it is now done + clinical)

It is now a development set (the rules were fixed by class while reading it): the floors below
guard against regressions, they are no out-of-sample measure. This test scores each outcome by
all of its parts, so "confirmed and handed to a nurse" counts as both.

`reminders_blind_round_2.jsonl` holds 220 more, by a second writer who never saw the code or the
first round, scored before anything was tuned on it (at the reminders merge, b0ef21b): 2 of 11
emergencies missed (pills lined up with "I dont think Ill be around by Tuesday"; "on the bridge
right now"), 4 of 14 opt-outs missed ("please remove this number", "stop with the automated
texts", "favor de no mandarme mas textos", an Arabic "please do not send messages"), 2 clinical
or upset replies with no person and 1 visit confirmed from an unclear reply. The reply-structure
rules, written without seeing it, took the last two to 1 and 0; the emergency and opt-out misses
were then fixed by class in the triage lexicons (every one now caught), so from here it is a
development set as well.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from flows import types as t
from flows.engine import handle

HERE = Path(__file__).parent
NOW = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
VISIT_AT = datetime(2026, 12, 8, 14, 30, tzinfo=UTC)
AWAIT = {
    "confirmation": t.Awaiting.APPOINTMENT_REMINDER,
    "form": t.Awaiting.FORM_REMINDER,
    "telehealth": t.Awaiting.TELEHEALTH_PREP,
    "no_show": t.Awaiting.NO_SHOW,
    "missed_call": t.Awaiting.MISSED_CALL,
}
CLINIC = t.ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100")
VISIT_ACTIONS = {"confirm", "cancel"}


#: Each round: its rows, how many clinical or upset replies may miss their person, and how many
#: visits may change beside what the label says (floors at what each round scores today).
#: Round 2: seven complaints reach a person without the upset flag (s051, s132, s141, s159, s181,
#: s187, s198); s097 says "cancel" with a complaint (cancelled, and a manager told: right);
#: s143 (Russian) and s164 (a son confirming for his mother) are confirmed and their question is
#: left unanswered: the open gap of the confirm-plus-question rule outside a leading code.
ROUNDS = {
    "reminders_blind_round.jsonl": (260, 2, 0),
    "reminders_blind_round_2.jsonl": (220, 7, 3),
}


@pytest.fixture(params=list(ROUNDS))
def corpus(request: pytest.FixtureRequest) -> str:
    return request.param


@cache
def scored(name: str = "reminders_blind_round.jsonl") -> tuple[tuple[dict, t.Outcome], ...]:
    text = (HERE / name).read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for row in rows:
        visit = t.Visit(
            starts_at=VISIT_AT,
            location="Main St",
            is_telehealth=row["reminder"] == "telehealth",
            telehealth_url="https://video.example.org/j/abc",
            forms_missing=("Health history",),
            forms_url="https://forms.example.org/x",
        )
        situation = t.Situation(
            awaiting=AWAIT[row["reminder"]],
            appointment_at=VISIT_AT,
            visit=visit,
            candidates=((None, visit),),
        )
        out.append((row, handle(t.Inbound(row["text"]), situation, CLINIC, NOW)))
    return tuple(out)


def _handoff(outcome: t.Outcome) -> t.HandoffNote | None:
    notes = [e.note for e in outcome.effects if isinstance(e, t.OpenHandoff)]
    return notes[0] if notes else None


def _did(outcome: t.Outcome) -> set[str]:
    kinds = {type(e).__name__ for e in outcome.effects}
    return {
        name
        for name, kind in (("confirm", "ConfirmAppointment"), ("cancel", "CancelAppointment"))
        if kind in kinds
    }


def test_corpus_is_whole(corpus):
    assert len(scored(corpus)) == ROUNDS[corpus][0]


def test_every_emergency_and_every_opt_out_is_caught(corpus):
    for row, outcome in scored(corpus):
        note = _handoff(outcome)
        if row["expected"] == "emergency":
            assert note is not None and note.emergency is not None, row["id"]
        kinds = {type(e).__name__ for e in outcome.effects}
        assert ("OptOut" in kinds) == (row["expected"] == "opt_out"), row["id"]


def test_a_visit_is_changed_only_when_the_patient_said_so(corpus):
    """No cancel that was not a cancel; a confirm only from a reply that confirms."""
    wrong = []
    for row, outcome in scored(corpus):
        for action in _did(outcome) - {row["expected"]}:
            # A confirm beside a question, a symptom or upset is right when a person gets the rest.
            if action == "confirm" and row["expected"] in {
                "question",
                "clinical",
                "upset",
                "emergency",
            }:
                if _handoff(outcome) is not None:
                    continue
            wrong.append((row["id"], action, row["text"]))
    assert len(wrong) <= ROUNDS[corpus][2], wrong


def test_clinical_and_upset_replies_reach_a_person(corpus):
    missed = []
    for row, outcome in scored(corpus):
        note = _handoff(outcome)
        if row["expected"] == "clinical" and (
            note is None or note.queue not in (t.Queue.CLINICAL, t.Queue.REFILLS, t.Queue.EMERGENCY)
        ):
            missed.append((row["id"], row["text"]))
        if row["expected"] == "upset" and (
            note is None or not (note.is_upset or note.queue is t.Queue.MANAGER)
        ):
            missed.append((row["id"], row["text"]))
    # Floors: round 1, two upset replies reach the front desk without the upset flag (r131,
    # r180); round 2, see MISS_2.
    assert len(missed) <= ROUNDS[corpus][1], missed


def test_reschedule_replies_are_never_cancelled(corpus):
    cancelled = [
        r["id"] for r, o in scored(corpus) if r["expected"] == "reschedule" and "cancel" in _did(o)
    ]
    assert cancelled == []
