"""Cases as they stood at the end of a day, counted in SQL where the columns tell it.

A case with no tracked history row dated after the day stood then as its columns say
now, so its figures are SQL aggregates (one scan per report, whatever the district's
size). The others are rebuilt from the history in Python (`domain.timeline`): cases
changed after the day, and cases under (re-)review, whose last closing due date is only
in the history. For today's figures that is a handful of cases; for a day long past,
those received by then and changed since, mostly the ones still open then (on the
district, 2,560 of the 48,526 received by mid-2016). The scorecard, the weekly report,
`xf status` and `xf overdue` all count this way.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, and_, func, or_, select, union
from sqlalchemy import case as when
from sqlmodel import Session

from xinfang_cli.domain.enums import PENDING, CaseStatus
from xinfang_cli.domain.timeline import TRACKED, Snapshot, Timeline, snapshots
from xinfang_cli.store.models import Case, FollowUp, History, Unit

UNDER_REVIEW = (str(CaseStatus.REVIEWING), str(CaseStatus.REREVIEWING))
RESOLVED = (str(CaseStatus.CLOSED), str(CaseStatus.TERMINATED))


# What a timeline reads of its case: plain rows cost a third of loading Case objects.
CASE_COLUMNS = (Case.id, Case.received, Case.source, Case.backlog, Case.repeat_of, Case.summary,
                Case.petitioner, Case.status, Case.status_on, Case.accept_due, Case.accepted,
                Case.due, Case.closed, Case.outcome, Case.satisfaction, Case.leader)


LISTED = 5000  # up to this many case ids go back to the database as a list; more, as a query


@dataclass(frozen=True)
class CaseIds:
    """Case ids chosen by a query, read once. Where they are few they go back to the
    database as a list, which the planner looks up one by one: with the query inside,
    PostgreSQL read all 100,000 cases to find a week's 325 closures (27 ms instead of 3),
    and SQLite counted follow-ups through the wrong index (5 ms instead of 1)."""

    query: Select[Any] | CompoundSelect[Any]
    listed: list[str] | None  # None: too many to list

    @classmethod
    def read(cls, session: Session, query: Select[Any] | CompoundSelect[Any]) -> "CaseIds":
        wanted = list(session.scalars(query.limit(LISTED + 1)))
        return cls(query, wanted if len(wanted) <= LISTED else None)

    def among(self, column: Any) -> ColumnElement[bool]:
        """`column` is one of these ids."""
        if self.listed is not None:
            return column.in_(self.listed)  # type: ignore[no-any-return]
        return column.in_(self.query.subquery().select())  # type: ignore[no-any-return]


def rebuilt_ids(day: date, tracked: Iterable[str]) -> CompoundSelect[Any]:
    """Ids of the cases that need their history: received by `day` and changed after it, or
    under review. (Every reader counts only cases received by the day: for a day long past,
    leaving out the later ones keeps the list short enough to send as a list.)"""
    # a correction (`edit`) is true of every day: the columns tell it as well as the history
    changed = (select(History.case_id).join(Case, Case.id == History.case_id)
               .where(History.on > day, History.field.in_(list(tracked)),
                      History.action != "edit", Case.received <= day))
    # pending_due: the partial index finds the few pending cases; status picks the reviews
    reviewed = select(Case.id).where(Case.pending_due.is_not(None),
                                     Case.status.in_(UNDER_REVIEW))
    return union(changed, reviewed)


def timelines(session: Session, day: date, ids: CaseIds,
              tracked: Iterable[str]) -> list[Timeline]:
    """The timelines of the cases `ids` holds, received by `day`."""
    found = {c.id: Timeline(c, c.code) for c in session.execute(
        select(*CASE_COLUMNS, Unit.code).join(Unit, Unit.id == Case.unit_id)
        .where(Case.received <= day, ids.among(Case.id)).order_by(Case.year, Case.seq))}
    history = select(History.case_id, History.on, History.action, History.field, History.old,
                     History.new).where(History.field.in_(list(tracked))).order_by(History.id)
    if len(found) <= LISTED:
        history = history.where(History.case_id.in_(list(found)))
    # streamed, not buffered (a Core result: the ORM's buffers every row): with too many
    # cases to list, every row of these fields is read (the campaign summary of the district
    # held 471 MB; 130 MB streamed)
    for case_id, on, action, name, old, new in session.connection().execute(
            history.execution_options(stream_results=True)):
        if case_id in found:
            found[case_id].add(on, action, name, old, new)
    return list(found.values())


def rebuilt_on(session: Session, day: date) -> tuple[CaseIds, list[Snapshot]]:
    """The cases whose state at the end of `day` only their history tells (`rebuilt_ids`), and
    their snapshots; every other case stood then as its columns say now."""
    rebuilt = CaseIds.read(session, rebuilt_ids(day, TRACKED))
    return rebuilt, snapshots(timelines(session, day, rebuilt, TRACKED), day)


def changed_after(session: Session, day: date) -> bool:
    """Has anything happened after `day`? Then today's columns are not the state on `day`."""
    from sqlalchemy import exists

    return bool(session.scalar(select(exists().where(History.on > day))))


