"""Form reminder: names the missing forms, with the link, until they are done.

Trigger: a form reminder (`Awaiting.FORM_REMINDER`). "done" / "ya lo llené" ends it
(FORM_DONE_WORDS, which stop the next form reminders); "done" followed by a question or a
clinical need marks the form done AND hands the rest to its queue; "the link doesn't work" or
"it says incomplete" goes to the front desk, who can fix a portal problem.

    bot:     Riverside Clinic: Before your visit Tue, Nov 24, 9:30 AM, please complete:
             Consent. https://forms.example/x Reply "done" when finished.
    patient: the link doesn't work
    bot:     Riverside Clinic: We got your message. Our front desk will reply by ...
"""

from __future__ import annotations

import re

from flows import messages as m
from flows.reminders.common import Ask, route_rest
from flows.reminders.reply import asks_something
from flows.types import MarkFormDone, Outcome, Queue

#: "I finished the form" after a form reminder, per language (casefolded, accents kept).
FORM_DONE_WORDS = re.compile(
    r"\b(done|finished|completed?|submitted|filled|sent it|did it|listo|lista|ya (lo|la) "
    r"(llen|complet|mand|envi)\w*|ya (llen|complet|termin)\w*|termin[eé]|complet[eé]|"
    r"llen[eé]|xong|đã điền|完成|填好|tapos na|완료|готово|fini|pwèt|pronto|preenchi)\b"
    r"|✅",
)
#: Where the rest of a "done" reply must go even without a question: a nurse, refills, a manager.
_ROUTED_WITHOUT_QUESTION = frozenset({Queue.CLINICAL, Queue.REFILLS, Queue.MANAGER})

LINK_TROUBLE = re.compile(
    r"(link|page|site|website|form|portal|enlace|p[aá]gina|formulario)\b.{0,30}"
    r"(doesn'?t|does not|won'?t|isn'?t|not|no)\s*(work|open|load|funciona|abre|carga)"
    r"|says? (it'?s )?incomplete|still (says )?incomplete|error|"
    r"no (me )?(funciona|abre|carga)|dice (que )?(est[aá] )?incompleto"
)


def answer(ask: Ask) -> Outcome | None:
    """Trouble with the form goes to the front desk; the rest is the engine's (done, link)."""
    if ask.matches(LINK_TROUBLE):
        return ask.handoff(Queue.FRONT_DESK, "Form link trouble after a form reminder", by="form")
    # "Listo. También quería preguntar si ya salieron los resultados": the form is done AND the
    # question goes to its queue (results to a nurse, per the triage schema).
    folded = ask.text.casefold()
    done = FORM_DONE_WORDS.search(folded)
    person = any(e.startswith("needs a person") for e in ask.result.evidence)
    if done is not None and done.start() <= 3 and not person:
        rest = ask.text[done.end() :].strip(" .,!;:-") if len(folded) == len(ask.text) else ""
        if rest:
            queue, _ = route_rest(ask, rest)
            if asks_something(rest) or queue in _ROUTED_WITHOUT_QUESTION:
                return ask.handoff(
                    queue, "Form marked done; the rest of the reply needs a person", MarkFormDone(),
                    by="form_done+question", before=(ask.reply(m.FORM_DONE),),
                )  # fmt: skip
    return None
