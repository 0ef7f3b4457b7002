"""Red flags as concepts: one rule per danger, over language-neutral features.

Each lexicon module may end with a `CONCEPT_TERMS` block: feature name -> patterns in that
language ("bleed": "sangr\\w*", "nonstop": "no para"). The features of all ten languages are
merged, so a concept written once here ("bleeding near a cue that it will not stop") works in
every language, and in mixed messages. Numbers are read language-neutrally: digits, the number
words each block lists (`CONCEPT_NUMBERS`), Chinese numerals, ages and durations with their unit
(day, week, month, year), and temperatures in C or F.

The same guards as the named rules apply at each concept's anchor: a denied match ("no fever"),
an event said to be over ("last year") or a hypothetical ("what should I do if") does not fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flows.triage.lexicon import ar, en, es, ht, ko, pt, ru, tl, vi, zh
from flows.triage.rules import Matcher, compile_pattern
from flows.triage.scope import Scope, is_denied, is_over
from flows.types import Emergency

_MODULES = (en, es, vi, zh, tl, ko, ar, ru, ht, pt)
_LATIN = frozenset({"en", "es", "vi", "tl", "ht", "pt"})

Span = tuple[int, int]


def _features() -> dict[str, tuple[Matcher, ...]]:
    merged: dict[str, list[Matcher]] = {}
    for mod in _MODULES:
        lang = mod.LEXICON.lang
        start = r"(?<!\w)" if getattr(mod, "CONCEPT_WORD_START", False) else ""
        for name, patterns in getattr(mod, "CONCEPT_TERMS", {}).items():
            if patterns:
                joined = "|".join(f"{start}(?:{p})" for p in patterns)
                merged.setdefault(name, []).append(compile_pattern(joined, latin=lang in _LATIN))
    return {name: tuple(ms) for name, ms in merged.items()}


FEATURES: dict[str, tuple[Matcher, ...]] = _features()

_NUMBER_WORDS: dict[str, int] = {}
for _mod in _MODULES:
    for _word, _value in getattr(_mod, "CONCEPT_NUMBERS", {}).items():
        _NUMBER_WORDS.setdefault(_word, _value)
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9, "几": 3, "幾": 3}
_CN_NUMBER = "[一二两兩三四五六七八九十几幾]+"
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_NUMBER = rf"(?P<n>\d+(?:[.,]\d+)?|{_CN_NUMBER}|(?<!\w)(?:{_WORD_NUMBER})(?!\w))"

#: Units of age and duration, in days, with their words in every language.
_UNITS: dict[str, float] = {"day": 1, "week": 7, "month": 30, "year": 365}


def _unit_regex() -> re.Pattern[str]:
    alts = []
    for unit in _UNITS:
        words = [p for mod in _MODULES for p in getattr(mod, "CONCEPT_TERMS", {}).get(unit, ())]
        alts.append(f"(?P<{unit}>{'|'.join(words)})")
    units = "|".join(alts)
    # "6 week old", "6-week-old", "35周", "두 달", "2 months": the number, then the unit.
    return re.compile(_NUMBER + r"\s*-?\s*(?:个|個|개)?\s*(?:" + units + r")")


_AGE = _unit_regex()
_TEMPERATURE = re.compile(
    r"(?<![\d.,/:])(?P<t>\d{2,3}(?:[.,]\d{1,2})?)(?![\d/:])\s*(?P<deg>°|º|degrees?|deg|grados?|graus?|"
    r"do\b|độ|度|도|градус\w*|درج\w*|degre\w*)?\s*(?P<u>[cf]\b|celsius|fahrenheit|с\b)?"
)


def number_value(raw: str) -> float | None:
    """The value of a number written in digits, in words or in Chinese numerals."""
    raw = raw.strip()
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        pass
    if re.fullmatch(_CN_NUMBER, raw):
        if "十" not in raw:
            return float(_CN_DIGITS.get(raw[-1], 0)) if len(raw) == 1 else None
        tens, _, units = raw.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return float(value + (_CN_DIGITS.get(units, 0) if units else 0))
    return None


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as a span of the text."""

    start: int
    end: int
    unit: str
    value: float

    @property
    def days(self) -> float:
        return self.value * _UNITS[self.unit]


