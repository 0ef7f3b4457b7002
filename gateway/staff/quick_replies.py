"""Approved quick replies: a staff member picks one, edits it, sends it.

They follow the minimum-necessary rule of every text (no diagnosis, result, medication or visit
reason) and name the clinic. The patient-facing words are catalog texts (`flows.messages`
QUICK_*, translated in `locales/`), rendered in the patient's language with the clinic's name
and phone before the form is shown; a language without a translation gets the English text, as
every other message does. The person can still change every word before sending. The button
labels are for staff and stay English, like the rest of the staff pages.
"""

from __future__ import annotations

from typing import Any

from flows import messages
from gateway.clinic import clinic_info
from gateway.i18n import render_text

#: (the staff button's label, the catalog text), in the order the buttons appear.
QUICK_REPLIES: tuple[tuple[str, str], ...] = (
    ("Calling you", messages.QUICK_CALLING_YOU),
    ("Please call us", messages.QUICK_PLEASE_CALL),
    ("Call 911", messages.QUICK_CALL_911),
    ("Done", messages.QUICK_DONE),
    ("Refill sent", messages.QUICK_REFILL_SENT),
)


def quick_replies(lang: str | None, *, clinic: Any) -> list[tuple[str, str]]:
    """The approved replies rendered in the patient's language (English where not translated)."""
    info = clinic_info(clinic)
    return [
        (label, render_text(msgid, lang=lang or "en", clinic=info))
        for label, msgid in QUICK_REPLIES
    ]
