"""Every fault of issue 10 in one run: the inbound faults, then the Twilio faults.

    python scripts/fault.py [--database-url postgresql://...]

Runs `scripts/fault_ingest.py` (a locked SQLite file, PostgreSQL refusing connections, PostgreSQL
back) and `scripts/fault_twilio.py` (Twilio answering 500/429, answering after the client's
timeout, down for 30 simulated minutes), each as its own process with the same database option,
and passes their PASS/FAIL lines through. Exit status 1 if any line is FAIL.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server to test on")
    args = parser.parse_args(argv)
    extra = ["--database-url", args.database_url] if args.database_url else []
    codes = [
        subprocess.call([sys.executable, str(HERE / name), *extra])
        for name in ("fault_ingest.py", "fault_twilio.py")
    ]
    return 1 if any(codes) else 0


if __name__ == "__main__":
    sys.exit(main())
