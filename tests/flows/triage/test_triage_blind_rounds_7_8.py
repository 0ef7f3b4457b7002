"""The issue-12 blind rounds: two new sets by writers who never saw the rules, kept as they
scored, NOT yet tuned on. Their floors pin today's figures so a change can only move them up;
the gap to the targets (emergency recall 0.97, clinical/manager reach 0.95, macro-F1 0.90) is
the work left, named here rather than hidden.

| file | rows | written | before the concept layer | with it (untuned on these rows) |
|---|---|---|---|---|
| `blind_round_7.jsonl` | 220 | writer A: 80% texts, es/zh/vi/ko/tl + en | emergency recall 70.6%, precision 85.7%, clinical/manager 59.4%, handoff 70.0%, macro-F1 0.743 | recall 85.3%, precision 87.9%, clinical/manager 59.4%, handoff 72.3%, macro-F1 0.746 |
| `blind_round_8.jsonl` | 220 | writer B: 60% voicemail transcripts, ar/ru/ht/pt/es + en | emergency recall 60.0%, precision 91.3%, clinical/manager 64.7%, handoff 59.1% | recall 65.7%, precision 92.0%, clinical/manager 64.7%, handoff 60.0%, macro-F1 0.636 |

Both writers labelled questions about one's own appointment ("is it still on", "what time")
as `other` -> front desk, as the schema leaves no better label.
"""

from __future__ import annotations

import pytest

from tests.flows.triage.test_triage_labelled_sets import report

FLOORS = {
    # name: (emergency recall, emergency precision, clinical/manager reach, handoff accuracy)
    "blind_round_7.jsonl": (0.85, 0.87, 0.59, 0.72),
    "blind_round_8.jsonl": (0.65, 0.92, 0.64, 0.60),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_new_blind_rounds_hold_their_floors_and_never_opt_anyone_out_by_mistake(name):
    recall, precision, reach, handoff = FLOORS[name]
    scores = report(name)
    assert scores["n"] == 220
    assert scores["emergency"]["any"]["recall"] >= recall, scores["emergency"]["any"]["missed"]
    assert scores["emergency"]["any"]["precision"] >= precision, scores["emergency"]["any"][
        "false_alarms"
    ]
    assert scores["urgent_reached"] >= reach
    assert scores["handoff_accuracy"] >= handoff
    assert scores["false_opt_outs"] == []
