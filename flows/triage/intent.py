"""The patient's main need (intent), opt-out/opt-in, and tone (upset), from the lexicon tables.

Order of decision, first match wins:

1. consent: a revocation ("STOP", "stop texting me", "no más mensajes") or a re-subscription;
2. a leading reply code answering the last automated message ("C", "X", "R", "si", "DONE");
3. an explicit request for a manager or a complaint;
4. the earliest *strong* request in the text (refill, results, billing, scheduling, ...), where a
   clinical question ("should I stop taking it?") beats a refill, and a form reminder's own
   subject beats insurance/billing/records mentioned as attachments;
   a question about one's own visit ("is it still on", "what time") beats a booking word;
5. the subject of the message being answered (telehealth link, form);
6. upset with nothing else asked -> complaint;
7. an emergency, a symptom or a clinical question -> clinical;
8. the earliest *weak* hint (a visit type, "portal", "video", "form");
9. a confirmation phrase, then thanks/acknowledgement, then other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.triage import rules
from flows.types import Awaiting, Intent

#: Whole-message keywords carriers treat as opt-out (CTIA), plus common variants.
OPT_OUT_KEYWORDS = frozenset(
    {
        "stop",
        "stopall",
        "stop all",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "revoke",
        "optout",
        "opt out",
        "stop please",
        "please stop",
        "stop now",
        "stop it",
        "unsub",
        "remove",
        "remove me",
        "baja",
        "alto",
        "parar",
        "basta",
        "stop texting",
        "stop messaging",
    }
)
OPT_IN_KEYWORDS = frozenset(
    {"start", "unstop", "subscribe", "resubscribe", "opt in", "optin", "start please"}
)
_CAPS_IGNORED = frozenset(
    {
        "STOP",
        "START",
        "HELP",
        "DONE",
        "LISTO",
        "BAJA",
        "UNSTOP",
        "COVID",
        "HIPAA",
        "ASAP",
        "URGENT",
        "CVS",
        "MRI",
        "EKG",
        "HSA",
        "FSA",
        "DOT",
        "UTI",
        "CPAP",
        "PCP",
        "OBGYN",
        "HIV",
        "STD",
        "RSVP",
        "ADHD",
        "COPD",
        "CHF",
        "WIC",
        "SNAP",
        "PPO",
        "HMO",
        "BCBS",
    }
)
_CAPS_WORD = re.compile(r"\b[A-Z]{4,}\b")
#: A negation right before an opt-out phrase keeps the texts coming ("please don't stop the
#: reminders"); phrases that start with their own negation ("don't text me") are not affected.
_NEGATED_BEFORE = re.compile(
    r"\b(?:dont|do not|never|not|no need to|please dont|pls dont|wont|didnt|did not|doesnt)\s+"
    r"(?:please\s+|ever\s+)?$"
)
_DOUBLED = re.compile(r"(\w)\1+")
_EMOJI_ACK = frozenset({"👍", "🙏", "❤", "❤️", "😊", "🙂", "👌", "✅", "😀", "😁", "🤝", "👏"})
_SHORT_THANKS = 8
_LONG_THANKS = 20
_CODES = {"c": Intent.CONFIRM, "x": Intent.CANCEL, "r": Intent.RESCHEDULE}
_KEYWORD_TRAIL = frozenset(
    {"please", "thanks", "thank", "you", "thx", "ty", "again", "now", "back", "already", "asap"}
)
_COURTESY = frozenset(
    {"please", "thanks", "thank", "you", "thx", "ty", "porfa", "gracias", "favor", "por"}
)
_WEAK_TO_CONTEXT = {
    Awaiting.TELEHEALTH_PREP: Intent.TELEHEALTH,
    Awaiting.FORM_REMINDER: Intent.FORMS,
}
#: In a form reminder's thread these are attachments to the form, not requests of their own.
_FORM_ATTACHMENTS = (
    Intent.INSURANCE,
    Intent.BILLING,
    Intent.RECORDS,
    Intent.TEST_RESULTS,
    Intent.PORTAL,
)


_ALSO = re.compile(
    r"\b(?:also|and also|btw|by the way|plus|oh and|one more thing|another thing|separately)\b"
)
_ACTIONABLE = (
    Intent.REFILL,
    Intent.BILLING,
    Intent.INSURANCE,
    Intent.RECORDS,
    Intent.REFERRAL,
    Intent.TEST_RESULTS,
    Intent.SCHEDULE,
    Intent.RESCHEDULE,
    Intent.CANCEL,
)
#: Requests that, after a confirmation code, are the message's need (not another visit change).
_AFTER_CONFIRM = (
    Intent.REFILL,
    Intent.RECORDS,
    Intent.INSURANCE,
    Intent.BILLING,
    Intent.PORTAL,
    Intent.LANGUAGE,
    Intent.REFERRAL,
    Intent.TEST_RESULTS,
)
#: Upset about a login or a video link is still a portal or telehealth need; upset about
#: paperwork nobody called back about is a complaint.
_TECHNICAL = (Intent.PORTAL, Intent.TELEHEALTH)


def _says_done(text: str) -> bool:
    """A done word anywhere in a reply to a form reminder ("ya lo llene", "填好了")."""
    for phrase in rules.DONE_WORDS:
        if not phrase.isascii() or not phrase[0].isalnum():
            if phrase in text:
                return True
        elif re.search(r"\b" + re.escape(phrase) + r"\b", text):
            return True
    return False


@dataclass(frozen=True)
class Consent:
    """Opt-out / opt-in found in a message, with the matched keyword or phrase."""

    is_opt_out: bool
    is_opt_in: bool
    keyword: str = ""


def words_of(tokens: tuple[str, ...]) -> list[str]:
    """The word tokens (letters or digits) of a normalised message."""
    return [t for t in tokens if t[0].isalnum()]


def find_consent(text: str, tokens: tuple[str, ...]) -> Consent:
    """Detect a revocation of consent to texts, or a request to resume them."""
    words = words_of(tokens)
    # "start again pls", "STOP now thanks": a keyword with courtesy words around it.
    while len(words) > 1 and words[-1] in _KEYWORD_TRAIL:
        words = words[:-1]
    joined = " ".join(words)
    if joined in OPT_OUT_KEYWORDS:
        return Consent(True, False, joined)
    if joined in OPT_IN_KEYWORDS:
        return Consent(False, True, joined)
    if rules.OPT_IN is not None and (m := rules.OPT_IN.search(text)):
        return Consent(False, True, m.group().strip())
    offset = 0
    while rules.OPT_OUT is not None and (m := rules.OPT_OUT.search(text[offset:])):
        start = offset + m.start()
        if not _NEGATED_BEFORE.search(text[max(0, start - 20) : start]):
            return Consent(True, False, m.group().strip())
        offset = offset + max(m.end(), m.start() + 1)
    return Consent(False, False)


def find_upset(raw: str, text: str) -> tuple[str, ...]:
    """Signs that the patient is frustrated with the clinic's service."""
    evidence = []
    if rules.UPSET is not None and (m := rules.UPSET.search(text)):
        evidence.append(f"upset:'{m.group().strip()}'")
    shouting = [w for w in _CAPS_WORD.findall(raw) if w not in _CAPS_IGNORED]
    if len(shouting) >= 2:
        evidence.append(f"upset:capitals '{' '.join(shouting[:3])}'")
    return tuple(evidence)


