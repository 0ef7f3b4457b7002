"""Autogenerate a new migration from the models: `python scripts/make_migration.py "add x"`.

By default it compares the models with a throwaway SQLite database migrated to the latest
revision, so no running database is needed; `--database-url` compares with a real one instead
(it must be at the latest revision). Read the new file in `gateway/migrations/versions/` before
committing it: autogenerate misses renames, server defaults and data changes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gateway.migrate import make_revision, upgrade  # noqa: E402 - after the path set-up


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and write the revision file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("message", help='what changed, e.g. "add reminder table"')
    parser.add_argument("--database-url", help="compare with this database instead")
    parser.add_argument(
        "--empty", action="store_true", help="write an empty revision (data migrations)"
    )
    args = parser.parse_args(argv)
    if args.database_url:
        print(
            make_revision(args.message, database_url=args.database_url, autogenerate=not args.empty)
        )
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'head.db'}"
        upgrade(url)
        print(make_revision(args.message, database_url=url, autogenerate=not args.empty))
    return 0


if __name__ == "__main__":
    sys.exit(main())
