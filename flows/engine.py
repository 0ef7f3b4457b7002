"""The engine: one inbound message and what we know -> an `Outcome` of replies and effects.

Intercepts run in a fixed order, first match wins (DESIGN.md, STYLE.md rule 8):

1. emergency screen (always, even after an opt-out or while a person owns the conversation)
2. compliance: opt-out (keywords and plain language), opt-in, HELP
   then the reminder flows (`flows.reminders`): a reply to the reminder just sent, a question
   about the visit
3. a person owns the conversation: append to the open handoff, say nothing
4. triage: hand off to a staff queue with an expectation-setting reply, or finish it here
   (confirm or cancel the visit being answered, resend a link, switch language)

Pure: no clock, no database, no Twilio. The caller (gateway.conversations) applies the effects
and queues the replies; the offline audit command calls the very same function.

Sample transcript (appointment reminder context):

    patient: C
    bot:     Riverside Clinic: Thank you, your visit on Tue, Nov 24, 9:30 AM is confirmed.
    patient: also my chest is squeezing
    bot:     Riverside Clinic: If this is an emergency, call 911 or go to the nearest ER now. ...
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

from flows import messages as m
from flows import reminders
from flows.hours import reply_due
from flows.reminders.form_reminder import FORM_DONE_WORDS
from flows.triage import triage
from flows.types import (
    COMPLETE_LANGUAGES,
    SUPPORTED_LANGUAGES,
    AppendToHandoff,
    Awaiting,
    CancelAppointment,
    CarrierKeyword,
    Channel,
    ClinicInfo,
    ConfirmAppointment,
    Effect,
    Emergency,
    HandoffNote,
    Inbound,
    Intent,
    MarkFormDone,
    OpenHandoff,
    OptIn,
    OptOut,
    Outcome,
    PageOnCall,
    Queue,
    RecordTriage,
    Reply,
    ReplyKind,
    SetLanguage,
    Situation,
    Triage,
    Urgency,
)

#: Single-word keywords the carrier itself answers when Advanced Opt-Out is on.
CARRIER_KEYWORDS = frozenset(
    {
        "stop",
        "stopall",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "revoke",
        "optout",
        "start",
        "unstop",
        "yes",
        "help",
        "info",
    }
)
#: A bare yes re-subscribes a patient who opted out (carrier rule), in the languages we answer.
OPT_IN_WHEN_OPTED_OUT = frozenset({"yes", "si", "sí", "start", "unstop", "có", "是", "네", "да"})

ACK_BY_QUEUE = {
    Queue.EMERGENCY: m.ACK_CLINICAL,
    Queue.CLINICAL: m.ACK_CLINICAL,
    Queue.MANAGER: m.ACK_MANAGER,
    Queue.REFILLS: m.ACK_REFILLS,
    Queue.BILLING: m.ACK_BILLING,
    Queue.RECORDS: m.ACK_RECORDS,
    Queue.SCHEDULING: m.ACK_SCHEDULING,
    Queue.FRONT_DESK: m.ACK_FRONT_DESK,
}

URGENCY_BY_QUEUE = {
    Queue.EMERGENCY: Urgency.EMERGENCY,
    Queue.CLINICAL: Urgency.HIGH,
    Queue.MANAGER: Urgency.HIGH,
}

#: A visit that belongs to someone other than the texter: a relative named next to the visit
#: ("my mom's appointment", "la cita de mi niño", "her appt"). A relative mentioned elsewhere
#: ("my daughter's wedding that week") does not make it someone else's visit.
_RELATIVE = (
    r"(mom|mother|mum|dad|father|son|daughter|husband|wife|partner|child|kid|baby|"
    r"grand(ma|pa|mother|father|son|daughter)|brother|sister|aunt|uncle|"
    r"mam[aá]|madre|pap[aá]|padre|hij[oa]s?|espos[oa]|ni[nñ][oa]s?|beb[eé]|"
    r"abuel[oa]|herman[oa]|t[ií][oa]|suegr[oa])"
)
_VISIT = r"(appointment|appt|visit|physical|check ?up|cita|consulta)"
OTHER_PERSON = re.compile(
    rf"\b{_RELATIVE}('?s)?\s+(\w+\s+){{0,2}}{_VISIT}"
    rf"|\b{_VISIT}\s+(\w+\s+){{0,2}}(de|del|for|para)\s+(mi|my|el|la|los|las|his|her)?\s*"
    rf"{_RELATIVE}\b"
    rf"|\b(his|her|their)\s+{_VISIT}"
)
#: Intents whose replies are all in messages.FINISHED_IN_EVERY_LANGUAGE (or need none).
FINISHED_IN_EVERY_LANGUAGE_INTENTS = frozenset(
    {
        Intent.THANKS,
        Intent.LANGUAGE,
        Intent.CONFIRM,
        Intent.CANCEL,
        Intent.FORMS,
        Intent.PORTAL,
        Intent.TELEHEALTH,
    }
)
VISIT_INTENTS = frozenset({Intent.CONFIRM, Intent.CANCEL})

#: A reply that opens with the reminder's confirm code, whatever follows it.
LEADING_CONFIRM_CODE = re.compile(
    r"^\s*(c|yes|yep|yeah|si|sí|confirm(ed|o|ado)?|👍\S*)(?=[\s.,!;:]|$)"
)

#: Language names a patient may ask for ("english please", "en español").
LANGUAGE_NAMES = {
    "en": ("english", "inglés", "ingles"),
    "es": ("spanish", "español", "espanol"),
    "vi": ("vietnamese", "tiếng việt", "tieng viet"),
    "zh": ("chinese", "mandarin", "cantonese", "中文", "汉语", "普通话"),
    "tl": ("tagalog", "filipino"),
    "ko": ("korean", "한국어"),
    "ar": ("arabic", "العربية", "عربي"),
    "ru": ("russian", "русск"),
    "ht": ("creole", "kreyòl", "kreyol", "haitian"),
    "pt": ("portuguese", "português", "portugues"),
}


@dataclass(frozen=True)
class _Case:
    """One message and everything the intercepts decide on."""

    text: str
    keyword: str  # the message as one bare word ("stop", "c"), or ""
    result: Triage
    situation: Situation
    clinic: ClinicInfo
    now: datetime
    lang: str  # the language the reply is written in

    @property
    def record(self) -> RecordTriage:
        return RecordTriage(self.result)

    def note(
        self, queue: Queue, replies: tuple[Reply, ...], *, due: datetime | None = None
    ) -> HandoffNote:
        return _note(self.result, queue, self.situation, self.clinic, self.now, replies, due=due)

    def compliance_reply(self, msgid: str) -> tuple[Reply, ...]:
        """A STOP/START/HELP answer, unless the carrier already sent one for this keyword."""
        if self.situation.carrier_answers_keywords and self.keyword in CARRIER_KEYWORDS:
            return ()
        return (Reply(msgid, kind=ReplyKind.COMPLIANCE, lang=self.lang),)


def handle(inbound: Inbound, situation: Situation, clinic: ClinicInfo, now: datetime) -> Outcome:
    """Decide what to say and do for one inbound message."""
    text = inbound.text.strip()
    if inbound.channel is Channel.VOICEMAIL and not text:
        return _voicemail_without_transcript(situation, clinic, now)

    result = triage(
        text, channel=inbound.channel, awaiting=situation.awaiting, stored_lang=situation.language
    )
    keyword = _bare_keyword(text)
    case = _Case(text, keyword, result, situation, clinic, now, _reply_language(result, situation))
    record = case.record

    # 1. Emergency first, whatever else is true.
    if result.emergency is not None:
        return _emergency(case)

    # 2. Compliance. A voicemail is not a keyword channel: a spoken "cancel" or "stop" goes to
    # a person, who asks what the caller meant. The carrier's own verdict on a text wins.
    if inbound.channel is Channel.VOICEMAIL and (
        result.is_opt_out or result.is_opt_in or result.intent is Intent.HELP
    ):
        return _spoken_keyword(case)
    if inbound.carrier_keyword is not None:
        return _carrier_keyword(case, inbound.carrier_keyword)
    if result.is_opt_out:
        return _opt_out(case)
    if result.is_opt_in or (situation.is_opted_out and keyword in OPT_IN_WHEN_OPTED_OUT):
        effects = (record, OptIn(keyword or "plain-language"))
        return Outcome(case.compliance_reply(m.OPT_IN_CONFIRMED), effects, result, "opt_in")
    if result.intent is Intent.HELP:
        effects = (record, AppendToHandoff()) if situation.is_human_owned else (record,)
        return Outcome(case.compliance_reply(m.HELP), effects, result, decided_by="help")

    # 2b. reminders: a reply to the reminder just sent, or a question about the visit
    # (flows/reminders/). While no one has claimed an earlier handoff, a reminder reply is
    # still honoured, and recorded on that handoff.
    if not situation.is_opted_out and not (
        situation.is_human_owned and situation.is_handoff_claimed
    ):
        answered = reminders.answer(
            text=text, result=result, situation=situation, clinic=clinic, now=now, lang=case.lang
        )
        if answered is not None:
            if situation.is_human_owned and not any(
                isinstance(effect, OpenHandoff) for effect in answered.effects
            ):
                answered = Outcome(
                    answered.replies,
                    (*answered.effects, AppendToHandoff()),
                    answered.triage,
                    answered.decided_by,
                )
            return answered

    # 3. A person owns the conversation: the bot steps back. A new symptom or a new upset
    # still re-routes the handoff to the queue that must see it (a billing clerk is not a
    # nurse); the person is told through the queue, the patient gets nothing automated.
    if situation.is_human_owned:
        effects: tuple[Effect, ...] = (record, AppendToHandoff())
        if result.queue in (Queue.CLINICAL, Queue.MANAGER):
            effects += (OpenHandoff(case.note(result.queue, ())),)
        return Outcome((), effects, result, decided_by="human_owned")

    # 4. Triage: hand off, or finish it here.
    outcome = _route(case)
    if situation.is_opted_out:
        # Nothing automated after an opt-out: the staff still see it, the patient gets no text.
        return Outcome((), outcome.effects, result, decided_by=outcome.decided_by + ":opted_out")
    return outcome


# ----------------------------------------------------------------------------- intercepts


def _emergency(case: _Case) -> Outcome:
    result = case.result
    msgid = (
        m.EMERGENCY_MENTAL_HEALTH
        if result.emergency is Emergency.MENTAL_HEALTH
        else m.EMERGENCY_MEDICAL
    )
    reply = Reply(msgid, kind=ReplyKind.EMERGENCY, lang=case.lang)
    note = case.note(Queue.EMERGENCY, (reply,))
    effects: list[Effect] = [case.record, OpenHandoff(note), PageOnCall(result.emergency)]
    effects.extend(_request_effects(case))
    if result.is_opt_out:
        effects.append(OptOut("emergency-message"))
    return Outcome((reply,), tuple(effects), result, decided_by="emergency")


def _carrier_keyword(case: _Case, keyword: CarrierKeyword) -> Outcome:
    """The carrier opted the number out or in, or answered HELP: record it, say nothing more."""
    if keyword is CarrierKeyword.STOP:
        return _opt_out(case, carrier=True)
    if keyword is CarrierKeyword.START:
        effects: tuple[Effect, ...] = (case.record, OptIn(case.keyword or "carrier:START"))
        return Outcome((), effects, case.result, decided_by="opt_in:carrier")
    effects = (case.record, AppendToHandoff()) if case.situation.is_human_owned else (case.record,)
    return Outcome((), effects, case.result, decided_by="help:carrier")


def _spoken_keyword(case: _Case) -> Outcome:
    """A voicemail that said stop, cancel, start or help: a person calls back, nothing else."""
    result = case.result
    if case.situation.is_human_owned:
        return Outcome((), (case.record, AppendToHandoff()), result, "voicemail_keyword:owned")
    queue = result.queue
    if queue is Queue.NONE:
        queue = Queue.SCHEDULING if result.intent in VISIT_INTENTS else Queue.FRONT_DESK
    due = reply_due(case.now, queue, case.clinic)
    ack = ACK_BY_QUEUE[queue] if case.lang in COMPLETE_LANGUAGES else m.ACK_STAFF
    reply = Reply(ack, params=(("due", due),), lang=case.lang)
    replies = () if case.situation.is_opted_out else (reply,)
    note = replace(
        case.note(queue, replies, due=due),
        summary="Voicemail said a keyword (stop, cancel, start or help): ask what the caller meant",
    )
    return Outcome(replies, (case.record, OpenHandoff(note)), result, "voicemail_keyword")


def _opt_out(case: _Case, *, carrier: bool = False) -> Outcome:
    result, situation = case.result, case.situation
    # At most one confirmation: none if already opted out, none if the carrier just sent one.
    replies = (
        () if situation.is_opted_out or carrier else case.compliance_reply(m.OPT_OUT_CONFIRMED)
    )
    effects: list[Effect] = [case.record, OptOut(case.keyword or _evidence_phrase(result))]
    queue = result.queue
    if (
        queue is Queue.NONE
        and case.keyword == "cancel"
        and situation.awaiting is Awaiting.APPOINTMENT_REMINDER
    ):
        # Carriers treat a bare CANCEL as STOP, so it must opt out; after a visit reminder the
        # patient most likely meant the visit, so a scheduler calls them about it.
        queue = Queue.SCHEDULING
    if queue is not Queue.NONE:
        # An angry "STOP TEXTING ME" is an opt-out and a manager handoff; a symptom inside an
        # opt-out still reaches a nurse. No expectation text: they asked for no more texts.
        if situation.is_human_owned:
            effects.append(AppendToHandoff())
        else:
            effects.append(OpenHandoff(case.note(queue, replies)))
    return Outcome(replies, tuple(effects), result, decided_by="opt_out")


def _route(case: _Case) -> Outcome:
    result = case.result
    effects: list[Effect] = [case.record, *_request_effects(case)]
    queue = result.queue
    is_complete = case.lang in COMPLETE_LANGUAGES

    if queue is Queue.NONE:
        # In a language we only partly speak, the bot finishes only what every catalog words
        # (messages.FINISHED_IN_EVERY_LANGUAGE); a person answers the rest in that language.
        finished = None
        if is_complete or result.intent in FINISHED_IN_EVERY_LANGUAGE_INTENTS:
            finished = _finish(case)
        if finished is not None:
            replies, extra = finished
            return Outcome(replies, (*effects, *extra), result, decided_by=f"bot:{result.intent}")
        # The bot cannot finish it (no visit it may change, no link, a language we only
        # partly speak): a person does, a scheduler when it is about a visit.
        queue = Queue.SCHEDULING if result.intent in VISIT_INTENTS else Queue.FRONT_DESK

    ack = ACK_BY_QUEUE[queue] if is_complete else m.ACK_STAFF
    due = reply_due(case.now, queue, case.clinic)
    reply = Reply(ack, params=(("due", due),), lang=case.lang)
    effects.append(OpenHandoff(case.note(queue, (reply,), due=due)))
    return Outcome((reply,), tuple(effects), result, decided_by=f"handoff:{queue}")


def _finish(case: _Case) -> tuple[tuple[Reply, ...], tuple[Effect, ...]] | None:
    """Answer what the bot can finish alone; None hands it to a person."""
    result, situation, clinic, lang, text = (
        case.result,
        case.situation,
        case.clinic,
        case.lang,
        case.text,
    )
    intent = result.intent
    when = situation.appointment_at
    answering_reminder = situation.awaiting is Awaiting.APPOINTMENT_REMINDER
    if intent is Intent.THANKS:
        return (), ()
    if intent in (Intent.CONFIRM, Intent.CANCEL) and not _acts_on_own_visit(situation, text):
        return None
    if intent is Intent.CONFIRM:
        if when is not None:
            return (Reply(m.APPOINTMENT_CONFIRMED, (("when", when),), lang=lang),), ()
        if answering_reminder:
            return (Reply(m.APPOINTMENT_CONFIRMED_NO_DATE, lang=lang),), ()
        return None
    if intent is Intent.CANCEL:
        if when is not None:
            return (Reply(m.APPOINTMENT_CANCELLED, (("when", when),), lang=lang),), ()
        if answering_reminder:
            return (Reply(m.APPOINTMENT_CANCELLED_NO_DATE, lang=lang),), ()
        return None
    if intent is Intent.LANGUAGE:
        target = _requested_language(text) or result.lang
        if target not in SUPPORTED_LANGUAGES:
            return None
        return (Reply(m.LANGUAGE_SET, lang=target),), (SetLanguage(target),)
    if intent is Intent.FORMS:
        if situation.awaiting is Awaiting.FORM_REMINDER and FORM_DONE_WORDS.search(text.casefold()):
            return (Reply(m.FORM_DONE, lang=lang),), (MarkFormDone(),)
        return _link(m.FORMS_LINK, clinic.forms_url, lang)
    if intent is Intent.PORTAL:
        return _link(m.PORTAL_LINK, clinic.portal_url, lang)
    if intent is Intent.TELEHEALTH:
        return _link(m.TELEHEALTH_LINK, clinic.telehealth_url, lang)
    return None


def _link(msgid: str, url: str, lang: str) -> tuple[tuple[Reply, ...], tuple[Effect, ...]] | None:
    if not url:
        return None
    return (Reply(msgid, (("link", url),), lang=lang),), ()


def _request_effects(case: _Case) -> tuple[Effect, ...]:
    """A confirm or cancel is recorded even when the same text also goes to a person."""
    if not _acts_on_own_visit(case.situation, case.text):
        return ()
    if case.result.intent is Intent.CONFIRM:
        return (ConfirmAppointment(),)
    if case.result.intent is Intent.CANCEL:
        return (CancelAppointment(),)
    if case.situation.awaiting is Awaiting.APPOINTMENT_REMINDER and LEADING_CONFIRM_CODE.match(
        case.text.casefold()
    ):
        # "C. also can you refill my inhaler": the request decides the queue, but the patient
        # did confirm the visit the reminder named.
        return (ConfirmAppointment(),)
    return ()


def _acts_on_own_visit(situation: Situation, text: str) -> bool:
    """May a confirm or cancel in this text change the visit on file?

    Answering a visit reminder, yes: the reminder named the visit. Otherwise only the single
    upcoming visit on file, and only when the text speaks of no one else ("cancel my mom's
    appointment" is a person's job, never a guess that cancels the wrong visit).
    """
    if situation.awaiting is Awaiting.APPOINTMENT_REMINDER:
        return True
    return situation.appointment_at is not None and not OTHER_PERSON.search(text.casefold())


def _voicemail_without_transcript(
    situation: Situation, clinic: ClinicInfo, now: datetime
) -> Outcome:
    """Never drop a voicemail: no transcript still reaches the front desk with its recording."""
    lang = situation.language or "en"
    result = Triage(
        intent=Intent.OTHER,
        queue=Queue.FRONT_DESK,
        emergency=None,
        is_upset=False,
        lang=lang,
        evidence=("voicemail without a transcript",),
        summary="Voicemail, no transcript: listen to the recording",
    )
    if situation.is_human_owned:
        return Outcome((), (RecordTriage(result), AppendToHandoff()), result, "human_owned")
    due = reply_due(now, Queue.FRONT_DESK, clinic)
    replies: tuple[Reply, ...] = ()
    if not situation.is_opted_out:
        replies = (Reply(m.ACK_VOICEMAIL, params=(("due", due),), lang=lang),)
    note = _note(result, Queue.FRONT_DESK, situation, clinic, now, replies, due=due)
    return Outcome(
        replies, (RecordTriage(result), OpenHandoff(note)), result, decided_by="voicemail"
    )


# ----------------------------------------------------------------------------- helpers


def _note(
    result: Triage,
    queue: Queue,
    situation: Situation,
    clinic: ClinicInfo,
    now: datetime,
    replies: tuple[Reply, ...],
    *,
    due: datetime | None = None,
) -> HandoffNote:
    return HandoffNote(
        summary=result.summary or f"{result.intent} ({result.lang})",
        intent=result.intent,
        queue=queue,
        reason=result.evidence,
        urgency=URGENCY_BY_QUEUE.get(queue, result.urgency),
        due_at=due or reply_due(now, queue, clinic),
        lang=result.lang,
        emergency=result.emergency,
        is_upset=result.is_upset,
        answering=situation.awaiting,
        bot_said=tuple(reply.msgid for reply in replies),
    )


def _reply_language(result: Triage, situation: Situation) -> str:
    """Answer in the language the patient wrote in (triage gives bare codes like "C" the
    patient's stored language), else the stored one, else English."""
    for candidate in (result.lang, situation.language):
        if candidate in SUPPORTED_LANGUAGES:
            return candidate  # type: ignore[return-value]
    return "en"


def _bare_keyword(text: str) -> str:
    """The message as one casefolded word without punctuation, or "" if it is more than that."""
    folded = unicodedata.normalize("NFC", text).strip().casefold().strip(".!¡?¿ ")
    return folded if folded and " " not in folded else ""


def _evidence_phrase(result: Triage) -> str:
    for item in result.evidence:
        if "opt" in item:
            return item[:100]
    return "plain-language"


def _requested_language(text: str) -> str | None:
    folded = text.casefold()
    found = [
        (folded.find(name), code)
        for code, names in LANGUAGE_NAMES.items()
        for name in names
        if name in folded
    ]
    if not found:
        return None
    # "english please, I don't read spanish": the first language named is the one asked for.
    return min(found)[1]
