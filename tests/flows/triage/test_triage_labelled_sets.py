"""Regression guard on every labelled set kept beside this file, one table of floors.

Where each set came from, and what it scored BEFORE any rule was tuned on it (the honest
out-of-sample figures; the README quotes them):

| file | rows | written | before tuning |
|---|---|---|---|
| `heldout.jsonl` | 258 | after the dev tuning, by an engineer who had not read the rules | emergency recall 79%, handoff 86%, macro-F1 0.89 |
| `realistic_round.jsonl` | 120 | in dev's mix, by an engineer who had read the rules | emergency recall 83% / 80%, handoff 93% |
| `blind_round.jsonl` | 134 | by a writer who never saw the rules | emergency recall 80% / 100%, handoff 77%, macro-F1 0.75 |
| `blind_round_holdout.jsonl` | 66 | the held-back third of the same blind round | emergency 83%, handoff 83%, macro-F1 0.81; still unseen after tuning on the other two thirds: 100%, 86%, 0.82 |
| `blind_round_2.jsonl` | 180 | by a second writer who never saw the rules, after two tuning rounds | emergency recall 100% / 90%, handoff 79%, macro-F1 0.82 |
| `blind_round_3.jsonl` | 200 | by a third writer who never saw the rules, after three tuning rounds | emergency recall 76.5% / 90%, precision 95.7%, clinical/manager 80.4%, handoff 82%, macro-F1 0.88, upset recall 70.6% |
| `blind_round_4.jsonl` | 220 | by a fourth writer who never saw the rules, after four tuning rounds | emergency recall 86.4% / 91.7%, precision 88.2%, clinical/manager 80.7%, handoff 85.9%, macro-F1 0.852, opt-out recall 92.9%, upset recall 80% (precision 80%), language 99.1%, automation 94.6% |
| `blind_round_5.jsonl` | 200 | by a fifth writer who never saw the rules, after five tuning rounds | emergency recall 89.5% / 81.8%, precision 96.3%, clinical/manager 77.5%, handoff 82.5%, macro-F1 0.853, opt-out recall 90.9% (0 false), upset recall 81.2%, language 100%, automation 90.5%, p99 4.0 ms |
| `blind_round_6.jsonl` | 160 | by a sixth writer who never saw the rules, after six tuning rounds | emergency recall 75% / 83.3%, precision 100%, clinical/manager 88.9%, handoff 88.8%, macro-F1 0.897, opt-out recall 100% (0 false), upset recall 92.3%, language 100%, automation 95.7%, p99 ~4 ms |

Every set was then fixed by class (never a rule for one sentence), and these floors pin where
each ended, so a later change that regresses one fails CI. Common to all sets: every emergency
caught with the right kind, no false opt-out at all (none on a confirmation), opt-out recall,
clinical/manager routing, and language accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from flows.triage import triage
from flows.triage.evaluate import evaluate
from flows.types import Awaiting, Channel, Triage
from tests.dependency_data import drift

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Floors:
    rows: int
    emergency_precision: float = 0.90
    handoff: float = 0.90
    macro_f1: float | None = None
    upset_recall: float | None = None
    automation: float | None = None


SETS = {
    "heldout.jsonl": Floors(rows=258),
    "realistic_round.jsonl": Floors(rows=120, macro_f1=0.85),
    "blind_round.jsonl": Floors(
        rows=134, handoff=0.95, macro_f1=0.90, upset_recall=0.85, automation=0.90
    ),
    "blind_round_holdout.jsonl": Floors(
        rows=66,
        emergency_precision=0.95,
        handoff=0.97,
        macro_f1=0.95,
        upset_recall=0.90,
        automation=0.90,
    ),
    "blind_round_2.jsonl": Floors(
        rows=180,
        emergency_precision=0.95,
        handoff=0.97,
        macro_f1=0.95,
        upset_recall=0.90,
        automation=0.90,
    ),
    "blind_round_3.jsonl": Floors(
        rows=200,
        emergency_precision=0.96,
        handoff=0.975,
        macro_f1=0.94,
        upset_recall=0.94,
        automation=0.98,
    ),
    "blind_round_4.jsonl": Floors(
        rows=220,
        emergency_precision=0.97,
        handoff=0.955,
        macro_f1=0.93,
        upset_recall=0.98,
        automation=0.98,
    ),
    "blind_round_5.jsonl": Floors(
        rows=200,
        emergency_precision=1.0,
        handoff=0.92,
        macro_f1=0.90,
        upset_recall=1.0,
        automation=0.93,
    ),
    "blind_round_6.jsonl": Floors(
        rows=160,
        emergency_precision=1.0,
        handoff=0.94,
        macro_f1=0.90,
        upset_recall=1.0,
        automation=0.95,
    ),
}

each_set = pytest.mark.parametrize("name", list(SETS))


@cache
def results(name: str) -> tuple[tuple[dict, Triage], ...]:
    """Every labelled row of `name` with the classifier's answer."""
    pairs = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        awaiting = Awaiting(row["context"]) if row.get("context") else None
        channel = Channel(row.get("channel") or "sms")
        pairs.append((row, triage(row["text"], channel=channel, awaiting=awaiting)))
    return tuple(pairs)


