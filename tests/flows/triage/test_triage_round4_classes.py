"""The classes generalised after the fourth blind round, probed with sentences of our own
(none of them is a row of `blind_round_4.jsonl`)."""

from __future__ import annotations

import pytest

from flows.triage.emergency import screen_emergency


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        # Severe hypoglycemia: a low reading with a brain sign, in any language.
        ("sugar was 55 and she is confused and sweaty", "en", "medical"),
        ("azucar en 45 y esta muy adormilada", "es", "medical"),
        ("血糖38，她迷糊了", "zh", "medical"),
        ("duong huyet cua ong 42, ong lo mo", "vi", "medical"),
        # Intrusive thoughts of harming a baby.
        ("I keep having thoughts of shaking my baby when he cries", "en", "mental_health"),
        ("im afraid of what i could do to my son, i need help", "en", "mental_health"),
        # One calf swollen, red and painful: a clot.
        ("my right calf is swollen, warm and painful since yesterday", "en", "medical"),
        ("tengo la pantorrilla hinchada y roja y me duele mucho", "es", "medical"),
        # A sudden, severe headache (thunderclap) or one with a neurological sign.
        ("de repente me dio un dolor de cabeza horrible", "es", "medical"),
        ("sudden headache out of nowhere and my arm feels weak", "en", "medical"),
        ("C. se me duerme la cara y no puedo mover bien la mano", "es", "medical"),
    ],
)
def test_emergency_classes(text, lang, kind):
    found, _ = screen_emergency(text, lang)
    assert found is not None and str(found) == kind


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Hyperbole tied to a trigger or a laugh.
        ("the copay gives me a stroke every time i look at it", "en"),
        ("heart attack when i opened the statement lol", "en"),
        ("overdosed on tamales this weekend haha, see you monday", "en"),
        # A device is no confused patient.
        ("the app seems confused about my address", "en"),
        # A chronic course is no stroke.
        ("my right hand has been numb for years, neuropathy. need a refill", "en"),
        ("tengo la mano entumida desde hace meses por el tunel carpiano", "es"),
        # An old event that is over, whatever "ahorita" says.
        ("tuvo un infarto hace 3 anos y ahorita esta bien, pregunta por sus pastillas", "es"),
        # A low-normal reading without a brain sign.
        ("sugar was 65 this morning, feel fine", "en"),
    ],
)
def test_no_false_alarm(text, lang):
    found, evidence = screen_emergency(text, lang)
    assert found is None, evidence
