"""The whole check, as CI runs it: `ruff check .` and `ruff format --check .`, then pytest on
SQLite and PostgreSQL.

Run through `python3 scripts/dev.py test [pytest args]` (which makes `.venv` first), or directly
with a Python that has the test extras. Arguments go to pytest unchanged.

- Browser tests drive Debian's `/usr/bin/chromium`. When it is missing and we are root on a
  machine with apt-get, it is installed here (`apt-get install chromium`); otherwise those tests
  skip with the reason, and under `CI=true` they fail.
- PostgreSQL comes from `TEST_POSTGRES_URL` (default: the local server); see tests/conftest.py.
  Unreachable, its runs skip with the reason, and under `CI=true` they fail.
- A run in which no test passed fails: CI must never go green on zero tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
DATABASES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
NO_TESTS_COLLECTED = 5


def run_ruff() -> int:
    """Lint and format-check the whole tree; returns the first failing exit code, else 0."""
    for args in (["check", "."], ["format", "--check", "."]):
        print("$ ruff " + " ".join(args), flush=True)
        code = subprocess.call([sys.executable, "-m", "ruff", *args], cwd=ROOT)
        if code:
            return code
    return 0


def ensure_chromium() -> None:
    """Install Debian's chromium for the browser tests when it is missing and we can."""
    if CHROMIUM.exists():
        return
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    apt_get = shutil.which("apt-get")
    if not (is_root and apt_get):
        why = "not root" if not is_root else "no apt-get"
        print(
            f"chromium: {CHROMIUM} is missing and cannot be installed here ({why}); "
            "browser tests will skip (and fail under CI=true)",
            flush=True,
        )
        return
    print("chromium: installing Debian's chromium for the browser tests:", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in ([apt_get, "update", "-qq"], [apt_get, "install", "-y", "-qq", "chromium"]):
        print("$ " + " ".join(command), flush=True)
        code = subprocess.call(command, env=env, stdin=subprocess.DEVNULL)  # noqa: S603
        if code != 0:
            print(
                f"chromium: `{' '.join(command)}` failed (exit {code}); "
                "browser tests will skip (and fail under CI=true)",
                flush=True,
            )
            return
    print(f"chromium: installed at {CHROMIUM}", flush=True)


class RunSummary:
    """A pytest plugin that counts outcomes per database and for the browser tests."""

    def __init__(self) -> None:
        self.outcomes: dict[str, Counter[str]] = {}
        self.skip_reasons: dict[str, str] = {}
        self.groups: dict[str, list[str]] = {}
        self.passed = 0

    def pytest_collection_modifyitems(self, items: list[Any]) -> None:
        for item in items:
            groups = []
            callspec = getattr(item, "callspec", None)
            database = callspec.params.get("database_url") if callspec else None
            if database in DATABASES:
                groups.append(DATABASES[database])
            if item.get_closest_marker("browser") is not None:
                groups.append("browser")
            self.groups[item.nodeid] = groups

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.when != "call" and report.outcome == "passed":
            return  # setup and teardown that went fine
        outcome = report.outcome  # passed / failed / skipped
        if outcome == "failed" and report.when != "call":
            outcome = "errors"  # a fixture failed, e.g. the database could not be set up
        if outcome == "passed":
            self.passed += 1
        for group in self.groups.get(report.nodeid, []):
            self.outcomes.setdefault(group, Counter())[outcome] += 1
            if outcome == "skipped" and group not in self.skip_reasons:
                longrepr = report.longrepr
                reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
                self.skip_reasons[group] = reason.removeprefix("Skipped: ")

    def describe(self, group: str) -> str:
        counts = self.outcomes.get(group, Counter())
        if not counts:
            return "no tests selected"
        keys = ("passed", "failed", "errors", "skipped")
        text = ", ".join(f"{counts[key]} {key}" for key in keys if counts[key])
        if counts["skipped"] and group in self.skip_reasons:
            text += f": {self.skip_reasons[group]}"
        return text

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        # Printed before pytest's own closing "N passed" line, which stays the last line.
        databases = "; ".join(f"{name} ({self.describe(name)})" for name in DATABASES.values())
        terminalreporter.write_line(f"databases: {databases}")
        terminalreporter.write_line(f"browser (Chromium): {self.describe('browser')}")


def run_pytest(args: list[str]) -> int:
    """Run pytest in this process with the summary plugin; fail when no test passed."""
    import pytest

    summary = RunSummary()
    print("$ pytest " + " ".join(args), flush=True)
    code = int(pytest.main(args, plugins=[summary]))
    if code == NO_TESTS_COLLECTED:
        print("FAILED: pytest collected no tests; a run that tests nothing must not pass")
        return 1
    if code == 0 and summary.passed == 0:
        print("FAILED: every test was skipped; a run that tests nothing must not pass")
        return 1
    return code


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    # Run as a file, this folder is first on sys.path; tests import `scripts.*` from the root.
    here = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    sys.path.insert(0, str(ROOT))
    code = run_ruff()
    if code != 0:
        print(
            f"FAILED: ruff check found problems (exit {code}); fix them or run `ruff check --fix`"
        )
        return code
    ensure_chromium()
    return run_pytest(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
