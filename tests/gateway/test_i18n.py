"""Catalogs and rendering: what a patient reads, in their language and time zone.

No app and no database: `gateway.i18n` renders outside any request.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from flows import messages
from flows.types import SUPPORTED_LANGUAGES, ClinicInfo, Reply
from gateway import i18n
from gateway.i18n import (
    AVAILABLE_LANGUAGES,
    SHIPPED_LANGUAGES,
    locale_for_voice,
    placeholders,
    render,
    render_text,
    translations,
)
from gateway.segments import encoding
from scripts.compile_catalogs import compile_catalogs
from scripts.extract_messages import extract_catalog

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
CLINIC = ClinicInfo(name="Riverside Clinic", phone="(202) 555-0100")
REVIEW_MARK = "machine-drafted, needs native-speaker clinical review before go-live"
COMPLIANCE = {messages.OPT_OUT_CONFIRMED, messages.OPT_IN_CONFIRMED, messages.HELP}
STAFF_PAGES = (messages.PAGE_MEDICAL, messages.PAGE_MENTAL_HEALTH)
#: Latin all-caps words: carriers' keywords (or forbidden ones like CANCEL, END, QUIT).
CAPS_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")
SAMPLE_PARAMS = {"due": datetime(2026, 11, 24, 14, 30, tzinfo=UTC), "link": "https://example.org/x"}
SAMPLE_PARAMS["when"] = SAMPLE_PARAMS["due"]
#: reminders: the other placeholders reminder texts take.
SAMPLE_PARAMS.update(location="Main St, Suite 200", forms="Health history, Consent", day="Thursday")


def load(lang: str) -> Catalog:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        return read_po(fp, locale=lang)


def translated(lang: str) -> dict[str, str]:
    return {m.id: m.string for m in load(lang) if m.id and m.string and not m.fuzzy}


@pytest.fixture
def tmp_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the renderer at a scratch `locales/` and forget cached catalogs around the test."""
    monkeypatch.setattr(i18n, "LOCALES_DIR", tmp_path)
    translations.cache_clear()
    yield tmp_path
    translations.cache_clear()


def write_catalog(root: Path, lang: str, entries: dict[str, str], fuzzy: set[str] = frozenset()):
    catalog = Catalog(locale=lang, fuzzy=False)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, flags=["fuzzy"] if msgid in fuzzy else [])
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "messages.po").open("wb") as out:
        write_po(out, catalog)
    return folder / "messages.po"


# ----------------------------------------------------------------------------- catalogs


