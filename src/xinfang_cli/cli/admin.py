"""Setting up: the database, units, incidents, deadline rules and settings."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    STATE,
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OutputOpt,
    choice,
    day,
    done,
    engine,
    operation,
    output_format,
    reading,
    settings,
    target,
)
from xinfang_cli.domain.enums import IncidentKind, UnitKind
from xinfang_cli.i18n import t
from xinfang_cli.render import Format, destination, write_json

db_app = typer.Typer(cls=HelpGroup, help=t("help.db"), no_args_is_help=True)
unit_app = typer.Typer(cls=HelpGroup, help=t("help.unit"), no_args_is_help=True)
incident_app = typer.Typer(cls=HelpGroup, help=t("help.incident"), no_args_is_help=True)
deadlines_app = typer.Typer(cls=HelpGroup, help=t("help.deadlines"), no_args_is_help=True)


def register(app: typer.Typer) -> None:
    panel = t("panel.admin")
    app.command(name="init", help=t("help.init"), rich_help_panel=panel)(init)
    app.add_typer(db_app, name="db", rich_help_panel=panel)
    app.add_typer(unit_app, name="unit", rich_help_panel=panel)
    app.add_typer(incident_app, name="incident", rich_help_panel=t("panel.cases"))
    app.add_typer(deadlines_app, name="deadlines", rich_help_panel=panel)
    app.command(name="config", help=t("help.config"), rich_help_panel=panel)(config)


def _prepare():  # type: ignore[no-untyped-def]
    """Create (SQLite: owner-only file) or open the database and bring it to the newest schema."""
    from sqlalchemy.exc import DBAPIError

    from xinfang_cli.store.db import create_sqlite_file, make_engine, schema_revision, unusable
    from xinfang_cli.store.migrate import upgrade

    where = target()
    if where.path is not None and not where.path.exists():
        create_sqlite_file(where.path)
    engine = STATE.engine = make_engine(where, settings().office.lock_timeout)
    try:
        before = schema_revision(engine)
        upgrade(engine)
        return engine, before, schema_revision(engine)
    except DBAPIError as exc:
        raise unusable(exc, where) from None


def init(
    sample: Annotated[bool, typer.Option("--sample", help=t("opt.sample"), metavar="")] = False,
) -> None:
    from xinfang_cli.config.settings import office_deadlines
    from xinfang_cli.domain.dates import today
    from xinfang_cli.operations.op import Op
    from xinfang_cli.store.db import unit_of_work

    engine, before, after = _prepare()
    done(
        t("msg.db_ready", target=target().label, revision=after)
        if before != after
        else t("msg.db_current", target=target().label, revision=after)
    )
    if not sample:
        return
    from sqlalchemy import func, select

    from xinfang_cli.operations.sample import load, sample_dir
    from xinfang_cli.store.models import Case

    with unit_of_work(engine) as session:
        if session.scalar(select(func.count()).select_from(Case)):
            done(t("msg.sample_skipped"))
            return
        op = Op(session=session, by=STATE.by, today=today(), deadlines=office_deadlines(),
                name=STATE.command)
        units, cases, incidents = load(op, sample_dir())
    done(t("msg.sample_loaded", units=units, cases=cases, incidents=incidents))


@db_app.command("upgrade", help=t("help.db_upgrade"))
def db_upgrade() -> None:
    where = target()
    if where.path is not None and not where.path.exists():
        from xinfang_cli.domain.errors import DatabaseUnusable

        raise DatabaseUnusable("err.db_missing", target=where.label)
    engine, before, after = _prepare()
    done(
        t("msg.db_upgraded", before=before or "—", after=after)
        if before != after
        else t("msg.db_current", target=where.label, revision=after)
    )
    if before is not None and before != after:  # a revision may have rewritten rows
        from xinfang_cli.store.db import refresh_statistics

        refresh_statistics(engine)


@db_app.command("check", help=t("help.db_check"))
def db_check(fmt: FormatOpt = "table", as_json: JsonOpt = False) -> None:
    from xinfang_cli.store.check import check

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    report = check(target(), settings().office.lock_timeout)
    if chosen is Format.JSON:
        write_json(report)
    else:
        for line in report["lines"]:
            typer.echo(line)
    if not report["ok"]:
        raise typer.Exit(report["exit_code"])


@db_app.command("copy", help=t("help.db_copy"))
def db_copy(
    to: Annotated[str, typer.Option("--to", help=t("opt.copy_to"), metavar="PATH|URL")],
) -> None:
    from xinfang_cli.store.copy import copy_database
    from xinfang_cli.store.db import after_bulk_load, create_sqlite_file, make_engine, resolve
    from xinfang_cli.store.migrate import upgrade

    source = engine()
    where = resolve(to)
    if where.path is not None and not where.path.exists():
        create_sqlite_file(where.path)
    destination_engine = make_engine(where, settings().office.lock_timeout)
    try:
        upgrade(destination_engine)
        copied = copy_database(source, destination_engine)
        after_bulk_load(destination_engine, sum(copied.values()))
    finally:
        destination_engine.dispose()
    for table, n in copied.items():
        typer.echo(f"{table}\t{n}")
    done(
        t(
            "msg.copied",
            source=target().label,
            target=where.label,
            cases=copied.get("petition_case", 0),
        )
    )


@unit_app.command("add", help=t("help.unit_add"))
def unit_add(
    code: Annotated[str, typer.Argument(help=t("arg.unit_code"), metavar="CODE")],
    name: Annotated[str, typer.Argument(help=t("arg.unit_name"), metavar="NAME")],
    kind: Annotated[str, typer.Option("--kind", help=t("opt.unit_kind"), metavar="KIND")],
    head: Annotated[str | None, typer.Option("--head", help=t("opt.head"), metavar="NAME")] = None,
    leader: Annotated[
        str | None, typer.Option("--leader", help=t("opt.unit_leader"), metavar="NAME")
    ] = None,
) -> None:
    from xinfang_cli.operations.units import add_unit

    with operation() as op:
        unit = add_unit(
            op,
            code,
            name,
            choice(UnitKind, kind, "--kind"),  # type: ignore[arg-type]
            head,
            leader,
        )
    done(t("msg.unit_added", code=unit.code, name=unit.name))


@unit_app.command("list", help=t("help.unit_list"))
def unit_list(fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None) -> None:
    from xinfang_cli.views.units import unit_rows

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        rows = unit_rows(session)
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.cases import print_units

    with destination(output) as out:
        print_units(rows, out)


@incident_app.command("add", help=t("help.incident_add"))
def incident_add(
    unit: Annotated[str, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")],
    kind: Annotated[str, typer.Option("--kind", help=t("opt.incident_kind"), metavar="KIND")],
    note: Annotated[str, typer.Option("--note", help=t("opt.incident_note"), metavar="TEXT")],
    on: Annotated[str | None, typer.Option("--on", help=t("opt.on"), metavar="DATE")] = None,
    case: Annotated[
        str | None, typer.Option("--case", help=t("opt.incident_case"), metavar="ID")
    ] = None,
) -> None:
    from xinfang_cli.operations.incidents import add_incident

    with operation() as op:
        add_incident(
            op,
            unit,
            choice(IncidentKind, kind, "--kind"),  # type: ignore[arg-type]
            day(on, "--on"),
            note,
            case,
        )  # type: ignore[arg-type]
    done(t("msg.incident_added", unit=unit))


@incident_app.command("list", help=t("help.incident_list"))
def incident_list(
    unit: Annotated[str | None, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=t("opt.incident_since"), metavar="DATE")] = None,
    fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None,
) -> None:
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.units import incident_list as query

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        unit_id = find_unit(session, unit).id if unit else None
        rows = query(session, unit_id, day(since, "--since", default_today=False))
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.cases import print_incidents

    with destination(output) as out:
        print_incidents(rows, out)


@incident_app.command("void", help=t("help.incident_void"))
def incident_void(
    number: Annotated[int, typer.Argument(help=t("arg.incident"), metavar="N")],
    reason: Annotated[str, typer.Option("--reason", help=t("opt.void_reason"), metavar="TEXT")],
) -> None:
    from xinfang_cli.operations.incidents import void_incident

    with operation() as op:
        incident = void_incident(op, number, reason)
    done(t("msg.incident_voided", id=incident.id))


@deadlines_app.command("recompute", help=t("help.deadlines_recompute"))
def deadlines_recompute(
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"), metavar="")] = False,
) -> None:
    from xinfang_cli.operations.deadlines import recompute_deadlines

    with operation() as op:
        moved = recompute_deadlines(op)
        for case_id, field, old, new in moved:
            typer.echo(t("msg.due_moved", id=case_id, field=t(f"col.{field}"), old=old, new=new))
        if dry_run:
            op.session.rollback()
    key = "msg.recompute_dry" if dry_run else "msg.recompute_done"
    done(t(key, n=len({m[0] for m in moved})))


@deadlines_app.command("show", help=t("help.deadlines_show"))
def deadlines_show() -> None:
    rules = settings().deadlines
    for name, value in rules.model_dump().items():
        typer.echo(f"{t(f'rule.{name}')}: {value}")


def config(
    path_only: Annotated[
        bool, typer.Option("--path", help=t("opt.config_path"), metavar="")
    ] = False,
) -> None:
    """Print the settings in force as TOML (start your config.toml from it)."""
    from xinfang_cli.config.paths import data_dir
    from xinfang_cli.config.settings import config_path

    if path_only:
        typer.echo(config_path())
        return
    current = settings()
    typer.echo(f"# {t('msg.config_file')}: {config_path()}")
    typer.echo(f"# {t('msg.data_dir')}: {data_dir()}")
    typer.echo(_toml(current.model_dump(mode="json")))


def _toml(data: dict, prefix: str = "") -> str:  # type: ignore[type-arg]
    lines, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    out = "\n".join(lines)
    for key, value in tables:
        name = f"{prefix}{key}"
        body = _toml(value, f"{name}.")
        out += f"\n\n[{name}]\n{body}" if body else ""
    return out.strip()


def _toml_value(value: object) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
