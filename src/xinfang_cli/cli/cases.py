"""Commands that register a petition and record what becomes of it."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    CaseArg,
    JsonOpt,
    OnOpt,
    ask,
    choice,
    day,
    done,
    operation,
    settings,
)
from xinfang_cli.domain.dates import today
from xinfang_cli.domain.enums import (
    Backlog,
    Escalation,
    FollowupKind,
    Outcome,
    Satisfaction,
    Source,
)
from xinfang_cli.i18n import t
from xinfang_cli.render import write_json


def register(app: typer.Typer) -> None:
    for command in (
        add,
        accept,
        reject,
        assign,
        leader,
        follow,
        extend,
        close,
        review,
        rereview,
        terminate,
        escalate,
    ):
        name = command.__name__
        app.command(name=name, help=t(f"help.{name}"), rich_help_panel=t("panel.cases"))(command)


def add(
    unit: Annotated[str | None, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help=t("opt.source"), metavar="SOURCE")
    ] = None,
    received: Annotated[
        str | None, typer.Option("--received", help=t("opt.received"), metavar="DATE")
    ] = None,
    petitioner: Annotated[
        str | None, typer.Option("--petitioner", help=t("opt.petitioner"), metavar="NAME")
    ] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", help=t("opt.summary"), metavar="TEXT")
    ] = None,
    phone: Annotated[
        str | None, typer.Option("--phone", help=t("opt.phone"), metavar="PHONE")
    ] = None,
    id_number: Annotated[
        str | None, typer.Option("--id-number", help=t("opt.id_number"), metavar="ID")
    ] = None,
    people: Annotated[int, typer.Option("--people", help=t("opt.people"), metavar="N")] = 1,
    backlog: Annotated[
        str | None, typer.Option("--backlog", help=t("opt.backlog"), metavar="KIND")
    ] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", help=t("opt.topic"), metavar="TEXT")
    ] = None,
    leader: Annotated[
        str | None, typer.Option("--leader", help=t("opt.leader"), metavar="NAME")
    ] = None,
    due: Annotated[str | None, typer.Option("--due", help=t("opt.due"), metavar="DATE")] = None,
    accepted: Annotated[
        str | None, typer.Option("--accepted", help=t("opt.accepted"), metavar="DATE")
    ] = None,
    repeat_of: Annotated[
        str | None, typer.Option("--repeat-of", help=t("opt.repeat_of"), metavar="ID")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from xinfang_cli.domain.registration import NewCase
    from xinfang_cli.operations.cases import add_case

    new = NewCase(
        unit=unit or ask("--unit"),
        source=choice(Source, source or ask("--source", Source), "--source"),  # type: ignore[arg-type]
        received=day(received, "--received"),  # type: ignore[arg-type]
        petitioner=petitioner or ask("--petitioner"),
        summary=summary or ask("--summary"),
        phone=phone,
        id_number=id_number,
        people=people,
        backlog=choice(Backlog, backlog, "--backlog"),
        topic=topic,
        leader=leader,
        due=day(due, "--due", default_today=False),
        accepted=day(accepted, "--accepted", default_today=False),
        repeat_of=repeat_of,
    )
    hint = None
    if new.repeat_of is None:
        from xinfang_cli.cli.find import repeat_of as ask_repeat
        from xinfang_cli.domain.registration import check_case_fields

        check_case_fields(new, today())  # a bad field is told before any warning
        new.repeat_of, hint = ask_repeat(new)
    with operation() as op:
        case = add_case(op, new)
        record = _record(op, case) if as_json else None
    if record is not None:
        write_json(record)
    else:
        typer.echo(case.id)
    if hint is not None:  # not asked (no terminal): how to mark it once it is a repeat
        typer.echo(f"xf: {t('repeat.hint', id=case.id, earlier=hint)}", err=True)


def _record(op, case):  # type: ignore[no-untyped-def]
    from xinfang_cli.store.repository import unit_by_id
    from xinfang_cli.views.cases import case_record

    return case_record(
        case,
        unit_by_id(op.session, case.unit_id),
        op.today,
        group_threshold=settings().office.group_threshold,
    )


def accept(case_id: CaseArg, on: OnOpt = None) -> None:
    from xinfang_cli.operations.cases import accept as accept_case

    with operation() as op:
        case = accept_case(op, case_id, day(on, "--on"))  # type: ignore[arg-type]
    done(t("msg.accepted", id=case.id, due=case.due))


def reject(
    case_id: CaseArg,
    reason: Annotated[str, typer.Option("--reason", help=t("opt.reason"), metavar="TEXT")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import reject as reject_case

    with operation() as op:
        case = reject_case(op, case_id, reason, day(on, "--on"))  # type: ignore[arg-type]
    done(t("msg.rejected", id=case.id))


def assign(
    case_id: CaseArg,
    unit: Annotated[str, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import assign as assign_case

    with operation() as op:
        case = assign_case(op, case_id, unit, day(on, "--on"))
    done(t("msg.assigned", id=case.id, unit=unit))


def leader(
    case_id: CaseArg,
    name: Annotated[str, typer.Argument(help=t("arg.leader_name"), metavar="NAME")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import set_leader

    with operation() as op:
        case = set_leader(op, case_id, name, day(on, "--on"))
    done(t("msg.leader", id=case.id, name=case.leader))


def follow(
    case_id: CaseArg,
    note: Annotated[str, typer.Option("--note", help=t("opt.note"), metavar="TEXT")],
    kind: Annotated[
        str, typer.Option("--kind", help=t("opt.followup_kind"), metavar="KIND")
    ] = "note",
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import follow as follow_case

    with operation() as op:
        follow_case(
            op,
            case_id,
            note,
            choice(FollowupKind, kind, "--kind"),  # type: ignore[arg-type]
            day(on, "--on"),
        )
    done(t("msg.followed", id=case_id.upper()))


def extend(
    case_id: CaseArg,
    days: Annotated[int, typer.Option("--days", help=t("opt.days"), metavar="N")],
    reason: Annotated[str, typer.Option("--reason", help=t("opt.extend_reason"), metavar="TEXT")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import extend as extend_case

    with operation() as op:
        case = extend_case(op, case_id, days, reason, day(on, "--on"))
    done(t("msg.extended", id=case.id, due=case.due))


def close(
    case_id: CaseArg,
    outcome: Annotated[str, typer.Option("--outcome", help=t("opt.outcome"), metavar="OUTCOME")],
    on: OnOpt = None,
    note: Annotated[
        str | None, typer.Option("--note", help=t("opt.close_note"), metavar="TEXT")
    ] = None,
    satisfaction: Annotated[
        str | None, typer.Option("--satisfaction", help=t("opt.satisfaction"), metavar="RATING")
    ] = None,
) -> None:
    from xinfang_cli.operations.cases import close as close_case

    with operation() as op:
        case = close_case(
            op,
            case_id,
            choice(Outcome, outcome, "--outcome"),  # type: ignore[arg-type]
            day(on, "--on"),
            note,  # type: ignore[arg-type]
            choice(Satisfaction, satisfaction, "--satisfaction"),
        )
    done(t("msg.closed", id=case.id))


RequestedOpt = Annotated[
    str | None, typer.Option("--requested", help=t("opt.requested"), metavar="DATE")
]


LateReasonOpt = Annotated[
    str | None, typer.Option("--late-reason", help=t("opt.late_reason"), metavar="TEXT")
]


def review(case_id: CaseArg, requested: RequestedOpt = None,
           late_reason: LateReasonOpt = None) -> None:
    from xinfang_cli.operations.cases import review as review_case

    with operation() as op:
        case = review_case(op, case_id, day(requested, "--requested"),  # type: ignore[arg-type]
                           late_reason)
    done(t("msg.reviewing", id=case.id, due=case.due))


def rereview(case_id: CaseArg, requested: RequestedOpt = None,
             late_reason: LateReasonOpt = None) -> None:
    from xinfang_cli.operations.cases import rereview as rereview_case

    with operation() as op:
        case = rereview_case(op, case_id, day(requested, "--requested"),  # type: ignore[arg-type]
                             late_reason)
    done(t("msg.rereviewing", id=case.id, due=case.due))


def terminate(
    case_id: CaseArg,
    reason: Annotated[
        str, typer.Option("--reason", help=t("opt.terminate_reason"), metavar="TEXT")
    ],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import terminate as terminate_case

    with operation() as op:
        case = terminate_case(op, case_id, reason, day(on, "--on"))  # type: ignore[arg-type]
    done(t("msg.terminated", id=case.id))


def escalate(
    case_id: CaseArg,
    to: Annotated[str, typer.Option("--to", help=t("opt.escalate_to"), metavar="LEVEL")],
    reason: Annotated[str, typer.Option("--reason", help=t("opt.escalate_reason"), metavar="TEXT")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.cases import escalate as escalate_case

    with operation() as op:
        case = escalate_case(
            op,
            case_id,
            choice(Escalation, to, "--to"),  # type: ignore[arg-type]
            reason,
            day(on, "--on"),
        )
    done(t("msg.escalated", id=case.id, to=case.escalation))