def test_shipped_languages_are_the_catalogs_on_disk() -> None:
    on_disk = {p.parent.parent.name for p in LOCALES.glob("*/LC_MESSAGES/messages.po")}
    assert set(SHIPPED_LANGUAGES) == on_disk
    assert set(AVAILABLE_LANGUAGES) == set(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_catalog_is_clean(lang: str) -> None:
    catalog = load(lang)
    assert not catalog.fuzzy, "a fuzzy header stops `pybabel compile`"
    assert REVIEW_MARK in (catalog.header_comment or "")
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{lang}: fuzzy entry would go out in English: {message.id!r}"
        if message.string:
            assert placeholders(message.string) == placeholders(message.id), (
                f"{lang}: placeholders differ in {message.string!r}"
            )


def test_template_is_up_to_date_with_flows() -> None:
    with (LOCALES / "messages.pot").open("rb") as fp:
        template = {m.id for m in read_po(fp) if m.id}
    source = {m.id for m in extract_catalog(ROOT) if m.id}
    assert set(messages.PATIENT_FACING) <= source
    assert source == template, "run: python scripts/extract_messages.py"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_catalog_is_merged_with_template(lang: str) -> None:
    with (LOCALES / "messages.pot").open("rb") as fp:
        template = {m.id for m in read_po(fp) if m.id}
    assert {m.id for m in load(lang) if m.id} == template, "run: python scripts/extract_messages.py"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_required_texts_exist_in_every_language(lang: str) -> None:
    missing = set(messages.REQUIRED_IN_EVERY_LANGUAGE) - set(translated(lang))
    assert not missing, f"{lang} lacks {sorted(missing)}"


def test_spanish_translates_every_patient_facing_text() -> None:
    missing = set(messages.PATIENT_FACING) - set(translated("es"))
    assert not missing


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_staff_pages_stay_english(lang: str) -> None:
    assert not set(STAFF_PAGES) & set(translated(lang))
    page = render_text(
        messages.PAGE_MEDICAL, lang=lang, clinic=CLINIC, params={"masked": "+1******4567"}
    )
    assert page.startswith("URGENT Riverside Clinic: possible medical emergency")


# ----------------------------------------------------------------------------- safety wording


@pytest.mark.parametrize("lang", AVAILABLE_LANGUAGES)
def test_emergency_numbers_survive_translation(lang: str) -> None:
    medical = render_text(messages.EMERGENCY_MEDICAL, lang=lang, clinic=CLINIC)
    crisis = render_text(messages.EMERGENCY_MENTAL_HEALTH, lang=lang, clinic=CLINIC)
    assert "911" in medical
    assert "988" in crisis and "911" in crisis
    for msgid in messages.PATIENT_FACING:
        text = render_text(msgid, lang=lang, clinic=CLINIC, params=SAMPLE_PARAMS)
        for number in ("911", "988"):
            if number in msgid:
                assert number in text, f"{lang} drops {number} from {msgid!r}"
    if lang != "en":
        assert medical != render_text(messages.EMERGENCY_MEDICAL, lang="en", clinic=CLINIC)


@pytest.mark.parametrize("lang", AVAILABLE_LANGUAGES)
def test_keywords_are_only_the_carrier_ones(lang: str) -> None:
    """Never ask for CANCEL, END or QUIT; STOP/START/HELP only where opt-out is explained."""
    for msgid in messages.PATIENT_FACING:
        text = render_text(msgid, lang=lang, clinic=CLINIC, params=SAMPLE_PARAMS)
        words = set(CAPS_WORD.findall(text))
        assert words <= {"STOP", "START", "HELP"}, f"{lang}: {words} in {text!r}"
        if msgid not in COMPLIANCE:
            assert not words, f"{lang}: keyword outside opt-out wording: {text!r}"
        for keyword in ("STOP", "START", "HELP"):
            if re.search(rf"\b{keyword}\b", msgid):
                assert keyword in words, f"{lang}: {keyword} lost in {text!r}"


# ----------------------------------------------------------------------------- rendering


def test_datetime_renders_in_patient_time_zone() -> None:
    winter = datetime(2026, 1, 13, 14, 30, tzinfo=UTC)
    summer = datetime(2026, 7, 14, 14, 30, tzinfo=UTC)
    confirmed = messages.APPOINTMENT_CONFIRMED
    assert render(Reply(confirmed, params=(("when", winter),)), lang="en", clinic=CLINIC) == (
        "Riverside Clinic: Thank you, your visit on Tue, Jan 13, 9:30 AM is confirmed."
    )
    assert "Tue, Jul 14, 10:30 AM" in render(
        Reply(confirmed, params=(("when", summer),)), lang="en", clinic=CLINIC
    )
    assert "Tue, Jan 13, 6:30 AM" in render(
        Reply(confirmed, params=(("when", winter),)),
        lang="en",
        clinic=CLINIC,
        time_zone="America/Los_Angeles",
    )
    naive_utc = winter.replace(tzinfo=None)  # SQLite hands back naive UTC
    assert "9:30 AM" in render_text(confirmed, lang="en", clinic=CLINIC, params={"when": naive_utc})


def test_datetime_renders_in_patient_language() -> None:
    when = datetime(2026, 1, 13, 14, 30, tzinfo=UTC)
    text = render(
        Reply(messages.APPOINTMENT_CONFIRMED, params=(("when", when),)), lang="es", clinic=CLINIC
    )
    assert (
        text == "Riverside Clinic: Gracias, su cita del mar, 13 de ene, 9:30 a.m. queda confirmada."
    )
    korean = render_text(messages.ACK_STAFF, lang="ko", clinic=CLINIC, params={"due": when})
    assert "1월 13일 (화) 오전 9:30" in korean
    creole = render_text(messages.ACK_STAFF, lang="ht", clinic=CLINIC, params={"due": when})
    assert "13" in creole and "9:30" in creole


@pytest.mark.parametrize("lang", ["en", "es"])
def test_dates_keep_sms_in_gsm7(lang: str) -> None:
    """CLDR puts a narrow no-break space before AM: one would double the price of the text."""
    text = render_text(messages.ACK_FRONT_DESK, lang=lang, clinic=CLINIC, params=SAMPLE_PARAMS)
    assert encoding(text) == "GSM-7"
    assert ".." not in text  # "9:30 a.m." ends the sentence itself


def test_reply_language_wins_over_patient_language() -> None:
    reply = Reply(messages.LANGUAGE_SET, lang="es")
    assert render(reply, lang="en", clinic=CLINIC) == (
        "Riverside Clinic: Listo, desde ahora le escribiremos en español."
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es-MX", "Riverside Clinic: Gracias, su cita queda confirmada."),
        ("ES_us", "Riverside Clinic: Gracias, su cita queda confirmada."),
        ("xx", "Riverside Clinic: Thank you, your visit is confirmed."),
        ("", "Riverside Clinic: Thank you, your visit is confirmed."),
    ],
)
def test_language_tags_and_unknown_languages(lang: str, expected: str) -> None:
    assert render_text(messages.APPOINTMENT_CONFIRMED_NO_DATE, lang=lang, clinic=CLINIC) == expected


