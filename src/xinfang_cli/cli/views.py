"""Commands that read: one case, many cases, the board and the cron check."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    STATE,
    AsOfOpt,
    CaseArg,
    FormatOpt,
    JsonOpt,
    OutputOpt,
    RevealOpt,
    SinceOpt,
    StatusFilterOpt,
    UnitFilterOpt,
    as_of,
    choice,
    day,
    output_format,
    reading,
    settings,
)
from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.errors import ExitCode
from xinfang_cli.i18n import t
from xinfang_cli.render import Format, destination, stream_json_rows, write_json

TABLE_OR_JSON = (Format.TABLE, Format.JSON)


def register(app: typer.Typer) -> None:
    panel = t("panel.views")
    for command in (show, list_cases, status, overdue):
        name = command.__name__.removesuffix("_cases")
        app.command(name=name, help=t(f"help.{name}"), rich_help_panel=panel)(command)


def show(
    case_id: CaseArg,
    reveal: RevealOpt = False,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.domain.dates import today
    from xinfang_cli.views.cases import case_detail

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    if reveal:
        from xinfang_cli.cli.common import operation

        with operation() as op:
            detail = case_detail(
                op.session, case_id, op.today, True, op.by, settings().office.group_threshold
            )
    else:
        with reading() as session:
            detail = case_detail(
                session, case_id, today(), False, STATE.by, settings().office.group_threshold
            )
    if chosen is Format.JSON:
        write_json(detail, output)
        return
    from xinfang_cli.render.cases import print_case_detail

    with destination(output) as out:
        print_case_detail(detail, out)


def list_cases(
    unit: UnitFilterOpt = None,
    status_: StatusFilterOpt = None,
    backlog: Annotated[
        bool, typer.Option("--backlog", help=t("opt.filter_backlog"), metavar="")
    ] = False,
    overdue_: Annotated[
        bool, typer.Option("--overdue", help=t("opt.filter_overdue"), metavar="")
    ] = False,
    open_: Annotated[bool, typer.Option("--open", help=t("opt.filter_open"), metavar="")] = False,
    since: SinceOpt = None,
    as_of_: AsOfOpt = None,
    reveal: RevealOpt = False,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.cases import CaseFilter, case_records

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    when = as_of(as_of_)
    statuses = [str(choice(CaseStatus, s, "--status")) for s in status_ or []]
    flt = CaseFilter(
        statuses=statuses,
        backlog_only=backlog,
        overdue_on=when if overdue_ else None,
        open_only=open_,
        since=day(since, "--since", default_today=False),
    )
    threshold = settings().office.group_threshold
    if reveal:  # recorded and committed first: a listing cut short has still been seen
        from xinfang_cli.cli.common import operation
        from xinfang_cli.views.cases import reveal_matching

        with operation() as op:
            if unit:
                flt.unit = find_unit(op.session, unit).id
            reveal_matching(op.session, flt, op.today, op.by, "list")
    with reading() as session:
        if unit:
            flt.unit = find_unit(session, unit).id
        emit_list(case_records(session, flt, when, reveal, threshold), chosen, output)


def emit_list(batches, chosen: Format, output) -> None:  # type: ignore[no-untyped-def]
    """Stream the listing, a batch of cases at a time: the first lines leave before the
    last case is read."""
    from xinfang_cli.views.cases import RECORD_KEYS

    with destination(output) as out:
        if chosen is Format.JSON:
            stream_json_rows(RECORD_KEYS, batches, out)
        else:
            from xinfang_cli.render.cases import print_case_list

            print_case_list((dict(zip(RECORD_KEYS, values, strict=True))
                             for batch in batches for values in batch), out)


def status(
    as_of_: AsOfOpt = None,
    warn_days: Annotated[
        int | None,
        typer.Option("--warn-days", help=t("opt.board_warn"), min=0, max=366, metavar="N"),
    ] = None,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.domain.dates import today
    from xinfang_cli.views.access import only_theirs, scope
    from xinfang_cli.views.asof import changed_after
    from xinfang_cli.views.board import board, board_in_past

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    when = as_of(as_of_)
    days = settings().office.warn_days if warn_days is None else warn_days
    with reading() as session:
        # a past day is rebuilt from the history: cases closed since were pending then
        past = when < today() or changed_after(session, when)
        data = only_theirs((board_in_past if past else board)(session, when, days),
                           scope(session))
    if chosen is Format.JSON:
        write_json(data, output)
        return
    from xinfang_cli.render.board import print_board

    with destination(output) as out:
        print_board(data, out)


def overdue(
    as_of_: AsOfOpt = None,
    warn_days: Annotated[
        int, typer.Option("--warn-days", help=t("opt.warn_days"), min=0, max=366, metavar="N")
    ] = 0,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.domain.dates import today
    from xinfang_cli.views.asof import changed_after
    from xinfang_cli.views.overdue import DueList, due_list, overdue_in_past

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    when = as_of(as_of_)
    with reading() as session:
        if when < today() or changed_after(session, when):  # a past day: a few, rebuilt
            due = DueList.of(overdue_in_past(session, when, warn_days), warn_days)
        else:  # today: streamed as it is read
            due = due_list(session, when, warn_days)
        if chosen is Format.JSON:
            from xinfang_cli.render.board import write_overdue_json

            with destination(output) as out:
                write_overdue_json(due, out)
        elif due.overdue or due.due_soon:
            from xinfang_cli.render.board import print_overdue

            with destination(output) as out:
                print_overdue(due, out)
    # cron mails whatever is printed: on a quiet day nothing is, and the exit is 0.
    raise typer.Exit(ExitCode.OVERDUE if due.overdue else ExitCode.OK)