def _earliest(table, text: str) -> tuple[Intent, str, int] | None:
    best: tuple[Intent, str, int] | None = None
    for entry in table:
        m = entry.regex.search(text)
        if m is not None and (best is None or m.start() < best[2]):
            best = (entry.intent, m.group().strip(), m.start())
    return best


def _matches(table, text: str, intent: Intent) -> str | None:
    for entry in table:
        if entry.intent is intent and (m := entry.regex.search(text)):
            return m.group().strip()
    return None


def _ev(intent: Intent, why: str) -> tuple[str, ...]:
    return (f"intent:{intent.value}:{why}",)


def _leading_reply(
    words: list[str], tokens: tuple[str, ...], text: str, awaiting: Awaiting | None
) -> tuple[Intent, str, bool] | None:
    """A reply code at the start of the message: (intent, code, is_explicit_code)."""
    first = tokens[0] if tokens else ""
    # "yess", "sii", "okk": a stretched reply word is still the word.
    if first and first not in rules.CONFIRM_WORDS and first not in _CODES:
        squeezed = _DOUBLED.sub(r"\1", first)
        if squeezed in rules.CONFIRM_WORDS:
            first = squeezed
    if awaiting is Awaiting.APPOINTMENT_REMINDER:
        if first in _CODES:
            return _CODES[first], first, True
        if first in rules.CONFIRM_WORDS or first in _EMOJI_ACK:
            return Intent.CONFIRM, first, False
        # "thanks for the reminder! C": the code closes the message, after its own punctuation,
        # perhaps with a courtesy word after it ("work changed my shift. R please").
        tail = list(tokens)
        while len(tail) > 2 and tail[-1] in _COURTESY or (tail and not tail[-1][0].isalnum()):
            tail.pop()
        if len(tail) >= 2 and tail[-1] in _CODES and not tail[-2][0].isalnum():
            return _CODES[tail[-1]], tail[-1], False
    elif awaiting is Awaiting.FORM_REMINDER:
        if first in rules.DONE_WORDS or any(text.startswith(p) for p in rules.DONE_WORDS):
            return Intent.FORMS, first, True
    elif len(words) == 1 and words[0] in _CODES and len(tokens) <= 3:
        return _CODES[words[0]], words[0], True
    return None


