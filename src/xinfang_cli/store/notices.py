"""The papers sent to petitioners (`xf notice`, `xf deliver`): one row per paper, and the
per-year counter of their document numbers. Apart from `models` so that only the commands
that issue, deliver or show papers build these tables' classes."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from xinfang_cli.store.models import utcnow


class NoticeSequence(SQLModel, table=True):
    """The last document number given out in a year: numbers without gaps, never reused."""

    __tablename__ = "notice_sequence"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class Notice(SQLModel, table=True):
    """告知书 / 意见书: one paper of one kind to a case's petitioner, and its delivery (送达).

    Issued once per kind; a reprint writes the same paper again under the same number (the
    file's name and SHA-256 follow the last print)."""

    __tablename__ = "notice"
    __table_args__ = (
        UniqueConstraint("case_id", "kind", name="uq_notice_case_kind"),
        UniqueConstraint("year", "seq", name="uq_notice_year_seq"),
    )
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(sa_column=Column(String(20), ForeignKey("petition_case.id"),
                                          nullable=False, index=True))
    kind: str = Field(max_length=20)
    year: int
    seq: int
    number: str = Field(max_length=100)
    issued: date = Field(index=True)
    by: str = Field(max_length=100)
    file: str = Field(max_length=500)
    sha256: str = Field(max_length=64)  # of the file as issued
    # of what the paper says (its fields): a reprint must say the same
    content_sha256: str | None = Field(default=None, max_length=64)
    delivered_on: date | None = None
    delivery_method: str | None = Field(default=None, max_length=20)
    delivery_ref: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
