"""delivery: retry time budgets, reminder deadlines, reconciliation of unknown sends, and the
carrier's delivery time on status events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 18:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("give_up_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("not_after", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("outcome_unknown_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("statusevent") as batch:
        batch.add_column(sa.Column("raw_dlr_done_date", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("statusevent") as batch:
        batch.drop_column("raw_dlr_done_date")
    with op.batch_alter_table("message") as batch:
        batch.drop_column("outcome_unknown_at")
        batch.drop_column("not_after")
        batch.drop_column("give_up_at")
