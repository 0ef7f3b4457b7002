"""Regression guard on the held-out corpus (`heldout.jsonl`, next to this file).

The held-out messages were written after the rules were tuned on the dev set, to estimate how
the classifier generalises. These tests pin the targets that matter most for patient safety and
compliance, so a rule change that regresses them fails CI:

- emergency recall 100% (medical and mental health), and emergency precision >= 90%;
- clinical/manager messages reaching that queue (or the emergency queue) >= 98%;
- zero opt-outs triggered by a confirmation, and opt-out recall >= 98%;
- handoff accuracy >= 90%, language accuracy >= 97%.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from flows.triage import triage
from flows.types import Awaiting, Channel

CORPUS = Path(__file__).with_name("heldout.jsonl")


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


def test_corpus_is_large_and_mixed():
    rows = [row for row, _ in _results()]
    assert len(rows) >= 200
    assert sum(row["emergency"] is not None for row in rows) >= 20
    assert len({row["lang"] for row in rows}) >= 8


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


def test_clinical_and_manager_reach_their_queue():
    gold = [(row, r) for row, r in _results() if row["handoff"] in ("clinical", "manager")]
    missed = [(row, r) for row, r in gold if r.queue.value not in (row["handoff"], "emergency")]
    assert 1 - len(missed) / len(gold) >= 0.98, f"not routed: {_ids(missed)}"


def test_no_confirmation_is_taken_as_an_opt_out():
    wrong = [(row, r) for row, r in _results() if row["intent"] == "confirm" and r.is_opt_out]
    assert not wrong, f"confirmations read as opt-outs: {_ids(wrong)}"


def test_no_false_opt_outs_at_all():
    wrong = [(row, r) for row, r in _results() if row["intent"] != "opt_out" and r.is_opt_out]
    assert not wrong, f"false opt-outs: {_ids(wrong)}"


def test_opt_out_recall():
    gold = [(row, r) for row, r in _results() if row["intent"] == "opt_out"]
    missed = [(row, r) for row, r in gold if not r.is_opt_out]
    assert 1 - len(missed) / len(gold) >= 0.98, f"opt-outs missed: {_ids(missed)}"


def test_handoff_accuracy():
    pairs = _results()
    wrong = [(row, r) for row, r in pairs if r.queue.value != row["handoff"]]
    assert 1 - len(wrong) / len(pairs) >= 0.90, f"wrong queue: {_ids(wrong)}"


def test_language_accuracy():
    pairs = _results()
    wrong = [(row, r) for row, r in pairs if r.lang != row["lang"]]
    assert 1 - len(wrong) / len(pairs) >= 0.97, f"wrong language: {_ids(wrong)}"
