"""How many SMS segments a text costs, and in which encoding it travels.

This is the reference count for the project (templates, golden files, the outbox): keep it exact.

The rules, from GSM 03.38 and 3GPP TS 23.040 as carriers and Twilio apply them:

- A text travels as **GSM-7** when every character is in the GSM 03.38 basic set (1 septet) or
  its extension table (`^ { } \\ [ ~ ] | €` and form feed: an escape plus the character, so
  2 septets). One character outside both tables (a curly quote, an emoji, `á`, any CJK, Cyrillic
  or Arabic letter) sends the **whole** text as **UCS-2**.
- GSM-7: up to 160 septets is one segment; longer texts are split into parts of at most 153
  septets (the user-data header takes the rest). An escape pair is never split across parts.
- UCS-2: up to 70 UTF-16 code units is one segment; longer texts are split into parts of at most
  67 code units. A character outside the Basic Multilingual Plane (most emoji) is two code units,
  and a surrogate pair is never split across parts.

National language shift tables (Turkish, Spanish, Portuguese, ...) are not used: US carriers do
not support them, so we never count on them. An empty text is 0 segments (nothing is sent).
Counting is what we send: Twilio's optional "smart encoding" could only make a text cheaper.
"""

from __future__ import annotations

from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

#: GSM 03.38 default alphabet, one septet each (the escape 0x1B itself is not text).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: GSM 03.38 extension table: an escape septet plus the character, two septets each.
GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")

GSM7_SINGLE = 160
GSM7_PART = 153
UCS2_SINGLE = 70
UCS2_PART = 67


def encoding(text: str) -> Encoding:
    """The encoding a text travels in: GSM-7 if every character is in the GSM tables."""
    for char in text:
        if char not in GSM7_BASIC and char not in GSM7_EXTENSION:
            return "UCS-2"
    return "GSM-7"


def _units(text: str, enc: Encoding) -> list[int]:
    """The size of each character in septets (GSM-7) or UTF-16 code units (UCS-2)."""
    if enc == "GSM-7":
        return [2 if char in GSM7_EXTENSION else 1 for char in text]
    return [2 if ord(char) > 0xFFFF else 1 for char in text]


def count_segments(text: str) -> int:
    """The number of SMS segments a text is billed as (0 for an empty text)."""
    if not text:
        return 0
    enc = encoding(text)
    single, part = (GSM7_SINGLE, GSM7_PART) if enc == "GSM-7" else (UCS2_SINGLE, UCS2_PART)
    units = _units(text, enc)
    if sum(units) <= single:
        return 1
    # Pack character by character: an escape pair or a surrogate pair moves whole to the next
    # part, so a part can hold one unit less than the limit and the count can exceed ceil(n/153).
    parts, used = 1, 0
    for size in units:
        if used + size > part:
            parts += 1
            used = 0
        used += size
    return parts


def describe(text: str) -> str:
    """A short summary for reports and golden files: `GSM-7, 1 segment, 142 chars`."""
    enc = encoding(text)
    n = count_segments(text)
    return f"{enc}, {n} segment{'s' if n != 1 else ''}, {len(text)} chars"
