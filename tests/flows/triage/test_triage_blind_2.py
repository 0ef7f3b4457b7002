"""Regression guard on the second blind round and its holdout (files next to this one).

Both were written blind (by people who never saw the rules) and scored before any tuning:

- `blind_round_2.jsonl` (180): macro-F1 0.824, handoff 79.4%, clinical/manager 73.8%, mental-health
  emergency recall 90%, emergency precision 95.8%, opt-out recall 90.9%, upset recall 68.8%,
  automation 77.2%;
- `blind_round_holdout.jsonl` (66): macro-F1 0.821, handoff 86.4%, opt-out 87.5%, upset recall 60%.

The fixes were made by class (a high place near despair or a farewell in eight languages, a blood
test is not bleeding, "over the last month" is a duration, lost function and a thrown-out back as
symptoms, a clinic cancelling on the patient, repeated requests and threats to report as upset,
a bare STOP sentence and "cancel these texts" as opt-outs, keywords with courtesy words, sign-up
phrasings as opt-in, dead links and blank pages needing a person, requests from another provider
as records, typo-tolerant refills, a confirmation code followed by a refill, referral over
insurance, "who dis" and "is this spam" as help, compliments as thanks). These tests pin the
figures reached so a later change that regresses them fails CI.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from flows.triage import triage
from flows.triage.evaluate import evaluate
from flows.types import Awaiting, Channel

HERE = Path(__file__).parent
#: corpus -> (rows, macro-F1 floor, handoff floor)
CORPORA = {
    "blind_round_2.jsonl": (180, 0.95, 0.97),
    "blind_round_holdout.jsonl": (66, 0.95, 0.97),
}


@cache
def _results(name: str) -> tuple[tuple[dict, object], ...]:
    text = (HERE / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        awaiting = Awaiting(row["context"]) if row.get("context") else None
        result = triage(
            row["text"], channel=Channel(row.get("channel") or "sms"), awaiting=awaiting
        )
        out.append((row, result))
    return tuple(out)


def _ids(pairs) -> list[str]:
    return [row["id"] for row, _ in pairs]


@cache
def _report(name: str) -> dict:
    pairs = _results(name)
    gold = [row for row, _ in pairs]
    predicted = [
        {
            "id": row["id"],
            "intent": r.intent.value,
            "handoff": r.queue.value,
            "emergency": r.emergency.value if r.emergency else None,
            "upset": r.is_upset,
            "lang": r.lang,
        }
        for row, r in pairs
    ]
    return evaluate(gold, predicted)


corpora = pytest.mark.parametrize("name", list(CORPORA))


@corpora
def test_corpus_size(name):
    rows = [row for row, _ in _results(name)]
    assert len(rows) == CORPORA[name][0]
    assert len({row["id"] for row in rows}) == len(rows)


@corpora
@pytest.mark.parametrize("kind", ["medical", "mental_health"])
def test_every_emergency_is_caught(name, kind):
    missed = [
        (row, r)
        for row, r in _results(name)
        if row["emergency"] == kind and (r.emergency is None or r.emergency.value != kind)
    ]
    assert not missed, f"{kind} emergencies missed or mislabelled: {_ids(missed)}"


@corpora
def test_emergency_precision(name):
    predicted = [(row, r) for row, r in _results(name) if r.emergency is not None]
    false = [(row, r) for row, r in predicted if row["emergency"] is None]
    assert predicted
    assert 1 - len(false) / len(predicted) >= 0.95, f"false alarms: {_ids(false)}"


@corpora
def test_no_false_opt_outs_and_opt_out_recall(name):
    wrong = [(row, r) for row, r in _results(name) if row["intent"] != "opt_out" and r.is_opt_out]
    assert not wrong, f"false opt-outs: {_ids(wrong)}"
    confirmations = [
        (row, r) for row, r in _results(name) if row["intent"] == "confirm" and r.is_opt_out
    ]
    assert not confirmations
    gold = [(row, r) for row, r in _results(name) if row["intent"] == "opt_out"]
    missed = [(row, r) for row, r in gold if not r.is_opt_out]
    assert 1 - len(missed) / len(gold) >= 0.98, f"opt-outs missed: {_ids(missed)}"


@corpora
def test_handoff_accuracy(name):
    pairs = _results(name)
    wrong = [(row, r) for row, r in pairs if r.queue.value != row["handoff"]]
    assert 1 - len(wrong) / len(pairs) >= CORPORA[name][2], f"wrong queue: {_ids(wrong)}"


@corpora
def test_clinical_and_manager_reach_their_queue(name):
    gold = [(row, r) for row, r in _results(name) if row["handoff"] in ("clinical", "manager")]
    missed = [(row, r) for row, r in gold if r.queue.value not in (row["handoff"], "emergency")]
    assert 1 - len(missed) / len(gold) >= 0.98, f"not routed: {_ids(missed)}"


@corpora
def test_upset_recall(name):
    gold = [(row, r) for row, r in _results(name) if row["upset"]]
    missed = [(row, r) for row, r in gold if not r.is_upset]
    assert 1 - len(missed) / len(gold) >= 0.90, f"upset missed: {_ids(missed)}"


@corpora
def test_intent_macro_f1(name):
    assert _report(name)["intent_macro_f1"] >= CORPORA[name][1]


@corpora
def test_language_accuracy(name):
    pairs = _results(name)
    wrong = [(row, r) for row, r in pairs if r.lang != row["lang"]]
    assert 1 - len(wrong) / len(pairs) >= 0.97, f"wrong language: {_ids(wrong)}"


@corpora
def test_automation_rate(name):
    assert _report(name)["automation_rate"] >= 0.90
