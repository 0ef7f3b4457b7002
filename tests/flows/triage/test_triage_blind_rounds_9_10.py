"""Two more issue-12 blind rounds, by writers who never saw the rules, kept as they scored
before any tuning on them. Their floors pin those figures so a change can only move them up;
the gap to the targets (emergency recall 0.97, precision 0.90, clinical/manager reach 0.95,
macro-F1 0.90) is the work left, named here rather than hidden.

| file | rows | written | scored before tuning (webhook path, `flask triage --eval`) |
|---|---|---|---|
| `blind_round_9.jsonl` | 230 | writer C: half voicemail, 65% non-English over all ten languages, the issue's families | emergency recall 64.0%, precision 80.0%, clinical/manager 76.7%, handoff 68.7%, macro-F1 0.746, language 98.7% |
| `blind_round_10.jsonl` | 220 | writer D: caregivers and relatives, transliterated scripts (Arabizi, Russian in Latin letters, pinyin, Vietnamese without marks), heavy speech-recognition errors | emergency recall 57.1%, precision 93.3%, clinical/manager 75.0%, handoff 63.2%, macro-F1 0.694, language 90.0% |

Both writers again labelled questions about one's own appointment `other` -> front desk.

Then, still without tuning on these two rounds, the round-2 work tuned on rounds 7 and 8 (own-
visit questions, help, language and polite complaints in every language, the false-alarm
families, 17 missed emergency phrasings) and the second opinion (a model trained without
rounds 9 and 10) were merged. Scored again, as held-out data for both:

| file | emergency recall | precision | clinical/manager | handoff | macro-F1 |
|---|---|---|---|---|---|
| `blind_round_9.jsonl` | 64.0% -> 70.0% | 80.0% -> 85.4% | 76.7% -> 83.3% | 68.7% -> 79.1% | 0.746 -> 0.864 |
| `blind_round_10.jsonl` | 57.1% -> 63.3% | 93.3% -> 93.9% | 75.0% -> 83.3% | 63.2% -> 72.7% | 0.694 -> 0.806 |
"""

from __future__ import annotations

import pytest

from tests.flows.triage.test_triage_blind_rounds_7_8 import assert_floors

FLOORS = {
    # name: (rows, (emergency recall, emergency precision, clinical/manager reach, handoff,
    #               intent macro-F1))
    "blind_round_9.jsonl": (230, (0.68, 0.85, 0.83, 0.79, 0.86)),
    "blind_round_10.jsonl": (220, (0.57, 0.93, 0.83, 0.72, 0.80)),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_rounds_9_and_10_hold_their_floors_and_never_opt_anyone_out_by_mistake(name):
    rows, floors = FLOORS[name]
    assert_floors(name, rows, floors)
