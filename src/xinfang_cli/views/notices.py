"""Reading the papers: what a paper says (its fields, from the case and its history), the
papers issued and their delivery, and the papers the law requires that were never issued
(`xf notice list --pending`, the weekly report's count)."""

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Date, and_, bindparam, column, exists, func, or_, select, table, text
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus, NoticeKind, Outcome, Source, label
from xinfang_cli.domain.papers import (
    DECISION_TEXT,
    FIELDS,
    REMEDY_ARTICLES,
    REREVIEW_DONE,
    REVIEW_DONE,
    SOURCE_WORDS,
    TITLES,
    articles,
    cn_date,
    regulation,
)
from xinfang_cli.store.models import Case, FollowUp, History, Unit
from xinfang_cli.views.asof import LISTED, CaseIds

# the notice table, for the queries that need no model class (the report's count: its
# start-up is budgeted)
NOTICE = table("notice", column("case_id"), column("kind"), column("issued"))


def paper_fields(session: Session, case: Case, notice: Any, office: Any,
                 rules: Any) -> dict[str, Any]:
    """Every placeholder of `domain.papers.FIELDS` for this paper (empty where its kind has
    no such fact), in the words and dates the paper prints; `rules`: the office's time
    limits (`domain.deadlines.DeadlineSettings`)."""
    kind = NoticeKind(notice.kind)
    unit = session.get(Unit, case.unit_id)
    rows = session.execute(select(History.id, History.action, History.field, History.old,
                                  History.new)
                           .where(History.case_id == case.id).order_by(History.id)).all()
    values: dict[str, Any] = dict.fromkeys(FIELDS, "")
    values.update(
        office=office.name, issuer=_issuer(kind, office), number=notice.number,
        kind=label(kind, "zh"), title=TITLES[kind],
        case_id=case.id, petitioner=case.petitioner, people=case.people,
        received=cn_date(case.received), source=SOURCE_WORDS[Source(case.source)],
        summary=sentence(case.summary), unit=unit.name if unit else "",
        accepted=cn_date(case.accepted), regulation=regulation(case.received),
        articles=articles(kind, case.received), remedy_days=rules.review_request_days,
        handle_days=rules.handle_days,
        superior=office.superior, superior_above=office.superior_above,
        issued=cn_date(notice.issued))
    values["basis"] = values["regulation"] + values["articles"]
    remedy = articles(kind, case.received, REMEDY_ARTICLES)
    values["remedy_basis"] = values["regulation"] + remedy if remedy else ""
    if kind is NoticeKind.ACCEPTANCE:
        values["due"] = cn_date(_date(_last(rows, "accept", "due", new=True)) or case.due)
    elif kind is NoticeKind.REJECTION:
        values["reason"] = sentence(case.end_reason)
        values["decided"] = cn_date(case.status_on)
    elif kind is NoticeKind.EXTENSION:
        values.update(extension_days=case.extended_days,
                      extension_reason=sentence(case.extension_reason),
                      due=cn_date(_date(_last(rows, "extend", "due", new=True)) or case.due))
    else:
        values.update(_decision(session, case, kind, rows))
    return values


def _decision(session: Session, case: Case, kind: NoticeKind,
              rows: list[Any]) -> dict[str, Any]:
    """A reply's, a review's or a re-review's decision: its day and outcome as they stood
    when that stage closed (a later review changes the case's columns), and its words (the
    note of `xf close --note`, else the outcome's standard sentence)."""
    opened = {a: next((r.id for r in rows if r.action == a), None)
              for a in ("review", "rereview")}
    after, before = {
        NoticeKind.REPLY: (0, opened["review"]),
        NoticeKind.REVIEW: (opened["review"] or 0, opened["rereview"]),
        NoticeKind.REREVIEW: (opened["rereview"] or 0, None),
    }[kind]
    stage = [r for r in rows if r.id > after and (before is None or r.id < before)]
    closes = [r for r in stage if r.action == "close" and r.field == "closed" and r.new]
    outcomes = [r for r in rows if r.field == "outcome" and r.new
                and (before is None or r.id < before)]
    decided = _date(closes[-1].new) if closes else case.closed
    outcome = outcomes[-1].new if outcomes else case.outcome
    note = session.scalar(
        select(FollowUp.note).where(FollowUp.case_id == case.id, FollowUp.kind == "reply",
                                    FollowUp.on == decided, FollowUp.undone_on.is_(None))
        .order_by(FollowUp.id.desc()).limit(1)) if decided else None
    words = note or (DECISION_TEXT[Outcome(outcome)] if outcome else "")
    return {"decided": cn_date(decided), "outcome": label(Outcome(outcome), "zh")
            if outcome else "", "decision": words,
            "review_requested": cn_date(case.review_requested),
            "rereview_requested": cn_date(case.rereview_requested)}


