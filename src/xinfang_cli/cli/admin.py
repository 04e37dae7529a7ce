"""Setting up: the database, deadline rules and settings (units and incidents: `units`)."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    STATE,
    FormatOpt,
    HelpGroup,
    JsonOpt,
    done,
    engine,
    operation,
    operator,
    output_format,
    settings,
    target,
)
from xinfang_cli.i18n import t
from xinfang_cli.render import Format, write_json

db_app = typer.Typer(cls=HelpGroup, help=t("help.db"), no_args_is_help=True)
deadlines_app = typer.Typer(cls=HelpGroup, help=t("help.deadlines"), no_args_is_help=True)


def register(app: typer.Typer) -> None:
    panel = t("panel.admin")
    app.command(name="init", help=t("help.init"), rich_help_panel=panel)(init)
    app.add_typer(db_app, name="db", rich_help_panel=panel)
    app.add_typer(deadlines_app, name="deadlines", rich_help_panel=panel)
    app.command(name="config", help=t("help.config"), rich_help_panel=panel)(config)


def _prepare():  # type: ignore[no-untyped-def]
    """Create (SQLite: owner-only file) or open the database and bring it to the newest schema."""
    from sqlalchemy.exc import DBAPIError

    from xinfang_cli.store.db import (
        create_sqlite_file,
        make_engine,
        not_permitted,
        schema_revision,
        unusable,
    )
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
        raise (not_permitted(exc, where) or unusable(exc, where)) from None


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
        op = Op(session=session, by=operator(session), today=today(),
                deadlines=office_deadlines(),
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
    typer.echo(_toml(current.model_dump(mode="json", by_alias=True)))


def _toml(data: dict, prefix: str = "") -> str:  # type: ignore[type-arg]
    lines, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        elif value is None:  # TOML has no null: an unset key is left out, shown as a comment
            lines.append(f"# {key} =")
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