#: What a text sent to the wrong person is about (a visit, a result, a form): the wrong number
#: outranks it. A patient who sent their own card "to the wrong number" still asks about it.
_WRONG_NUMBER_SUBJECTS = (
    Intent.SCHEDULE,
    Intent.RESCHEDULE,
    Intent.CANCEL,
    Intent.CONFIRM,
    Intent.TEST_RESULTS,
    Intent.FORMS,
    Intent.HELP,
)
#: "I'll call to rebook", "will reschedule later", "luego llamo para": the patient's own plan.
_OWN_LATER_PLAN = re.compile(
    r"\b(?:will|ill|i will|going to|gonna|later|luego|despues|then)\b[^.!?]{0,16}$|\b(?:call|llamo|llamar)\w* (?:back )?(?:to|para) $"
)

#: "Why" in the languages triage reads, to tell "why am I getting this" from "who is this".
_WHY = re.compile(
    r"\b(?:why|por ?que|tai sao|vi sao|sao|bakit|poukisa|pourquoi)\b|为什么|為什麼|为啥|為啥|왜|почему|ليش|لماذا|ليه"
)

#: The portal itself failing ("error", "wont load"), not a result still pending.
_PORTAL_FAILS = re.compile(
    r"\b(?:error\w*|crash\w*|wont (?:load|open|let)|doesnt (?:work|load|open)|not (?:working|loading)|"
    r"locked|no (?:carga|abre|me deja|funciona)|bloquead\w*|falla\w*|se traba)\b"
)


