"""What every reminder flow shares: the message being answered and how to hand it off."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from flows import messages as m
from flows.hours import reply_due
from flows.types import (
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
    ) -> Outcome:
        """Hand the conversation to a queue with the usual "who answers by when" reply."""
        due = due or reply_due(self.now, queue, self.clinic)
        ack = m.ACK_SCHEDULING if queue is Queue.SCHEDULING else m.ACK_FRONT_DESK
        reply = Reply(ack, (("due", due),), lang=self.lang)
        note = HandoffNote(
            summary=summary,
            intent=self.result.intent,
            queue=queue,
            reason=(*self.result.evidence, f"reminder flow: {by}"),
            urgency=urgency,
            due_at=due,
            lang=self.lang,
            emergency=None,
            is_upset=self.result.is_upset,
            answering=self.situation.awaiting,
            bot_said=(ack,),
        )
        return self.outcome(
            (reply,), OpenHandoff(note), SetAwaiting(None), *effects, by=f"reminder:{by}"
        )


def words(*choices: str) -> re.Pattern[str]:
    """A whole-message match of any of the choices (casefolded)."""
    return re.compile(r"^(" + "|".join(choices) + r")$")