def test_untranslated_text_falls_back_to_english_with_english_dates() -> None:
    # Vietnamese words only what the bot finishes alone; a refill goes to a person (ACK_STAFF),
    # so ACK_REFILLS is untranslated there.
    dated = render_text(messages.ACK_REFILLS, lang="vi", clinic=CLINIC, params=SAMPLE_PARAMS)
    assert dated == (
        "Riverside Clinic: We got your refill request. Our refill team will reply by "
        "Tue, Nov 24, 9:30 AM."
    )


def test_link_comes_from_reply_or_default() -> None:
    reply = Reply(messages.FORMS_LINK)
    assert render(reply, lang="en", clinic=CLINIC, link="https://forms.example.org").endswith(
        "here: https://forms.example.org"
    )
    chosen = Reply(messages.FORMS_LINK, params=(("link", "https://x.example.org/1"),))
    assert render(chosen, lang="es", clinic=CLINIC, link="https://default").endswith(
        "enlace: https://x.example.org/1"
    )


def test_missing_parameter_is_refused_not_sent_raw() -> None:
    with pytest.raises(ValueError, match="due"):
        render(Reply(messages.ACK_STAFF), lang="es", clinic=CLINIC)


def test_voice_locales() -> None:
    assert locale_for_voice("en") == "en-US"
    assert locale_for_voice("es-MX") == "es-US"
    assert locale_for_voice("zh") == "cmn-CN"
    assert locale_for_voice("ht") == "fr-FR"  # no Haitian Creole text-to-speech
    assert locale_for_voice("xx") == "en-US"
    assert all(locale_for_voice(lang) for lang in AVAILABLE_LANGUAGES)


# ----------------------------------------------------------------------------- loading


def test_fuzzy_translation_is_not_sent(tmp_locales: Path) -> None:
    write_catalog(
        tmp_locales,
        "es",
        {
            messages.APPOINTMENT_CONFIRMED_NO_DATE: "{clinic}: Gracias, confirmada.",
            messages.FORM_DONE: "{clinic}: borrador sin revisar",
        },
        fuzzy={messages.FORM_DONE},
    )
    assert render_text(messages.APPOINTMENT_CONFIRMED_NO_DATE, lang="es", clinic=CLINIC) == (
        "Riverside Clinic: Gracias, confirmada."
    )
    assert render_text(messages.FORM_DONE, lang="es", clinic=CLINIC).startswith(
        "Riverside Clinic: Thank you!"
    )


def test_broken_translation_sends_english(tmp_locales: Path) -> None:
    write_catalog(tmp_locales, "es", {messages.HELP: "{clinica}: ayuda {phone}"})
    assert render_text(messages.HELP, lang="es", clinic=CLINIC).startswith(
        "Riverside Clinic patient texts."
    )


def test_compiled_mo_is_used_only_while_newer_than_po(tmp_locales: Path) -> None:
    msgid = messages.APPOINTMENT_CONFIRMED_NO_DATE
    po_path = write_catalog(tmp_locales, "es", {msgid: "{clinic}: compilado"})
    (mo_path,) = compile_catalogs(tmp_locales)
    write_catalog(tmp_locales, "es", {msgid: "{clinic}: editado"})
    os.utime(mo_path, (po_path.stat().st_mtime - 60,) * 2)
    assert render_text(msgid, lang="es", clinic=CLINIC) == "Riverside Clinic: editado"

    translations.cache_clear()
    os.utime(mo_path, (po_path.stat().st_mtime + 60,) * 2)
    assert render_text(msgid, lang="es", clinic=CLINIC) == "Riverside Clinic: compilado"


def test_release_compile_matches_in_memory_catalogs(tmp_locales: Path) -> None:
    shutil.copytree(LOCALES, tmp_locales, dirs_exist_ok=True)
    written = compile_catalogs(tmp_locales)
    assert {p.parent.parent.name for p in written} == set(SHIPPED_LANGUAGES)
    for path in written:
        os.utime(path, (path.stat().st_mtime + 60,) * 2)
    for lang in SHIPPED_LANGUAGES:
        expected = translated(lang)
        compiled = translations(lang)
        for msgid in messages.REQUIRED_IN_EVERY_LANGUAGE:
            assert compiled.gettext(msgid) == expected[msgid]