@cache
def report(name: str) -> dict:
    gold = [row for row, _ in results(name)]
    predicted = [
        {
            "id": row["id"],
            "intent": str(r.intent),
            "handoff": str(r.queue),
            "emergency": str(r.emergency) if r.emergency else None,
            "upset": r.is_upset,
            "lang": r.lang,
        }
        for row, r in results(name)
    ]
    return evaluate(gold, predicted)


def ids(pairs) -> list[str]:
    return [row["id"] for row, _ in pairs]


def share(part: list, whole: list) -> float:
    return 1 - len(part) / len(whole) if whole else 1.0


@each_set
def test_set_is_whole(name):
    rows = [row for row, _ in results(name)]
    assert len(rows) == SETS[name].rows
    assert len({row["id"] for row in rows}) == len(rows)


@each_set
@pytest.mark.parametrize("kind", ["medical", "mental_health"])
def test_every_emergency_is_caught_as_its_kind(name, kind):
    missed = [
        (row, r)
        for row, r in results(name)
        if row["emergency"] == kind and (r.emergency is None or str(r.emergency) != kind)
    ]
    assert not missed, f"{kind} emergencies missed or mislabelled: {ids(missed)}"


@each_set
def test_emergency_precision(name):
    predicted = [(row, r) for row, r in results(name) if r.emergency is not None]
    false = [(row, r) for row, r in predicted if row["emergency"] is None]
    assert share(false, predicted) >= SETS[name].emergency_precision, f"false alarms: {ids(false)}"


@each_set
def test_no_false_opt_out_and_opt_outs_are_caught(name):
    wrong = [(row, r) for row, r in results(name) if row["intent"] != "opt_out" and r.is_opt_out]
    assert not wrong, f"false opt-outs: {ids(wrong)}"
    gold = [(row, r) for row, r in results(name) if row["intent"] == "opt_out"]
    missed = [(row, r) for row, r in gold if not r.is_opt_out]
    assert share(missed, gold) >= 0.98, f"opt-outs missed: {ids(missed)}"


@each_set
def test_clinical_and_manager_reach_their_queue(name):
    gold = [(row, r) for row, r in results(name) if row["handoff"] in ("clinical", "manager")]
    missed = [(row, r) for row, r in gold if str(r.queue) not in (row["handoff"], "emergency")]
    assert share(missed, gold) >= 0.98, f"not routed: {ids(missed)}"


@each_set
def test_handoff_accuracy(name):
    pairs = list(results(name))
    wrong = [(row, r) for row, r in pairs if str(r.queue) != row["handoff"]]
    assert share(wrong, pairs) >= SETS[name].handoff, f"wrong queue: {ids(wrong)}"


@each_set
def test_language_accuracy(name):
    pairs = list(results(name))
    wrong = [(row, r) for row, r in pairs if r.lang != row["lang"]]
    assert share(wrong, pairs) >= 0.97, f"wrong language: {ids(wrong)}" + drift(
        "lingua-language-detector"
    )


@each_set
def test_intent_upset_and_automation_floors(name):
    floors = SETS[name]
    if floors.macro_f1 is not None:
        assert report(name)["intent_macro_f1"] >= floors.macro_f1
    if floors.upset_recall is not None:
        gold = [(row, r) for row, r in results(name) if row["upset"]]
        missed = [(row, r) for row, r in gold if not r.is_upset]
        assert share(missed, gold) >= floors.upset_recall, f"upset missed: {ids(missed)}"
    if floors.automation is not None:
        assert report(name)["automation_rate"] >= floors.automation