# --- the assessment year ---------------------------------------------------------------------


@dataclass(frozen=True)
class Year:
    """An assessment year (考核年度) up to a day: the cases received from `start` (1 January)
    on, and the ones received before it and still pending when it began (`carried`, the
    backlog the year inherited). A case closed in December is done with; one still open on
    1 January is the new year's work, and counts in it."""

    start: date
    carried: frozenset[str]
    backlog_only: bool = False

    def has(self, case_id: str, received: date) -> bool:
        return received >= self.start or case_id in self.carried

    def carried_sql(self) -> ColumnElement[bool]:
        """The carried cases in SQL: their ids where they are few; where they are many (an
        old ledger imported without its closures), what makes them so, as
        `assessment_year` reads it: a list that long would pass the database's limit on
        parameters. Each case's first status row after the eve is found for all of them
        at once, not looked up case by case (on a server, a unit login's policy on the
        history would run once per lookup)."""
        if len(self.carried) <= LISTED:
            return Case.id.in_(sorted(self.carried))
        eve = self.start - timedelta(days=1)
        firsts = (select(func.min(History.id))
                  .where(History.field == "status", History.on > eve,
                         History.action.not_in(("add", "edit")))
                  .group_by(History.case_id))
        first = (select(History.case_id, History.old).where(History.id.in_(firsts))
                 .subquery("first"))
        then = func.coalesce(when((Case.status_on > eve, first.c.old)), Case.status)
        kinds = (Case.backlog.is_not(None),) if self.backlog_only else ()
        return Case.id.in_(
            select(Case.id).outerjoin(first, first.c.case_id == Case.id)
            .where(Case.received <= eve, then.in_([str(s) for s in PENDING]), *kinds)
            .correlate(None))  # its own scan of the cases, not the enclosing query's row


