"""Russian typed in Latin letters ("ne pishite mne bolshe"), written back in Cyrillic.

People without a Cyrillic keyboard write Russian in translit. Language detection recognises it
(`flows.triage.language`, the lexicon's `romanized_markers`); this turns it into Cyrillic so the
Russian word lists (opt-outs, emergencies, intents) read it as they read any Russian text. The
mapping is the common informal one, longest letter groups first; it is not exact (a soft sign is
rarely typed, "y" is й after a vowel and ы elsewhere), and the Russian lists match on stems, so
an approximation is enough. Pure and cheap: one regex pass.
"""

from __future__ import annotations

import re

_GROUPS = {
    "shch": "щ",
    "sch": "щ",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ya": "я",
    "yo": "ё",
    "ye": "е",
    "iu": "ю",
    "ia": "я",
}
_LETTERS = {
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "e": "е",
    "z": "з",
    "i": "и",
    "j": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "h": "х",
    "c": "ц",
    "w": "в",
    "x": "кс",
    "q": "к",
    "'": "ь",
}
_VOWELS = set("аеёиоуыэюя")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TOKEN = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)) + r"|y|[a-z']", re.I)


def cyrillic(text: str) -> str:
    """`text` with its Latin letters read as Russian translit; everything else kept."""
    out: list[str] = []
    previous = ""  # the last character written
    last = 0
    for match in _TOKEN.finditer(text):
        gap = text[last : match.start()]
        if gap:
            out.append(gap)
            previous = gap[-1]
        group = match.group()
        lower = group.lower()
        if lower == "y":
            letter = "й" if previous.lower() in _VOWELS else "ы"
        else:
            letter = _GROUPS.get(lower) or _LETTERS[lower]
        letter = letter.upper() if group[:1].isupper() else letter
        out.append(letter)
        previous = letter[-1]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def in_own_script(text: str, lang: str) -> str:
    """Russian detected in a text without Cyrillic letters comes back in Cyrillic; any other
    text as it is (Arabizi and pinyin have no mechanical way back)."""
    if lang == "ru" and _CYRILLIC.search(text) is None:
        return cyrillic(text)
    return text