class Features:
    """The features of one message, found lazily and cached: a rule asks only for what it needs."""

    def __init__(self, scope: Scope, langs: tuple[str, ...]) -> None:
        self.scope = scope
        self.text = scope.text
        self.langs = langs
        self._spans: dict[str, list[Span]] = {}
        self._quantities: list[Quantity] | None = None

    def spans(self, name: str) -> list[Span]:
        if name not in self._spans:
            found = [
                (m.start(), m.end())
                for matcher in FEATURES.get(name, ())
                for m in matcher.finditer(self.text)
            ]
            self._spans[name] = sorted(found)
        return self._spans[name]

    def has(self, name: str) -> bool:
        return bool(self.spans(name))

    def live(self, name: str) -> list[Span]:
        """Matches of `name` not denied, not over and not hypothetical."""
        return [s for s in self.spans(name) if self.is_live(s[0])]

    def is_live(self, start: int) -> bool:
        return (
            not is_denied(self.scope, start, self.langs)
            and not is_over(self.scope, start, settled_counts=True)
            and not is_hypothetical(self.scope, start)
        )

    def is_current(self, start: int) -> bool:
        """Not over and not hypothetical (for cues that hold a negation themselves: "no para")."""
        return not is_over(self.scope, start, settled_counts=True) and not is_hypothetical(
            self.scope, start
        )

    def current(self, name: str) -> list[Span]:
        return [s for s in self.spans(name) if self.is_current(s[0])]

    def near(self, a: str, b: str, window: int, *, live: str = "a") -> Span | None:
        """The first pair of an `a` and a `b` match within `window` characters. The anchor must
        be live: the `a` match, or the earlier of the two (`live="pair"`); with `live="b"` the
        `b` match need only be current (it holds its own negation: "not moving")."""
        for sa in self.spans(a):
            for sb in self.spans(b):
                if sb[0] - sa[1] > window or sa[0] - sb[1] > window:
                    continue
                if live == "b":
                    ok = self.is_current(sa[0]) and self.is_live(sb[0])
                else:
                    ok = self.is_live(min(sa[0], sb[0]) if live == "pair" else sa[0])
                if ok:
                    return (min(sa[0], sb[0]), max(sa[1], sb[1]))
        return None

    def quantities(self) -> list[Quantity]:
        if self._quantities is None:
            found = []
            for m in _AGE.finditer(self.text):
                value = number_value(m.group("n"))
                unit = next((u for u in _UNITS if m.group(u)), None)
                if value is not None and unit is not None:
                    found.append(Quantity(m.start(), m.end(), unit, value))
            # A dual form holds its own number: Arabic "شهرين" (two months).
            for unit in _UNITS:
                for start, end in self.spans(f"dual_{unit}"):
                    found.append(Quantity(start, end, unit, 2))
            self._quantities = found
        return self._quantities

    def is_duration(self, q: Quantity) -> bool:
        before = self.text[max(0, q.start - 14) : q.start]
        after = self.text[q.end : q.end + 10]
        return any(m.search(before) for m in FEATURES.get("duration_before", ())) or any(
            m.search(after) for m in FEATURES.get("duration_after", ())
        )

    def is_age(self, q: Quantity) -> bool:
        """A quantity that gives someone's age: an age marker just after it ("6 week old", "两个月
        大", "1 thang tuoi") or a child word close by ("mi bebe de 2 meses"), and no duration cue."""
        if self.is_duration(q):
            return False
        marked = any(q.end - 4 <= s[0] <= q.end + 12 for s in self.spans("age_marker"))
        marked = marked or any(q.start - 14 <= s[0] <= q.start for s in self.spans("age_marker"))
        return marked or any(
            s[1] >= q.start - 30 and s[0] <= q.end + 30
            for s in self.spans("child") + self.spans("newborn")
        )

    def temperatures(self) -> list[tuple[int, float, bool]]:
        """(start, value in C, whether a unit or degree sign says it is a temperature)."""
        out = []
        for m in _TEMPERATURE.finditer(self.text):
            value = float(m.group("t").replace(",", "."))
            unit = (m.group("u") or "").lower()
            if unit.startswith("f") or (not unit and 95 <= value <= 110):
                value = (value - 32) * 5 / 9
            if 34 <= value <= 44:
                out.append((m.start(), value, bool(m.group("deg") or m.group("u"))))
        return out


def blank_hyperbole(text: str) -> str:
    """Blank every language's figures of speech built on dying ("me muero de risa", "笑死了"),
    keeping offsets."""
    for matcher in FEATURES.get("hyperbole", ()):
        text = matcher.sub(lambda m: " " * len(m.group()), text)
    return text


def is_hypothetical(scope: Scope, start: int) -> bool:
    """True when the sentence holding `start` asks what to do if it happens, and nothing in its
    clause says it is happening now."""
    around = scope.sentence_and_next(start)
    if not any(m.search(around) for m in FEATURES.get("hypothetical", ())):
        return False
    clause_start, clause_end = scope.clause(start)
    clause = scope.text[clause_start:clause_end]
    return not any(m.search(clause) for m in FEATURES.get("happening_now", ()))


# ---------------------------------------------------------------------------------------------
# The concepts. Each returns evidence names when it fires.
# ---------------------------------------------------------------------------------------------


def _fever(f: Features) -> bool:
    if f.live("fever"):
        return True
    for start, celsius, marked in f.temperatures():
        if celsius < 38.0:
            continue
        labelled = any(abs(s[0] - start) < 40 for s in f.spans("temp_label"))
        if (marked or labelled) and f.is_live(start):
            return True
    return False


def _infant(f: Features) -> bool:
    if f.live("newborn"):
        return True
    if f.has("pregnant"):
        return False
    return any(
        q.unit in ("day", "week", "month") and q.days <= 92 and f.is_age(q) for q in f.quantities()
    )


def _young_child(f: Features) -> bool:
    if f.has("child") or f.has("newborn"):
        return True
    return any(q.unit == "year" and q.value <= 12 and f.is_age(q) for q in f.quantities())


