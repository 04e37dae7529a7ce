"""Correcting the record: commands, reasons, voided incidents, undone follow-ups, unit history.

- command: one row per run of a command that changed the record; history rows, follow-ups,
  incidents and unit changes carry its id, so `xf undo` finds what one command wrote;
- history.reason: why a change was made (`xf edit --reason`, `xf void --reason`, undo);
- followup.undone_on / undone_by, incident.voided_on / void_reason / voided_by: taken back,
  never deleted;
- unit: email and work-group webhook, retired_on and merged_into (`xf unit retire`);
- unit_history: every change to a unit.

Every new column is nullable and added in place (no table is copied, so a district's
1.5 million history rows are not rewritten on SQLite); rows written before this revision
have no command and cannot be undone. A case's new status `voided` needs no schema.

Revision ID: 0005_corrections
Revises: 0004_followup_unit
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_corrections"
down_revision: str | None = "0004_followup_unit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "command",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("undo_of", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_command_undo_of"), "command", ["undo_of"], unique=False)
    op.create_table(
        "unit_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("command_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("old", sa.String(), nullable=True),
        sa.Column("new", sa.String(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_unit_history_unit_id"), "unit_history", ["unit_id"], unique=False)
    op.create_index(op.f("ix_unit_history_command_id"), "unit_history", ["command_id"],
                    unique=False)
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("command_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(), nullable=True))
        batch_op.create_index(batch_op.f("ix_history_command_id"), ["command_id"], unique=False)
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("command_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("undone_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("undone_by", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_followup_undone_on"), ["undone_on"], unique=False)
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("command_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("voided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("voided_by", sa.Integer(), nullable=True))
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("webhook", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("retired_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unit", schema=None) as batch_op:
        for column in ("merged_into", "retired_on", "webhook", "email"):
            batch_op.drop_column(column)
    with op.batch_alter_table("incident", schema=None) as batch_op:
        for column in ("voided_by", "void_reason", "voided_on", "command_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_undone_on"))
        for column in ("undone_by", "undone_on", "command_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_command_id"))
        batch_op.drop_column("reason")
        batch_op.drop_column("command_id")
    op.drop_index(op.f("ix_unit_history_command_id"), table_name="unit_history")
    op.drop_index(op.f("ix_unit_history_unit_id"), table_name="unit_history")
    op.drop_table("unit_history")
    op.drop_index(op.f("ix_command_undo_of"), table_name="command")
    op.drop_table("command")