def _issuer(kind: NoticeKind, office: Any) -> str:
    """The body that decided and signs: the bureau, or for a review the body above it and
    for a re-review the one above that."""
    if kind is NoticeKind.REVIEW:
        return str(office.superior)
    if kind is NoticeKind.REREVIEW:
        return str(office.superior_above)
    return str(office.issuer)


def sentence(text: str | None) -> str:
    """A clerk's sentence set inside the paper's own: its closing stop left to the paper."""
    return (text or "").strip().rstrip("。．.；;，,、 ")


def _last(rows: list[Any], action: str, field: str, new: bool) -> str | None:
    found = [r for r in rows if r.action == action and r.field == field]
    if not found:
        return None
    return found[-1].new if new else found[-1].old


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# --- papers issued ------------------------------------------------------------------------


def notice_record(notice: Any) -> dict[str, object]:
    """The contract's notice object."""
    delivered = None
    if notice.delivered_on is not None:
        delivered = {"on": notice.delivered_on, "method": notice.delivery_method,
                     "ref": notice.delivery_ref}
    return {"case": notice.case_id, "kind": notice.kind, "number": notice.number,
            "issued": notice.issued, "by": notice.by, "file": notice.file,
            "sha256": notice.sha256, "delivered": delivered}


def notice_list(session: Session, case_id: str | None = None,
                unit: int | None = None, since: date | None = None) -> list[dict[str, object]]:
    """Issued papers, in the order of their numbers; of one case, of one unit's cases, or
    issued since a day."""
    from xinfang_cli.store.notices import Notice

    query = select(Notice).order_by(Notice.year, Notice.seq)
    if case_id is not None:
        query = query.where(Notice.case_id == case_id)
    if unit is not None:
        query = query.join(Case, Case.id == Notice.case_id).where(Case.unit_id == unit)
    if since is not None:
        query = query.where(Notice.issued >= since)
    return [notice_record(n) for n in session.scalars(query)]


# --- papers owed --------------------------------------------------------------------------


def _owed(kind: NoticeKind, day: date) -> Any:
    """The cases that owe a paper of `kind` at the end of `day`: the step it tells was taken
    by then (as the record stands), and no such paper was issued by then."""
    taken = {
        NoticeKind.ACCEPTANCE: and_(Case.accepted.is_not(None), Case.accepted <= day),
        NoticeKind.REJECTION: and_(Case.status == str(CaseStatus.REJECTED),
                                   Case.status_on <= day),
        NoticeKind.EXTENSION: and_(Case.extended_days > 0, exists().where(
            History.case_id == Case.id, History.action == "extend", History.on <= day)),
        # closed by then: a later review's close has moved `closed` on, the history has it
        NoticeKind.REPLY: and_(Case.closed.is_not(None), _closed_by(day)),
        NoticeKind.REVIEW: and_(Case.review_requested.is_not(None),
                                Case.status.in_(REVIEW_DONE),
                                _closed_by(day, since=Case.review_requested)),
        NoticeKind.REREVIEW: and_(Case.rereview_requested.is_not(None),
                                  Case.status.in_(REREVIEW_DONE), Case.closed <= day),
    }[kind]
    issued = exists().where(NOTICE.c.case_id == Case.id, NOTICE.c.kind == str(kind),
                            NOTICE.c.issued <= day)
    return and_(taken, ~issued)


def _closed_by(day: date, since: Any = None) -> Any:
    """The case was closed (办结) on or before `day` (and on or after `since`)."""
    closes = exists().where(History.case_id == Case.id, History.action == "close",
                            History.field == "closed", History.on <= day)
    return closes.where(History.on >= since) if since is not None else closes


def _before(action: str) -> Any:
    """The due date a step replaced (the history's `old` of its `due` row): the handling due
    date an extension or a review moved on."""
    return (select(History.old).where(History.case_id == Case.id, History.action == action,
                                      History.field == "due")
            .order_by(History.id.desc()).limit(1).scalar_subquery())


