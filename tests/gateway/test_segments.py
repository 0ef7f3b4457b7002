"""SMS segment counts: what a clinic is billed for each text (gateway.segments is the reference)."""

from __future__ import annotations

import pytest

from gateway.segments import GSM7_BASIC, GSM7_EXTENSION, count_segments, describe, encoding

THUMBS_UP = "\U0001f44d"  # outside the BMP: two UTF-16 code units

CASES = [
    # (label, text, encoding, segments)
    ("empty sends nothing", "", "GSM-7", 0),
    ("plain ascii", "Riverside Clinic: Thank you, your visit is confirmed.", "GSM-7", 1),
    ("160 GSM chars fit one", "a" * 160, "GSM-7", 1),
    ("161 GSM chars need two", "a" * 161, "GSM-7", 2),
    ("two full parts", "a" * 306, "GSM-7", 2),
    ("one past two parts", "a" * 307, "GSM-7", 3),
    ("GSM accents stay GSM-7", "é" * 80 + "ñ" * 40 + "¿¡üÑÉ" * 8, "GSM-7", 1),
    ("extension char counts 2", "a" * 159 + "€", "GSM-7", 2),
    ("80 braces are 160 septets", "{" * 80, "GSM-7", 1),
    ("81 braces are 162 septets", "{" * 81, "GSM-7", 2),
    ("all ten extension chars x8 = 160", "^{}\\[~]|€\f" * 8, "GSM-7", 1),
    ("all ten extension chars x8 + 1", "^{}\\[~]|€\f" * 8 + "a", "GSM-7", 2),
    # 160 escape pairs = 320 septets; a 153-septet part holds 76 pairs, so 3 parts.
    ("only escape pairs pack 76 a part", "€" * 160, "GSM-7", 3),
    # 152 + [€ = 2] + 152 = 306 septets, but the escape pair cannot straddle parts: 3, not 2.
    ("escape pair never split", "a" * 152 + "€" + "a" * 152, "GSM-7", 3),
    ("one curly quote switches all", "It\u2019s confirmed", "UCS-2", 1),
    ("curly quote in a long text", "a" * 100 + "\u201c", "UCS-2", 2),
    ("one emoji switches all", "See you soon " + THUMBS_UP, "UCS-2", 1),
    ("acute a is not GSM", "más", "UCS-2", 1),
    ("lower c cedilla is not GSM", "ç", "UCS-2", 1),
    ("tab is not GSM", "a\tb", "UCS-2", 1),
    ("70 UCS-2 units fit one", "ж" * 70, "UCS-2", 1),
    ("71 UCS-2 units need two", "ж" * 71, "UCS-2", 2),
    ("two full UCS-2 parts", "ж" * 134, "UCS-2", 2),
    ("one past two UCS-2 parts", "ж" * 135, "UCS-2", 3),
    ("emoji is two units: 68 + 2 = 70", "a" * 68 + THUMBS_UP, "UCS-2", 1),
    ("emoji is two units: 69 + 2 = 71", "a" * 69 + THUMBS_UP, "UCS-2", 2),
    # 66 + [emoji = 2] + 66 = 134 units, but a surrogate pair cannot straddle parts: 3.
    ("surrogate pair never split", "ж" * 66 + THUMBS_UP + "ж" * 66, "UCS-2", 3),
    ("chinese", "我们已收到您的信息。" * 7, "UCS-2", 1),
    ("chinese one over", "我们已收到您的信息。" * 7 + "谢", "UCS-2", 2),
]


@pytest.mark.parametrize(
    ("text", "expected_encoding", "expected_segments"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_segment_count(text: str, expected_encoding: str, expected_segments: int) -> None:
    assert encoding(text) == expected_encoding
    assert count_segments(text) == expected_segments


def test_whole_gsm_basic_set_is_one_septet_each() -> None:
    text = "".join(sorted(GSM7_BASIC))
    assert len(text) == 127
    assert encoding(text) == "GSM-7"
    assert count_segments(text) == 1
    assert count_segments(text + "a" * 33) == 1
    assert count_segments(text + "a" * 34) == 2


def test_extension_table_is_two_septets_each() -> None:
    assert GSM7_EXTENSION == frozenset("^{}\\[~]|€\f")
    assert count_segments("a" * 150 + "[]~|€") == 1  # 150 + 5 x 2 = 160 septets
    assert count_segments("a" * 151 + "[]~|€") == 2  # 161 septets


def test_describe_reads_like_the_golden_files() -> None:
    assert describe("a" * 161) == "GSM-7, 2 segments, 161 chars"
    assert describe("ж") == "UCS-2, 1 segment, 1 chars"


@pytest.mark.parametrize(
    ("text", "plain", "smart"),
    [
        ("It’s “fine” — see you at 3… " + "a" * 45, 2, 1),  # 75 chars: UCS-2 as typed
        ("Dr. O’Neil’s office " + "a" * 140, 3, 1),
        ("Ｃ to confirm", 1, 1),
        ("Confirmed 👍 " + "a" * 60, 2, 2),  # an emoji has no substitute
        ("a" * 150 + " – ok…", 3, 1),  # 156 + "..." = 158 septets after substitution
    ],
)
def test_smart_encoding_counts_after_twilios_substitutions(text, plain, smart):
    from gateway.segments import smart_encode

    assert count_segments(text) == plain
    assert count_segments(text, smart_encoding=True) == smart
    assert encoding(smart_encode("“quoted” ‘single’ – — … \u00a0")) == "GSM-7"
