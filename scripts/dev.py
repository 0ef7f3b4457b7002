"""One entry point for a fresh machine: `python3 scripts/dev.py demo` or `python3 scripts/dev.py test`.

It needs only Python 3.11+. It makes `.venv/` beside the project and installs exactly
`requirements.lock` there (every package pinned, with hashes), then the project itself without
dependencies; it does so again whenever the lock, `pyproject.toml` or the Python changes (a stamp
of their hashes in `.venv/`), and removes whatever the lock no longer names. Then it either starts
the demo (web app, worker and a local Twilio-compatible server on an embedded SQLite database) or
runs the whole test suite on SQLite and PostgreSQL.

`python3 scripts/dev.py lock [uv options]` regenerates the lock from `pyproject.toml` with the
uv that the lock itself installs; by default it keeps every existing pin, so it reproduces the
committed lock. `--upgrade-package NAME` (or `--upgrade`) moves pins on purpose.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".installed-from"
LOCK = ROOT / "requirements.lock"
REGENERATE = "python3 scripts/dev.py lock"
# The whole resolution, written once: every extra, every platform and Python from 3.11 up.
LOCK_COMMAND = [
    "pip",
    "compile",
    "pyproject.toml",
    "--extra=test",
    "--extra=dev",
    "--universal",
    "--python-version=3.11",
    "--generate-hashes",
    "--quiet",
    f"--custom-compile-command={REGENERATE}",
    "--output-file=requirements.lock",
]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==")


def install_stamp() -> str:
    """What the installed environment was made from: the lock, the project and the Python."""
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def locked_names() -> set[str]:
    """Every package the lock pins, normalised as pip spells them in `pip freeze`."""
    names = set()
    for line in LOCK.read_text().splitlines():
        match = PIN.match(line)
        if match:
            names.add(re.sub(r"[-_.]+", "-", match.group(1)).lower())
    return names


def ensure_venv() -> None:
    """Create `.venv/` and install exactly the lock when it, pyproject.toml or Python changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script is what tells older Pythons
        sys.exit("Python 3.11 or newer is needed (this is {}.{})".format(*sys.version_info[:2]))
    if not LOCK.exists():
        sys.exit(f"{LOCK.name} is missing: it is the install; restore it from git")
    wanted = install_stamp()
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        if os.environ.get("CI") == "true":
            print_installed(pip)
        return
    if not PYTHON.exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    STAMP.unlink(missing_ok=True)  # an interrupted install must not pass for a finished one
    print(f"installing {LOCK.name} into .venv ...", flush=True)
    subprocess.run([*pip, "install", "--require-hashes", "-r", str(LOCK)], check=True)
    # Built with the setuptools the lock installed, so nothing unpinned is downloaded.
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True
    )
    remove_strays(pip)
    STAMP.write_text(wanted)
    print_installed(pip)


def remove_strays(pip: list[str]) -> None:
    """Uninstall what an older lock installed and this one no longer names."""
    frozen = subprocess.run(
        [*pip, "freeze", "--exclude-editable"], check=True, capture_output=True, text=True
    ).stdout
    installed = {match.group(1) for line in frozen.splitlines() if (match := PIN.match(line))}
    wanted = locked_names()
    strays = sorted(
        name for name in installed if re.sub(r"[-_.]+", "-", name).lower() not in wanted
    )
    if strays:
        print("removing what the lock no longer names: " + ", ".join(strays), flush=True)
        subprocess.run([*pip, "uninstall", "-y", *strays], check=True)


def print_installed(pip: list[str]) -> None:
    """Write `pip freeze` into the log, so a run says exactly what it tested."""
    frozen = subprocess.run([*pip, "freeze"], check=True, capture_output=True, text=True).stdout
    print("installed (pip freeze):", flush=True)
    print("".join(f"  {line}\n" for line in frozen.splitlines()), end="", flush=True)


def regenerate_lock(extra: list[str]) -> int:
    """Resolve pyproject.toml into requirements.lock with the locked uv."""
    uv = VENV / "bin" / "uv"
    return subprocess.call([str(uv), *LOCK_COMMAND, *extra], cwd=ROOT)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "lock"}:
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = argv[0], argv[1:]
    if command == "lock":
        return regenerate_lock(rest)
    # Ctrl-C reaches the child too (same terminal); let it stop its own processes in order.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if command == "demo":
        return subprocess.call([str(PYTHON), str(ROOT / "scripts" / "demo.py"), *rest], cwd=ROOT)
    env = dict(os.environ)
    return subprocess.call(
        [str(PYTHON), str(ROOT / "scripts" / "run_tests.py"), *rest], cwd=ROOT, env=env
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
