"""Missed-call text-back: "Sorry we missed your call. Reply here and we will help".

Trigger: a call that ended with no voicemail (`gateway.voicemail.on_missed_call` queues the
text, at most once a day per number). A reply that triage does not route to a specialist queue
goes to scheduling, where most missed calls are headed.

    bot:     Riverside Clinic: Sorry we missed your call. Reply here and we will help, ...
    patient: I wanted to book a checkup
    bot:     Riverside Clinic: We got your message. Our scheduling team will reply by ...
"""

from __future__ import annotations

from flows.reminders.common import Ask
from flows.reminders.reply import has_clinical_content
from flows.types import Intent, Outcome, Queue

GENERAL = frozenset({Queue.NONE, Queue.FRONT_DESK, Queue.SCHEDULING})


def answer(ask: Ask) -> Outcome | None:
    """Route a general reply to scheduling; clinical and the rest keep triage's queue."""
    # "whether I should still take the water pill with my new medication": a nurse answers.
    if ask.result.queue in GENERAL and has_clinical_content(ask.text):
        return ask.handoff(
            Queue.CLINICAL, "Clinical reply to a missed-call text", by="missed_call_clinical"
        )
    if ask.result.queue in GENERAL and ask.result.intent is not Intent.THANKS:
        return ask.handoff(Queue.SCHEDULING, "Reply to a missed-call text", by="missed_call")
    return None
