"""The layering rules a newcomer relies on, checked on the source itself.

- Only `gateway/twilio/` imports the `twilio` package (STYLE rule 3); outside `gateway/` the
  exceptions are `scripts/fake_twilio.py` (the stand-in server) and `scripts/bench_send.py`
  (which measures the bare client against the outbox).
- `flows/` never imports `gateway` (checked with the rest of the purity rules in
  `tests/flows/test_architecture.py`).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TWILIO_ALLOWED = {ROOT / "scripts" / "fake_twilio.py", ROOT / "scripts" / "bench_send.py"}


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


# ----------------------------------------------------------------------------- import cycles


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def gateway_imports(path: Path, modules: set[str]) -> set[str]:
    """The gateway modules `path` imports anywhere in it (top level, in functions, under
    TYPE_CHECKING): `from gateway import db` counts as gateway.db."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from gateway import db` names a module; `from gateway.db import x` names its module.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # The longest prefix that is a gateway module: `gateway.db.get_session` -> gateway.db.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = list((ROOT / "gateway").rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): gateway_imports(path, modules) for path in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_two_gateway_modules_import_each_other():
    """No import cycle between gateway modules, however indirect, even inside a function."""
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle_through_a_function_level_import(tmp_path, monkeypatch):
    package = tmp_path / "gateway"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from gateway.b import thing\n")
    (package / "b.py").write_text("def thing():\n    from gateway import c\n")
    (package / "c.py").write_text("from gateway.a import x\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    graph = {
        module_name(path): gateway_imports(path, {module_name(p) for p in package.rglob("*.py")})
        for path in package.rglob("*.py")
    }
    assert cycles(graph) == [["gateway.a", "gateway.b", "gateway.c"]]
