"""`flows/` stays pure: no web, Twilio, database, network or gateway imports, no clock reads."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FLOWS = Path(__file__).resolve().parents[2] / "flows"

FORBIDDEN_MODULES = (
    "flask",
    "flask_babel",
    "twilio",
    "sqlmodel",
    "sqlalchemy",
    "alembic",
    "gateway",
    "requests",
    "httpx",
    "urllib.request",
    "urllib3",
    "http.client",
    "socket",
    "aiohttp",
    "apscheduler",
    "psycopg",
    "subprocess",
)
#: Calls that read the clock: time must come in as an argument.
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
}


def _is_forbidden(module: str) -> bool:
    return any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN_MODULES)


def _dotted(node: ast.expr) -> tuple[str, ...]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return tuple(reversed(parts))


def problems_in(source: str) -> list[str]:
    """Every forbidden import or clock call in one module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if _is_forbidden(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if _is_forbidden(node.module):
                found.append(f"from {node.module} import ...")
            found += [
                f"from {node.module} import {a.name}"
                for a in node.names
                if _is_forbidden(f"{node.module}.{a.name}")
            ]
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if len(name) >= 2 and name[-2:] in FORBIDDEN_CALLS:
                found.append(f"call {'.'.join(name)}()")
            elif name in {("__import__",), ("importlib", "import_module")}:
                args = node.args
                if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                    if _is_forbidden(args[0].value):
                        found.append(f"dynamic import {args[0].value}")
    return found


MODULES = sorted(FLOWS.rglob("*.py"))


def test_flows_has_modules() -> None:
    assert MODULES, FLOWS


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(FLOWS.parent)))
def test_flows_module_is_pure(path: Path) -> None:
    assert problems_in(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "import flask",
        "from twilio.rest import Client",
        "import sqlalchemy as sa",
        "from sqlmodel import Session",
        "from gateway.models import Patient",
        "import requests",
        "import httpx",
        "from urllib import request",
        "import urllib.request",
        "import socket",
        "from datetime import datetime\nx = datetime.now()",
        "import datetime\nx = datetime.datetime.utcnow()",
        "from datetime import date\nx = date.today()",
        "import time\nx = time.time()",
    ],
)
def test_checker_catches(source: str) -> None:
    assert problems_in(source)


def test_checker_allows_pure_code() -> None:
    source = "from datetime import datetime, timedelta\nimport re\nx = datetime(2025, 1, 1)\n"
    assert problems_in(source) == []
