"""The office's measures on the units (`xf supervise`): `supervision`, one row per
inspection, circular, admonition talk or key management (with the day it ended).

One new table; nothing existing is touched.

Revision ID: 0008_supervision
Revises: 0007_notices
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_supervision"
down_revision: str | None = "0007_notices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "supervision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("ended_by", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_supervision_unit_id"), "supervision", ["unit_id"], unique=False)
    op.create_index(op.f("ix_supervision_on"), "supervision", ["on"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_supervision_on"), table_name="supervision")
    op.drop_index(op.f("ix_supervision_unit_id"), table_name="supervision")
    op.drop_table("supervision")