def _late_pregnancy(f: Features) -> bool:
    if f.has("late_pregnancy"):
        return True
    if not f.has("pregnant") and not f.has("fetal_movement"):
        return False
    for q in f.quantities():
        if f.is_duration(q):
            continue
        if (q.unit == "week" and 20 <= q.value <= 43) or (q.unit == "month" and 5 <= q.value <= 10):
            return True
    # "semana 34", "الأسبوع 34": the unit before the number.
    return f.has("gestation_week")


def bleeding_uncontrolled(f: Features) -> bool:
    if not f.has("bleed"):
        return False
    return f.near("bleed", "nonstop", 60, live="pair") is not None


def infant_fever(f: Features) -> bool:
    return _fever(f) and _infant(f)


def feverish_child_lethargic(f: Features) -> bool:
    # "no quiere tomar nada" is a lethargy cue that holds its own negation: current, not live.
    if not f.has("lethargy") or not f.current("lethargy"):
        return False
    if _infant(f):
        return True
    return _fever(f) and _young_child(f)


def pregnancy_reduced_movement(f: Features) -> bool:
    if not f.has("fetal_movement"):
        return False
    if not _late_pregnancy(f):
        return False
    if f.current("fetal_movement_reduced"):
        return True
    return f.near("fetal_movement", "reduced", 40, live="b") is not None


def pregnancy_danger(f: Features) -> bool:
    if not f.has("pregnant") and not f.has("late_pregnancy"):
        return False
    if not _late_pregnancy(f):
        return bool(f.live("bleed")) and f.has("pregnant")
    return bool(f.live("preeclampsia") or f.live("bleed"))


def stroke_signs(f: Features) -> bool:
    signs = [name for name in ("face_droop", "arm_weak", "speech_slurred") if f.live(name)]
    return len(signs) >= 2 or (len(signs) == 1 and f.has("sudden"))


def breathing_danger(f: Features) -> bool:
    if f.live("cant_finish_sentence") or f.live("breath_severe"):
        return True
    return f.near("lips", "blue", 20, live="pair") is not None


def chest_pain_danger(f: Features) -> bool:
    if not f.has("chest_pain"):
        return False
    return bool(f.live("chest_pain")) and f.has("chest_danger")


def overdose_amount(f: Features) -> bool:
    if not f.has("ingest"):
        return False
    for q in _pill_counts(f):
        # "I take 30 a month, need a refill" is a routine dose, not an overdose.
        if any(abs(s[0] - q) < 40 for s in f.spans("dosing_routine")):
            continue
        if any(abs(s[0] - q) < 50 for s in f.spans("ingest")) and f.is_live(q):
            return True
    return f.near("ingest", "poison", 40, live="a") is not None


def _pill_counts(f: Features) -> list[int]:
    out = []
    for start, end in f.spans("pill_unit"):
        window = f.text[max(0, start - 12) : end + 12]
        for m in re.finditer(_NUMBER, window):
            value = number_value(m.group("n"))
            if value is not None and value >= 5:
                out.append(start)
                break
    return out


def suicidal(f: Features) -> bool:
    return bool(f.live("suicidal"))


def anaphylaxis(f: Features) -> bool:
    if not f.has("swelling"):
        return False
    if f.near("swelling", "airway", 25, live="pair") is not None:
        return True
    return f.has("allergen") and f.near("swelling", "face_part", 25, live="pair") is not None


CONCEPTS: tuple[tuple[Emergency, str, object], ...] = (
    (Emergency.MENTAL_HEALTH, "suicidal intent", suicidal),
    (Emergency.MEDICAL, "bleeding that will not stop", bleeding_uncontrolled),
    (Emergency.MEDICAL, "fever in a young infant", infant_fever),
    (Emergency.MEDICAL, "feverish child hard to wake or limp", feverish_child_lethargic),
    (Emergency.MEDICAL, "late pregnancy, reduced fetal movement", pregnancy_reduced_movement),
    (Emergency.MEDICAL, "pregnancy with bleeding or preeclampsia signs", pregnancy_danger),
    (Emergency.MEDICAL, "stroke signs", stroke_signs),
    (Emergency.MEDICAL, "breathing danger", breathing_danger),
    (Emergency.MEDICAL, "chest pain with danger cues", chest_pain_danger),
    (Emergency.MEDICAL, "overdose or poisoning amount", overdose_amount),
    (Emergency.MEDICAL, "anaphylaxis", anaphylaxis),
)


def screen_concepts(scope: Scope, langs: tuple[str, ...]) -> dict[Emergency, list[str]]:
    """The concepts that fire on `scope.text`, by emergency kind."""
    f = Features(scope, langs)
    found: dict[Emergency, list[str]] = {}
    for kind, name, rule in CONCEPTS:
        if rule(f):  # type: ignore[operator]
            found.setdefault(kind, []).append(f"concept:{name}")
    return found


@cache
def feature_names() -> frozenset[str]:
    """Every feature some language lists (for tests and review)."""
    return frozenset(FEATURES)
