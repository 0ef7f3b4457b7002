"""Telehealth prep: time, link, join 10 minutes early, a device check, the backup phone plan.

Trigger: a telehealth prep text (`Awaiting.TELEHEALTH_PREP`). "link?" resends the visit's own
link; trouble joining goes to the front desk, as immediate when the visit is within two hours.

    bot:     Riverside Clinic: Your video visit starts Tue, Nov 24, 9:30 AM. Join now: ...
    patient: it won't let me in
    bot:     Riverside Clinic: We got your message. Our front desk will reply by 9:05 AM.
"""

from __future__ import annotations

import re
from datetime import timedelta

from flows import messages as m
from flows.reminders import confirmation
from flows.reminders.common import Ask
from flows.types import Outcome, Queue, Urgency

LINK = re.compile(r"^(link|the link|enlace|el enlace|liga|url)$|send (me )?the link|resend|"
                  r"(where|what)('?s| is) the link|mand\w+ el (enlace|link)")  # fmt: skip
TROUBLE = re.compile(
    r"(can'?t|cannot|won'?t|unable to|not able to) (let me )?(get in|in|join|connect|log ?in|hear|see)|"
    r"(doesn'?t|does not|isn'?t|not) (work|load|open|connect)|no (funciona|carga|abre|puedo entrar)|"
    r"no (me )?deja entrar|no (se )?oye|no (se )?ve|black screen|no (sound|audio|video)|frozen"
)
SOON = timedelta(hours=2)


def answer(ask: Ask) -> Outcome | None:
    """Resend the link, or get a person to a patient who cannot join."""
    visit = ask.situation.visit
    link = (visit.telehealth_url if visit else "") or ask.clinic.telehealth_url
    if ask.matches(LINK) and link:
        reply = ask.reply(m.TELEHEALTH_LINK, ("link", link))
        return ask.outcome((reply,), by="reminder:telehealth_link")
    # "confirmo, pero tengo una pregunta: ...": noted as a confirm, and the question answered.
    # Only an explicit "confirm" word: "ok. I've had a fever" is not a confirmation.
    explicit = "confirm" in ask.text.casefold()
    if explicit and (confirmed := confirmation.confirm_and_answer_the_rest(ask)) is not None:
        return confirmed
    if ask.matches(TROUBLE):
        soon = visit is not None and visit.starts_at - ask.now <= SOON
        return ask.handoff(
            Queue.FRONT_DESK,
            "Trouble joining the video visit" + (" (visit within 2 hours)" if soon else ""),
            urgency=Urgency.HIGH if soon else Urgency.NORMAL,
            due=ask.now if soon else None,
            by="telehealth",
        )
    return None
