"""The lexicons compiled once, at import, into the regex tables the matchers use.

Nothing here is rebuilt per message. Patterns that only need a yes/no answer are joined into one
alternation per table; named rules stay separate so evidence can name them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from flows.triage.lexicon import LEXICONS, Lexicon
from flows.types import Emergency, Intent

# Filler words between two key words, never a negation: "chest{gap}pain" matches "chest really
# hurts" and not "chest doesnt hurt".
_NEGATION_WORDS = (
    r"no|not|never|dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|without|sin|nunca|ni|"
    r"nao|sem|khong|hindi"
)
GAP = r"(?:\W+(?!(?:" + _NEGATION_WORDS + r")\b)\w+){0,3}?\W+"
ONE_WORD = r"(?:\w+\W+)?"

Pattern = re.Pattern[str]
_LATIN_LANGS = frozenset({"en", "es", "vi", "tl", "ht", "pt"})


def _split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level `|` (outside groups and character classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _closing_paren(pattern: str) -> int:
    """Index of the parenthesis closing the group that opens at index 0 (-1 if none)."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _strip_leading_boundary(pattern: str) -> str | None:
    """The pattern without the `\\b` that starts every alternative, or None if one lacks it."""
    out = []
    for part in _split_top(pattern):
        if part.startswith(r"\b"):
            out.append(part[2:])
        elif part.startswith("(?:") and _closing_paren(part) == len(part) - 1:
            inner = _strip_leading_boundary(part[3:-1])
            if inner is None:
                return None
            out.append(f"(?:{inner})")
        else:
            return None
    return "|".join(out)


_LITERAL = re.compile(r"[^\\()\[\]{}|.^$*+?]")


