"""Regression guard on the blind round (`blind_round.jsonl`, next to this file).

A 200-message round written blind (by someone who never saw the rules); the two thirds kept here
(134 messages) scored far below target before the fixes it prompted (classifier alone: macro-F1
0.75, handoff 77%, clinical/manager 65%, medical emergency recall 80%, upset recall 47%). The
fixes were made by class (spoken vital readings, stroke signs in Vietnamese, fever with a
non-blanching rash, extra doses, false alarms from "sat on hold" and "I don't know her", service
frustration, symptoms inside other requests, opt-in/opt-out phrasings), and these tests pin the
targets so a later rule change that regresses them fails CI:

- emergency recall 100% (medical and mental health), emergency precision >= 90%;
- zero false opt-outs (none on confirmations), opt-out recall >= 98%;
- handoff accuracy >= 95%, clinical/manager reaching that queue (or emergency) >= 98%;
- intent macro-F1 >= 0.90, upset recall >= 85%, language accuracy >= 97%, automation >= 90%.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from flows.triage import triage
from flows.triage.evaluate import evaluate
from flows.types import Awaiting, Channel

CORPUS = Path(__file__).with_name("blind_round.jsonl")


@lru_cache(maxsize=1)
def _results() -> tuple[tuple[dict, object], ...]:
    rows = [
        json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    out = []
    for row in rows:
        awaiting = Awaiting(row["context"]) if row.get("context") else None
        result = triage(
            row["text"], channel=Channel(row.get("channel") or "sms"), awaiting=awaiting
        )
        out.append((row, result))
    return tuple(out)


def _ids(pairs) -> list[str]:
    return [row["id"] for row, _ in pairs]


def _report() -> dict:
    gold = [row for row, _ in _results()]
    predicted = [
        {
            "id": row["id"],
            "intent": r.intent.value,
            "handoff": r.queue.value,
            "emergency": r.emergency.value if r.emergency else None,
            "upset": r.is_upset,
            "lang": r.lang,
        }
        for row, r in _results()
    ]
    return evaluate(gold, predicted)


def test_corpus_is_the_blind_round():
    rows = [row for row, _ in _results()]
    assert len(rows) == 134
    assert len({row["id"] for row in rows}) == 134
    assert sum(row["emergency"] is not None for row in rows) >= 15


@pytest.mark.parametrize("kind", ["medical", "mental_health"])
def test_every_emergency_is_caught(kind):
    missed = [
        (row, r)
        for row, r in _results()
        if row["emergency"] == kind and (r.emergency is None or r.emergency.value != kind)
    ]
    assert not missed, f"{kind} emergencies missed or mislabelled: {_ids(missed)}"


def test_emergency_precision():
    predicted = [(row, r) for row, r in _results() if r.emergency is not None]
    false = [(row, r) for row, r in predicted if row["emergency"] is None]
    assert predicted
    assert 1 - len(false) / len(predicted) >= 0.90, f"false alarms: {_ids(false)}"


def test_no_false_opt_outs_and_opt_out_recall():
    wrong = [(row, r) for row, r in _results() if row["intent"] != "opt_out" and r.is_opt_out]
    assert not wrong, f"false opt-outs: {_ids(wrong)}"
    on_confirmations = [(row, r) for row, r in wrong if row["intent"] == "confirm"]
    assert not on_confirmations
    gold = [(row, r) for row, r in _results() if row["intent"] == "opt_out"]
    missed = [(row, r) for row, r in gold if not r.is_opt_out]
    assert 1 - len(missed) / len(gold) >= 0.98, f"opt-outs missed: {_ids(missed)}"


def test_handoff_accuracy():
    pairs = _results()
    wrong = [(row, r) for row, r in pairs if r.queue.value != row["handoff"]]
    assert 1 - len(wrong) / len(pairs) >= 0.95, f"wrong queue: {_ids(wrong)}"


def test_clinical_and_manager_reach_their_queue():
    gold = [(row, r) for row, r in _results() if row["handoff"] in ("clinical", "manager")]
    missed = [(row, r) for row, r in gold if r.queue.value not in (row["handoff"], "emergency")]
    assert 1 - len(missed) / len(gold) >= 0.98, f"not routed: {_ids(missed)}"


def test_upset_recall():
    gold = [(row, r) for row, r in _results() if row["upset"]]
    missed = [(row, r) for row, r in gold if not r.is_upset]
    assert 1 - len(missed) / len(gold) >= 0.85, f"upset missed: {_ids(missed)}"


def test_intent_macro_f1():
    assert _report()["intent_macro_f1"] >= 0.90


def test_language_accuracy():
    pairs = _results()
    wrong = [(row, r) for row, r in pairs if r.lang != row["lang"]]
    assert 1 - len(wrong) / len(pairs) >= 0.97, f"wrong language: {_ids(wrong)}"


def test_automation_rate():
    assert _report()["automation_rate"] >= 0.90