def assessment_year(session: Session, start: date, backlog_only: bool = False) -> Year:
    """The year from `start`, with the cases still pending at the end of the day before
    (only the backlog cases among them, if `backlog_only`: all the weekly report needs;
    the partial index `ix_case_backlog` holds them, revision 0010).

    Pending then and untouched since: pending now, with their last status change by then
    (the partial index of pending cases finds them). Changed since: pending then if the
    first status change after the eve started from a pending status (a registration is no
    change; a correction is true of every day), or, where none came after, if pending now.
    Those rows are read for the listed cases in one query, not looked up case by case: on
    a server, a unit login's policy on the history ran once per lookup (the district's
    report: 0.26 s against 0.01 s)."""
    eve = start - timedelta(days=1)
    kinds = (Case.backlog.is_not(None),) if backlog_only else ()
    untouched = session.scalars(select(Case.id).where(
        Case.pending_due.is_not(None), Case.status.in_([str(s) for s in PENDING]),
        Case.received <= eve, Case.status_on <= eve, *kinds))
    changed = dict(session.execute(select(Case.id, Case.status).where(
        Case.received <= eve, Case.status_on > eve, *kinds)).all())
    rows = (select(History.case_id, History.old)
            .where(History.field == "status", History.on > eve,
                   History.action.not_in(("add", "edit")))
            .order_by(History.id))
    if len(changed) <= LISTED:  # looked up by case, else every later status row read once
        rows = rows.where(History.case_id.in_(list(changed)))
    first: dict[str, str | None] = {}
    for case_id, old in session.execute(rows):
        if case_id in changed:
            first.setdefault(case_id, old)
    replayed = {case_id for case_id, now in changed.items()
                if first.get(case_id, now) in PENDING}
    return Year(start, frozenset(untouched) | replayed, backlog_only)


# --- the columns, read as of a day (for cases not rebuilt) ------------------------------------


def counted(day: date) -> ColumnElement[bool]:
    """Not voided by the end of `day`: a void counts from its own day (`status_on`)."""
    return or_(Case.status != str(CaseStatus.VOIDED), Case.status_on > day)


def decided() -> ColumnElement[Any]:
    """The day the case left `registered`: accepted, or not accepted (the status change)."""
    return func.coalesce(Case.accepted, when((Case.status != str(CaseStatus.REGISTERED),
                                              Case.status_on)))


def pending_due() -> ColumnElement[Any]:
    """The deadline running (reviews are rebuilt, so only acceptance and handling here)."""
    return when((Case.status == str(CaseStatus.REGISTERED), Case.accept_due),
                (Case.status == str(CaseStatus.ACCEPTED), Case.due))


def count_if(*conditions: Any) -> ColumnElement[Any]:
    # an aggregate FILTER (SQLite 3.30+, PostgreSQL): cheaper per row than sum(CASE …).
    # A comparison with NULL is never true, so `x < y` needs no `x IS NOT NULL` beside it:
    # these expressions run 100,000 times a report, and each one left out counts.
    return func.count().filter(and_(*conditions))


def unit_sums(session: Session, day: date, exclude: CaseIds,
              counts: dict[str, ColumnElement[Any]], year: Year | None = None,
              within: ColumnElement[bool] | None = None) -> dict[int, dict[str, int]]:
    """Per unit id, each named count over the cases received by `day` (and of the `year`,
    if given; and `within` them, if given) not in `exclude`.

    Counted over every case, less the excluded few counted alike: a condition on `id` would
    keep SQLite from answering from the covering index `ix_case_figures` (0.03 s → 0.2 s).
    A year's cases are those received in it (a range of that index) and the carried ones,
    found by their ids. `within` picks a few cases by id instead
    (`views.report.events_in`)."""
    names = list(counts)
    query = (select(Case.unit_id, *(counts[n].label(n) for n in names))
             .where(Case.received <= day, counted(day)).group_by(Case.unit_id))
    if within is not None:  # the few cases the counts can be true of
        query = query.where(within)
    if year is None:
        sums = _by_unit(session.execute(query), names)
        less = _by_unit(session.execute(query.where(exclude.among(Case.id))), names)
        return _minus(sums, less)
    # a backlog year's cases are backlog cases: the partial index `ix_case_backlog` has them
    query = query.where(Case.received >= year.start,
                        *((Case.backlog.is_not(None),) if year.backlog_only else ()))
    sums = _by_unit(session.execute(query), names)
    less = _by_unit(session.execute(query.where(exclude.among(Case.id))), names)
    _plus(sums, carried_sums(session, day, exclude, counts, year))
    return _minus(sums, less)