def _alternative_needles(part: str) -> frozenset[str] | None:
    """Strings one of which every match of this alternative must contain (None: unknown)."""
    runs: list[str] = []
    run: list[str] = []
    first_group: str | None = None
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "(":
            end = i + _closing_paren(part[i:])
            if end < i:
                return None
            group = part[i : end + 1]
            after = part[end + 1 : end + 2]
            optional = after in ("?", "*") or part[end + 1 : end + 3] == "{0"
            if first_group is None and not optional and not group.startswith(("(?!", "(?<", "(?=")):
                first_group = group
            runs.append("".join(run))
            run = []
            i = end + 1
            continue
        if ch == "\\":
            runs.append("".join(run))
            run = []
            i += 2
            continue
        if ch == "[":
            # A character class is no literal: skip it whole ("[1-9]" is not the text "1-9").
            runs.append("".join(run))
            run = []
            j = i + 1
            if part[j : j + 1] == "^":
                j += 1
            if part[j : j + 1] == "]":
                j += 1
            while j < len(part) and part[j] != "]":
                j += 2 if part[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "?*{":
            if run:
                run.pop()
            runs.append("".join(run))
            run = []
            if ch == "{":
                i = part.find("}", i) if part.find("}", i) > 0 else len(part)
        elif ch == "+" or not _LITERAL.match(ch):
            runs.append("".join(run))
            run = []
        else:
            run.append(ch)
        i += 1
    runs.append("".join(run))
    best = max((r.strip() for r in runs), key=len)
    if len(best) >= 2 or (best and not best.isascii()):
        return frozenset({best})
    if first_group is not None:
        inner = first_group[3:-1] if first_group.startswith("(?:") else first_group[1:-1]
        return required_needles(inner)
    return None


def required_needles(pattern: str) -> frozenset[str] | None:
    """Substrings one of which every match of `pattern` contains, for a cheap `in` pre-check."""
    needles: set[str] = set()
    for part in _split_top(pattern):
        found = _alternative_needles(part)
        if found is None:
            return None
        needles |= found
    return frozenset(needles)


@dataclass(frozen=True)
class Matcher:
    """A compiled pattern. A leading `\\b` is checked by hand, because it stops the regex
    engine's fast literal-prefix scan (ten times slower on a voicemail)."""

    regex: Pattern
    boundary: bool
    latin: bool
    needles: tuple[str, ...] | None = None

    @classmethod
    def build(cls, pattern: str, *, latin: bool = True) -> Matcher:
        """Compile `pattern`, expanding `{gap}` and `{w}`."""
        expanded = pattern.replace("{gap}", GAP).replace("{w}", ONE_WORD)
        needles = required_needles(expanded)
        stripped = _strip_leading_boundary(expanded)
        if stripped is not None:
            return cls(re.compile(stripped), True, latin, _sorted(needles))
        return cls(re.compile(expanded), False, latin, _sorted(needles))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """First match at or after `pos`, honouring the leading word boundary."""
        if not self.latin and text.isascii():
            return None
        if self.needles is not None:
            for needle in self.needles:
                if needle in text:
                    break
            else:
                return None
        m = self.regex.search(text, pos)
        while m is not None and self.boundary and m.start() > 0 and _is_word(text[m.start() - 1]):
            m = self.regex.search(text, m.start() + 1)
        return m

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match, left to right."""
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """Replace every match."""
        pieces, last = [], 0
        for m in self.finditer(text):
            pieces.append(text[last : m.start()])
            pieces.append(repl(m))
            last = m.end()
        pieces.append(text[last:])
        return "".join(pieces)


def _sorted(needles: frozenset[str] | None) -> tuple[str, ...] | None:
    return None if needles is None else tuple(sorted(needles, key=len))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def compile_pattern(pattern: str, *, latin: bool = True) -> Matcher:
    """Compile one lexicon pattern."""
    return Matcher.build(pattern, latin=latin)


def compile_any(patterns: tuple[str, ...] | list[str], *, latin: bool = True) -> Matcher | None:
    """Join patterns into one alternation (None when there are none)."""
    if not patterns:
        return None
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), latin=latin)


@dataclass(frozen=True)
class CompiledRule:
    """A named rule ready to run: the main regex and the ones that must also match."""

    lang: str
    name: str
    regex: Matcher
    also: tuple[Matcher, ...] = ()
    unless: tuple[Matcher, ...] = ()


@dataclass(frozen=True)
class IntentPattern:
    """One intent's joined patterns for one strength tier."""

    intent: Intent
    lang: str
    regex: Matcher


def _rules(lex: Lexicon, rules: tuple) -> list[CompiledRule]:
    return [
        CompiledRule(
            lang=lex.lang,
            name=rule.name,
            regex=compile_pattern(rule.pattern, latin=lex.lang in _LATIN_LANGS),
            also=tuple(compile_pattern(p, latin=lex.lang in _LATIN_LANGS) for p in rule.also),
            unless=tuple(compile_pattern(p, latin=lex.lang in _LATIN_LANGS) for p in rule.unless),
        )
        for rule in rules
    ]


class AnyOf:
    """One table's patterns, each compiled on its own.

    A single alternation of dozens of patterns defeats the regex engine's literal-prefix scan
    and its needle pre-check (about 100 times slower on a long voicemail); searching each
    pattern and keeping the earliest match, ties going to the first in table order, gives the
    same answer as the alternation would.
    """

    def __init__(self, field: str) -> None:
        self.parts = tuple(
            compile_pattern(p, latin=latin)
            for latin in (True, False)
            for lex in LEXICONS
            if (lex.lang in _LATIN_LANGS) == latin
            for p in getattr(lex, field)
        )

    def search(self, text: str) -> re.Match[str] | None:
        """The earliest match of any part (the first part wins a tie)."""
        found = [m for part in self.parts if (m := part.search(text)) is not None]
        return min(found, key=lambda m: m.start()) if found else None

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """Replace every match of every part."""
        for part in self.parts:
            text = part.sub(repl, text)
        return text


def _all(field: str) -> AnyOf:
    return AnyOf(field)


EMERGENCY_RULES: tuple[tuple[Emergency, CompiledRule], ...] = tuple(
    [
        (Emergency.MENTAL_HEALTH, r)
        for lex in LEXICONS
        for r in _rules(lex, lex.emergency_mental_health)
    ]
    + [(Emergency.MEDICAL, r) for lex in LEXICONS for r in _rules(lex, lex.emergency_medical)]
)
SYMPTOM_RULES: tuple[CompiledRule, ...] = tuple(
    r for lex in LEXICONS for r in _rules(lex, lex.symptoms)
)

IDIOMS = _all("idioms")
MENTIONS = _all("mentions")
RESOLVED = _all("resolved")
SETTLED = _all("settled")
ONGOING = _all("ongoing")
CLINICAL_QUESTIONS = _all("clinical_questions")
OPT_OUT = _all("opt_out")
OPT_IN = _all("opt_in")
UPSET = _all("upset")
NEEDS_PERSON = _all("needs_person")
WANTS_MANAGER = _all("wants_manager")
APPOINTMENT_STATUS = _all("appointment_status")
WALK_IN = _all("walk_in")

#: Negation cues per language; a message is checked with English, Spanish and its own language.
NEGATIONS: dict[str, Matcher] = {
    lex.lang: regex
    for lex in LEXICONS
    if (regex := compile_any(lex.negations, latin=lex.lang in _LATIN_LANGS)) is not None
}

_EXCLUDED = (Intent.CONFIRM, Intent.THANKS)


def _intent_table(tier: str) -> tuple[IntentPattern, ...]:
    table = []
    for lex in LEXICONS:
        for rules in lex.intents:
            patterns = getattr(rules, tier)
            if rules.intent in _EXCLUDED or not patterns:
                continue
            regex = compile_any(patterns, latin=lex.lang in _LATIN_LANGS)
            assert regex is not None
            table.append(IntentPattern(rules.intent, lex.lang, regex))
    return tuple(table)


STRONG_INTENTS = _intent_table("strong")
WEAK_INTENTS = _intent_table("weak")


class _Phrases(AnyOf):
    def __init__(self, intent: Intent) -> None:
        self.parts = tuple(
            compile_pattern(p, latin=latin)
            for latin in (True, False)
            for lex in LEXICONS
            if (lex.lang in _LATIN_LANGS) == latin
            for r in lex.intents
            if r.intent is intent
            for p in (*r.strong, *r.weak)
        )


def _phrases(intent: Intent) -> AnyOf:
    return _Phrases(intent)


CONFIRM_PHRASES = _phrases(Intent.CONFIRM)
THANKS_PHRASES = _phrases(Intent.THANKS)

CONFIRM_WORDS: frozenset[str] = frozenset(w for lex in LEXICONS for w in lex.confirm_words)
DONE_WORDS: frozenset[str] = frozenset(w for lex in LEXICONS for w in lex.done_words)

CONTEXT_CUES: dict[str, Matcher] = {}
for _awaiting in ("appointment_reminder", "form_reminder", "telehealth_prep"):
    _regex = compile_any([p for lex in LEXICONS for a, p in lex.context_cues if a == _awaiting])
    if _regex is not None:
        CONTEXT_CUES[_awaiting] = _regex
