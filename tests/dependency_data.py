"""Data our tests depend on that ships inside a dependency, and the versions it was made with.

Some expectations come from a dependency's data rather than from our code: weekday and month
names and date patterns (CLDR, inside `babel`), the numbering plan (`phonenumbers` metadata),
and the language models (inside `lingua-language-detector`). A new release can change them with
no change here: babel 2.19 (CLDR 49) renders Haitian Creole dates as "M11 24, Tue", which is
why pyproject.toml caps it. `requirements.lock` pins all
three; this table says which versions the expectations below were made with, and `drift` names
what changed when a test fails on another install.

- `tests/snapshots/messages/*.txt` (golden messages) record their babel and CLDR versions in
  their own header and are regenerated, never edited by hand, with::

      UPDATE_SNAPSHOTS=1 python3 scripts/dev.py test tests/gateway/test_golden_messages.py

- `tests/flows/triage/` floors and language cases were scored with the lingua below; after an
  upgrade, re-score with `flask --app gateway triage --eval FILE` and review before moving a floor.
"""

from __future__ import annotations

from importlib.metadata import version

MADE_WITH = {
    "babel": "2.18.0",
    "lingua-language-detector": "2.1.1",
    "phonenumbers": "9.0.43",
}


def drift(name: str) -> str:
    """'' when the installed `name` is the one the expectations were made with, else why."""
    installed = version(name)
    if installed == MADE_WITH[name]:
        return ""
    return (
        f" [expectations made with {name} {MADE_WITH[name]}, this install has {installed}: "
        "see tests/dependency_data.py]"
    )
