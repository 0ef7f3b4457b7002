"""`clinic-gateway <command>`: the Flask CLI commands without typing `flask --app gateway`.

Its own module, not `gateway.cli`: `create_app` registers `gateway.cli`'s commands, so the entry
point that builds the app sits above both and no two modules import each other.
"""

from __future__ import annotations

from flask.cli import FlaskGroup

from gateway import create_app


def main() -> None:
    """Run the command group with the app from `create_app`."""
    FlaskGroup(create_app=create_app)(prog_name="clinic-gateway")
