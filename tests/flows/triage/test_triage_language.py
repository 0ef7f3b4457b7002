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
