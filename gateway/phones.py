"""Phone numbers: E.164 normalisation with `phonenumbers`."""

from __future__ import annotations

import functools

import phonenumbers

DEFAULT_REGION = "US"


@functools.lru_cache(maxsize=4096)
def normalise_phone(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """E.164 for a dialable number, else None (short codes, alphanumeric senders, garbage).

    Remembered per process (pure, and the webhook parses the clinic's own number every time)."""
    if not raw or len(raw) > 40:
        return None
    try:
        parsed = phonenumbers.parse(raw.strip(), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_e164(number: str) -> bool:
    """True for a number we can text: already in canonical E.164 form."""
    return number.startswith("+") and normalise_phone(number) == number
