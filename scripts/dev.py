"""One entry point for a fresh machine: `python3 scripts/dev.py demo` or `python3 scripts/dev.py test`.

It needs only Python 3.11+. It makes `.venv/` beside the project, installs the project with its
test extras there (again whenever pyproject.toml changes), and then either starts the demo (web
app, worker and a local Twilio-compatible server on an embedded SQLite database) or runs the
whole test suite on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".installed-from"


def ensure_venv() -> None:
    """Create the virtual environment and install the project when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script is what tells older Pythons
        sys.exit("Python 3.11 or newer is needed (this is {}.{})".format(*sys.version_info[:2]))
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("installing the project and its test tools into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test"}:
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = argv[0], argv[1:]
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