def carried_sums(session: Session, day: date, exclude: CaseIds,
                 counts: dict[str, ColumnElement[Any]], year: Year) -> dict[int, dict[str, int]]:
    """Per unit id, each named count over the year's carried cases not in `exclude`: found
    by their ids, few."""
    if not year.carried:
        return {}
    names = list(counts)
    query = (select(Case.unit_id, *(counts[n].label(n) for n in names))
             .where(year.carried_sql(), counted(day)).group_by(Case.unit_id))
    return _minus(_by_unit(session.execute(query), names),
                  _by_unit(session.execute(query.where(exclude.among(Case.id))), names))


def _plus(sums: dict[Any, dict[str, int]], more: dict[Any, dict[str, int]]) -> None:
    for key, counts in more.items():
        mine = sums.setdefault(key, {})
        for name, n in counts.items():
            mine[name] = mine.get(name, 0) + n


def _by_unit(rows: Any, names: list[str]) -> dict[int, dict[str, int]]:
    return {row[0]: {n: int(v or 0) for n, v in zip(names, row[1:], strict=True)}
            for row in rows}


def _minus(sums: dict[Any, dict[str, int]],
           less: dict[Any, dict[str, int]]) -> dict[Any, dict[str, int]]:
    for key, counts in less.items():
        mine = sums.setdefault(key, {})
        for name, n in counts.items():
            mine[name] = mine.get(name, 0) - n
    return sums


def scorecard_counts(day: date) -> dict[str, ColumnElement[Any]]:
    """The scorecard's counts (see domain.figures.score_counts for the same in Python)."""
    backlog, resolved = Case.backlog.is_not(None), Case.status.in_(RESOLVED)
    rated = and_(Case.closed.is_not(None), Case.satisfaction.is_not(None))
    return {
        "cases": func.count(), "new": count_if(Case.backlog.is_(None)),
        "backlog": func.count(Case.backlog), "backlog_resolved": count_if(backlog, resolved),
        "accepted_on_time": count_if(decided() <= Case.accept_due),
        # decided, or still registered past the limit (status_on is never NULL)
        "accept_measured": count_if(or_(Case.accepted.is_not(None),
                                        Case.status != str(CaseStatus.REGISTERED),
                                        Case.accept_due < day)),
        "closed_on_time": count_if(Case.closed <= Case.due),
        "close_measured": count_if(or_(Case.closed.is_not(None), and_(
            Case.status == str(CaseStatus.ACCEPTED), Case.due < day))),
        "closed": func.count(Case.closed), "rated": count_if(rated),
        "satisfied": count_if(Case.closed.is_not(None),
                              Case.satisfaction.in_(["satisfied", "basic"])),
        "overdue": count_if(pending_due() < day),
        "repeats": func.count(Case.repeat_of),
        "leader_cases": func.count(Case.leader),
        "leader_resolved": count_if(Case.leader.is_not(None), resolved),
    }


def backlog_counts(since: date | None = None) -> dict[str, ColumnElement[Any]]:
    """Backlog cases by kind, and of them resolved (see views.report.backlog_unit_counts);
    received from `since`, if given."""
    counts = {}
    received = (Case.received >= since,) if since else ()
    for kind in ("historical", "excessive", "unfounded"):
        counts[f"backlog_{kind}"] = count_if(Case.backlog == kind, *received)
        counts[f"resolved_{kind}"] = count_if(Case.backlog == kind, Case.status.in_(RESOLVED),
                                              *received)
    return counts


