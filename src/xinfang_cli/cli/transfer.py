"""Data in and out: import, export, backup, restore."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from xinfang_cli.cli.common import (
    STATE,
    OutputOpt,
    RevealOpt,
    done,
    engine,
    operator,
    settings,
    target,
)
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import t

if TYPE_CHECKING:
    from xinfang_cli.operations.op import Op

PROGRESS_FROM = 2000  # rows: smaller files finish before a bar would be read


def register(app: typer.Typer) -> None:
    """Add this module's commands to `app`."""
    panel = t("panel.admin")
    app.command(name="import", help=t("help.import"), rich_help_panel=panel)(import_file)
    app.command(name="export", help=t("help.export"), rich_help_panel=panel)(export)
    app.command(name="backup", help=t("help.backup"), rich_help_panel=panel)(backup)
    app.command(name="restore", help=t("help.restore"), rich_help_panel=panel)(restore)


FileArg = Annotated[Path, typer.Argument(help=t("arg.import_file"), metavar="FILE",
                                         dir_okay=False)]


def import_file(
    file: FileArg,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.import_dry_run"))] = False,
    again: Annotated[bool, typer.Option("--again", help=t("opt.import_again"))] = False,
) -> None:
    from sqlalchemy.exc import DBAPIError

    from xinfang_cli.operations.importing.readers import read_table
    from xinfang_cli.operations.importing.rows import RowsRejected
    from xinfang_cli.operations.importing.writer import import_rows
    from xinfang_cli.operations.restore import is_full_export
    from xinfang_cli.store.db import after_bulk_load, require_office

    table = read_table(file)
    try:
        if is_full_export(table.document):
            _restore_export(table.document, file.name, dry_run)
            return
        if table.document is not None:
            raise BadInput("err.import_json_shape", file=file.name)
        with _progress(table.total) as advance, _operation(dry_run) as op:
            require_office(op.session, "right.import")
            result = import_rows(op, table, file.name, dry_run, again, advance)
    except RowsRejected as rejected:
        for line in rejected.lines:
            typer.echo(f"xf: {line}", err=True)
        raise
    except DBAPIError as exc:
        refused = _disk_refused(exc)
        if refused is None:
            raise
        raise refused from None
    finally:
        table.close()
    _warn_repeats(result.repeats)
    if dry_run:
        done(t("msg.import_checked", n=result.rows, file=file.name))
    else:
        done(t("msg.imported", n=result.rows, file=file.name, batch=result.batch_id))
        after_bulk_load(engine(), result.rows)


SHOWN_REPEATS = 10  # rows named one by one; the rest counted


def _warn_repeats(repeats: list[Any]) -> None:
    """Rows whose petitioner already has cases (repeat petitions?): told, nothing blocked."""
    from xinfang_cli.domain.masking import mask_name

    for repeat in repeats[:SHOWN_REPEATS]:
        key = t(f"repeat.key.{repeat.key}")
        name = mask_name(repeat.name)
        given = t("import.row_case", id=repeat.case) if repeat.case else ""
        if repeat.cases:
            shown = t("search.sep").join(repeat.cases[:5]) + ("…" if len(repeat.cases) > 5 else "")
            line = t("import.repeat", row=repeat.row, given=given, name=name, cases=shown, by=key)
        else:
            line = t("import.repeat_rows", row=repeat.row, given=given, name=name, by=key,
                     rows=t("search.sep").join(str(r) for r in repeat.rows[:5]))
        typer.echo(f"xf: {line}", err=True)
    if len(repeats) > SHOWN_REPEATS:
        typer.echo(f"xf: {t('import.repeat_more', n=len(repeats) - SHOWN_REPEATS)}", err=True)
    if repeats:
        hint = "import.repeat_hint" if repeats[0].case is None else "import.repeat_edit"
        typer.echo(f"xf: {t(hint)}", err=True)


def _disk_refused(exc: Any) -> Exception | None:
    """A write the disk refused, told as such with "nothing was imported" (the transaction
    rolled back); None for any other database error, told as everywhere."""
    from xinfang_cli.store.db import unusable

    error = unusable(exc, target())
    if error.key not in ("err.db_full", "err.db_io"):
        return None
    error.key = error.key.replace("err.db_", "err.import_db_")
    return error


def _restore_export(document: Any, file: str, dry_run: bool) -> None:
    """A full export (a dict, or a `readers.JsonObject` streaming its cases) taken back."""
    from xinfang_cli.operations.restore import restore
    from xinfang_cli.store.db import after_bulk_load

    with _operation(False) as op:
        restored = restore(op, document, file, target().label)
        if dry_run:
            op.session.rollback()
    key = "msg.export_checked" if dry_run else "msg.export_restored"
    done(t(key, file=file, **vars(restored)))
    if not dry_run:
        after_bulk_load(engine(), restored.cases + restored.followups + restored.history)


