"""The papers to the petitioner: issuing one (its document number handed out, its file's
SHA-256 kept, a reveal recorded) and recording its delivery (送达).

A paper once printed and posted cannot be taken back: its rows carry no command, so
`xf undo` passes them by (as it does a reveal), and its number is never given again.
"""

from datetime import date

from sqlalchemy import select

from xinfang_cli.domain.enums import CaseStatus, DeliveryMethod, NoticeKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.papers import PaperState, check_delivery, document_number, missing
from xinfang_cli.operations.op import Op
from xinfang_cli.store.models import Case
from xinfang_cli.store.notices import Notice, NoticeSequence
from xinfang_cli.store.repository import allocate, get_case, record


def paper_state(case: Case) -> PaperState:
    return PaperState(status=case.status, accepted=case.accepted,
                      extended=case.extended_days > 0, closed=case.closed,
                      review_requested=case.review_requested,
                      rereview_requested=case.rereview_requested)


def issued(op: Op, case_id: str, kind: NoticeKind) -> Notice | None:
    return op.session.scalars(select(Notice).where(Notice.case_id == case_id,
                                                   Notice.kind == str(kind))).first()


def issue(op: Op, ref: str, kind: NoticeKind, pattern: str, reprint: bool = False
          ) -> tuple[Case, Notice]:
    """The paper of `kind` for the case: a new number (this year's next), or with `reprint`
    the one it was issued under. Refused where the case's state does not fit the kind, where
    the paper was issued already (without `reprint`), or never (with it). The file is named
    and its SHA-256 kept by `filed`, once written."""
    case = get_case(op.session, ref, lock=True)  # two clerks issuing it queue here
    fault = missing(kind, paper_state(case))
    if fault is not None:
        raise BadInput(fault, case=case.id, kind=kind, status=CaseStatus(case.status))
    notice = issued(op, case.id, kind)
    if notice is not None and not reprint:
        raise BadInput("err.notice_issued", case=case.id, kind=kind, number=notice.number,
                       issued=notice.issued)
    if notice is None and reprint:
        raise BadInput("err.notice_not_issued", case=case.id, kind=kind)
    if notice is None:
        year = op.today.year
        seq = allocate(op.session, NoticeSequence, year)
        notice = Notice(case_id=case.id, kind=str(kind), year=year, seq=seq,
                        number=document_number(pattern, year, seq), issued=op.today, by=op.by,
                        file="", sha256="")
        op.session.add(notice)
    return case, notice


def filed(op: Op, notice: Notice, file: str, sha256: str, content: str,
          reprint: bool) -> None:
    """The paper is written: on its issue, its file, the file's SHA-256 and the SHA-256 of
    what it says (`content`: its fields) kept; two history rows on the case, the paper's
    (`notice` or `reprint`: kind and number, a reprint its file) and the reveal of the
    petitioner's name it carries.

    A reprint must say what the paper issued said: where the case has changed since (an
    undone close closed again otherwise, a corrected summary), it is refused, and the
    paper as issued stays the record (its file and SHA-256 are not replaced)."""
    if reprint and notice.content_sha256 and notice.content_sha256 != content:
        raise BadInput("err.reprint_changed", case=notice.case_id, kind=NoticeKind(notice.kind),
                       number=notice.number, issued=notice.issued, file=notice.file)
    if not reprint:
        notice.file, notice.sha256, notice.content_sha256 = file, sha256, content
        op.session.add(notice)
    action = "reprint" if reprint else "notice"
    record(op.session, notice.case_id, op.today, op.by, action,
           [(notice.kind, None, f"{notice.number} {file}" if reprint else notice.number)])
    record(op.session, notice.case_id, op.today, op.by, "reveal",
           [("personal_data", None, f"notice:{notice.kind}")])
    op.session.flush()


def deliver(op: Op, ref: str, kind: NoticeKind, on: date, method: DeliveryMethod,
            reference: str | None) -> tuple[Notice, str | None]:
    """送达: the day and the way the paper reached the petitioner (registered mail with its
    tracking number). Recorded again, it replaces the earlier record (a returned letter
    delivered anew); the history keeps both. Returns the notice and the earlier record."""
    case = get_case(op.session, ref, lock=True)
    notice = issued(op, case.id, kind)
    if notice is None:
        raise BadInput("err.deliver_not_issued", case=case.id, kind=kind)
    check_delivery(notice.issued, on, op.today)
    reference = (reference or "").strip() or None
    if method is DeliveryMethod.REGISTERED and reference is None:
        raise BadInput("err.deliver_needs_ref")
    if reference is not None and len(reference) > 200:
        raise BadInput("err.too_long", field="--ref", n=len(reference), max=200)
    before = delivery_text(notice)
    notice.delivered_on, notice.delivery_method = on, str(method)
    notice.delivery_ref = reference
    op.session.add(notice)
    after = delivery_text(notice)
    if after != before:
        record(op.session, case.id, on, op.by, "deliver", [(notice.kind, before, after)])
    op.session.flush()
    return notice, before


def delivery_text(notice: Notice) -> str | None:
    """How the history writes a delivery: `2018-06-10 registered XA123456789CN`."""
    if notice.delivered_on is None:
        return None
    parts = [notice.delivered_on.isoformat(), notice.delivery_method or ""]
    if notice.delivery_ref:
        parts.append(notice.delivery_ref)
    return " ".join(parts)
