"""Normalise a patient message once, so every rule matches the same cleaned text.

Casefold, strip accents from Latin letters (Hangul, Han, Cyrillic and Arabic letters are kept),
drop apostrophes ("can't" -> "cant"), collapse letters repeated three times or more, expand the
SMS abbreviations listed in the lexicons ("pls" -> "please") and correct typos of emergency
words ("chst" -> "chest") by edit distance with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import extractOne

from flows.triage.lexicon import LEXICONS

_ABBREVIATIONS: dict[str, str] = {}
for _lex in LEXICONS:
    for _short, _long in _lex.abbreviations:
        _ABBREVIATIONS.setdefault(_short, _long)

_FUZZY_TERMS: tuple[str, ...] = tuple(
    dict.fromkeys(term for lex in LEXICONS for term in lex.fuzzy_terms)
)
_PROTECTED: frozenset[str] = frozenset(
    word for lex in LEXICONS for word in (*lex.protected_words, *lex.markers, *lex.fuzzy_terms)
)
#: Abbreviations that are also words of another language ("tho" is Vietnamese "breathe"): left
#: alone in a message written with that language's own letters.
_FOREIGN_WORDS: frozenset[str] = frozenset(
    word for lex in LEXICONS if lex.lang != "en" for word in lex.markers if word in _ABBREVIATIONS
)
#: Letters only Vietnamese uses among the Latin-script languages (horn, breve, stroke, and the
#: precomposed tone marks of the Latin Extended Additional block).
_VIETNAMESE_LETTERS = re.compile(r"[ơưăđƠƯĂĐ\u1ea0-\u1ef9]")

_APOSTROPHES = re.compile(r"(?<=\w)['’‘`´](?=\w)")
_TITLE_DOT = re.compile(r"\b(dr|dra|st|mr|mrs|ms|sr|sra|jr|vs|approx|appt)\.", re.IGNORECASE)
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_UNITS = {
    w: i for i, w in enumerate("one two three four five six seven eight nine".split(), start=1)
}
_TEENS = {
    w: i
    for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
        start=10,
    )
}
_TENS = {
    w: i * 10
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_TWO_DIGITS = "(?:(?:" + "|".join(_TENS) + r")(?:[- ]" + _UNIT + ")?|" + "|".join(_TEENS) + ")"
#: Numbers a voicemail transcript spells out: "two twenty-eight over one thirty-one" (228/131),
#: "one oh four" (104), "three hundred and ten", "in the two hundreds" (200s).
_SPOKEN_NUMBER = re.compile(
    r"\b(?:(?P<h>a|"
    + _UNIT
    + r")[- ]hundreds?(?:(?: and)? (?P<hr>"
    + _TWO_DIGITS
    + "|"
    + _UNIT
    + r"))?"
    r"|(?P<a>" + _UNIT + r") (?P<b>" + _TWO_DIGITS + r")"
    r"|(?P<o>one) oh (?P<ou>" + _UNIT + r")"
    r"|(?P<t>(?:" + "|".join(_TENS) + r")[- ]" + _UNIT + r"))\b"
)
_HAS_SPOKEN = re.compile(r"\b(?:" + "|".join((*_TENS, *_TEENS, "hundreds?", "oh")) + r")\b")


def _two_digits(words: str) -> int:
    parts = re.split(r"[- ]", words)
    if parts[0] in _TEENS:
        return _TEENS[parts[0]]
    if parts[0] in _UNITS:
        return _UNITS[parts[0]]
    return _TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) > 1 else 0)


def _spoken(match: re.Match[str]) -> str:
    if match.group("h"):
        rest = match.group("hr")
        return str(_UNITS.get(match.group("h"), 1) * 100 + (_two_digits(rest) if rest else 0))
    if match.group("a"):
        return f"{_UNITS[match.group('a')]}{_two_digits(match.group('b')):02d}"
    if match.group("o"):
        return f"10{_UNITS[match.group('ou')]}"
    return str(_two_digits(match.group("t")))


def spoken_numbers(text: str) -> str:
    """Write spelled-out readings as digits, so vital signs in a voicemail are read."""
    if not _HAS_SPOKEN.search(text):
        return text
    return _SPOKEN_NUMBER.sub(_spoken, text)


_SPECIAL_LATIN = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ё": "е"}
)


@dataclass(frozen=True)
class Normalized:
    """A message prepared for matching: `text` keeps punctuation, `tokens` are its words."""

    raw: str
    text: str
    tokens: tuple[str, ...]


def _strip_latin_accents(text: str) -> str:
    """Remove combining accents from Latin letters only (NFD would split Hangul syllables)."""
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif code < 0x250 or 0x1E00 <= code <= 0x1EFF:
            out.extend(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=8192)
def _fix_token(token: str) -> str:
    """Expand an abbreviation or correct a typo of an emergency word; else return the token."""
    if token in _ABBREVIATIONS:
        return _ABBREVIATIONS[token]
    if len(token) < 4 or token in _PROTECTED or not token.isascii() or not token.isalpha():
        return token
    limit = 2 if len(token) >= 9 else 1
    found = extractOne(token, _FUZZY_TERMS, scorer=DamerauLevenshtein.distance, score_cutoff=limit)
    if found is None:
        return token
    term = found[0]
    # A typo keeps the first letter; this stops "test" drifting to "chest".
    return term if term[0] == token[0] else token


def fold(text: str) -> str:
    """Casefold and strip accents and Arabic marks, without expanding abbreviations."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _strip_latin_accents(text.translate(_SPECIAL_LATIN))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD)
    return _REPEATS.sub(r"\1", text)


def normalize(text: str) -> Normalized:
    """Return the message folded, with abbreviations expanded and emergency typos corrected."""
    folded = spoken_numbers(fold(_TITLE_DOT.sub(r"\1", text)))
    foreign = _VIETNAMESE_LETTERS.search(text) is not None
    pieces: list[str] = []
    last = 0
    for match in _WORD.finditer(folded):
        pieces.append(folded[last : match.start()])
        word = match.group()
        # An ordinal's suffix ("2nd", "3rd") is no abbreviation.
        after_digit = match.start() > 0 and folded[match.start() - 1].isdigit()
        keep = after_digit or (foreign and word in _FOREIGN_WORDS)
        pieces.append(word if keep else _fix_token(word))
        last = match.end()
    pieces.append(folded[last:])
    cleaned = _SPACES.sub(" ", "".join(pieces)).strip()
    tokens = tuple(_TOKEN.findall(cleaned))
    return Normalized(raw=text, text=cleaned, tokens=tokens)
