"""The papers to the petitioner: `notice` (one row per paper: its case, kind, document
number, issue, file and SHA-256, and its delivery) and `notice_sequence` (the last document
number of each year, handed out like case numbers: gap-free, never reused).

And `ix_case_stages`, a partial index on the few cases that were extended, reviewed or
terminated: the weekly report counts the papers they owe from it alone, without reading
the district's cases (`views/notices.py`; its WHERE is written there word for word, as
SQLite needs to use it). Not declared in the models (`store.migrate.modelled`).

Revision ID: 0007_notices
Revises: 0006_search
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_notices"
down_revision: str | None = "0006_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAGES = "(extended_days > 0 OR review_requested IS NOT NULL OR status = 'terminated')"


def upgrade() -> None:
    op.create_table(
        "notice_sequence",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("issued", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("file", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("delivery_method", sa.String(length=20), nullable=True),
        sa.Column("delivery_ref", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["petition_case.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "kind", name="uq_notice_case_kind"),
        sa.UniqueConstraint("year", "seq", name="uq_notice_year_seq"),
    )
    op.create_index(op.f("ix_notice_case_id"), "notice", ["case_id"], unique=False)
    op.create_index(op.f("ix_notice_issued"), "notice", ["issued"], unique=False)
    op.execute("CREATE INDEX ix_case_stages ON petition_case "
               "(status, closed, extended_days, review_requested, rereview_requested, received) "
               f"WHERE {STAGES}")


def downgrade() -> None:
    op.execute("DROP INDEX ix_case_stages")
    op.drop_index(op.f("ix_notice_issued"), table_name="notice")
    op.drop_index(op.f("ix_notice_case_id"), table_name="notice")
    op.drop_table("notice")
    op.drop_table("notice_sequence")
