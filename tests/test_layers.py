"""The layering rules a newcomer relies on, checked on the source itself.

- Only `gateway/twilio/` imports the `twilio` package (STYLE rule 3); `scripts/fake_twilio.py`,
  the stand-in server, is the one exception outside `gateway/`.
- `flows/` never imports `gateway` (checked with the rest of the purity rules in
  `tests/flows/test_architecture.py`).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TWILIO_ALLOWED = {ROOT / "scripts" / "fake_twilio.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_gateway_twilio_imports_twilio():
    offenders = []
    for folder in ("gateway", "flows", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            if (ROOT / "gateway" / "twilio") in path.parents or path in TWILIO_ALLOWED:
                continue
            if any(m == "twilio" or m.startswith("twilio.") for m in imported_modules(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_rule_above_can_see_a_twilio_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from twilio.rest import Client\n    return Client\n")
    assert "twilio.rest" in imported_modules(sample)