def pending(session: Session, day: date, unit: int | None = None, since: date | None = None,
            case_id: str | None = None) -> list[dict[str, object]]:
    """The papers owed at the end of `day`, most overdue first: each with the day it was due
    by (acceptance or not: the 15 days for deciding; extension: the handling due date it
    extended; a reply or a review's answer: the due date it was closed under)."""
    out = []
    for kind in NoticeKind:
        query = (select(Case.id, Unit.code, Unit.name, Case.status, Case.accept_due, Case.due,
                        Case.review_requested, Case.rereview_requested,
                        _before("extend"), _before("review"), _before("rereview"))
                 .join(Unit, Unit.id == Case.unit_id)
                 .where(_owed(kind, day), Case.status != str(CaseStatus.VOIDED)))
        if unit is not None:
            query = query.where(Case.unit_id == unit)
        if since is not None:
            query = query.where(Case.received >= since)
        if case_id is not None:
            query = query.where(Case.id == case_id)
        for row in session.execute(query):
            due = _due(kind, row)
            out.append({"case": row[0], "unit": row[1], "unit_name": row[2], "kind": str(kind),
                        "status": row[3], "due": due,
                        "days_overdue": (day - due).days if due else None})
    out.sort(key=lambda e: (e["due"] is None, e["due"] or day, e["case"], e["kind"]))
    return out


def _due(kind: NoticeKind, row: Any) -> date | None:
    (_id, _code, _name, _status, accept_due, due, review, rereview,
     before_extend, before_review, before_rereview) = row
    if kind in (NoticeKind.ACCEPTANCE, NoticeKind.REJECTION):
        return _day(accept_due)
    if kind is NoticeKind.EXTENSION:
        return _day(before_extend) or _day(due)
    if kind is NoticeKind.REPLY:
        return _day(before_review) if review else _day(due)
    if kind is NoticeKind.REVIEW:
        return _day(before_rereview) if rereview else _day(due)
    return _day(due)


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


STAGES = text("(extended_days > 0 OR review_requested IS NOT NULL OR status = 'terminated')")
# (the statuses below are CaseStatus's values, REVIEW_DONE and REREVIEW_DONE of domain.papers:
# tests/test_notices.py checks these counts against the owed papers listed one by one)
"""The WHERE of the partial index `ix_case_stages` (revision 0007), written as it is there:
a query names it word for word for SQLite to read the index instead of the cases."""


def paper_counts(session: Session, start: date, end: date, day: date,
                 since: date | None) -> dict[str, object]:
    """The weekly report's line on papers: issued in the period, owed at the end of `day`,
    by kind; of the cases received from `since` on.

    Counted without reading the cases one by one (a district's report is budgeted): a case
    not changed after `day` stood then as it stands now and owes what its status says,
    counted from indexes (the number of cases, those of the few statuses that owe no reply,
    and the partial index on the extended, reviewed and terminated ones), less the papers
    issued to it by then; the cases changed (or received) after `day`, none for a report of
    this week, are counted one by one as they stood on `day`."""
    issued = dict(session.execute(
        select(NOTICE.c.kind, func.count()).join(Case, Case.id == NOTICE.c.case_id)
        .where(NOTICE.c.issued.between(start, end), Case.status != str(CaseStatus.VOIDED))
        .group_by(NOTICE.c.kind)).all())
    scope = [Case.received >= since] if since is not None else []
    owed = _needs(session, since)
    changed = _changed_after(session, day)
    if changed.listed != []:
        kinds = list(NoticeKind)
        then = session.execute(select(*(func.count().filter(_now(k)) for k in kinds),
                                      *(func.count().filter(_owed(k, day)) for k in kinds))
                               .where(changed.among(Case.id),
                                      Case.status != str(CaseStatus.VOIDED), *scope)).one()
        for i, kind in enumerate(kinds):
            owed[str(kind)] += int(then[len(kinds) + i] or 0) - int(then[i] or 0)
    if session.scalar(select(NOTICE.c.kind).where(NOTICE.c.issued <= day).limit(1)):
        # each paper looks its case up (an EXISTS: the planner may not start from the cases)
        settled = (select(NOTICE.c.kind, func.count())
                   .where(NOTICE.c.issued <= day, exists().where(
                       Case.id == NOTICE.c.case_id, *scope, ~changed.among(Case.id),
                       _still_owing()))
                   .group_by(NOTICE.c.kind))
        for kind, n in session.execute(settled):
            owed[kind] -= n
    by_kind = {str(k): {"issued": int(issued.get(str(k), 0)), "owed": owed[str(k)]}
               for k in NoticeKind}
    return {"issued": sum(v["issued"] for v in by_kind.values()),
            "owed": sum(v["owed"] for v in by_kind.values()), "by_kind": by_kind}


