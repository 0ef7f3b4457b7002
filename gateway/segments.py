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
Counting is what we send. Where a Messaging Service with **Smart Encoding** sends, Twilio first
replaces look-alike Unicode characters (curly quotes, dashes, non-breaking and odd spaces, the
ellipsis, ...) with GSM-7 ones; `count_segments(text, smart_encoding=True)` counts the text after
those substitutions (`smart_encode`), which is what the patient's carrier bills.
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


#: Twilio Smart Encoding: Unicode look-alikes -> GSM-7. Only substitutions from Twilio's
#: published table that clinic templates and staff keyboards produce are listed; a character left
#: out counts as UCS-2, so the count can only err towards more segments, never fewer.
SMART_ENCODING: dict[str, str] = {
    **dict.fromkeys(
        "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u02ba\u02ee\u275d\u275e\u301d\u301e", '"'
    ),
    **dict.fromkeys(
        "\u2018\u2019\u201a\u201b\u2032\u02bb\u02bc\u02bd\u02b9\u02c8\u275b\u275c", "'"
    ),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe63", "-"),
    **dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    ),
    "\u2026": "...",
    # Full-width ASCII (U+FF01..U+FF5E) -> ASCII.
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if code != 0xFF40},
}
_SMART_TABLE = str.maketrans(SMART_ENCODING)


def smart_encode(text: str) -> str:
    """The text after Twilio Smart Encoding's substitutions (curly quotes -> straight, ...)."""
    return text.translate(_SMART_TABLE)


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


def count_segments(text: str, *, smart_encoding: bool = False) -> int:
    """The number of SMS segments a text is billed as (0 for an empty text); with
    `smart_encoding`, as a Messaging Service with Smart Encoding on sends it."""
    if smart_encoding:
        text = smart_encode(text)
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
