"""The safety net under the named emergency rules: it catches a population, not sentences.

The named rules in each lexicon list phrasings ("thinking about driving my car off the bridge").
Unseen phrasings slip past them, so this layer looks for a *class* of risk word (a means of
suicide, a death wish, a chest complaint, a drug that stops breathing) with a *cue* near it (an
intent, a capability, a severity or a sudden onset), and for vital signs in their danger band.
Tables live in the lexicon modules (`safety_net`, `vitals`), compiled here once at import.

The same guards as the named rules apply: idioms are already blanked, a denied match ("no chest
pain") and an event said to be over ("cardiology cleared me") do not fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.triage.concepts import is_hypothetical
from flows.triage.lexicon import LEXICONS
from flows.triage.rules import Matcher, compile_pattern
from flows.triage.scope import Scope, is_denied, is_over
from flows.types import Emergency

_LATIN_LANGS = frozenset({"en", "es", "vi", "tl", "ht", "pt"})


@dataclass(frozen=True)
class NetRule:
    """One merged, compiled safety-net class."""

    kind: Emergency
    name: str
    terms: tuple[Matcher, ...]
    #: Terms from a language's class without cues: they fire alone.
    alone: tuple[Matcher, ...]
    cues: tuple[Matcher, ...]
    window: int
    also: tuple[Matcher, ...]
    unless: tuple[Matcher, ...]


@dataclass(frozen=True)
class VitalRule:
    """One compiled vital sign: label and reading in one regex, and its danger bands."""

    name: str
    regex: re.Pattern[str]
    danger: tuple[tuple[int, float, float], ...]
    cues: tuple[Matcher, ...]
    window: int


def _compile(patterns: list[tuple[str, bool]]) -> tuple[Matcher, ...]:
    return tuple(compile_pattern(p, latin=latin) for p, latin in dict.fromkeys(patterns))


def _build_net() -> tuple[NetRule, ...]:
    merged: dict[tuple[str, str], dict[str, list[tuple[str, bool]]]] = {}
    windows: dict[tuple[str, str], int] = {}
    for lex in LEXICONS:
        latin = lex.lang in _LATIN_LANGS
        for cls in lex.safety_net:
            key = (cls.kind, cls.name)
            slot = merged.setdefault(
                key, {"terms": [], "alone": [], "cues": [], "also": [], "unless": []}
            )
            for field in ("cues", "also", "unless"):
                slot[field].extend((p, latin) for p in getattr(cls, field))
            slot["terms" if cls.cues else "alone"].extend((p, latin) for p in cls.terms)
            windows[key] = max(windows.get(key, 0), cls.window)
    return tuple(
        NetRule(
            kind=Emergency(kind),
            name=name,
            terms=_compile(slot["terms"]),
            alone=_compile(slot["alone"]),
            cues=_compile(slot["cues"]),
            window=windows[(kind, name)],
            also=_compile(slot["also"]),
            unless=_compile(slot["unless"]),
        )
        for (kind, name), slot in merged.items()
    )


def _build_vitals() -> tuple[VitalRule, ...]:
    out = []
    for lex in LEXICONS:
        for vital in lex.vitals:
            regex = re.compile(r"(?:" + vital.label + r")\D{0,25}?(?<![\d.])" + vital.reading)
            cues = _compile([(p, True) for p in vital.cues])
            out.append(VitalRule(vital.name, regex, vital.danger, cues, vital.window))
    return tuple(out)


NET: tuple[NetRule, ...] = _build_net()
VITALS: tuple[VitalRule, ...] = _build_vitals()


def _live(scope: Scope, start: int, langs: tuple[str, ...]) -> bool:
    return (
        not is_denied(scope, start, langs)
        and not is_over(scope, start, settled_counts=True)
        and not is_hypothetical(scope, start)
    )


def _cue_near(
    cues: tuple[Matcher, ...],
    scope: Scope,
    start: int,
    end: int,
    window: int,
    langs: tuple[str, ...],
) -> bool:
    text = scope.text
    lo, hi = max(0, start - window), min(len(text), end + window)
    for cue in cues:
        pos = lo
        while (m := cue.search(text, pos)) is not None and m.start() < hi:
            # A cue is another match than the term itself (a farewell next to another one).
            overlaps = m.start() < end and m.end() > start
            if not overlaps and not is_denied(scope, m.start(), langs):
                return True
            pos = m.start() + 1
    return False


def _net_fires(rule: NetRule, scope: Scope, langs: tuple[str, ...]) -> bool:
    text = scope.text
    # Every condition must hold; the rule's own terms are the rarest, so they are looked for
    # first and most rules stop there (this order keeps the screen well inside 5 ms).
    alone = [m for term in rule.alone for m in term.finditer(text)]
    terms = [m for term in rule.terms for m in term.finditer(text)]
    if not alone and not terms:
        return False
    if rule.also and all(m.search(text) is None for m in rule.also):
        return False
    if any(m.search(text) is not None for m in rule.unless):
        return False
    if any(_live(scope, m.start(), langs) for m in alone):
        return True
    return any(
        _live(scope, m.start(), langs)
        and _cue_near(rule.cues, scope, m.start(), m.end(), rule.window, langs)
        for m in terms
    )


def _in_danger(match: re.Match[str], danger: tuple[tuple[int, float, float], ...]) -> bool:
    for group, low, high in danger:
        raw = match.group(group)
        if raw is None:
            continue
        value = float(raw.replace(",", "."))
        if low <= value <= high:
            return True
    return False


def _vital_fires(rule: VitalRule, scope: Scope, langs: tuple[str, ...]) -> bool:
    for m in rule.regex.finditer(scope.text):
        if not _in_danger(m, rule.danger) or not _live(scope, m.start(), langs):
            continue
        if not rule.cues or _cue_near(rule.cues, scope, m.start(), m.end(), rule.window, langs):
            return True
    return False


def screen_net(scope: Scope, langs: tuple[str, ...]) -> dict[Emergency, list[str]]:
    """The safety-net classes and vital signs that fire on `scope.text`, by emergency kind."""
    found: dict[Emergency, list[str]] = {}
    for rule in NET:
        if _net_fires(rule, scope, langs):
            found.setdefault(rule.kind, []).append(f"net:{rule.name}")
    for vital in VITALS:
        if _vital_fires(vital, scope, langs):
            found.setdefault(Emergency.MEDICAL, []).append(f"vital:{vital.name}")
    return found