def _changed_after(session: Session, day: date) -> CaseIds:
    """The cases with a step after `day` (received, decided, extended, closed, reviewed),
    by the history's index on its day; listed where they are few. (No DISTINCT: SQLite would
    walk the history by case to find them.)"""
    query = select(History.case_id).where(History.on > day, History.field.in_(STEPS),
                                          History.action != "edit")
    rows = list(session.scalars(query.limit(4 * LISTED)))
    ids = sorted(set(rows))
    few = len(rows) < 4 * LISTED and len(ids) <= LISTED
    return CaseIds(query, ids if few else None)


# the history fields whose change after a day makes a case's papers counted as of that day
STEPS = ("status", "accepted", "closed", "extended_days", "review_requested",
         "rereview_requested")


COUNTS = """
SELECT (SELECT count(*) FROM petition_case WHERE {scope}),
       (SELECT count(*) FROM petition_case WHERE status = 'registered' AND {scope}),
       (SELECT count(*) FROM petition_case WHERE status = 'accepted' AND {scope}),
       (SELECT count(*) FROM petition_case WHERE status = 'rejected' AND {scope}),
       (SELECT count(*) FROM petition_case WHERE status = 'voided' AND {scope}),
       (SELECT count(*) FROM petition_case WHERE status = 'terminated' AND {scope})
"""
STAGED = """
SELECT count(*) FILTER (WHERE extended_days > 0 AND status <> 'voided'),
       count(*) FILTER (WHERE review_requested IS NOT NULL
                        AND status IN ('closed', 'rereviewing', 'terminated')),
       count(*) FILTER (WHERE rereview_requested IS NOT NULL
                        AND status IN ('closed', 'terminated')),
       count(*) FILTER (WHERE status = 'terminated' AND closed IS NOT NULL)
FROM petition_case WHERE {stages} AND {scope}
"""


def _needs(session: Session, since: date | None) -> dict[str, int]:
    """Per kind, the cases (received from `since` on) whose state now calls for that paper:
    an acceptance notice once accepted (every status but registered, rejected and voided),
    a reply once closed (closed, under review, or terminated after a close), and so on;
    counted from the status index and the partial index `ix_case_stages`, in plain SQL (no
    expression to build: a report's start-up is budgeted)."""
    scope = "received >= :since" if since is not None else "1 = 1"

    def statement(sql: str) -> Any:  # the day bound as a date (each driver's own way)
        query = text(sql)
        return query.bindparams(bindparam("since", since, type_=Date)) if since else query

    total, registered, accepted, rejected, voided, terminated = (
        int(n) for n in session.execute(statement(COUNTS.format(scope=scope))).one())
    extended, reviewed, rereviewed, terminated_closed = (int(n or 0) for n in session.execute(
        statement(STAGED.format(stages=STAGES.text, scope=scope))).one())
    decided = total - registered - rejected - voided
    return {
        str(NoticeKind.ACCEPTANCE): decided,
        str(NoticeKind.REJECTION): rejected,
        str(NoticeKind.EXTENSION): extended,
        str(NoticeKind.REPLY): decided - accepted - terminated + terminated_closed,
        str(NoticeKind.REVIEW): reviewed,
        str(NoticeKind.REREVIEW): rereviewed,
    }


@cache
def _now(kind: NoticeKind) -> Any:
    """The case's state (now) calls for a paper of `kind`: `_needs`, one case at a time."""
    S = CaseStatus
    return {
        NoticeKind.ACCEPTANCE: Case.status.not_in([str(S.REGISTERED), str(S.REJECTED),
                                                   str(S.VOIDED)]),
        NoticeKind.REJECTION: Case.status == str(S.REJECTED),
        NoticeKind.EXTENSION: and_(Case.extended_days > 0, Case.status != str(S.VOIDED)),
        NoticeKind.REPLY: and_(Case.closed.is_not(None), Case.status.not_in(
            [str(S.REGISTERED), str(S.ACCEPTED), str(S.REJECTED), str(S.VOIDED)])),
        NoticeKind.REVIEW: and_(Case.review_requested.is_not(None),
                                Case.status.in_(REVIEW_DONE)),
        NoticeKind.REREVIEW: and_(Case.rereview_requested.is_not(None),
                                  Case.status.in_(REREVIEW_DONE)),
    }[kind]


@cache
def _still_owing() -> Any:
    """A paper issued to a case whose state (now) still calls for it."""
    return or_(*(and_(NOTICE.c.kind == str(kind), _now(kind)) for kind in NoticeKind))
