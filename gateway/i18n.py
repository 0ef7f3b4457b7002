"""Render a patient-facing message in the patient's language and time zone, outside any request.

Flows return `Reply(msgid, params)` where `msgid` is the English source marked with `N_` in
`flows.messages`. This module looks the text up in `locales/<lang>/LC_MESSAGES/messages.po`
(or the compiled `.mo` the release step writes), fills `{clinic}`, `{phone}`, `{link}` and the
datetime placeholders (`{due}`, `{when}`), and gives back the text to send or to `<Say>`.

- Languages are primary subtags: `es-MX`, `es_US` and `ES` all read the Spanish catalog.
  An unknown language renders in English.
- A msgid a catalog lacks (or marks fuzzy) renders in English. The texts in
  `flows.messages.REQUIRED_IN_EVERY_LANGUAGE` (emergency, opt-out, help, "a person will answer")
  exist in every shipped catalog: `tests/gateway/test_i18n.py` fails otherwise.
- Datetimes are shown as a short weekday, date and time in the patient's locale and time zone
  ("Tue, Nov 24, 9:30 AM"; "mar, 24 de nov, 9:30 a.m."). Naive datetimes are taken as UTC, the
  storage convention. CLDR's narrow no-break spaces become plain spaces, because one of them
  would switch a whole SMS to UCS-2 (see `gateway.segments`).

Catalogs are compiled in memory when no up-to-date `.mo` exists, so tests and the demo need no
build step; production's `release` step runs `scripts/compile_catalogs.py`.
"""

from __future__ import annotations

import functools
import logging
import re
import string
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from flows.messages import REQUIRED_IN_EVERY_LANGUAGE
from flows.types import ClinicInfo, Reply

logger = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"

#: Languages with a translated catalog (`locales/<lang>/LC_MESSAGES/messages.po`). English is
#: the source language and needs none. A test keeps this in step with the files on disk.
SHIPPED_LANGUAGES = ("es", "vi", "zh", "tl", "ko", "ar", "ru", "ht", "pt")
#: Every language a text can be rendered in.
AVAILABLE_LANGUAGES = (SOURCE_LANGUAGE, *SHIPPED_LANGUAGES)

#: The CLDR locale for dates, where the bare language would pick the wrong region or script:
#: a US clinic's Spanish speakers read US Spanish (12-hour clock), Portuguese is Brazilian.
_BABEL_LOCALES = {
    "en": "en_US",
    "es": "es_US",
    "zh": "zh_Hans_CN",
    "tl": "fil_PH",
    "pt": "pt_BR",
    "ht": "ht",
}
#: Used when the installed babel has no data for a language.
_NEIGHBOUR_LOCALES = {"ht": "fr_HT", "tl": "en_PH"}
#: Time patterns where CLDR's short one is not what patients' phones show: Korean reads
#: "오전 9:30" (CLDR's abbreviated day period is "AM").
_TIME_PATTERNS = {"ko": "aaaa h:mm"}

#: Twilio `<Say language=...>` codes. vi-VN and fil-PH need a Google voice; Haitian Creole has
#: no text-to-speech voice, so French is the nearest (a recorded prompt is better).
_VOICE_LOCALES = {
    "en": "en-US",
    "es": "es-US",
    "vi": "vi-VN",
    "zh": "cmn-CN",
    "tl": "fil-PH",
    "ko": "ko-KR",
    "ar": "ar-XA",
    "ru": "ru-RU",
    "ht": "fr-FR",
    "pt": "pt-BR",
}

#: Space characters CLDR puts in dates and times that GSM-7 lacks (narrow no-break space, ...).
_UNICODE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

Params = Mapping[str, str | datetime] | Iterable[tuple[str, str | datetime]]


def normalize_language(lang: str | None) -> str:
    """`es-MX` -> `es`; unknown or empty -> `en`."""
    primary = re.split(r"[-_]", (lang or "").strip().lower(), maxsplit=1)[0]
    if primary == "fil":
        primary = "tl"
    return primary if primary in AVAILABLE_LANGUAGES else SOURCE_LANGUAGE


def _compile(catalog: Catalog) -> Translations:
    """Compile a catalog in memory, leaving out fuzzy and untranslated entries."""
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


