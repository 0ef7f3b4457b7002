"""Which language a message is written in: script, word lists, then lingua.

Order: non-Latin scripts decide at once (Hangul -> ko, Han -> zh, Arabic -> ar, Cyrillic -> ru),
Vietnamese-only letters -> vi, short language-neutral codes ("C", "X", "STOP", "👍") -> the
stored language or English, clear word-list evidence (Spanish "q", "porfa", "cita"; Haitian
Creole "mwen", "kijan", which lingua does not know; unaccented Vietnamese "toi", "thuoc"),
and otherwise lingua, restricted to the supported languages and built once, lazily.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from flows.triage.lexicon import LEXICONS
from flows.triage.normalize import fold

if TYPE_CHECKING:
    from lingua import LanguageDetector

_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")
# Letters Vietnamese uses and Spanish/Portuguese never do.
_VIETNAMESE = re.compile(r"[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")
#: Words with the digits kept (Arabizi spells with them).
_DIGIT_WORD = re.compile(r"[^\W_]+")

#: Replies that carry no language: answer them in the stored language.
NEUTRAL_CODES = frozenset(
    {
        "c",
        "x",
        "r",
        "y",
        "n",
        "stop",
        "start",
        "unstop",
        "help",
        "done",
        "ok",
        "okay",
        "k",
        "stopall",
        "end",
        "quit",
        "cancel",
        "unsubscribe",
        "optout",
        "revoke",
        "info",
        "opt",
        "out",
        "yes",
        "no",
    }
)
_MARKER_LANGS = ("en", "es", "pt", "tl", "ht", "vi")
_MARKERS = {lex.lang: (lex.markers, lex.strong_markers) for lex in LEXICONS}

#: Supported languages lingua knows and that are written in Latin script; Korean, Chinese,
#: Arabic and Russian are decided by their script before lingua is asked, which keeps the
#: preloaded build well under two seconds.
_LINGUA_CODES = {
    "ENGLISH": "en",
    "SPANISH": "es",
    "VIETNAMESE": "vi",
    "TAGALOG": "tl",
    "PORTUGUESE": "pt",
}


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """Build the lingua detector once (restricted to the supported languages)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LINGUA_CODES]
    return (
        LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
    )


def _script_language(text: str) -> str | None:
    letters = len(_LATIN.findall(text))
    counts = {
        "ko": len(_HANGUL.findall(text)),
        "zh": len(_HAN.findall(text)) + len(_KANA.findall(text)),
        "ar": len(_ARABIC.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    if counts[best] and counts[best] * 2 >= letters:
        # Korean text may hold a few Han characters; Hangul decides.
        return "ko" if counts["ko"] else best
    if _VIETNAMESE.search(text):
        return "vi"
    return None


#: Languages with a script of their own that people also type in Latin letters.
_ROMANIZED = {lex.lang: lex.romanized_markers for lex in LEXICONS if lex.romanized_markers}
#: Arabizi writes the sounds Latin lacks as digits inside words ("3ndi", "7alo", "maw3ed").
_ARABIZI_WORD = re.compile(r"^(?:[a-z]*[a-z][2356789][a-z]+|[2356789][a-z]{2,})$")
#: Latin words with a digit that are no Arabizi ("3pm", "2nd", "5th").
_NOT_ARABIZI = re.compile(r"^\d+(?:am|pm|st|nd|rd|th|mg|ml|kg|lbs?)$")


def _romanized_language(words: list[str], latin_best: float) -> str | None:
    """Russian in translit, Arabizi or pinyin: several of the language's own words (one of
    them unmistakable), clearly more than any Latin-script language's."""
    scores: dict[str, float] = {}
    for lang, markers in _ROMANIZED.items():
        weights = [markers[w] for w in words if w in markers]
        if lang == "ar":
            weights += [
                2
                for w in words
                if w not in markers and _ARABIZI_WORD.match(w) and not _NOT_ARABIZI.match(w)
            ]
        if 2 in weights:
            scores[lang] = float(sum(weights))
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k])
    if scores[best] >= 4 and scores[best] > 2 * latin_best:
        return best
    return None


def _marker_scores(words: list[str]) -> dict[str, float]:
    scores = {}
    for lang in _MARKER_LANGS:
        markers, strong = _MARKERS[lang]
        scores[lang] = sum(2.0 if w in strong else 1.0 for w in words if w in markers)
    return scores


def _lingua(text: str) -> str | None:
    found = detector().detect_language_of(text)
    return _LINGUA_CODES.get(found.name) if found is not None else None


def detect_language(text: str, stored_lang: str | None = None) -> str:
    """ISO 639-1 code of the language `text` is written in; neutral codes get `stored_lang`."""
    default = stored_lang or "en"
    if (script := _script_language(text)) is not None:
        return script
    folded = fold(text)
    words = _WORD.findall(folded)
    if not words or all(w in NEUTRAL_CODES for w in words):
        return default
    scores = _marker_scores(words)
    if (
        romanized := _romanized_language(_DIGIT_WORD.findall(folded), max(scores.values()))
    ) is not None:
        return romanized
    ranked = sorted(scores, key=lambda k: scores[k], reverse=True)
    best, second = ranked[0], ranked[1]
    # Haitian Creole shares short words with Spanish and French: it needs two strong markers.
    if scores["ht"] >= 4 and scores["ht"] >= scores["es"] and scores["ht"] >= scores["en"]:
        return "ht"
    if len(words) <= 3 and scores["ht"] >= 2 and not (scores["es"] or scores["en"]):
        return "ht"
    if best == "ht":
        best, second = second, ranked[2]
    if scores[best] >= 2 and scores[best] >= 2 * scores[second]:
        return best
    if len(words) <= 2 and scores[best] > 0 and scores[best] > scores[second]:
        return best
    if len(words) <= 2 and scores[best] == 0:
        return default
    return _lingua(text) or default
