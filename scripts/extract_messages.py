"""Refresh `locales/messages.pot` from the `N_` strings in `flows/`, then merge it into each .po.

Run after editing `flows/messages.py`::

    python scripts/extract_messages.py

which is the same as the two pybabel commands::

    pybabel extract -F babel.cfg --no-default-keywords -k N_ --no-location \\
        --project clinic-gateway -o locales/messages.pot .
    pybabel update -i locales/messages.pot -d locales -D messages --no-location

A changed source string comes back in each .po as a fuzzy entry (not used: the English text is
sent) until a translator reviews it; `tests/gateway/test_i18n.py` fails until then if the text is
one every language must have. To add a language::

    pybabel init -i locales/messages.pot -d locales -D messages -l <lang>

then add it to `gateway.i18n.SHIPPED_LANGUAGES`.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "messages.pot"


def extract_catalog(root: Path = ROOT) -> Catalog:
    """Every `N_` string under the paths `babel.cfg` names, as a template catalog."""
    with (root / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(
        project="clinic-gateway",
        version="0.1.0",
        copyright_holder="The clinic-gateway contributors",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords={"N_": None}
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def main() -> None:
    """Write the template, then merge it into every language's catalog."""
    template = extract_catalog()
    with TEMPLATE.open("wb") as out:
        write_po(out, template, width=100, include_lineno=False)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} messages")
    for po_path in sorted(LOCALES.glob("*/LC_MESSAGES/messages.po")):
        lang = po_path.parent.parent.name
        with po_path.open("rb") as fp:
            catalog = read_po(fp, locale=lang)
        catalog.update(template)
        with po_path.open("wb") as out:
            write_po(out, catalog, width=100, include_lineno=False)
        print(f"{po_path.relative_to(ROOT)}: updated")


if __name__ == "__main__":
    main()
