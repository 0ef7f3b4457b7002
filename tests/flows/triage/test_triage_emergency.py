"""The emergency screen: every sign fires, in every language; idioms, denials and past events do not."""

from __future__ import annotations

import pytest

from flows.triage import screen_emergency, triage
from flows.types import Awaiting, Channel, Emergency, Intent, Queue, Urgency

MEDICAL = Emergency.MEDICAL
MENTAL = Emergency.MENTAL_HEALTH

FIRES = [
    # English, first and third person
    ("my mom's face looks droopy on the left and she can't lift her arm", MEDICAL),
    ("i think my dad is having a stroke, his words are coming out garbled", MEDICAL),
    ("grandma is confused all of a sudden and isn't making sense", MEDICAL),
    ("pressure in my chest that goes into my left arm, sweating", MEDICAL),
    ("i think im having a heart attack", MEDICAL),
    ("cant breath good, wheezing and the inhaler does nothing", MEDICAL),
    ("her lips are turning blue", MEDICAL),
    ("husband collapsed in the kitchen and he won't wake up", MEDICAL),
    ("he is unresponsive and barely breathing", MEDICAL),
    ("she's seizing right now and won't stop shaking", MEDICAL),
    ("worst headache of my life came on suddenly while lifting boxes", MEDICAL),
    ("bad headache since noon and my neck is really stiff, light hurts", MEDICAL),
    ("my leg won't stop bleeding after I cut it with the saw", MEDICAL),
    ("after the shrimp my lips are swelling and my throat feels tight", MEDICAL),
    ("I took like 30 of my sleeping pills an hour ago", MEDICAL),
    ("my toddler swallowed one of those little button batteries", MEDICAL),
    ("I'm 30 wks pregnant and there's blood everywhere", MEDICAL),
    ("baby hasn't moved all day and I'm 35 weeks", MEDICAL),
    ("my 6 week old has a fever of 100.8 and is really floppy", MEDICAL),
    (
        "my son fell off his bike, hit his head and now he keeps vomiting and seems confused",
        MEDICAL,
    ),
    ("throwing up blood since last night", MEDICAL),
    # Typos
    ("chst pain radiating to my jaw for 20 min", MEDICAL),
    ("having trouble brething since i woke up", MEDICAL),
    ("my husbnd passd out and wont wake up", MEDICAL),
    ("her face is drooping and she's slurrring", MEDICAL),
    # Spanish
    ("mi esposo tiene un dolor muy fuerte en el pecho y esta sudando", MEDICAL),
    ("no puedo respirar bien, siento que me ahogo", MEDICAL),
    ("a mi papá se le cayó la cara de un lado y no puede hablar bien", MEDICAL),
    ("mi hija está convulsionando", MEDICAL),
    ("mi mamá se desmayó y no reacciona", MEDICAL),
    ("estoy embarazada de 7 meses y estoy sangrando mucho", MEDICAL),
    ("se le está hinchando la lengua después de la medicina nueva", MEDICAL),
    ("mi niño se tomó un frasco de pastillas de su abuela", MEDICAL),
    # Other languages: the core signs
    ("Mẹ tôi bị đau ngực và khó thở", MEDICAL),
    ("bo toi bi ngat xiu", MEDICAL),
    ("我胸口很痛，喘不过气", MEDICAL),
    ("我妈妈晕倒了，叫不醒", MEDICAL),
    ("Hindi po makahinga ang tatay ko", MEDICAL),
    ("masakit ang dibdib ko", MEDICAL),
    ("가슴이 너무 아파요", MEDICAL),
    ("아버지가 쓰러졌어요", MEDICAL),
    ("عندي ألم في الصدر", MEDICAL),
    ("ابني فقد الوعي", MEDICAL),
    ("у мужа сильная боль в груди", MEDICAL),
    ("мама потеряла сознание", MEDICAL),
    ("mwen gen doulè nan pwatrin", MEDICAL),
    ("papa m pa ka respire", MEDICAL),
    ("estou com dor no peito e falta de ar", MEDICAL),
    ("meu pai desmaiou", MEDICAL),
    # Mental health
    ("i want to kill myself", MENTAL),
    ("been thinking about ending my life", MENTAL),
    ("i dont want to wake up tomorrow", MENTAL),
    ("my son says he's going to hurt himself", MENTAL),
    ("I've been cutting myself again", MENTAL),
    ("everyone would be better off without me", MENTAL),
    ("i have a plan to overdose tonight", MENTAL),
    ("my roommate said he's going to shoot his boss tomorrow", MENTAL),
    ("i just want it all to end", MENTAL),
    ("i cant do this anymore, the pills are right in front of me", MENTAL),
    ("nobody would care if i died", MENTAL),
    ("my ex texted that he'll kill me if I go to work", MENTAL),
    ("ya no quiero vivir", MENTAL),
    ("tengo ganas de morirme", MENTAL),
    ("me quiero matar", MENTAL),
    ("mi hijo dice que se quiere suicidar", MENTAL),
    ("no aguanto más, quiero desaparecer", MENTAL),
    ("tôi muốn chết", MENTAL),
    ("我不想活了", MENTAL),
    ("죽고 싶어요", MENTAL),
    ("أريد أن أموت", MENTAL),
    ("я не хочу жить", MENTAL),
    ("gusto ko nang mamatay", MENTAL),
    ("mwen vle mouri", MENTAL),
    ("quero morrer", MENTAL),
    # A reminder reply with the means ready and a doubt of surviving, or a means with nothing
    # mattering any more (found by a blind round of reminder replies).
    (
        "sure i'll confirm i guess. doesnt really matter, i have the pills lined up and i dont "
        "think ill be around by tuesday",
        MENTAL,
    ),
    (
        "i dont want to do the video. i dont want to do anything anymore. im on the bridge right now",
        MENTAL,
    ),
    ("i have the pills lined up and i wont be around by friday", MENTAL),
]

