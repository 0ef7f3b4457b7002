"""Triage of one inbound patient message: emergency, consent, intent, tone, language, queue.

Pure and deterministic: standard library, lingua and rapidfuzz only; every table is compiled at
import, the lingua detector is built on first use. Word lists live in `flows.triage.lexicon`,
one module per language.

    >>> triage("C. also my chest is squeezing", awaiting=Awaiting.APPOINTMENT_REMINDER).emergency
    <Emergency.MEDICAL: 'medical'>
"""

from __future__ import annotations

from flows.triage.emergency import find_symptoms, screen_emergency, screen_text, strip_idioms
from flows.triage.intent import classify_intent, find_consent, find_upset, needs_person
from flows.triage.language import detect_language
from flows.triage.normalize import normalize as normalize_text
from flows.triage.routing import route, summarize, urgency_for
from flows.triage.scope import Scope
from flows.triage.second_opinion import raise_triage
from flows.triage.second_opinion import score as second_opinion_score
from flows.triage.translit import in_own_script
from flows.types import Awaiting, Channel, Intent, Triage

__all__ = ["detect_language", "screen_emergency", "triage"]

_MAX_CHARS = 5000
#: The off switch for the learned second opinion (`second_opinion.py`), for comparisons.
SECOND_OPINION = True


def triage(
    text: str,
    *,
    channel: Channel = Channel.SMS,
    awaiting: Awaiting | None = None,
    stored_lang: str | None = None,
    second_opinion: bool | None = None,
) -> Triage:
    """Understand one message: intent, queue, emergency, upset, language, consent, evidence.

    `second_opinion` (default `SECOND_OPINION`): let the learned model raise the rules' answer.
    """
    # Voicemail transcripts and texts share the rules; very long input is cut for speed only.
    del channel
    text = (text or "")[:_MAX_CHARS]
    lang = detect_language(text, stored_lang)
    text = in_own_script(text, lang)  # Russian typed in Latin letters: the Russian lists read it
    normalized = normalize_text(text)
    clean = strip_idioms(normalized.text)
    scope = Scope.of(clean)

    emergency, emergency_evidence = screen_text(clean, lang, scope)
    symptoms = find_symptoms(clean, lang, scope)
    consent = find_consent(normalized.text, normalized.tokens)
    upset_evidence = find_upset(text, clean)
    is_upset = bool(upset_evidence)

    intent, intent_evidence = classify_intent(
        clean,
        normalized.tokens,
        awaiting,
        consent=consent,
        is_upset=is_upset,
        has_clinical_signal=emergency is not None or bool(symptoms),
    )
    # Asking for a manager or filing a complaint is frustration with the service by definition.
    is_upset = is_upset or intent is Intent.COMPLAINT
    person = (
        needs_person(clean) if intent in (Intent.FORMS, Intent.PORTAL, Intent.TELEHEALTH) else None
    )
    queue, rule = route(
        intent,
        emergency=emergency,
        is_upset=is_upset,
        has_symptom=bool(symptoms),
        person_needed=person is not None,
    )
    evidence = (
        *emergency_evidence,
        *intent_evidence,
        *(f"symptom:{s}" for s in symptoms[:3]),
        *upset_evidence,
        *((f"needs a person:'{person}'",) if person else ()),
        *(
            (f"consent:{'opt_out' if consent.is_opt_out else 'opt_in'}:'{consent.keyword}'",)
            if consent.keyword
            else ()
        ),
        rule,
    )
    result = Triage(
        intent=intent,
        queue=queue,
        emergency=emergency,
        is_upset=is_upset,
        lang=lang,
        urgency=urgency_for(queue),
        evidence=tuple(evidence),
        summary=summarize(
            intent,
            lang=lang,
            emergency=emergency,
            is_upset=is_upset,
            has_symptom=bool(symptoms),
            is_opt_out=consent.is_opt_out,
        ),
        is_opt_out=consent.is_opt_out,
        is_opt_in=consent.is_opt_in,
    )
    if SECOND_OPINION if second_opinion is None else second_opinion:
        # It may only raise: an emergency the rules missed, or a nurse for a normal queue.
        result = raise_triage(result, second_opinion_score(normalized.text))
    return result
