"""Alembic migrations for the gateway's tables (run with `flask --app gateway migrate`)."""
