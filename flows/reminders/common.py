"""What every reminder flow shares: the message being answered and how to hand it off."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from flows import messages as m
from flows.hours import reply_due
from flows.reminders.reply import has_clinical_content, sounds_upset
from flows.triage import triage
from flows.types import (
    COMPLETE_LANGUAGES,
    Awaiting,
    ClinicInfo,
    Effect,
    HandoffNote,
    OpenHandoff,
    Outcome,
    Queue,
    RecordTriage,
    Reply,
    SetAwaiting,
    Situation,
    Triage,
    Urgency,
)

#: Who answers, by queue, in the languages the bot speaks fully (others get ACK_STAFF).
ACK_BY_QUEUE = {
    Queue.CLINICAL: m.ACK_CLINICAL,
    Queue.MANAGER: m.ACK_MANAGER,
    Queue.REFILLS: m.ACK_REFILLS,
    Queue.BILLING: m.ACK_BILLING,
    Queue.RECORDS: m.ACK_RECORDS,
    Queue.SCHEDULING: m.ACK_SCHEDULING,
    Queue.FRONT_DESK: m.ACK_FRONT_DESK,
}
#: A nurse or a manager answers sooner than the rest (as in the engine's own handoffs).
HIGH_QUEUES = frozenset({Queue.CLINICAL, Queue.MANAGER})


@dataclass(frozen=True)
class Ask:
    """One patient message in the context of a reminder."""

    text: str
    result: Triage
    situation: Situation
    clinic: ClinicInfo
    now: datetime
    lang: str

    @property
    def folded(self) -> str:
        """Casefolded, NFC, trimmed of the punctuation people put around a code."""
        return unicodedata.normalize("NFC", self.text).strip().casefold().strip(".!¡?¿ ")

    def matches(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.folded) is not None

    def reply(self, msgid: str, *params: tuple[str, str | datetime]) -> Reply:
        return Reply(msgid, tuple(params), lang=self.lang)

    def outcome(self, replies: tuple[Reply, ...], *effects: Effect, by: str) -> Outcome:
        return Outcome(replies, (RecordTriage(self.result), *effects), self.result, by)

    def handoff(
        self,
        queue: Queue,
        summary: str,
        *effects: Effect,
        urgency: Urgency = Urgency.NORMAL,
        by: str,
        due: datetime | None = None,
        before: tuple[Reply, ...] = (),
        is_upset: bool | None = None,
        awaiting: Awaiting | None = None,
    ) -> Outcome:
        """Hand the conversation to a queue with the usual "who answers by when" reply.

        `before` are replies that say what the bot already did (the visit is confirmed, the
        form is marked done), sent ahead of the "who answers" text, so the patient hears both.
        """
        due = due or reply_due(self.now, queue, self.clinic)
        if queue in (Queue.SCHEDULING, Queue.FRONT_DESK):
            ack = ACK_BY_QUEUE[queue]
        else:
            ack = ACK_BY_QUEUE[queue] if self.lang in COMPLETE_LANGUAGES else m.ACK_STAFF
        if queue in HIGH_QUEUES and urgency is Urgency.NORMAL:
            urgency = Urgency.HIGH
        reply = Reply(ack, (("due", due),), lang=self.lang)
        replies = (*before, reply)
        note = HandoffNote(
            summary=summary,
            intent=self.result.intent,
            queue=queue,
            reason=(*self.result.evidence, f"reminder flow: {by}"),
            urgency=urgency,
            due_at=due,
            lang=self.lang,
            emergency=None,
            is_upset=self.result.is_upset if is_upset is None else is_upset,
            answering=self.situation.awaiting,
            bot_said=tuple(r.msgid for r in replies),
        )
        return self.outcome(
            replies, OpenHandoff(note), SetAwaiting(awaiting), *effects, by=f"reminder:{by}"
        )


def words(*choices: str) -> re.Pattern[str]:
    """A whole-message match of any of the choices (casefolded)."""
    return re.compile(r"^(" + "|".join(choices) + r")$")


#: Queues in the routing order of the triage schema (first match wins).
_QUEUE_ORDER = tuple(Queue)


def route_rest(ask: Ask, rest: str, *, awaiting: Awaiting | None = None) -> tuple[Queue, Triage]:
    """Who must answer the part of a reply after its code: the schema's queue, else the front desk.

    The whole message's own queue still counts (a symptom anywhere sends it to a nurse), and
    the reminder flows' extra clinical words do too.
    """
    result = triage(rest, awaiting=awaiting, stored_lang=ask.situation.language)
    queues = [result.queue, ask.result.queue]
    if has_clinical_content(rest):
        queues.append(Queue.CLINICAL)
    if sounds_upset(rest):
        queues.append(Queue.MANAGER)
    queue = min(queues, key=_QUEUE_ORDER.index)
    if queue in (Queue.NONE, Queue.EMERGENCY):
        queue = Queue.FRONT_DESK  # logistics: parking, what to bring, an interpreter
    return queue, result