QUIET = [
    # Idioms
    "this wait is killing me lol, any update on my labs?",
    "me muero de la risa con este mensaje",
    "dying to know my results!",
    "I almost had a heart attack when I saw the bill",
    "casi me da un infarto con la cuenta",
    "this paperwork is going to be the death of me",
    "my boss is gonna kill me if I miss work again, can I come at 7?",
    "mi jefe me va a matar si falto otra vez",
    # Denied
    "no chest pain or shortness of breath, just a cough",
    "sin dolor de pecho, solo necesito mi receta",
    "no trouble breathing, just congested",
    "Dr said to call if I get chest pain. I haven't, all good. refill please",
    # Past events that are over
    "had a stroke in 2019, doing well now, need to renew my meds",
    "my heart attack was 3 years ago and cardiology cleared me for the gym",
    "tuve un derrame hace dos años, ya estoy bien, necesito cita de control",
    "I passed out last month, the ER said it was dehydration and I'm fine now",
    # Ordinary requests that share words with emergencies
    "refill on my seizure medication please",
    "can i get the results of my chest x ray",
    "what are the warning signs of a stroke? asking for my dad",
    "the bleeding from my tooth stopped, thank you",
    "can I get a flu shot this week",
    "i dont want to do anything anymore this weekend, just tired",
    "i dont think ill be around by tuesday, can we move it",
    "will you be around by tuesday to sign my form?",
    "i dont think i will make it to the appointment on time",
]


@pytest.mark.parametrize(("text", "kind"), FIRES)
def test_emergency_fires(text: str, kind: Emergency) -> None:
    found, evidence = screen_emergency(text, "en")
    assert found is kind, evidence
    assert evidence and all(e.startswith("emergency:") for e in evidence)


@pytest.mark.parametrize("text", QUIET)
def test_emergency_stays_quiet(text: str) -> None:
    assert screen_emergency(text, "en") == (None, ())


def test_buried_emergency_keeps_the_request_as_intent() -> None:
    result = triage(
        "C. also my chest is squeezing and I'm sweaty", awaiting=Awaiting.APPOINTMENT_REMINDER
    )
    assert result.intent is Intent.CONFIRM
    assert result.emergency is Emergency.MEDICAL
    assert result.queue is Queue.EMERGENCY
    assert result.urgency is Urgency.EMERGENCY
    assert not result.is_opt_out


def test_emergency_inside_a_reschedule() -> None:
    result = triage(
        "need to move my appt, also my dad's speech is slurred and his face looks weird"
    )
    assert result.intent is Intent.RESCHEDULE
    assert result.emergency is Emergency.MEDICAL


def test_voicemail_transcript() -> None:
    text = (
        "Hi, um, this is Carla, I'm calling about my husband Tom, he's a patient of doctor Reyes. "
        "About twenty minutes ago he said his right arm felt heavy and now he can't really lift it, "
        "and his speech sounds kind of slurred. I didn't know if I should bring him in or what. "
        "My number is 555 010 0199. Thanks."
    )
    result = triage(text, channel=Channel.VOICEMAIL)
    assert result.emergency is Emergency.MEDICAL
    assert result.intent is Intent.CLINICAL


def test_mental_health_wins_over_medical_sign() -> None:
    found, _ = screen_emergency("saving up my pills, i want to die", "en")
    assert found is Emergency.MENTAL_HEALTH
