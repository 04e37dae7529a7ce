"""The stored data: units, cases, follow-ups, incidents and the case history.

History and follow-ups are append-only: no code path updates or deletes them.
Enumerations are stored as their English values.
"""

from datetime import UTC, date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Unit(SQLModel, table=True):
    """责任单位: where a matter arose, and who answers for it."""

    __tablename__ = "unit"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=20)
    head: str | None = Field(default=None, max_length=100)  # 第一责任人
    leader: str | None = Field(default=None, max_length=100)  # 分管负责同志
    created_at: datetime = Field(default_factory=utcnow)
    email: str | None = Field(default=None, max_length=200)
    webhook: str | None = Field(default=None, max_length=500)  # a work group's robot
    # closed or merged (`xf unit retire`): off boards and scorecards after this day
    retired_on: date | None = None
    merged_into: int | None = None  # the unit that took its cases (unit.id)


class CaseSequence(SQLModel, table=True):
    """The last case number given out in a year: `YYYY-NNNN` ids without gaps."""

    __tablename__ = "case_sequence"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class Case(SQLModel, table=True):
    """信访事项: a petition, from receipt to its end."""

    __tablename__ = "petition_case"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_case_year_seq"),
        # The cron check reads only pending cases: a partial index on the running deadline
        # (its WHERE clause: see partial_indexes).
        Index("ix_case_pending_due", "pending_due"),
        # The scorecard and the report count these columns: a scan of this narrow index
        # replaces a scan of the wide case rows (revision 0003).
        Index("ix_case_figures", "unit_id", "received", "status", "backlog", "satisfaction",
              "leader", "repeat_of", "accepted", "status_on", "accept_due", "closed", "due"),
        # a petitioner's earlier cases: `xf petitioner`, the repeat warnings (revision 0006,
        # which also indexes a phone's digits: an expression index, not declared here)
        Index("ix_case_id_number", "id_number"),
        Index("ix_case_unit_petitioner", "unit_id", "petitioner"),
        # the cases whose status changed since a day: the weekly report's acceptances and
        # rejections are among them (revision 0010, with a partial index on the backlog
        # cases, not declared here)
        Index("ix_case_status_on", "status_on"),
    )
    id: str = Field(primary_key=True, max_length=20)
    year: int
    seq: int
    unit_id: int = Field(sa_column=Column(Integer, ForeignKey("unit.id"), nullable=False,
                                          index=True))
    source: str = Field(max_length=20)
    backlog: str | None = Field(default=None, max_length=20)
    status: str = Field(max_length=20, index=True)
    status_on: date  # the day of the last status change
    received: date = Field(index=True)
    accept_due: date
    accepted: date | None = None
    superior_due: date | None = None  # a superior's own deadline (交办)
    extended_days: int = 0
    extension_reason: str | None = None
    due: date | None = None  # the running handling/review due date, extension included
    pending_due: date | None = None  # the deadline that runs now; None when nothing is pending
    closed: date | None = None
    outcome: str | None = Field(default=None, max_length=20)
    satisfaction: str | None = Field(default=None, max_length=20)
    review_requested: date | None = None
    rereview_requested: date | None = None
    end_reason: str | None = None  # why rejected or terminated
    petitioner: str = Field(max_length=100)
    phone: str | None = Field(default=None, max_length=40)
    id_number: str | None = Field(default=None, max_length=40)
    people: int = 1
    summary: str
    topic: str | None = Field(default=None, max_length=100)
    leader: str | None = Field(default=None, max_length=100)  # 包案领导
    escalation: str | None = Field(default=None, max_length=20)
    repeat_of: str | None = Field(
        default=None, sa_column=Column(String(20), ForeignKey("petition_case.id"), nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    import_batch_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("import_batch.id"), nullable=True))


class ImportBatch(SQLModel, table=True):
    """One `xf import` of a file: which file (and its SHA-256), how many rows, who, when."""

    __tablename__ = "import_batch"
    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64, index=True)
    rows: int
    by: str = Field(max_length=100)
    at: datetime = Field(default_factory=utcnow)


class FollowUp(SQLModel, table=True):
    """A step taken on a case: a call, a visit, a leader's reception … (append-only)."""

    __tablename__ = "followup"
    # Leaders' receptions and field visits per unit (and per case), counted from the index
    # alone (revision 0004).
    __table_args__ = (Index("ix_followup_counts", "kind", "on", "unit_id", "case_id"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(sa_column=Column(String(20), ForeignKey("petition_case.id"),
                                          nullable=False, index=True))
    # The case's unit, kept on each step (`xf assign` moves them along), so that counting
    # per unit needs no join of every follow-up to its case.
    unit_id: int = Field(sa_column=Column(Integer, ForeignKey("unit.id"), nullable=False))
    kind: str = Field(max_length=20)
    on: date
    note: str
    by: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
    command_id: int | None = None
    # taken back by `xf undo` (a follow-up is never deleted): not counted after this day
    undone_on: date | None = Field(default=None, index=True)
    undone_by: int | None = None  # the undoing command


class Incident(SQLModel, table=True):
    """A skip-level petition or a breach of the four guarantees, weighing on a unit."""

    __tablename__ = "incident"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=Column(Integer, ForeignKey("unit.id"), nullable=False,
                                          index=True))
    kind: str = Field(max_length=30)
    on: date
    case_id: str | None = Field(
        default=None, sa_column=Column(String(20), ForeignKey("petition_case.id"), nullable=True))
    note: str
    by: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
    command_id: int | None = None
    # recorded by mistake (`xf incident void`, or an undone `incident add`): not counted
    # after this day
    voided_on: date | None = None
    void_reason: str | None = None
    voided_by: int | None = None  # the voiding command


class History(SQLModel, table=True):
    """One change: when, who, what, old and new value (append-only).

    `on` is the day the change took effect (the event date a clerk gave), `at`
    the moment it was written; past figures are rebuilt from `on`.
    """

    __tablename__ = "history"
    id: int | None = Field(default=None, primary_key=True)
    case_id: str | None = Field(
        default=None, sa_column=Column(String(20), ForeignKey("petition_case.id"), nullable=True,
                                       index=True))
    at: datetime = Field(default_factory=utcnow)
    on: date = Field(index=True)  # reports: the few rows dated after the day they rebuild
    by: str = Field(max_length=100)
    action: str = Field(max_length=30)
    field: str | None = Field(default=None, max_length=40)
    old: str | None = None
    new: str | None = None
    command_id: int | None = Field(default=None, index=True)  # None: a reveal, a migration
    reason: str | None = None  # why (`xf edit --reason`, `xf void --reason`, an undo)


def partial_indexes() -> None:
    """The WHERE clause of the partial index `ix_case_pending_due` (migration 0001 has it).

    Not declared in the class: naming `sqlite_where` or `postgresql_where` there makes
    SQLAlchemy import that dialect at every start of `xf` (~6 ms for SQLite, ~50 ms for
    PostgreSQL), whichever database it opens. Only the migrations need it; their
    environment calls this.
    """
    index = next(i for i in Case.__table__.indexes if i.name == "ix_case_pending_due")
    for dialect in ("sqlite", "postgresql"):
        index.dialect_options[dialect]["where"] = text("pending_due IS NOT NULL")
