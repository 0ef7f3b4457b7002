"""Approved quick replies, per language: a staff member picks one, edits it, sends it.

They follow the minimum-necessary rule of every text (no diagnosis, result, medication or visit
reason) and name the clinic. `{clinic}` and `{phone}` are filled in before the form is shown;
the person can still change every word before sending, so these are drafts, not templates
sent blind (which is why they live here and not in the patients' message catalogs).
"""

from __future__ import annotations

from typing import Any

QUICK_REPLIES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (
            "Calling you",
            "{clinic}: this is the clinic. A staff member will call you shortly from {phone}.",
        ),
        (
            "Please call us",
            "{clinic}: we got your message. Please call us at {phone} so we can help.",
        ),
        (
            "Call 911",
            "{clinic}: if this is an emergency, call 911 now or go to the nearest emergency room.",
        ),
        ("Done", "{clinic}: we took care of your request. Reply here if you need anything else."),
        (
            "Refill sent",
            "{clinic}: your request was sent to your pharmacy. Please allow 1-2 business days.",
        ),
    ),
    "es": (
        (
            "Le llamamos",
            "{clinic}: le habla la clínica. Alguien del personal le llamará pronto desde el {phone}.",
        ),
        ("Llámenos", "{clinic}: recibimos su mensaje. Llámenos al {phone} para ayudarle."),
        (
            "Llame al 911",
            "{clinic}: si es una emergencia, llame al 911 ahora o vaya a la sala de emergencias más cercana.",
        ),
        ("Listo", "{clinic}: atendimos su solicitud. Responda aquí si necesita algo más."),
        (
            "Receta enviada",
            "{clinic}: su solicitud se envió a su farmacia. Espere de 1 a 2 días hábiles.",
        ),
    ),
}


def quick_replies(lang: str | None, *, clinic: Any) -> list[tuple[str, str]]:
    """The approved replies in the patient's language (English where none are approved yet)."""
    table = QUICK_REPLIES.get(lang or "en") or QUICK_REPLIES["en"]
    return [(label, text.format(clinic=clinic.name, phone=clinic.phone)) for label, text in table]
