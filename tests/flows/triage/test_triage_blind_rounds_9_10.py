"""Two more issue-12 blind rounds, by writers who never saw the rules, kept as they scored
before any tuning on them. Their floors pin those figures so a change can only move them up;
the gap to the targets (emergency recall 0.97, precision 0.90, clinical/manager reach 0.95,
macro-F1 0.90) is the work left, named here rather than hidden.

| file | rows | written | scored before tuning (webhook path, `flask triage --eval`) |
|---|---|---|---|
| `blind_round_9.jsonl` | 230 | writer C: half voicemail, 65% non-English over all ten languages, the issue's families | emergency recall 64.0%, precision 80.0%, clinical/manager 76.7%, handoff 68.7%, macro-F1 0.746, language 98.7% |
| `blind_round_10.jsonl` | 220 | writer D: caregivers and relatives, transliterated scripts (Arabizi, Russian in Latin letters, pinyin, Vietnamese without marks), heavy speech-recognition errors | emergency recall 57.1%, precision 93.3%, clinical/manager 75.0%, handoff 63.2%, macro-F1 0.694, language 90.0% |

Both writers again labelled questions about one's own appointment `other` -> front desk.
"""

from __future__ import annotations

import pytest

from tests.flows.triage.test_triage_labelled_sets import report

FLOORS = {
    # name: (rows, emergency recall, emergency precision, clinical/manager reach, handoff)
    "blind_round_9.jsonl": (230, 0.64, 0.80, 0.76, 0.68),
    "blind_round_10.jsonl": (220, 0.57, 0.93, 0.75, 0.63),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_rounds_9_and_10_hold_their_floors_and_never_opt_anyone_out_by_mistake(name):
    rows, recall, precision, reach, handoff = FLOORS[name]
    scores = report(name)
    assert scores["n"] == rows
    assert scores["emergency"]["any"]["recall"] >= recall, scores["emergency"]["any"]["missed"]
    assert scores["emergency"]["any"]["precision"] >= precision, scores["emergency"]["any"][
        "false_alarms"
    ]
    assert scores["urgent_reached"] >= reach
    assert scores["handoff_accuracy"] >= handoff
    assert scores["false_opt_outs"] == []
