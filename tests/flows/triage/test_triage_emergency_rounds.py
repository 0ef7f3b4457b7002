"""Out-of-sample rounds of the emergency screen (`emergency_rounds.jsonl`, next to this file).

Each round was written fresh and scored before any rule change, then used to generalise the
safety net (`flows.triage.safety_net`) by class, never by sentence:

- r1, r2: the first two rounds;
- r3: scored untouched (medical recall 7/10, mental_health 3/10, one false alarm, "stroke of
  luck"), then generalised: means and firearms near despair, passive ideation with burden or
  farewell, research of a lethal dose, plans against a named person (stalking), carbon monoxide
  or gas exposure with symptoms, venomous bites, sudden testicular pain, heat illness, electrical
  injury, anaphylaxis variants, and the idioms/family history that are no event;
- r4: adversarial (new phrasings of both kinds in eight languages, plus idioms, denials,
  resolved past events and hypotheticals), scored before its own fixes (medical recall 5/17,
  mental_health 10/16 on the untouched rules; 12/17 and 13/16 after the r3 classes).

Every round must now hold 100% recall of both kinds and >= 90% precision. A fresh round, scored
untouched, is the next honest estimate (see `realistic_round.jsonl` for the realistic mix).

Also table-driven tests of the safety-net classes: each case fires, and stops firing when its
class alone is removed (so the class, not a named rule, is what catches it).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from flows.triage import concepts, safety_net, screen_emergency, triage
from flows.types import Awaiting, Channel, Emergency

CORPUS = Path(__file__).with_name("emergency_rounds.jsonl")
KINDS = ("medical", "mental_health")

ROUNDS = ("r1", "r2", "r3", "r4")


@lru_cache(maxsize=1)
def _results() -> tuple[tuple[dict, str | None], ...]:
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        awaiting = Awaiting(row["context"]) if row.get("context") else None
        result = triage(row["text"], channel=Channel(row["channel"]), awaiting=awaiting)
        out.append((row, result.emergency.value if result.emergency else None))
    return tuple(out)


def _round(name: str) -> list[tuple[dict, str | None]]:
    return [(row, got) for row, got in _results() if row["id"].startswith(f"{name}-")]


def test_rounds_are_complete_and_mixed() -> None:
    sizes = {name: len(_round(name)) for name in ROUNDS}
    assert sizes == {"r1": 60, "r2": 40, "r3": 30, "r4": 53}
    for name in sizes:
        rows = [row for row, _ in _round(name)]
        for kind in KINDS:
            assert any(row["emergency"] == kind for row in rows), (name, kind)
        assert any(row["emergency"] is None for row in rows), name
        assert len({row["lang"] for row in rows}) >= 5, name


def _check_round(name: str) -> None:
    pairs = _round(name)
    for kind in KINDS:
        missed = [row["id"] for row, got in pairs if row["emergency"] == kind and got != kind]
        assert not missed, f"{name}: {kind} emergencies missed or mislabelled: {missed}"
        predicted = [row for row, got in pairs if got == kind]
        false = [row["id"] for row in predicted if row["emergency"] != kind]
        assert predicted and 1 - len(false) / len(predicted) >= 0.90, f"{name} {kind}: {false}"


@pytest.mark.parametrize("name", ROUNDS)
def test_round_recall_and_precision(name: str) -> None:
    _check_round(name)


def test_round_four_hard_negatives_stay_quiet() -> None:
    """Idioms, denials, resolved past events and hypotheticals of round 4 raise no alarm."""
    false = [row["id"] for row, got in _round("r4") if got and row["emergency"] is None]
    assert not false, false


MEDICAL, MENTAL = Emergency.MEDICAL, Emergency.MENTAL_HEALTH

#: (class name, text, kind): fresh phrasings each caught by that class alone.
NET_CASES = [
    ("means near intent", "i have a stash of oxy saved up and tonight feels right", MENTAL),
    ("means near intent", "i keep picturing the train tracks behind my house", MENTAL),
    ("death wish", "honestly i'd rather be dead than keep doing chemo", MENTAL),
    ("farewell", "thanks for trying dr lee. i have made my peace", MENTAL),
    ("hopeless", "i have no reason to wake up in the morning", MENTAL),
    ("suicide and self-harm slang", "ngl thinking about unaliving myself", MENTAL),
    ("suicide and self-harm slang", "i want to kms", MENTAL),
    ("urges or command voices to harm someone", "voices keep telling me to drown my baby", MENTAL),
    ("self-harm act", "she has been carving her arms again", MENTAL),
    ("chest complaint with cardiac signs", "like an elephant is standing on my chest", MEDICAL),
    (
        "chest complaint with cardiac signs",
        "he says its heartburn but hes sweating and it goes into his jaw",
        MEDICAL,
    ),
    ("bleeding that will not stop", "blood is dripping through the towel on her arm", MEDICAL),
    (
        "allergen with a systemic reaction",
        "ate a cashew, now my voice sounds hoarse and hives all over",
        MEDICAL,
    ),
    ("household poison swallowed", "my kid drank some of the coolant", MEDICAL),
    ("sedating drug with slowed breathing", "he took some percs and keeps nodding off", MEDICAL),
    ("pregnancy with danger signs", "im 7 months pregnant and seeing spots all day", MEDICAL),
    (
        "unresponsive person found",
        "found my mom slumped in her chair and she wont answer me",
        MEDICAL,
    ),
    ("acute abdomen", "his stomach is rigid and he is doubled over", MEDICAL),
    (
        "water submersion",
        "she slipped under the water in the tub and now shes coughing and sleepy",
        MEDICAL,
    ),
    (
        "research of a lethal dose or method",
        "she googled the lethal dose of her sertraline",
        MENTAL,
    ),
    (
        "research of a lethal dose or method",
        "how many of my sleeping pills would it take to not wake up",
        MENTAL,
    ),
    ("firearm near despair", "grandpa says hes a burden and wants the key to the gun safe", MENTAL),
    (
        "passive ideation with burden or farewell",
        "honestly whats even the point anymore. im so tired. bye",
        MENTAL,
    ),
    (
        "plan against a named person",
        "gonna deal with my ex tonight, i know where she parks",
        MENTAL,
    ),
    (
        "carbon monoxide or gas exposure with symptoms",
        "we ran the space heater all night and the kids woke up with headaches and puking",
        MEDICAL,
    ),
    (
        "venomous bite or sting",
        "a copperhead struck my husband on the ankle while he was mowing",
        MEDICAL,
    ),
    (
        "sudden testicular pain",
        "my 12 yo has sudden really bad pain in his testicle and hes crying",
        MEDICAL,
    ),
    (
        "heat illness with a danger sign",
        "after mowing in the heat my dad stopped sweating and is acting drunk",
        MEDICAL,
    ),
    ("electrical injury", "my son got shocked by the outlet and his hand is tingling", MEDICAL),
]

#: (vital name, text): a reading in its danger band is the only sign.
VITAL_CASES = [
    ("oxygen", "pulse ox reading 82% on grandpa"),
    ("glucose", "grandmas sugar is 44"),
    ("blood pressure extreme", "her bp is 232/128, what do we do"),
    ("high fever in a child", "my son has a temp of 104.6"),
]


@pytest.mark.parametrize(("name", "text", "kind"), NET_CASES)
def test_net_class_catches_its_population(
    monkeypatch, name: str, text: str, kind: Emergency
) -> None:
    found, evidence = screen_emergency(text, "en")
    assert found is kind, evidence
    assert f"emergency:{kind.value}:net:{name}" in evidence
    monkeypatch.setattr(safety_net, "NET", tuple(r for r in safety_net.NET if r.name != name))
    # The concept layer is a second net over the same danger: the class is tested alone.
    monkeypatch.setattr(concepts, "CONCEPTS", ())
    without, _ = screen_emergency(text, "en")
    assert without is not kind, f"caught without the class {name!r}"


@pytest.mark.parametrize(("name", "text"), VITAL_CASES)
def test_vital_sign_in_danger_band(monkeypatch, name: str, text: str) -> None:
    found, evidence = screen_emergency(text, "en")
    assert found is MEDICAL and f"emergency:medical:vital:{name}" in evidence, evidence
    monkeypatch.setattr(safety_net, "VITALS", tuple(v for v in safety_net.VITALS if v.name != name))
    assert screen_emergency(text, "en")[0] is None


@pytest.mark.parametrize(
    "text",
    [
        "my bp was 182/96 at the pharmacy kiosk but I feel totally fine, should I worry?",
        "sugar was 62 this morning, had some juice and it came up to 110",
        "pulse ox says 97% after my walk",
        "no thoughts of hurting myself, just feeling kind of down",
        "I'd kill for a refill of my allergy meds before the weekend lol",
        "my grandmas appointment at the stroke clinic is tomorrow",
        "my son has a peanut allergy, can you send a new epipen prescription to cvs",
        "can you overdose on vitamin C?",
        "What should I do if my son ever has a seizure again?",
        "we jumped off the dock at the lake all weekend, so fun",
        "i want to end things with my physical therapist and see someone closer",
        "stroke of luck, I found my insurance card! sending it now",
        "my uncle died of a heart attack, should I get my cholesterol checked?",
        "had a snake bite last summer, totally healed. need my tetanus booster record",
        "gas leak at my building so Im staying at my sisters, send my refill to the CVS near her",
        "my landlord finally installed a carbon monoxide detector, can you update my address",
        "Im waiting by the car, which entrance is for lab draws?",
        "how many advil can i take for a headache?",
        "heat rash on my back, so itchy",
        "my son has had testicle pain for weeks, can we get an appointment",
        "my husband was shocked by the bill lol",
        "whats the point of fasting before labs?",
        "sorry for being a pain, thanks bye",
        "tengo mucho calor y estoy confundida con el formulario",
        "ya no me duele nada, el piquete del alacran fue hace meses",
    ],
)
def test_net_stays_quiet_on_hard_negatives(text: str) -> None:
    assert screen_emergency(text, "en") == (None, ())