@functools.cache
def translations(lang: str) -> Translations:
    """The catalog for a language, from an up-to-date `.mo` or the `.po` compiled in memory."""
    lang = normalize_language(lang)
    if lang == SOURCE_LANGUAGE:
        return _compile(Catalog(locale=SOURCE_LANGUAGE, domain=DOMAIN))
    folder = LOCALES_DIR / lang / "LC_MESSAGES"
    po_path, mo_path = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as fp:
            return Translations(fp=fp, domain=DOMAIN)
    if not po_path.exists():
        # A shipped language without its catalog is a broken deploy: say so, answer in English.
        logger.error("no catalog for shipped language %s in %s", lang, folder)
        return _compile(Catalog(locale=SOURCE_LANGUAGE, domain=DOMAIN))
    with po_path.open("rb") as fp:
        catalog = read_po(fp, locale=lang, domain=DOMAIN)
    return _compile(catalog)


def babel_locale(lang: str) -> Locale:
    """The CLDR locale used to format dates for a language (a neighbour where babel has none)."""
    lang = normalize_language(lang)
    try:
        return Locale.parse(_BABEL_LOCALES.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_NEIGHBOUR_LOCALES.get(lang, "en_US"))


@functools.cache
def _datetime_pattern(locale: Locale) -> str:
    """Short weekday + month + day (CLDR skeleton `MMMEd`) joined to the short time."""
    date_pattern = locale.datetime_skeletons["MMMEd"].pattern
    time_pattern = _TIME_PATTERNS.get(locale.language) or locale.time_formats["short"].pattern
    glue = locale.datetime_formats["short"]
    return glue.replace("{1}", date_pattern).replace("{0}", time_pattern)


def format_when(value: datetime, *, lang: str, time_zone: str) -> str:
    """A datetime as the patient reads it: "Tue, Nov 24, 9:30 AM" in their zone and language."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # stored UTC; SQLite drops the zone
    locale = babel_locale(lang)
    text = format_datetime(
        value, _datetime_pattern(locale), tzinfo=ZoneInfo(time_zone), locale=locale
    )
    return _UNICODE_SPACES.sub(" ", text)


def placeholders(text: str) -> set[str]:
    """The `{names}` a catalog text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _translate(msgid: str, lang: str) -> str:
    text = translations(lang).gettext(msgid)
    if text == msgid and lang != SOURCE_LANGUAGE and msgid in REQUIRED_IN_EVERY_LANGUAGE:
        logger.error("catalog %s lacks a required text; sending English", lang)
    return text


def render_text(
    msgid: str,
    *,
    lang: str,
    clinic: ClinicInfo,
    params: Params = (),
    time_zone: str | None = None,
) -> str:
    """Translate a catalog text into `lang` and fill its placeholders."""
    lang = normalize_language(lang)
    zone = time_zone or clinic.time_zone
    items = list(params.items() if isinstance(params, Mapping) else params)
    translated = _translate(msgid, lang)
    if translated != msgid:
        try:
            return _fill(translated, _values(items, clinic=clinic, lang=lang, time_zone=zone))
        except (KeyError, ValueError, IndexError):
            # A translator's typo must not silence the message: send the English text instead.
            logger.error("catalog %s has a broken placeholder; sending English", lang)
    # English text, English dates: "Tue, Nov 24", never a Vietnamese date in an English sentence.
    values = _values(items, clinic=clinic, lang=SOURCE_LANGUAGE, time_zone=zone)
    try:
        return _fill(msgid, values)
    except KeyError as missing:
        raise ValueError(f"catalog text needs parameter {missing}: {msgid[:60]!r}") from None


def _values(
    items: Iterable[tuple[str, str | datetime]], *, clinic: ClinicInfo, lang: str, time_zone: str
) -> dict[str, str]:
    values = {"clinic": clinic.name, "phone": clinic.phone}
    for name, value in items:
        if isinstance(value, datetime):
            values[name] = format_when(value, lang=lang, time_zone=time_zone)
        else:
            values[name] = str(value)
    return values


def _fill(text: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        # "9:30 a.m." ends a sentence by itself: no "a.m.." when the text puts a full stop after.
        if value.endswith("."):
            text = text.replace(f"{{{name}}}.", f"{{{name}}}")
    return text.format_map(values)


def render(
    reply: Reply,
    *,
    lang: str,
    clinic: ClinicInfo,
    time_zone: str | None = None,
    link: str | None = None,
) -> str:
    """The text to send for a flow's reply, in `reply.lang` or else the patient's `lang`."""
    params: dict[str, str | datetime] = {}
    if link is not None:
        params["link"] = link
    params.update(reply.params)  # a link the flow chose wins over the default
    return render_text(
        reply.msgid,
        lang=reply.lang or lang,
        clinic=clinic,
        params=params,
        time_zone=time_zone,
    )


def locale_for_voice(lang: str) -> str:
    """The Twilio `<Say language=...>` code for a patient's language."""
    return _VOICE_LOCALES[normalize_language(lang)]