@contextmanager
def _operation(dry_run: bool) -> Iterator["Op"]:
    """A write transaction; a dry run only reads (and takes no write lock)."""
    from xinfang_cli.cli.common import operation, reading

    if not dry_run:
        with operation() as op:
            yield op
        return
    from xinfang_cli.config.settings import office_deadlines
    from xinfang_cli.domain.dates import today
    from xinfang_cli.operations.op import Op

    rules, now = office_deadlines(), today()
    with reading() as session:
        yield Op(session=session, by=operator(session), today=now, deadlines=rules,
                 name=STATE.command)


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr when it is a terminal and the file is large; else nothing."""
    if not sys.stderr.isatty() or (total or 0) < PROGRESS_FROM:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(t("progress.import"), total=total)
        yield lambda n: bar.advance(task, n)


ExportFormatOpt = Annotated[str | None, typer.Option("--format", "-f",
                                                     help=t("opt.export_format"),
                                                     metavar="json|csv|xlsx")]


def export(fmt: ExportFormatOpt = None, output: OutputOpt = None,
           reveal: RevealOpt = False) -> None:
    from xinfang_cli.cli.common import operation, reading
    from xinfang_cli.domain.dates import today

    chosen = _export_format(fmt, output)
    if chosen == "xlsx" and output is None:
        raise BadInput("err.export_needs_file", format=chosen)
    threshold = settings().office.group_threshold
    now = today()
    if reveal:
        with operation() as op:
            from xinfang_cli.views.export import record_reveal

            record_reveal(op.session, now, op.by)
            count = _write(op.session, chosen, output, now, True, threshold)
    else:
        with reading() as session:
            count = _write(session, chosen, output, now, False, threshold)
    if output is not None:
        done(t("msg.exported", n=count, file=str(output)))


def _export_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the -o file's suffix, else json."""
    allowed = ("json", "csv", "xlsx")
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        return suffix if suffix in allowed else "json"
    if fmt.strip().lower() not in allowed:
        raise BadInput("err.bad_format", value=fmt, choices=", ".join(allowed))
    return fmt.strip().lower()


def _write(session, chosen: str, output: Path | None, now, reveal: bool,  # type: ignore[no-untyped-def]
           threshold: int) -> int:
    from xinfang_cli import __version__
    from xinfang_cli.render import destination
    from xinfang_cli.store.db import HEAD
    from xinfang_cli.store.models import utcnow
    from xinfang_cli.views import export

    if output is not None:
        export.private_file(output)
        if chosen == "csv":
            export.private_file(export.followups_path(output))
    if chosen == "xlsx":
        assert output is not None
        return export.write_xlsx(session, output, now, reveal, threshold)
    if chosen == "json":
        header = {"xf": __version__, "schema": HEAD, "exported_at": utcnow(),
                  "exported_by": operator(session), "today": now}
        with destination(output) as out:
            return export.write_json(session, out, now, reveal, threshold, header)
    if output is None:
        return export.write_csv(session, sys.stdout, None, now, reveal, threshold)
    with open(output, "w", encoding="utf-8-sig", newline="") as out, \
            open(export.followups_path(output), "w", encoding="utf-8-sig", newline="") as notes:
        return export.write_csv(session, out, notes, now, reveal, threshold)


BackupFileArg = Annotated[Path, typer.Argument(help=t("arg.backup_file"), metavar="FILE",
                                               dir_okay=False)]


def backup(file: BackupFileArg) -> None:
    from xinfang_cli.store.backup import backup as copy_database

    copied = copy_database(target(), file, settings().office.lock_timeout)
    done(t("msg.backup_done", file=str(copied.file), cases=copied.cases,
           revision=copied.revision))


RestoreFileArg = Annotated[Path, typer.Argument(help=t("arg.restore_file"), metavar="FILE",
                                                dir_okay=False)]


def restore(file: RestoreFileArg) -> None:
    from xinfang_cli.store.backup import restore as restore_database

    restored = restore_database(target(), file, settings().office.lock_timeout)
    if restored.aside is not None:
        done(t("msg.restore_aside", aside=str(restored.aside)))
    if restored.from_revision != restored.revision:
        done(t("msg.db_upgraded", before=restored.from_revision, after=restored.revision))
    done(t("msg.restored", file=str(file), target=target().label, cases=restored.cases,
           revision=restored.revision))