def classify_intent(
    text: str,
    tokens: tuple[str, ...],
    awaiting: Awaiting | None,
    *,
    consent: Consent,
    is_upset: bool,
    has_clinical_signal: bool,
) -> tuple[Intent, tuple[str, ...]]:
    """Decide the main intent of a normalised, idiom-free message, with its evidence."""
    if consent.is_opt_out:
        return Intent.OPT_OUT, _ev(Intent.OPT_OUT, repr(consent.keyword))
    if consent.is_opt_in:
        return Intent.OPT_IN, _ev(Intent.OPT_IN, repr(consent.keyword))

    words = words_of(tokens)
    leading = _leading_reply(words, tokens, text, awaiting)
    if leading is not None and leading[2]:
        # "done ✔️ also update my pharmacy": a form's status, then a request of its own.
        if leading[0] is Intent.FORMS and (also := _ALSO.search(text)) is not None:
            later = _earliest(rules.STRONG_INTENTS, text[also.end() :])
            if later is not None and later[0] in _ACTIONABLE:
                return later[0], _ev(later[0], f"after the reply code: {later[1]!r}")
        # "C. and can you send my eye drops refill", "confirmo. tambien necesito la carta de
        # vacunas": the visit is confirmed, the request after it is the need.
        if leading[0] is Intent.CONFIRM:
            later = _earliest(rules.STRONG_INTENTS, text[len(leading[1]) :])
            if later is not None and later[0] in _AFTER_CONFIRM:
                return later[0], _ev(later[0], f"after the reply code: {later[1]!r}")
        return leading[0], _ev(leading[0], f"reply code '{leading[1]}'")

    if rules.WANTS_MANAGER is not None and (m := rules.WANTS_MANAGER.search(text)):
        return Intent.COMPLAINT, _ev(Intent.COMPLAINT, repr(m.group().strip()))

    strong = _earliest(rules.STRONG_INTENTS, text)
    clinical_q = rules.CLINICAL_QUESTIONS.search(text) if rules.CLINICAL_QUESTIONS else None
    context_cue = None
    if awaiting is not None and awaiting.value in rules.CONTEXT_CUES:
        context_cue = rules.CONTEXT_CUES[awaiting.value].search(text)

    # "is my appointment tomorrow still on, and what time?": a question about a visit already
    # booked, not a booking ("cita", "预约", "موعد" alone would read as schedule). A visit change
    # asked for (reschedule, cancel) or a symptom with a clinical question still decides.
    # A video visit's time is the telehealth flow's to answer, with its link.
    if (
        rules.APPOINTMENT_STATUS is not None
        and (strong is None or strong[0] is Intent.SCHEDULE)
        and awaiting is not Awaiting.TELEHEALTH_PREP
        and _matches(rules.WEAK_INTENTS, text, Intent.TELEHEALTH) is None
        and not (has_clinical_signal and clinical_q is not None)
        and (status := rules.APPOINTMENT_STATUS.search(text)) is not None
    ):
        return Intent.APPOINTMENT_STATUS, _ev(
            Intent.APPOINTMENT_STATUS, repr(status.group().strip())
        )

    # "do y'all do walk in flu shots on saturdays?", "打疫苗需要预约吗？还是直接过去就行": whether
    # booking is needed at all is clinic information, not a booking.
    if (
        strong is not None
        and strong[0] is Intent.SCHEDULE
        and not has_clinical_signal
        and (walk_in := rules.WALK_IN.search(text)) is not None
    ):
        # "can I drop the DMV form off or do I need an appointment": the thing named decides.
        weak = _earliest(rules.WEAK_INTENTS, text)
        if weak is not None and weak[0] is not Intent.SCHEDULE:
            return weak[0], _ev(weak[0], f"{weak[1]!r}, asking if a visit is needed")
        return Intent.OTHER, _ev(Intent.OTHER, f"walk-in question {walk_in.group().strip()!r}")
    # "jajaja me muero de risa ... si confirmo", "ㅋㅋㅋ 농담이구요 예약 확인합니다": in reply to a
    # visit reminder, a confirmation that names the visit confirms it; it books nothing.
    if (
        awaiting is Awaiting.APPOINTMENT_REMINDER
        and (strong is None or strong[0] is Intent.SCHEDULE)
        and clinical_q is None
        and (confirm := rules.CONFIRM_PHRASES.search(text)) is not None
        # "si confirmo. y mi mamá también ocupa cita": a booking asked after it is its own need.
        and _earliest(rules.STRONG_INTENTS, text[confirm.end() :]) is None
    ):
        return Intent.CONFIRM, _ev(
            Intent.CONFIRM, f"reply to the reminder {confirm.group().strip()!r}"
        )

    if strong is not None:
        intent, found, _ = strong
        # "got a text about an appointment for Ernesto, nobody by that name here, wrong number":
        # a wrong number names the visit or result it got; the wrong number is the need.
        if intent in _WRONG_NUMBER_SUBJECTS and (
            wrong := _matches(rules.STRONG_INTENTS, text, Intent.WRONG_NUMBER)
        ):
            intent, found = Intent.WRONG_NUMBER, wrong
        # "insurance says the referral expired, can you make a new one": the referral is the need;
        # "the insurer asked for my records": the records are.
        if intent is Intent.INSURANCE:
            for need in (Intent.REFERRAL, Intent.RECORDS):
                if (named := _matches(rules.STRONG_INTENTS, text, need)) is not None:
                    intent, found = need, named
                    break
        # "저 감기 걸려서 예약 다음 주로 바꿀 수 있을까요", "موعدي بدي الغيه": many languages name the
        # visit ("예약", "cita", "موعد") before the verb; a change or cancel of it is the need.
        if intent is Intent.SCHEDULE:
            rest = text[strong[2] + len(strong[1]) :]
            later = _earliest(rules.STRONG_INTENTS, rest)
            if later is not None and later[0] in (Intent.RESCHEDULE, Intent.CANCEL):
                intent, found = later[0], later[1]
        # "no voy a poder ir el martes, me lo pueden cambiar para el jueves?": a visit missed and
        # another time asked for is a reschedule; "cancel it, I'll call to rebook" is the
        # patient's own later plan, still a cancel.
        if intent is Intent.CANCEL:
            rest = text[strong[2] + len(strong[1]) :]
            later = _earliest(rules.STRONG_INTENTS, rest)
            if (
                later is not None
                and later[0] is Intent.RESCHEDULE
                and not _OWN_LATER_PLAN.search(rest[max(0, later[2] - 24) : later[2]])
            ):
                intent, found = Intent.RESCHEDULE, later[1]
        # "my video visit is at 4 and the link isn't in the text": in a video reminder's thread,
        # the visit named is the video visit.
        if (
            intent is Intent.SCHEDULE
            and awaiting is Awaiting.TELEHEALTH_PREP
            and (video := _matches(rules.WEAK_INTENTS, text, Intent.TELEHEALTH) or context_cue)
        ):
            hint = video if isinstance(video, str) else video.group()
            return Intent.TELEHEALTH, _ev(Intent.TELEHEALTH, f"reply to telehealth_prep {hint!r}")
        # "portal says my potassium is 5.3 with an H next to it": the result read there is the
        # need, unless the portal itself fails ("error when I open my results").
        if (
            intent is Intent.PORTAL
            and needs_person(text) is None
            and (res := _matches(rules.STRONG_INTENTS, text, Intent.TEST_RESULTS))
        ):
            intent, found = Intent.TEST_RESULTS, res
        # "the portal gives an error when I open my results": the portal is what needs a person.
        elif (
            intent is Intent.TEST_RESULTS
            and (portal := _matches(rules.WEAK_INTENTS, text, Intent.PORTAL))
            and _PORTAL_FAILS.search(text)
        ):
            intent, found = Intent.PORTAL, portal
        if awaiting is Awaiting.FORM_REMINDER and intent in _FORM_ATTACHMENTS and context_cue:
            return Intent.FORMS, _ev(Intent.FORMS, f"form reminder reply '{context_cue.group()}'")
        # A clinical question outranks a refill, and a test or visit asked for beside symptoms
        # ("sore throat and fever, can dr call something in or do i need a strep test").
        if clinical_q is not None and (
            intent is Intent.REFILL or (intent is Intent.SCHEDULE and has_clinical_signal)
        ):
            return Intent.CLINICAL, _ev(Intent.CLINICAL, f"question '{clinical_q.group().strip()}'")
        # "I filled this out last week, why am I still getting this??": in a form or video
        # reminder's thread, asking why it keeps coming is about that reminder's subject.
        if intent is Intent.HELP and awaiting in _WEAK_TO_CONTEXT and _WHY.search(found):
            wanted = _WEAK_TO_CONTEXT[awaiting]
            return wanted, _ev(wanted, f"reply to {awaiting.value}: {found!r}")
        # "why am I getting a reminder for a visit I cancelled?? get it together": a complaint.
        if intent is Intent.HELP and is_upset:
            return Intent.COMPLAINT, _ev(Intent.COMPLAINT, f"upset {found!r}")
        return intent, _ev(intent, repr(found))
    if leading is not None:
        return leading[0], _ev(leading[0], f"reply '{leading[1]}'")

    # "表格已经填好了，谢谢": the form is done, whatever courtesy follows.
    if awaiting is Awaiting.FORM_REMINDER and _says_done(text):
        return Intent.FORMS, _ev(Intent.FORMS, "form reminder reply: done")

    # A symptom with a clinical question outranks the subject of the reminder being answered
    # ("the cough is worse, still ok to do video or should I come in?").
    if has_clinical_signal and clinical_q is not None:
        return Intent.CLINICAL, _ev(Intent.CLINICAL, f"question '{clinical_q.group().strip()}'")

    thanks = rules.THANKS_PHRASES.search(text) if rules.THANKS_PHRASES is not None else None
    # "thanks, see you on the video!" answers the reminder without asking anything.
    if thanks is not None and len(words) <= _SHORT_THANKS and "?" not in text:
        return Intent.THANKS, _ev(Intent.THANKS, repr(thanks.group().strip()))

    # "before the video visit, should I take my bp meds like normal?": a question only a
    # clinician answers outranks the link or form the reminder was about.
    if clinical_q is not None and awaiting in _WEAK_TO_CONTEXT:
        return Intent.CLINICAL, _ev(Intent.CLINICAL, f"question '{clinical_q.group().strip()}'")

    if awaiting in _WEAK_TO_CONTEXT:
        wanted = _WEAK_TO_CONTEXT[awaiting]
        hint = _matches(rules.WEAK_INTENTS, text, wanted)
        if hint is None and context_cue is not None:
            hint = context_cue.group()
        # "I press send and get a red error": a failure in reply to a link is about that link.
        if hint is None:
            hint = needs_person(text)
        if hint is not None:
            return wanted, _ev(wanted, f"reply to {awaiting.value} '{hint}'")

    if is_upset:
        # Upset about a thing named ("locked out of the portal for 2 WEEKS"): the thing is the need.
        weak = _earliest(rules.WEAK_INTENTS, text)
        if weak is not None and weak[0] in _TECHNICAL:
            return weak[0], _ev(weak[0], f"{weak[1]!r}, upset")
        return Intent.COMPLAINT, _ev(Intent.COMPLAINT, "upset with no other request")
    if has_clinical_signal or clinical_q is not None:
        return Intent.CLINICAL, _ev(Intent.CLINICAL, "symptom or clinical question")

    weak = _earliest(rules.WEAK_INTENTS, text)
    if weak is not None:
        # "how do I see my appointments in the portal": the portal named is the subject.
        if weak[0] not in _TECHNICAL:
            for technical in _TECHNICAL:
                if (hint := _matches(rules.WEAK_INTENTS, text, technical)) is not None:
                    return technical, _ev(technical, repr(hint))
        return weak[0], _ev(weak[0], repr(weak[1]))

    if rules.CONFIRM_PHRASES is not None and (m := rules.CONFIRM_PHRASES.search(text)):
        return Intent.CONFIRM, _ev(Intent.CONFIRM, repr(m.group().strip()))
    # A voicemail that ends "thank you" is not a thank-you note.
    if thanks is not None and len(words) <= _LONG_THANKS:
        return Intent.THANKS, _ev(Intent.THANKS, repr(thanks.group().strip()))
    if tokens and all(t in _EMOJI_ACK or not t[0].isalnum() for t in tokens):
        if any(t in _EMOJI_ACK for t in tokens):
            return Intent.THANKS, _ev(Intent.THANKS, "emoji")
    return Intent.OTHER, _ev(Intent.OTHER, "no rule matched")


def needs_person(text: str) -> str | None:
    """For forms, portal and telehealth: what shows that a person must act, if anything."""
    if rules.NEEDS_PERSON is not None and (m := rules.NEEDS_PERSON.search(text)):
        return m.group().strip()
    return None
