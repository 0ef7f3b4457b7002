"""Golden files: every patient-facing message as each language's patients read it, with its cost.

`tests/snapshots/messages/<lang>.txt` holds each rendered text with its encoding and SMS segment
count, so a review sees a wording change and a price change together. Dates and weekday names
come from babel's CLDR data, so each file's header records the babel and CLDR versions it was made
with, and a new babel that renders differently fails here with both versions named. Regenerate
after an intended change (or a reviewed upgrade) with the command, never by hand::

    UPDATE_SNAPSHOTS=1 python3 scripts/dev.py test tests/gateway/test_golden_messages.py
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import babel
import pytest
from babel.core import get_cldr_version

from flows import messages
from flows.types import ClinicInfo, Reply
from gateway.i18n import AVAILABLE_LANGUAGES, babel_locale, render
from gateway.segments import count_segments, describe, encoding

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "messages"
CLINIC = ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100", time_zone="America/New_York")
DUE = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)  # Tue, Nov 24, 9:30 AM in New York
LINK = "https://example.org/x"
#: reminders: the other placeholders reminder texts take.
REMINDER_PARAMS = (
    ("location", "Main St, Suite 200"),
    ("forms", "Health history, Consent"),
    ("day", "Thursday"),
)
REGENERATE = "UPDATE_SNAPSHOTS=1 python3 scripts/dev.py test tests/gateway/test_golden_messages.py"
MADE_WITH = f"# Made with babel {babel.__version__} (CLDR {get_cldr_version()})."
NAMES = {
    value: name
    for name, value in vars(messages).items()
    if isinstance(value, str) and value in messages.PATIENT_FACING
}


def sms_texts() -> list[str]:
    return [m for m in messages.PATIENT_FACING if not NAMES[m].startswith("VOICE_")]


def render_sample(msgid: str, lang: str) -> str:
    reply = Reply(msgid, params=(("due", DUE), ("when", DUE), *REMINDER_PARAMS))
    return render(reply, lang=lang, clinic=CLINIC, link=LINK)


def snapshot(lang: str) -> str:
    lines = [
        f"# Patient-facing messages in {lang} ({babel_locale(lang).english_name}).",
        f"# Clinic {CLINIC.name!r}, phone {CLINIC.phone!r}, due/when {DUE.isoformat()} "
        f"shown in {CLINIC.time_zone}, link {LINK!r}.",
        MADE_WITH,
        f"# Regenerate: {REGENERATE}",
    ]
    for msgid in messages.PATIENT_FACING:
        text = render_sample(msgid, lang)
        notes = [describe(text)]
        if NAMES[msgid].startswith("VOICE_"):
            notes.insert(0, "voice")
        if lang != "en" and text == render_sample(msgid, "en"):
            notes.append("English fallback")
        lines += ["", f"## {NAMES[msgid]}  [{'; '.join(notes)}]", text]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", AVAILABLE_LANGUAGES)
def test_golden_messages(lang: str) -> None:
    path = SNAPSHOTS / f"{lang}.txt"
    rendered = snapshot(lang)
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run {REGENERATE}"
    golden = path.read_text(encoding="utf-8")
    made_with = re.search(r"^# Made with .*$", golden, re.MULTILINE)
    was = made_with.group(0) if made_with else "# Made with an unrecorded babel."
    assert was == MADE_WITH, (
        f"{lang} golden file {was[2:]!r} but this install has {MADE_WITH[2:]!r}: review what the "
        f"new data changes, then run {REGENERATE}"
    )
    assert rendered == golden, f"{lang} messages changed: review, then run {REGENERATE}"


@pytest.mark.parametrize("msgid", sms_texts(), ids=lambda m: NAMES[m])
def test_english_sms_is_one_gsm7_segment(msgid: str) -> None:
    text = render_sample(msgid, "en")
    assert encoding(text) == "GSM-7", text
    assert len(text) <= 160 and count_segments(text) == 1, describe(text)


@pytest.mark.parametrize("msgid", sms_texts(), ids=lambda m: NAMES[m])
def test_spanish_sms_is_at_most_two_segments(msgid: str) -> None:
    text = render_sample(msgid, "es")
    assert text != render_sample(msgid, "en")
    assert count_segments(text) <= 2, describe(text)
