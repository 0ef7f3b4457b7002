"""The issue-12 blind rounds: two new sets by writers who never saw the rules, kept as they
scored, NOT yet tuned on. Their floors pin today's figures so a change can only move them up;
the gap to the targets (emergency recall 0.97, clinical/manager reach 0.95, macro-F1 0.90) is
the work left, named here rather than hidden.

| file | rows | written | before the concept layer | with it (untuned on these rows) |
|---|---|---|---|---|
| `blind_round_7.jsonl` | 220 | writer A: 80% texts, es/zh/vi/ko/tl + en | emergency recall 70.6%, precision 85.7%, clinical/manager 59.4%, handoff 70.0%, macro-F1 0.743 | recall 85.3%, precision 87.9%, clinical/manager 59.4%, handoff 72.3%, macro-F1 0.746 |
| `blind_round_8.jsonl` | 220 | writer B: 60% voicemail transcripts, ar/ru/ht/pt/es + en | emergency recall 60.0%, precision 91.3%, clinical/manager 64.7%, handoff 59.1% | recall 65.7%, precision 92.0%, clinical/manager 64.7%, handoff 60.0%, macro-F1 0.636 |

Round 2 of issue 12 then tuned on both sets, by class (own-visit questions as their own intent,
polite complaints, "who is this", language asked in its own words, wrong number / records /
portal words per language, and four false-alarm families; tests in
`test_triage_intents_round2.py`). Measured with `triage()` as below (the CLI replay through the
engine agrees within a point):

| file | emergency recall / precision | clinical+manager reach | handoff | macro-F1 | F1 other / complaint / language / help |
|---|---|---|---|---|---|
| `blind_round_7.jsonl` before | 85.3% / 87.9% | 59.4% | 74.5% | 0.746 | 0.16 / 0.50 / 0.95 / 0.55 |
| `blind_round_7.jsonl` after | 100% / 97.1% | 81.2% | 91.4% | 0.969 | 0.95 / 0.94 / 1.00 / 1.00 |
| `blind_round_8.jsonl` before | 65.7% / 92.0% | 67.6% | 63.2% | 0.636 | 0.18 / 0.75 / 1.00 / 0.00 |
| `blind_round_8.jsonl` after | 100% / 100% | 88.2% | 95.5% | 0.950 | 0.91 / 0.89 / 1.00 / 1.00 |

These two sets are no longer blind: the figures say what the rules do on text they were tuned
on, not what a new writer will see. The 17 emergencies missed before were closed by classes
(each with a routine look-alike that must not fire, in `test_triage_intents_round2.py`); the
one false alarm left (b12a-006, a cut that "keeps soaking through the bandaid") is kept on
purpose: a person looks.

Both writers labelled questions about one's own appointment ("is it still on", "what time")
as `other` -> front desk, as the schema leaves no better label. Triage now names them
`Intent.APPOINTMENT_STATUS` (the reminders flow answers them from the record), which
`flows.triage.evaluate` scores as `other`.
"""

from __future__ import annotations

import pytest

from tests.flows.triage.test_triage_labelled_sets import report

FLOORS = {
    # name: (emergency recall, emergency precision, clinical/manager reach, handoff accuracy,
    #        intent macro-F1)
    "blind_round_7.jsonl": (1.00, 0.97, 0.81, 0.91, 0.96),
    "blind_round_8.jsonl": (1.00, 1.00, 0.88, 0.95, 0.95),
}


def assert_floors(name: str, rows: int, floors: tuple[float, ...]) -> None:
    """The set scores at least its floors and opts nobody out by mistake."""
    recall, precision, reach, handoff, macro_f1 = floors
    scores = report(name)
    assert scores["n"] == rows
    assert scores["emergency"]["any"]["recall"] >= recall, scores["emergency"]["any"]["missed"]
    assert scores["emergency"]["any"]["precision"] >= precision, scores["emergency"]["any"][
        "false_alarms"
    ]
    assert scores["urgent_reached"] >= reach
    assert scores["handoff_accuracy"] >= handoff
    assert scores["intent_macro_f1"] >= macro_f1
    assert scores["false_opt_outs"] == []


@pytest.mark.parametrize("name", list(FLOORS))
def test_new_blind_rounds_hold_their_floors_and_never_opt_anyone_out_by_mistake(name):
    assert_floors(name, 220, FLOORS[name])
