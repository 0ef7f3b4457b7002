"""The classes generalised after the fifth blind round, probed with sentences of our own
(none of them is a row of `blind_round_5.jsonl`)."""

from __future__ import annotations

import pytest

from flows.triage import triage
from flows.triage.emergency import screen_emergency
from flows.types import Awaiting


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        # Bleeding from the gut with weakness, in every language.
        ("my dad is throwing up blood and hes really weak and dizzy", "en", "medical"),
        ("she has black tarry stool since yesterday and is so pale", "en", "medical"),
        ("mi esposo esta vomitando sangre desde la mañana y esta muy debil", "es", "medical"),
        ("Papa m ap vomi san, li fèb anpil", "ht", "medical"),
        ("아버지가 피를 토하고 힘이 없어요", "ko", "medical"),
        ("Мама с утра рвёт кровью, очень слабая", "ru", "medical"),
        # A threat to kill the texter, with a weapon, drink or hiding: 988 with 911.
        (
            "my boyfriend is drunk and has a knife, says he is going to kill me",
            "en",
            "mental_health",
        ),
        ("mi esposo esta borracho con un cuchillo y dice que me va a matar", "es", "mental_health"),
        ("我丈夫喝醉了拿着刀说要杀了我，我躲在房间里", "zh", "mental_health"),
        ("Chồng tôi say rượu cầm dao nói sẽ giết tôi, tôi đang trốn", "vi", "mental_health"),
        ("Муж пьяный с ножом, говорит что убьет меня, я прячусь в ванной", "ru", "mental_health"),
        ("아빠가 칼을 들고 우리를 죽이겠다고 해서 숨어 있어요", "ko", "mental_health"),
        # A supply saved up near a decision or a date.
        ("ive been saving my pills and ive decided this weekend", "en", "mental_health"),
        ("he has been hoarding his oxy and says hes ready", "en", "mental_health"),
        ("he estado juntando las pastillas y ya lo decidi", "es", "mental_health"),
        # Spanish one-sided numbness with a side, an onset or a second deficit.
        ("a mi mamá se le durmió el lado derecho y no puede hablar", "es", "medical"),
        ("a mi papá de repente se le durmió la cara y el brazo", "es", "medical"),
    ],
)
def test_emergency_classes(text, lang, kind):
    found, _ = screen_emergency(text, lang)
    assert found is not None and str(found) == kind


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A bill that "nearly" made someone faint is a joke about money.
        ("got my statement and nearly fainted lol. why is it $900", "en"),
        ("the total on this invoice almost made me faint", "en"),
        # A leg asleep from sitting, saving for a copay, picking meds up, a benign dark stool.
        ("se me durmió la pierna de estar sentada tanto en la sala de espera jaja", "es"),
        ("ive been saving up for the copay, can i pay on the 15th", "en"),
        ("collecting my meds from the pharmacy this week, all good", "en"),
        ("will the flu shot hurt me? my arm was sore last time", "en"),
    ],
)
def test_not_emergencies(text, lang):
    found, evidence = screen_emergency(text, lang)
    assert found is None, evidence


REMINDER = Awaiting("appointment_reminder")


@pytest.mark.parametrize(
    ("text", "awaiting", "queue"),
    [
        # Dosing questions, a body part "killing him", a mole that changed: clinical.
        ("how much ibuprofen can i take with my blood pressure meds?", None, "clinical"),
        ("do i have to finish the antibiotics if the rash is gone?", None, "clinical"),
        (
            "my wife's back has been killing her for weeks, can she get in this week",
            None,
            "clinical",
        ),
        ("my sons mole got bigger and darker, need an appt", None, "clinical"),
        # Moving a booked visit.
        ("my tuesday 10am needs to be moved, anything thursday?", None, "scheduling"),
        ("I have an appointment on the 5th and need to change it please", None, "scheduling"),
        # Upset: asked to stop before, double billed, "y nada".
        ("i told you to stop texting me already", None, "manager"),
        ("you guys double billed my insurance and I want it fixed", None, "manager"),
        ("pedi el refill hace dias y nada, que les pasa", None, "manager"),
        # A request after a confirmation code is the need; a visit change is not.
        ("C. also can you send my records to dr lee", REMINDER, "records"),
        ("C. can you bill my new insurance, its cigna now", REMINDER, "billing"),
        ("C see you then", REMINDER, "none"),
    ],
)
def test_routing_classes(text, awaiting, queue):
    assert str(triage(text, awaiting=awaiting).queue) == queue


@pytest.mark.parametrize(
    ("text", "opt_out", "opt_in"),
    [
        ("paren de mandarme recordatorios", True, False),
        ("PAREN DE MANDARME MENSAJES ya", True, False),
        ("i want the texts back please", False, True),
        ("C", False, False),
    ],
)
def test_consent_phrasings(text, opt_out, opt_in):
    result = triage(text)
    assert (result.is_opt_out, result.is_opt_in) == (opt_out, opt_in)
