"""The emergency screen and the symptom check (queue rule 2), over every supported language.

Both run on the normalised text with idioms blanked out ("dying to know", "casi me da un
infarto"), skip denied matches ("no chest pain") and events said to be over ("had a stroke
last year, doing great now"). When in doubt the screen fires: a person looks.
"""

from __future__ import annotations

import re

from flows.triage import rules
from flows.triage.concepts import blank_hyperbole, is_hypothetical, screen_concepts
from flows.triage.lexicon.en import THREAT_CUES
from flows.triage.normalize import normalize
from flows.triage.safety_net import screen_net
from flows.triage.scope import Scope, is_denied, is_over
from flows.triage.translit import in_own_script
from flows.types import Emergency

_THREAT_CUES = re.compile(THREAT_CUES)


def _blank_idiom(match: re.Match[str]) -> str:
    # "hes going to kill me" is hyperbole, unless a weapon, drink or hiding place is beside it.
    if "kill" in match.group() and _THREAT_CUES.search(match.string) is not None:
        return match.group()
    return " " * len(match.group())


def strip_idioms(text: str) -> str:
    """Blank out figures of speech and benign mentions ("stroke clinic"), keeping offsets so
    clause boundaries stay put."""
    text = blank_hyperbole(rules.IDIOMS.sub(_blank_idiom, text))
    return rules.MENTIONS.sub(lambda m: " " * len(m.group()), text)


def _negation_langs(lang: str) -> tuple[str, ...]:
    return ("en", "es") if lang in ("en", "es") else ("en", "es", lang)


def screen_text(
    text: str, lang: str, scope: Scope | None = None
) -> tuple[Emergency | None, tuple[str, ...]]:
    """Screen already normalised, idiom-free text; see `screen_emergency`."""
    scope = scope or Scope.of(text)
    langs = _negation_langs(lang)
    found: dict[Emergency, list[str]] = {}
    for kind, rule in rules.EMERGENCY_RULES:
        # The main pattern first: its literal pre-check rules most messages out at once.
        if rule.regex.search(text) is None:
            continue
        if rule.also and not all(also.search(text) for also in rule.also):
            continue
        if rule.unless and any(unless.search(text) for unless in rule.unless):
            continue
        for match in rule.regex.finditer(text):
            if is_denied(scope, match.start(), langs):
                continue
            if is_over(scope, match.start(), settled_counts=True):
                continue
            if is_hypothetical(scope, match.start()):
                continue
            names = found.setdefault(kind, [])
            if rule.name not in names:
                names.append(rule.name)
            break
    # The safety net: risk classes near intent or severity cues, and vital signs in danger.
    for kind, names in screen_net(scope, langs).items():
        found.setdefault(kind, []).extend(n for n in names if n not in found.get(kind, ()))
    # Red-flag concepts over language-neutral features (ages, weeks, amounts, onset), fed by
    # every language's term lists.
    for kind, names in screen_concepts(scope, langs).items():
        found.setdefault(kind, []).extend(names)
    # Suicidal thoughts, self-harm and threats to others decide the kind even beside a medical
    # sign: the 988 reply also gives 911 guidance.
    for kind in (Emergency.MENTAL_HEALTH, Emergency.MEDICAL):
        if kind in found:
            evidence = tuple(f"emergency:{k.value}:{name}" for k in found for name in found[k])
            return kind, evidence
    return None, ()


def screen_emergency(text: str, lang: str = "en") -> tuple[Emergency | None, tuple[str, ...]]:
    """Return the emergency kind found in `text` (or None) and the rules that fired."""
    normalized = normalize(in_own_script(text, lang))
    return screen_text(strip_idioms(normalized.text), lang)


def find_symptoms(text: str, lang: str, scope: Scope | None = None) -> tuple[str, ...]:
    """Names of symptoms or medication problems described (not denied, not over) in `text`."""
    scope = scope or Scope.of(text)
    langs = _negation_langs(lang)
    names: list[str] = []
    for rule in rules.SYMPTOM_RULES:
        for match in rule.regex.finditer(text):
            if is_denied(scope, match.start(), langs):
                continue
            if is_over(scope, match.start(), settled_counts=False):
                continue
            names.append(f"{rule.name}:{match.group().strip()}")
            break
    return tuple(names)
