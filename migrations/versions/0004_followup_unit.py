"""Follow-ups carry their case's unit: the scorecard counts them per unit from one index.

Counting leaders' receptions and field visits per unit used to join every follow-up to
its case: 40,000 lookups in a district of 100,000 cases, the largest part of a
scorecard. Now `followup.unit_id` is the case's unit (`xf assign` moves the follow-ups
along with the case), and the index (kind, on, unit_id, case_id) answers both the counts
per unit and those per case. Existing rows take their case's unit.

Revision ID: 0004_followup_unit
Revises: 0003_report_indexes
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_followup_unit"
down_revision: str | None = "0003_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
    op.execute("UPDATE followup SET unit_id = (SELECT petition_case.unit_id FROM petition_case"
               " WHERE petition_case.id = followup.case_id)")
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key("fk_followup_unit_id_unit", "unit", ["unit_id"], ["id"])
        batch_op.drop_index("ix_followup_kind_on")
        batch_op.create_index("ix_followup_counts", ["kind", "on", "unit_id", "case_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_counts")
        batch_op.create_index("ix_followup_kind_on", ["kind", "on", "case_id"], unique=False)
        batch_op.drop_constraint("fk_followup_unit_id_unit", type_="foreignkey")
        batch_op.drop_column("unit_id")
