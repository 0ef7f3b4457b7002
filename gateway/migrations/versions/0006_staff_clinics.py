"""staff clinics: each staff account belongs to a clinic; room for an encrypted TOTP secret.

Existing accounts join the clinic when the deployment has exactly one (the usual case), so no
one's view widens; with several clinics they stay unscoped until an admin assigns them. TOTP
secrets stored in the clear before this revision are dropped: those people enrol again (the
README's Staff app section says so), because a secret that sat unencrypted is not one to keep.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-03 20:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("staffuser", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clinic_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_staffuser_clinic_id"), ["clinic_id"], unique=False)
        batch_op.create_foreign_key("fk_staffuser_clinic_id", "clinic", ["clinic_id"], ["id"])
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=64),
            type_=sa.String(length=200),
            existing_nullable=True,
        )
    bind = op.get_bind()
    clinics = bind.execute(sa.text("SELECT id FROM clinic")).scalars().all()
    if len(clinics) == 1:
        bind.execute(sa.text("UPDATE staffuser SET clinic_id = :id"), {"id": clinics[0]})
    bind.execute(
        sa.text(
            "UPDATE staffuser SET totp_secret = NULL, totp_last_step = NULL "
            "WHERE totp_secret IS NOT NULL"
        )
    )


def downgrade() -> None:
    """Revert this revision (encrypted TOTP secrets are dropped: they do not fit the old column)."""
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE staffuser SET totp_secret = NULL, totp_last_step = NULL"))
    with op.batch_alter_table("staffuser", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=200),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
        batch_op.drop_constraint("fk_staffuser_clinic_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_staffuser_clinic_id"))
        batch_op.drop_column("clinic_id")
