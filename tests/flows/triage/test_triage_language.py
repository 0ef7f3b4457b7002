"""Language detection: scripts, word lists, lingua, and language-neutral codes."""

from __future__ import annotations

import pytest

from flows.triage import detect_language, triage
from tests.dependency_data import drift

CASES = [
    ("can you call me back about my results", None, "en"),
    ("necesito una cita para la próxima semana", None, "es"),
    ("q onda, ocupo mi receta porfa", None, "es"),
    ("my baby tiene fiebre desde ayer y no quiere comer", None, "es"),
    ("hola necesito hacer reschedule de mi appointment", None, "es"),
    ("Tôi muốn đặt lịch khám", None, "vi"),
    ("toi can doi lich hen, cam on", None, "vi"),
    ("我想预约下周的体检", None, "zh"),
    ("다음 주에 예약하고 싶어요", None, "ko"),
    ("أريد تغيير موعدي", None, "ar"),
    ("Можно перенести мой приём?", None, "ru"),
    ("Pwede po bang magpa-schedule ng check up?", None, "tl"),
    ("Bonjou, mwen bezwen yon randevou pou pitit mwen", None, "ht"),
    ("kijan m ka jwenn rezilta mwen yo", None, "ht"),
    ("Olá, preciso remarcar minha consulta de amanhã", None, "pt"),
    ("me duele la muela", None, "es"),
    ("mesi anpil", None, "ht"),
    ("no i cant come", None, "en"),
    ("C", None, "en"),
    ("C", "es", "es"),
    ("X", "vi", "vi"),
    ("👍", "ko", "ko"),
    ("STOP", "es", "es"),
    ("DONE", None, "en"),
    ("gracias!!", None, "es"),
    ("thx", None, "en"),
]


@pytest.mark.parametrize(("text", "stored", "lang"), CASES)
def test_detect_language(text: str, stored: str | None, lang: str) -> None:
    assert detect_language(text, stored) == lang, drift("lingua-language-detector")


def test_triage_reports_the_message_language() -> None:
    assert triage("mi mamá necesita su receta", stored_lang="en").lang == "es"
    assert triage("C", stored_lang="es").lang == "es"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Russian in translit
        ("Dobryi den, mne nuzhno perenesti priem na zavtra, spasibo", "ru"),
        ("pozhaluysta perezvonite mne segodnya, ochen nuzhno", "ru"),
        # Arabizi: Latin letters with digits for the sounds Latin lacks
        ("marhaba, 3ndi maw3ed bukra bas mish 3arfe el sa3a", "ar"),
        ("ahlan, momken t2ajjel el maw3ed la ba3d bukra? shukran", "ar"),
        # pinyin
        ("nin hao, wo xiang yuyue mingtian xiawu kan yisheng, keyi ma", "zh"),
        ("xiexie nimen, wo nainai jintian hao duo le", "zh"),
        # Latin-script languages that share a few of those words stay themselves
        ("I'll be there at 3pm on the 2nd, thanks", "en"),
        ("ya llegué, estoy en la sala de espera", "es"),
        ("mama ko may lagnat, pwede po ba magpa-schedule", "tl"),
    ],
)
def test_a_language_typed_in_latin_letters_is_still_that_language(text: str, lang: str) -> None:
    """Relatives without the keyboard write Russian in translit, Arabic in Arabizi, Chinese in
    pinyin: the reply goes in their language, not in Spanish or Tagalog."""
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ne pishite mne bolshe, pozhaluysta", "opt_out"),
        ("Otpishite menya ot etikh soobshchenii pozhaluysta", "opt_out"),
        ("zdravstvuyte, u papy silnaya bol v grudi i on ves v potu", "emergency"),
    ],
)
def test_russian_in_translit_is_read_by_the_russian_word_lists(text: str, expected: str) -> None:
    result = triage(text)
    assert result.lang == "ru"
    if expected == "opt_out":
        assert result.is_opt_out
    else:
        assert result.emergency is not None
