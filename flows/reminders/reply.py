"""What a reply to a reminder is made of: a leading code, the rest of it, and what the rest asks.

Patients rarely answer a reminder with the bare code. They confirm and ask where to park, say
they cannot come and ask for Friday, answer R and complain about the hold music, or dispute the
no-show text. The flows read the reply's structure with these general rules (one word list per
language, never one sentence) and then do every part of it: the code is honoured and the rest
reaches the person who can answer it.

    >>> split_leading_confirm("c. also where do i park??")
    'also where do i park??'
    >>> asks_something("also where do i park??")
    True
    >>> wants_another_time("cant make it, ill call to set up another time")
    True
    >>> is_ambiguous_code("C and R"), is_ambiguous_code("C?")
    (True, True)

Pure: regular expressions over the text, nothing else.
"""

from __future__ import annotations

import re
import unicodedata

#: A confirm word at the very start of a reply, and the punctuation after it
#: ("c.", "Sí confirmo,", "Ok pero", "Yes!!", "👍 ..."). Words of the shipped languages.
_CONFIRM_LEAD = re.compile(
    r"^\s*(?:(?:hi|hello|hey|good morning|good afternoon|hola|buenas|buenos d[ií]as|buenas tardes)"
    r"[\s.,!;:]+)?"
    r"(?:(?:c|yes|yep|yeah|yup|ok|okay|okey|sure|confirm(?:ed|ing)?|"
    r"s[ií]|claro|confirmo|confirmado|confirmada|vale|"
    r"có|vâng|opo|oo|wi|sim|oui|да|네|是|好|確認|确认)(?=[\s.,!;:¡¿?-]|$)"
    r"|👍\S*)"
    r"(?:[\s.,!;:-]+(?:s[ií]|yes|confirmo|confirm|i confirm|lo confirmo|la confirmo)(?=[\s.,!;:]|$))*"
    r"[\s.,!;:-]*"
)

#: A question or a request in what follows the code: a question mark, or a question or request
#: opener. English and Spanish complete; the other shipped languages by their question marks
#: and a few openers.
_ASKS = re.compile(
    r"[?？¿]"
    r"|\b(?:where|how|what|when|which|who|why|whats|wheres|hows)\b"
    r"|\b(?:can|could|may|do|does|did|is|are|will|would|should|shall)\s+(?:i|we|you|u|my|the|it|"
    r"there|he|she|they|someone|somebody|anyone|dr|doctor)\b"
    r"|\b(?:i|we)\s+(?:need|want|wanted|would like|have a question|had a question)\b"
    r"|\b(?:please|pls|plz)\s+(?:send|call|tell|let|give|check|help)\b|\bquestion\b"
    r"|\b(?:d[oó]nde|c[oó]mo|cu[aá]l|cu[aá]les|cu[aá]nto|cu[aá]nta|cu[aá]ndo|qu[eé]|qui[eé]n|"
    r"por ?qu[eé])\b"
    r"|\b(?:puedo|podemos|pueden|podr[ií]a|podr[ií]an|tengo que|necesito|quer[ií]a|quiero|hay|"
    r"se puede|me pueden|me podr[ií]an|pregunta|preguntar)\b"
    r"|\b(?:posso|pode|preciso|onde|como)\b|\b(?:pwede|saan|paano)\b"
)

#: Wanting ANOTHER time, said alongside "I can't come": a reschedule, never a cancel.
_WEEKDAY = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|"
    r"fri|sat|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo"
)
_ANOTHER_TIME = re.compile(
    r"\b(?:another|other|different|new|later|next|better)\s+(?:time|day|date|appointment|appt|"
    r"slot|week|one)\b"
    r"|\b(?:set up|setup|schedule|book|make|find)\s+(?:a\s+|an\s+)?(?:new|another|other)\b"
    r"|\breschedul|\brebook|\bmove (?:it|my|the)\b|\bpush (?:it|to)\b|\binstead\b"
    r"|\b(?:do you have|have you got|any(?:thing)?\s+(?:on|available|open)|is there anything)\b"
    r"|\b(?:can|could) (?:we|i) (?:do|come|go|make it|try)\b"
    # A day offered, not the day they cannot make: "how about Friday", "Saturday?".
    rf"|\b(?:how about|what about|maybe|mejor|qu[eé] tal|y el|o el)\s+(?:el\s+)?(?:{_WEEKDAY})\b"
    rf"|\b(?:{_WEEKDAY})\s*[?？]"
    r"|\b(?:otro d[ií]a|otra (?:hora|fecha|cita|vez|d[ií]a)|otro horario|nueva cita|cambiar|cambio|"
    r"cambiarla|cambiarlo|reprogramar|reagendar|mover|pasar(?:la|lo)?)\b"
    r"|\b(?:tienen|tiene|hay)\s+(?:algo|espacio|cita|citas|lugar|disponible|el|la|los|las)\b"
    r"|\b(?:me pueden dar|me puede dar|me dan)\b|\bpuede ser\b|\bpara (?:el|la) (?:semana|pr[oó]xim)"
)

#: Two different reminder codes in one short reply ("C and R", "R or X idk"), or a lone code
#: asked as a question ("C?"): the patient has not decided, so they get the one clarification.
_CODE = r"(?:c|r|x|1|2|3)"
_CODES_JOINED = re.compile(
    rf"(?<![\w'])({_CODE})\s*(?:and|or|y|o|u|ou|et|/|&|,|\+)\s*({_CODE})(?![\w'])"
)
_LONE_CODE_QUESTION = re.compile(rf"^\s*{_CODE}\s*[?？]+\s*$")
_CODE_TOKEN = re.compile(rf"(?<![\w']){_CODE}(?![\w'])")

