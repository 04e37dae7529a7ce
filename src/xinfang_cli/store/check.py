"""`xf db check`: is the database whole, and at the schema this program needs?"""

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from xinfang_cli.domain.errors import DatabaseUnusable, ExitCode
from xinfang_cli.i18n import t
from xinfang_cli.store.db import HEAD, Target, make_engine, schema_revision, unusable
from xinfang_cli.store.models import Case, FollowUp, History, Incident, Unit


def check(target: Target, lock_timeout: float) -> dict[str, object]:
    """Integrity, foreign keys, schema revision and row counts, as one report."""
    report: dict[str, object] = {"target": target.label, "head": HEAD, "revision": None,
                                 "integrity": None, "counts": {}, "ok": False,
                                 "exit_code": int(ExitCode.DATABASE), "lines": []}
    lines: list[str] = report["lines"]  # type: ignore[assignment]
    if target.path is not None and not target.path.exists():
        lines.append(t("err.db_missing", target=target.label))
        return report
    engine = make_engine(target, lock_timeout)
    try:
        return _check(engine, target, report, lines)
    finally:
        engine.dispose()


def _check(engine, target: Target, report: dict[str, object],  # type: ignore[no-untyped-def]
           lines: list[str]) -> dict[str, object]:
    try:
        report["revision"] = revision = schema_revision(engine)
        problems = _integrity(engine) if target.path is not None else []
    except DBAPIError as exc:
        error: DatabaseUnusable = unusable(exc, target)
        lines.append(t(error.key, **error.params))
        return report
    report["integrity"] = "ok" if not problems else problems
    lines.append(t("check.target", target=target.label))
    lines.append(t("check.revision", revision=revision or "—", head=HEAD))
    lines.append(t("check.integrity_ok") if not problems
                 else t("check.integrity_bad", problems="; ".join(problems[:5])))
    if revision is None:
        lines.append(t("err.db_not_initialised", target=target.label))
        return report
    if revision != HEAD:
        lines.append(t("err.db_old", target=target.label, revision=revision))
        return report
    if problems:
        return report
    report["counts"] = counts = _counts(engine)
    lines.append(t("check.counts", **counts))
    report["ok"], report["exit_code"] = True, int(ExitCode.OK)
    return report


def _integrity(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        result = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        fks = conn.execute(text("PRAGMA foreign_key_check")).all()
    problems = [r for r in result if r != "ok"]
    problems += [f"foreign key: {row[0]} rowid {row[1]} -> {row[2]}" for row in fks]
    return problems


def _counts(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(model)) or 0
                for name, model in (("units", Unit), ("cases", Case),
                                    ("followups", FollowUp), ("incidents", Incident),
                                    ("history", History))}
