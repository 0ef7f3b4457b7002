"""The learned second opinion (flows/triage/second_opinion.py): it only ever raises.

What a patient or a nurse would notice: an emergency the rules' lists do not know, phrased
afresh, still reaches the on-call person; a message the rules already send to a person is never
sent to a lesser queue, an opt-out is never touched, and the same text gets the same answer in
every process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows import triage as triage_package
from flows.triage import second_opinion as so
from flows.triage import triage
from flows.triage.normalize import normalize
from flows.types import Awaiting, Channel, Emergency, Intent, Queue, Triage, Urgency

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
#: Blind rounds 9 and later are held out for scoring: never read here.
HELD_BACK = re.compile(r"^blind_round_(?:9|[1-9]\d+)(?:\D.*)?\.jsonl$")
QUEUE_ORDER = list(Queue)
URGENCY_ORDER = [Urgency.LOW, Urgency.NORMAL, Urgency.HIGH, Urgency.EMERGENCY]


def committed_rows() -> list[dict]:
    rows = []
    for path in sorted(HERE.glob("*.jsonl")):
        if HELD_BACK.match(path.name):
            continue
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def assert_only_raised(before: Triage, after: Triage) -> None:
    """`after` is `before` or more urgent, with consent, intent and language untouched."""
    assert (after.intent, after.lang, after.is_opt_out, after.is_opt_in) == (
        before.intent,
        before.lang,
        before.is_opt_out,
        before.is_opt_in,
    )
    assert URGENCY_ORDER.index(after.urgency) >= URGENCY_ORDER.index(before.urgency)
    if before.emergency is not None:
        assert after.emergency is before.emergency
        assert after.queue is Queue.EMERGENCY
    if after.queue is not before.queue:
        assert after.queue in (Queue.EMERGENCY, Queue.CLINICAL)
        assert QUEUE_ORDER.index(after.queue) < QUEUE_ORDER.index(before.queue)
        # A nurse only takes a message from a clerk's queue or the bot, never from a manager.
        if after.queue is Queue.CLINICAL:
            assert before.queue is not Queue.MANAGER
        assert any(e.startswith("second_opinion:") for e in after.evidence)
    assert set(before.evidence) <= set(after.evidence)


def test_on_every_committed_message_the_model_only_raises():
    rows = committed_rows()
    assert len(rows) > 2000
    raised = 0
    for row in rows:
        awaiting = Awaiting(row["context"]) if row.get("context") else None
        channel = Channel(row.get("channel") or "sms")
        before = triage(row["text"], channel=channel, awaiting=awaiting, second_opinion=False)
        after = triage(row["text"], channel=channel, awaiting=awaiting, second_opinion=True)
        assert_only_raised(before, after)
        raised += after != before
    # The property above would pass for a model that never fires: it does fire.
    assert raised > 0


@st.composite
def rules_results(draw: st.DrawFn) -> Triage:
    """Any answer the rules can give: an emergency always sits in the emergency queue."""
    emergency = draw(st.one_of(st.none(), st.sampled_from(list(Emergency))))
    queue = Queue.EMERGENCY if emergency else draw(st.sampled_from(QUEUE_ORDER[1:]))
    urgency = (
        Urgency.EMERGENCY
        if emergency
        else Urgency.HIGH
        if queue in (Queue.CLINICAL, Queue.MANAGER)
        else draw(st.sampled_from([Urgency.LOW, Urgency.NORMAL]))
    )
    return Triage(
        intent=draw(st.sampled_from(list(Intent))),
        queue=queue,
        emergency=emergency,
        is_upset=draw(st.booleans()),
        lang=draw(st.sampled_from(["en", "es", "zh"])),
        urgency=urgency,
        evidence=draw(st.tuples(st.sampled_from(["queue rule 7: schedule", "symptom:x"]))),
        summary=draw(st.text(max_size=100)),
        is_opt_out=draw(st.booleans()),
        is_opt_in=draw(st.booleans()),
    )


_PROBABILITY = st.floats(min_value=0.0, max_value=1.0)


@given(rules_results(), _PROBABILITY, _PROBABILITY, _PROBABILITY)
def test_whatever_the_scores_a_result_is_only_raised(before, emergency, clinical, mental):
    after = so.raise_triage(before, so.Opinion(emergency, clinical, mental))
    if before.emergency is not None:
        assert after == before  # the rules' emergency, its kind and its evidence stand
    assert_only_raised(before, after)
    assert len(after.summary) <= 100


def test_the_off_switch_gives_the_rules_answer(monkeypatch):
    text = "C. my dad is not making sense and his face looks droopy on one side"
    with_model = triage(text, awaiting=Awaiting.APPOINTMENT_REMINDER)
    monkeypatch.setattr(triage_package, "SECOND_OPINION", False)
    off = triage(text, awaiting=Awaiting.APPOINTMENT_REMINDER)
    assert off == triage(text, awaiting=Awaiting.APPOINTMENT_REMINDER, second_opinion=False)
    assert not any(e.startswith("second_opinion") for e in off.evidence)
    assert with_model.emergency is not None


_SAMPLES = ("my chest hurts and I cant breathe", "ya no quiero vivir", "C", "我头很痛")


def test_scores_are_the_same_in_another_process_whatever_its_hash_seed():
    here = [so.score(normalize(t).text) for t in _SAMPLES]
    code = (
        "import json, sys\n"
        "from flows.triage import second_opinion as so\n"
        "from flows.triage.normalize import normalize\n"
        "print(json.dumps([list(vars(so.score(normalize(t).text)).values())"
        " for t in json.loads(sys.argv[1])]))\n"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, "-c", code, json.dumps(_SAMPLES)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert json.loads(out) == [list(vars(o).values()) for o in here]


def test_the_weights_are_small_and_load_fast():
    data = (ROOT / "flows" / "triage" / so.WEIGHTS_FILE).read_bytes()
    assert len(data) < 3 * 1024 * 1024
    start = time.perf_counter()
    model = so.decode_model(data)
    assert time.perf_counter() - start < 0.5
    assert len(model.weights) == len(so.HEADS)


def test_a_weights_file_for_another_shape_is_refused():
    data = bytearray((ROOT / "flows" / "triage" / so.WEIGHTS_FILE).read_bytes())
    data[4] = so.BITS + 1
    with pytest.raises(ValueError, match="bits"):
        so.decode_model(bytes(data))


# Written for this test, not taken from any labelled set: emergencies phrased in ways the rules'
# lists did not know when the model shipped. If the rules learn one, replace it with a phrasing
# they still miss (the point is what the model adds).
CAUGHT_AS_EMERGENCIES = [
    ("en", "my friend just told me he is going to shoot himself tonight", Emergency.MENTAL_HEALTH),
    ("es", "mi amigo me dijo que se va a pegar un tiro esta noche", Emergency.MENTAL_HEALTH),
    ("pt", "meu amigo disse que vai dar um tiro na cabeca hoje a noite", Emergency.MENTAL_HEALTH),
    (
        "pt",
        "minha irma disse que quer dormir para sempre e deu todas as coisas dela, estou com medo",
        Emergency.MENTAL_HEALTH,
    ),
    (
        "pt",
        "o vovo esta respirando muito devagar e nao conseguimos acordar ele",
        Emergency.MEDICAL,
    ),
]
# Less sure, still a person must look now: a nurse's queue instead of the front desk.
CAUGHT_FOR_A_NURSE = [
    (
        "en",
        "my husband has had a crushing feeling behind his breastbone for 40 minutes and is sweating",
    ),
    ("tl", "sabi ng kaibigan ko babarilin niya ang sarili niya mamayang gabi"),
    ("ht", "zanmi m di l ap tire tet li aswe a"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), CAUGHT_AS_EMERGENCIES)
def test_an_emergency_the_rules_miss_reaches_the_on_call_person(lang, text, kind):
    rules = triage(text, second_opinion=False)
    assert rules.emergency is None, "the rules catch this one now: write one they miss"
    result = triage(text)
    assert result.emergency is kind
    assert result.queue is Queue.EMERGENCY
    assert result.urgency is Urgency.EMERGENCY
    assert result.summary.startswith("POSSIBLE ")
    assert any(e.startswith("second_opinion:emergency:") for e in result.evidence)
    assert (result.intent, result.is_opt_out) == (rules.intent, rules.is_opt_out)


@pytest.mark.parametrize(("lang", "text"), CAUGHT_FOR_A_NURSE)
def test_a_likely_emergency_the_rules_miss_reaches_a_nurse(lang, text):
    rules = triage(text, second_opinion=False)
    assert rules.emergency is None and rules.queue not in (Queue.CLINICAL, Queue.MANAGER)
    result = triage(text)
    assert result.queue is Queue.CLINICAL
    assert result.urgency is Urgency.HIGH
    assert "queue rule 2: a nurse looks (second opinion)" in result.evidence


@pytest.mark.parametrize(
    "text",
    [
        "C",
        "thanks, see you tuesday!",
        "the wait on the phone is killing me, can someone call me back about my bill",
        "necesito cambiar mi cita para el viernes",
        "我想改预约时间",
        "STOP",
    ],
)
def test_everyday_messages_keep_the_rules_answer(text):
    assert triage(text) == triage(text, second_opinion=False)


@pytest.mark.parametrize(
    ("text", "queue"),
    [
        ("I need a refill on my blood pressure pills", Queue.REFILLS),
        ("necesito que me renueven la receta de la presión", Queue.REFILLS),
        ("can you send my diabetes medicine refill to the CVS on Main", Queue.REFILLS),
        ("I got a bill for my heart doctor visit and it looks wrong", Queue.BILLING),
    ],
)
def test_a_clerks_request_about_a_condition_stays_with_the_clerk(text, queue):
    """The clinical head alone moves only what no person would read (the bot's, the front
    desk's): a refill or a bill that merely names a condition stays with its clerk."""
    assert triage(text, second_opinion=False).queue is queue
    assert triage(text).queue is queue
