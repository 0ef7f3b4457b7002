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
_SPECIAL_LATIN = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ё": "е"})


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
    found = extractOne(
        token, _FUZZY_TERMS, scorer=DamerauLevenshtein.distance, score_cutoff=limit
    )
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
    folded = fold(_TITLE_DOT.sub(r"\1", text))
    foreign = _VIETNAMESE_LETTERS.search(text) is not None
    pieces: list[str] = []
    last = 0
    for match in _WORD.finditer(folded):
        pieces.append(folded[last : match.start()])
        word = match.group()
        pieces.append(word if foreign and word in _FOREIGN_WORDS else _fix_token(word))
        last = match.end()
    pieces.append(folded[last:])
    cleaned = _SPACES.sub(" ", "".join(pieces)).strip()
    tokens = tuple(_TOKEN.findall(cleaned))
    return Normalized(raw=text, text=cleaned, tokens=tokens)