#: Frustration with the service that the general upset words miss in reminder replies.
_UPSET_EXTRA = re.compile(
    r"\b(?:nobody|no one|noone) (?:ever )?(?:listens|listened|calls? (?:me )?back|answers)\b"
    r"|\bfix your (?:system|scheduling)\b|\bget it together\b|\bnadie (?:me )?(?:escucha|hace caso)\b"
    r"|\bnunca me (?:llaman|llamaron|contestan|escuchan)\b|\barreglen su sistema\b"
)

#: A no-show text disputed: they were there, or they had cancelled. A person must look into it
#: (the patient may be charged a fee or flagged for a visit they kept).
_NO_SHOW_DISPUTE = re.compile(
    r"\bi (?:was|were|am) (?:there|here|in the (?:lobby|waiting room|office))\b|\bi did (?:come|show)\b"
    r"|\bi (?:did not|didnt|didn't) (?:miss|no.?show)\b|\bi (?:showed up|came in|checked in)\b"
    r"|\bi (?:already )?(?:called|texted|phoned) (?:\w+ ){0,3}(?:to )?cancel|\bi (?:already )?cancell?ed\b"
    r"|\bwhy (?:are|r) (?:you|u) (?:saying|telling)\b|\bi sat in the\b"
    r"|\bnobody called (?:my name|me in)\b"
    r"|\b(?:s[ií] )?(?:yo )?(?:estuve|fui|llegu[eé]) (?:ah[ií]|all[aá]|all[ií]|a tiempo)\b"
    r"|\bs[ií] (?:fui|vine|llegu[eé])\b|\b(?:ya |yo )?(?:cancel[eé]|hab[ií]a cancelado)\b"
    r"|\bllam[eé] (?:\w+ ){0,3}para cancelar\b|\bnunca me llamaron\b|\bno falt[eé]\b"
    r"|\bpor qu[eé] (?:me )?dicen\b"
)

#: Clinical content in a reply to a missed-call or no-show text that the general symptom words
#: miss: a medication question, or a recent ER, urgent-care or hospital stay with follow-up.
_CLINICAL_EXTRA = re.compile(
    r"\b(?:should|can|do) i (?:still |keep |stop )?(?:take|taking|stop|keep|use|give)\b"
    r"|\b(?:water pill|my (?:new )?(?:medication|medicine|meds|pills?|dose)|side effects?)\b"
    r"|\b(?:went to|was in|been in|got out of|out of|discharged from|admitted to) (?:the )?"
    r"(?:er|emergency room|urgent care|hospital|ed)\b|\b(?:they|dr|doctor) admitted me\b"
    r"|\b(?:fui|estuve|me llevaron|sal[ií] del?) (?:a |en |de )?(?:la |el )?"
    r"(?:urgencias|emergencias?|sala de emergencias|hospital|cl[ií]nica de urgencias)\b"
    r"|\bme (?:internaron|hospitalizaron|dieron de alta)\b"
    r"|\b(?:debo|puedo) (?:seguir )?(?:tomar|tomando|dejar de tomar|darle)\b"
    r"|\b(?:mi|mis) (?:medicina|medicinas|medicamento|medicamentos|pastillas?)\b"
)


def fold(text: str) -> str:
    """Casefolded and NFC, the form every pattern here reads."""
    return unicodedata.normalize("NFC", text).casefold()


def split_leading_confirm(text: str) -> str | None:
    """The rest of a reply that opens with a confirm word ("" for a bare one), else None."""
    folded = fold(text)
    found = _CONFIRM_LEAD.match(folded)
    if found is None:
        return None
    # Keep the patient's own casing (shouting is a sign of upset) when folding kept the length.
    rest = text if len(text) == len(folded) else folded
    return rest[found.end() :].strip()


def asks_something(text: str) -> bool:
    """Does this text ask a question or make a request someone must answer?"""
    return _ASKS.search(fold(text)) is not None


def wants_another_time(text: str) -> bool:
    """Does this text ask for another day or time (a reschedule, not a cancel)?"""
    return _ANOTHER_TIME.search(fold(text)) is not None


def is_ambiguous_code(text: str) -> bool:
    """Two different codes offered together, or a lone code asked as a question."""
    # "x favor" is Spanish texting for "por favor", not the cancel code.
    folded = re.sub(r"\bx\s+(?:favor|fa|fis)\b", "por favor", fold(text).strip())
    if _LONE_CODE_QUESTION.match(folded):
        return True
    joined = _CODES_JOINED.search(folded)
    if joined is not None and joined.group(1) != joined.group(2):
        return True
    # "R or X idk": different codes as the only words of a short reply.
    words = re.findall(r"[\w']+", folded)
    codes = {m.group() for m in _CODE_TOKEN.finditer(folded)}
    return len(words) <= 5 and len(codes & {"c", "r", "x"}) >= 2


def sounds_upset(text: str) -> bool:
    """Service frustration the general upset words may miss in a reminder reply."""
    return _UPSET_EXTRA.search(fold(text)) is not None


def disputes_no_show(text: str) -> bool:
    """Does this reply say the patient was there, or had cancelled?"""
    return _NO_SHOW_DISPUTE.search(fold(text)) is not None


def has_clinical_content(text: str) -> bool:
    """A medication question or a recent ER or hospital stay."""
    return _CLINICAL_EXTRA.search(fold(text)) is not None
