"""The typed shape of one language's triage word lists, so a clinic can review them as data.

Every pattern is a regular expression over *normalised* text: casefolded, accents stripped from
Latin letters (so write "manana", "nguc", "nao"), apostrophes removed ("cant", "hes"), repeated
letters collapsed and common SMS abbreviations expanded ("pls" -> "please", "appt" ->
"appointment"). Two placeholders are expanded when the rules are compiled:

- `{gap}`: up to three filler words that are not a negation ("chest{gap}pain" matches
  "chest really bad pain" but not "chest doesnt pain").
- `{w}`: one optional filler word.

The matching logic lives in `flows.triage.rules` and friends; these modules hold words only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.types import Intent


@dataclass(frozen=True)
class Rule:
    """A named pattern; every pattern in `also` must match somewhere in the same message too,
    and none of `unless` ("numb for months", "carpal tunnel": a chronic course, not a stroke)."""

    name: str
    pattern: str
    also: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class NetClass:
    """One safety-net class: a population of risk ("a means of suicide, near an intent"), not a
    sentence.

    It fires when one of `terms` matches (not denied, not said to be over) and, unless `cues` is
    empty, one of `cues` matches within `window` characters either side of it (a cue is skipped
    when denied, "dont want", and never is the term's own match). One pattern of `also` (when
    given) must match somewhere in the message, and none of `unless`. Classes of the same kind and name in several language modules are merged
    into one, so a Spanish term meets an English cue ("no se si voy a estar vivo, honestly").
    """

    #: "medical" (911 guidance) or "mental_health" (988 guidance).
    kind: str
    name: str
    terms: tuple[str, ...]
    cues: tuple[str, ...] = ()
    window: int = 120
    also: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vital:
    """A measured sign and its danger bands, read from the numbers after its label.

    `reading` captures one or more numbers ("(\\d{2,3})\\s*/\\s*(\\d{2,3})" for a blood pressure);
    `danger` lists (group, low, high) bands: the sign fires when captured group `group` (1-based)
    lies in [low, high]. With `cues`, one of them must also match within `window` characters.
    """

    name: str
    label: str
    reading: str
    danger: tuple[tuple[int, float, float], ...]
    cues: tuple[str, ...] = ()
    window: int = 160


@dataclass(frozen=True)
class IntentRules:
    """Patterns for one intent: `strong` ones state the request, `weak` ones only hint at it."""

    intent: Intent
    strong: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Everything triage knows about one language."""

    lang: str
    #: Words typical of the language (normalised), used by language detection.
    markers: frozenset[str] = frozenset()
    #: Markers that on their own (one is enough) identify the language.
    strong_markers: frozenset[str] = frozenset()
    #: For a language with a script of its own: its words as people type them in Latin letters
    #: (Russian in translit, Arabizi, pinyin), with weights (2: unmistakable, 1: typical).
    romanized_markers: dict[str, int] = field(default_factory=dict)
    emergency_medical: tuple[Rule, ...] = ()
    emergency_mental_health: tuple[Rule, ...] = ()
    #: Figures of speech removed before the emergency and symptom screens ("dying to know").
    idioms: tuple[str, ...] = ()
    #: Names of clinics, programs and drugs that hold an emergency word but are no event ("stroke
    #: clinic", "suicide prevention group"): blanked like idioms.
    mentions: tuple[str, ...] = ()
    #: The safety net: vocabulary classes joined with intent, capability or severity cues,
    #: catching phrasings the named emergency rules do not list.
    safety_net: tuple[NetClass, ...] = ()
    #: Vital signs with danger bands (blood pressure, oxygen, glucose, temperature).
    vitals: tuple[Vital, ...] = ()
    #: Cues that deny what follows them ("no", "sin", "denies").
    negations: tuple[str, ...] = ()
    #: Cues that a mentioned event is over ("doing great now", "cleared me", "last year"): they
    #: silence both the emergency screen and the symptom check.
    resolved: tuple[str, ...] = ()
    #: Cues that an event was handled ("stable now", "ER sent him home"): they silence only the
    #: emergency screen; the symptom still goes to the clinical queue.
    settled: tuple[str, ...] = ()
    #: Cues that a mentioned event is still going on; they cancel a resolved cue in the clause.
    ongoing: tuple[str, ...] = ()
    #: Symptoms and medication problems (queue rule 2), not emergencies by themselves.
    symptoms: tuple[Rule, ...] = ()
    #: Questions only a clinician answers ("should I stop taking it", "is that normal").
    clinical_questions: tuple[str, ...] = ()
    opt_out: tuple[str, ...] = ()
    opt_in: tuple[str, ...] = ()
    intents: tuple[IntentRules, ...] = ()
    #: A question about one's own visit: when, whether it still stands, where ("is my appointment
    #: still on", "a que hora es mi cita", "明天的预约是几点"). Beats a booking word ("cita").
    appointment_status: tuple[str, ...] = ()
    #: Whether a visit needs booking at all ("do you do walk-ins", "需要预约吗"): clinic
    #: information for the front desk, not a booking.
    walk_in: tuple[str, ...] = ()
    #: An explicit request for a manager or a formal complaint: complaint beats any other request.
    wants_manager: tuple[str, ...] = ()
    #: Words that tie a reply to the automated message it answers (Awaiting value -> pattern).
    context_cues: tuple[tuple[str, str], ...] = ()
    #: Signs of frustration with the clinic's service.
    upset: tuple[str, ...] = ()
    #: For forms, portal and telehealth: signs that a person must act (error, locked, no code).
    needs_person: tuple[str, ...] = ()
    #: A leading reply to an appointment reminder that means yes ("si", "dale").
    confirm_words: frozenset[str] = frozenset()
    #: A reply to a form reminder that means done ("listo").
    done_words: frozenset[str] = frozenset()
    #: Words for fuzzy correction of typos ("chst" -> "chest"): emergency vocabulary.
    fuzzy_terms: tuple[str, ...] = ()
    #: Everyday words that must never be "corrected" to a fuzzy term ("chess", "threat").
    protected_words: frozenset[str] = frozenset()
    #: SMS abbreviations, token -> expansion ("pls" -> "please").
    abbreviations: tuple[tuple[str, str], ...] = field(default_factory=tuple)
