"""Import batches: which file each imported case came from.

Revision ID: 0002_import_batches
Revises: 0001_initial_schema
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_import_batches"
down_revision: str | None = "0001_initial_schema"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batch_sha256"), ["sha256"], unique=False)
    _add_batch_column()


def _add_batch_column() -> None:
    """petition_case.import_batch_id, a nullable reference to the batch.

    SQLite: one ALTER TABLE ADD COLUMN with its REFERENCES clause, in place. Batch mode
    would copy and drop the cases table, which the follow-ups and history refer to: with
    PRAGMA foreign_keys=ON (always, in xf) that DROP fails, and the pragma cannot be
    switched off inside the migration's transaction.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE petition_case ADD COLUMN import_batch_id INTEGER "
                   "REFERENCES import_batch (id)")
        return
    op.add_column("petition_case", sa.Column("import_batch_id", sa.Integer(), nullable=True))
    op.create_foreign_key("petition_case_import_batch_id_fkey", "petition_case",
                          "import_batch", ["import_batch_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE petition_case DROP COLUMN import_batch_id")
    else:
        op.drop_constraint("petition_case_import_batch_id_fkey", "petition_case",
                           type_="foreignkey")
        op.drop_column("petition_case", "import_batch_id")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_sha256"))
    op.drop_table("import_batch")
