"""Where a matched phrase stands in its message: denied, over, or happening now.

A match is *denied* when a negation cue sits in the few words before it in the same clause ("no
chest pain", "sin dolor de pecho", "text us if you get any chest pain"). It is *over* when its
sentence, or the next one, says the event ended ("had a stroke last year, doing great now")
and its own clause has no sign it is still going on ("again", "still", "right now").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from flows.triage import rules

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n|[。！？]")
_CLAUSE_END = re.compile(
    r"[.!?;:,\n()\"]|[。！？，；]|\s-\s|\b(?:but|pero|though|tho|although|however|just|except|"
    r"aunque|solo|nomas)\b"
)
_CJK_TAIL = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]")
NEGATION_WINDOW = 4


@dataclass(frozen=True)
class Scope:
    """Sentence and clause boundaries of one normalised text, computed once."""

    text: str
    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Scope:
        """Compute the boundaries of `text`."""
        sentences = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        clauses = [0] + [m.end() for m in _CLAUSE_END.finditer(text)]
        return cls(text, tuple(sentences), tuple(clauses))

    def clause(self, pos: int) -> tuple[int, int]:
        """Start and end of the clause holding `pos`."""
        i = bisect.bisect_right(self.clause_starts, pos) - 1
        end = self.clause_starts[i + 1] if i + 1 < len(self.clause_starts) else len(self.text)
        return self.clause_starts[i], end

    def sentence_and_next(self, pos: int) -> str:
        """The sentence holding `pos` and the one after it."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 2] if i + 2 < len(self.sentence_starts) else len(self.text)
        return self.text[start:end]


def is_denied(scope: Scope, start: int, langs: tuple[str, ...]) -> bool:
    """True when a negation cue of one of `langs` precedes `start` closely in its clause."""
    clause_start, _ = scope.clause(start)
    before = scope.text[clause_start:start].rstrip()
    if not before:
        return False
    words = before.split()
    window = " ".join(words[-NEGATION_WINDOW:])
    if _CJK_TAIL.search(window[-1:]):
        window = window[-4:]
    return any(
        (regex := rules.NEGATIONS.get(lang)) is not None and regex.search(window) for lang in langs
    )


def is_over(scope: Scope, start: int, *, settled_counts: bool) -> bool:
    """True when the event matched at `start` is said to be over (or handled, if `settled_counts`)."""
    around = scope.sentence_and_next(start)
    over = rules.RESOLVED is not None and rules.RESOLVED.search(around)
    if not over and settled_counts and rules.SETTLED is not None:
        over = rules.SETTLED.search(around)
    if not over:
        return False
    clause_start, clause_end = scope.clause(start)
    clause = scope.text[clause_start:clause_end]
    return not (rules.ONGOING is not None and rules.ONGOING.search(clause))
