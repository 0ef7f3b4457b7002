"""Compile every `locales/<lang>/LC_MESSAGES/messages.po` to `.mo` (the Procfile's release step).

    python scripts/compile_catalogs.py

Same result as `pybabel compile -d locales -D messages`. Fuzzy entries are left out, so a text
awaiting review goes out in English. `gateway.i18n` compiles in memory when a `.mo` is missing
or older than its `.po`, so only production needs this step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def compile_catalogs(locales: Path = LOCALES) -> list[Path]:
    """Write a `.mo` next to each `.po`; return the files written."""
    written = []
    for po_path in sorted(locales.glob("*/LC_MESSAGES/messages.po")):
        with po_path.open("rb") as fp:
            catalog = read_po(fp, locale=po_path.parent.parent.name)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


def main() -> int:
    """Compile, print one line per catalog, fail if there is none."""
    written = compile_catalogs()
    for path in written:
        print(f"compiled {path.relative_to(LOCALES.parent)}")
    if not written:
        print(f"no catalogs under {LOCALES}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