def followup_sums(session: Session, day: date, rebuilt: CaseIds, kinds: list[str],
                  since: date | None = None
                  ) -> tuple[dict[int, dict[str, int]], dict[str, dict[str, int]]]:
    """Follow-ups of each kind on or before `day` (and from `since`): per unit id for the
    cases not rebuilt (all of them less the rebuilt few, as in `unit_sums`), and per rebuilt
    case, to be
    counted for the unit that held it then. A case not rebuilt had its unit then as now,
    the unit its follow-ups carry; a follow-up never predates its case. Those undone by
    `day`, and those of a case voided by `day`, do not count."""
    dated = FollowUp.on.between(since, day) if since else FollowUp.on <= day
    sums = _by_kind(session.execute(
        select(FollowUp.unit_id, FollowUp.kind, func.count())
        .where(FollowUp.kind.in_(kinds), dated)
        .group_by(FollowUp.unit_id, FollowUp.kind)))
    for unit_id, kind, n in _gone(dated, day, rebuilt, kinds, session):
        sums[unit_id][kind] -= n
    per_case: dict[str, dict[str, int]] = {}
    mine = select(FollowUp.case_id, FollowUp.unit_id, FollowUp.kind, func.count()).where(
        dated, live(day), rebuilt.among(FollowUp.case_id))
    if rebuilt.listed is None:  # most cases: through the (kind, on) index
        mine = mine.where(FollowUp.kind.in_(kinds))
    # A few cases are listed, and their follow-ups of every kind read, the others left out
    # below: with the kinds in the query, SQLite went through the (kind, on) index for all
    # 40,000 of them instead of each case's few by case_id (5 ms instead of 1).
    for case_id, unit_id, kind, n in session.execute(
            mine.group_by(FollowUp.case_id, FollowUp.unit_id, FollowUp.kind)):
        if kind in kinds:
            sums[unit_id][kind] -= n
            per_case.setdefault(case_id, {})[kind] = n
    return sums, per_case


def live(day: date) -> ColumnElement[bool]:
    """A follow-up not undone by the end of `day` (an undo counts from its own day)."""
    return or_(FollowUp.undone_on.is_(None), FollowUp.undone_on > day)


def _gone(dated: ColumnElement[bool], day: date, rebuilt: CaseIds, kinds: list[str],
          session: Session) -> list[Any]:
    """(unit id, kind, count) of the follow-ups that no longer count on `day`: undone by
    then, or of a case voided by then (of the cases not rebuilt: the others' snapshots
    tell). Both are few, found through their own indexes."""
    mine = (FollowUp.kind.in_(kinds), dated)
    gone: list[Any] = []
    # Each found through its own index first (most days there are none): with the kinds and
    # the day beside, SQLite walked the (kind, on) index instead (30 ms on the district).
    undone = CaseIds.read(session, select(FollowUp.id).where(FollowUp.undone_on <= day))
    if undone.listed != []:
        gone += session.execute(
            select(FollowUp.unit_id, FollowUp.kind, func.count())
            .where(undone.among(FollowUp.id), *mine).group_by(FollowUp.unit_id, FollowUp.kind))
    voided = CaseIds.read(session, select(Case.id).where(
        Case.status == str(CaseStatus.VOIDED), Case.status_on <= day))
    if voided.listed != []:
        gone += session.execute(
            select(FollowUp.unit_id, FollowUp.kind, func.count())
            .where(voided.among(FollowUp.case_id), ~rebuilt.among(FollowUp.case_id), live(day),
                   *mine)
            .group_by(FollowUp.unit_id, FollowUp.kind))
    return gone


def _by_kind(rows: Any) -> dict[int, dict[str, int]]:
    sums: dict[int, dict[str, int]] = {}
    for unit_id, kind, n in rows:
        sums.setdefault(unit_id, {})[kind] = int(n)
    return sums


def closed_in(start: date, end: date) -> Select[Any]:
    """Ids of the cases with a closure dated in the period (history: the `closed` field)."""
    return select(History.case_id).where(History.on >= start, History.on <= end,
                                         History.field == "closed", History.new.is_not(None))


def add_counts(into: dict[str, dict[str, int]], code: str, counts: dict[str, int]) -> None:
    mine = into.setdefault(code, {})
    for name, n in counts.items():
        mine[name] = mine.get(name, 0) + n
