"""No-show recovery (and the rebooking offer after a cancellation): replies go to scheduling.

Trigger: a no-show text or "your visit is cancelled, reply R" (`Awaiting.NO_SHOW`). "R" asks
for preferred days and times (then the confirmation flow hands them to scheduling); any other
reply that is not a request of its own goes to scheduling as it is. A reply disputing the
no-show ("I was there", "I called to cancel") goes to a manager as a complaint; clinical
content (a recent ER visit, a medication question) to a nurse.

    bot:     Riverside Clinic: We missed you at your visit on Fri, Nov 20, 9:30 AM. Reply R ...
    patient: R
    bot:     Riverside Clinic: What days and times work best for you? ...
"""

from __future__ import annotations

from flows import messages as m
from flows.reminders.common import Ask
from flows.reminders.confirmation import RESCHEDULE
from flows.reminders.reply import disputes_no_show, has_clinical_content
from flows.types import Awaiting, Intent, Outcome, Queue, SetAwaiting

ROUTED = frozenset({Intent.OTHER, Intent.RESCHEDULE, Intent.SCHEDULE, Intent.CONFIRM})


def answer(ask: Ask) -> Outcome | None:
    """ "R" collects preferred times; another plain reply goes to scheduling."""
    # "I WAS there", "I called this morning to cancel": a disputed no-show is a complaint a
    # person must look into (a fee or a no-show flag may be wrong), never a bot rebooking.
    if disputes_no_show(ask.text):
        return ask.handoff(
            Queue.MANAGER,
            "Disputes the no-show (was there, or had cancelled)",
            is_upset=True,
            by="dispute",
        )
    # "Fui a urgencias el domingo y me dijeron que viera a mi doctor": a nurse, not scheduling.
    wants_visit = ask.result.intent in (Intent.RESCHEDULE, Intent.SCHEDULE)
    if has_clinical_content(ask.text) and not wants_visit:
        return ask.handoff(
            Queue.CLINICAL, "Clinical reply to a no-show text", by="no_show_clinical"
        )
    if ask.matches(RESCHEDULE):
        return ask.outcome(
            (ask.reply(m.RESCHEDULE_ASK),),
            SetAwaiting(Awaiting.RESCHEDULE_TIMES),
            by="reminder:rebook_ask",
        )
    if ask.result.intent in ROUTED and ask.result.intent is not Intent.THANKS:
        return ask.handoff(Queue.SCHEDULING, f"Reply to a rebooking offer: {ask.text[:200]}",
                           by="no_show")  # fmt: skip
    return None
