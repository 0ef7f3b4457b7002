"""Per-language triage word lists, one reviewed module per language.

`LEXICONS` holds every language the product supports, English first. Patterns from all of them
run on every message, because patients mix languages ("ocupo refill de mis pastillas").
"""

from __future__ import annotations

from flows.triage.lexicon import ar, en, es, ht, ko, pt, ru, tl, vi, zh
from flows.triage.lexicon.types import IntentRules, Lexicon, NetClass, Rule, Vital

LEXICONS: tuple[Lexicon, ...] = (
    en.LEXICON,
    es.LEXICON,
    vi.LEXICON,
    zh.LEXICON,
    tl.LEXICON,
    ko.LEXICON,
    ar.LEXICON,
    ru.LEXICON,
    ht.LEXICON,
    pt.LEXICON,
)

__all__ = ["LEXICONS", "IntentRules", "Lexicon", "NetClass", "Rule", "Vital"]
