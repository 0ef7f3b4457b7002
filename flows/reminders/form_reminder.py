"""Form reminder: names the missing forms, with the link, until they are done.

Trigger: a form reminder (`Awaiting.FORM_REMINDER`). "done" / "ya lo llené" ends it (the
engine's FORM_DONE_WORDS, which stop the next form reminders); "the link doesn't work" or
"it says incomplete" goes to the front desk, who can fix a portal problem.

    bot:     Riverside Clinic: Before your visit Tue, Nov 24, 9:30 AM, please complete:
             Consent. https://forms.example/x Reply "done" when finished.
    patient: the link doesn't work
    bot:     Riverside Clinic: We got your message. Our front desk will reply by ...
"""

from __future__ import annotations

import re

from flows.reminders.common import Ask
from flows.types import Outcome, Queue

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
    return None
