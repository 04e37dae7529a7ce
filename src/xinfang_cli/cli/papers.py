"""The papers to the petitioner: `xf notice` (issue, list, template) and `xf deliver`."""

from pathlib import Path
from typing import Annotated, Any

import typer

from xinfang_cli.cli.common import (
    AsOfOpt,
    CaseArg,
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OutputOpt,
    SinceOpt,
    UnitFilterOpt,
    as_of,
    day,
    done,
    operation,
    output_format,
    reading,
    settings,
)
from xinfang_cli.domain.enums import DeliveryMethod, NoticeKind, label, parse
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.papers import FIELDS
from xinfang_cli.i18n import lang, t
from xinfang_cli.render import Format, destination, write_json


class NoticeGroup(HelpGroup):
    """`xf notice ID KIND` is `xf notice issue ID KIND`: a first word that names no
    subcommand (nor an option) is a case id."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["issue", *args]
        return super().parse_args(ctx, args)


notice_app = typer.Typer(cls=NoticeGroup, help=t("help.notice"), no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(notice_app, name="notice", rich_help_panel=t("panel.cases"))
    app.command(name="deliver", help=t("help.deliver"), rich_help_panel=t("panel.cases"))(deliver)


KindArg = Annotated[str, typer.Argument(help=t("arg.notice_kind"), metavar="KIND")]
ForceOpt = Annotated[bool, typer.Option("--force", help=t("opt.overwrite"), metavar="")]


@notice_app.command("issue", help=t("help.notice_issue"))
def notice_issue(
    case_id: CaseArg,
    kind: KindArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.notice_output"), dir_okay=False,
                                  metavar="FILE")] = None,
    reprint: Annotated[bool, typer.Option("--reprint", help=t("opt.reprint"), metavar="")] = False,
    force: ForceOpt = False,
    as_json: JsonOpt = False,
) -> None:
    import hashlib
    import json

    from xinfang_cli.operations.notices import filed, issue
    from xinfang_cli.render.papers import fill
    from xinfang_cli.views.notices import notice_record, paper_fields

    chosen = parse(NoticeKind, kind, "KIND")
    office = settings()
    staged: Path | None = None
    try:
        with operation() as op:
            case, notice = issue(op, case_id, chosen, office.notices.number, reprint)
            fields = paper_fields(op.session, case, notice, office.office, op.deadlines.rules)
            template, origin = _template(chosen)
            data = fill(template, fields, origin)
            path = output or Path(f"{case.id}_{label(chosen, 'zh')}.docx")
            _writable(path, force or (reprint and _same(path, notice.file)))
            staged = _stage(path, data)
            content = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
            filed(op, notice, str(path.resolve()), hashlib.sha256(data).hexdigest(),
                  hashlib.sha256(content.encode("utf-8")).hexdigest(), reprint)
            record = notice_record(notice)
    except BaseException:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise
    try:
        staged.replace(path)  # recorded: the paper takes its name
    except OSError as exc:
        raise BadInput("err.paper_not_moved", number=record["number"], partial=staged,
                       path=path, reason=exc.strerror or exc) from None
    if as_json:
        write_json(record)
    key = "msg.notice_reprinted" if reprint else "msg.notice_issued"
    done(t(key, case=case.id, kind=label(chosen, lang()), number=record["number"], file=path))


def _template(kind: NoticeKind) -> tuple[bytes, str]:
    """The office's template of `kind` (the data directory's `templates/`), else the
    built-in one; with the name an error gives it."""
    from xinfang_cli.config.settings import office_template
    from xinfang_cli.render.papers import builtin_template

    own = office_template(_names(kind))
    if own is None:
        return builtin_template(kind), f"({label(kind, lang())})"
    try:
        return own.read_bytes(), str(own)
    except OSError as exc:
        raise BadInput("err.template_bad", path=own, reason=exc.strerror or exc) from None


def _names(kind: NoticeKind) -> tuple[str, str]:
    return f"{kind}.docx", f"{label(kind, 'zh')}.docx"


def _writable(path: Path, overwrite: bool) -> None:
    """A paper is written to a new file, or over a regular file when allowed (`--force`, or
    a reprint to the file the paper was issued as); never over a link, a device or a
    folder."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise BadInput("err.output_not_file", path=path)
    if path.exists() and not overwrite:
        raise BadInput("err.output_exists", path=path)


def _same(path: Path, recorded: str) -> bool:
    return bool(recorded) and path.resolve() == Path(recorded).resolve()


def _stage(path: Path, data: bytes) -> Path:
    """The paper written beside its final name, taking that name once it is recorded."""
    staged = path.with_name(f".{path.name}.xf-partial")
    staged.write_bytes(data)
    return staged


@notice_app.command("list", help=t("help.notice_list"))
def notice_list(
    case_id: Annotated[
        str | None, typer.Argument(help=t("opt.notice_case"), metavar="[ID]")] = None,
    pending: Annotated[bool, typer.Option("--pending", help=t("opt.pending"), metavar="")] = False,
    unit: UnitFilterOpt = None,
    since: SinceOpt = None,
    as_of_day: AsOfOpt = None,
    fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None,
) -> None:
    from xinfang_cli.store.repository import find_unit, get_case
    from xinfang_cli.views import notices

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    first = day(since, "--since", default_today=False)
    with reading() as session:
        unit_id = find_unit(session, unit).id if unit else None
        case = get_case(session, case_id).id if case_id else None
        if pending:
            owed_from = settings().notices.owed_from
            first = max(d for d in (first, owed_from) if d) if first or owed_from else None
            rows = notices.pending(session, as_of(as_of_day), unit_id, first, case)
        else:
            rows = notices.notice_list(session, case, unit_id, first)
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.notices import print_notices, print_pending

    with destination(output) as out:
        (print_pending if pending else print_notices)(rows, out)


@notice_app.command("template", help=t("help.notice_template", fields=", ".join(FIELDS)))
def notice_template(
    kind: KindArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.template_output"),
                                  dir_okay=False, metavar="FILE")] = None,
    force: ForceOpt = False,
) -> None:
    from xinfang_cli.config.paths import data_dir
    from xinfang_cli.render.papers import builtin_template

    chosen = parse(NoticeKind, kind, "KIND")
    path = output or Path(f"{chosen}.docx")
    if path.exists() and not force:
        raise BadInput("err.output_exists", path=path)
    path.write_bytes(builtin_template(chosen))
    done(t("msg.template_written", kind=label(chosen, lang()), file=path,
           folder=data_dir() / "templates", names=" / ".join(_names(chosen))))


def deliver(
    case_id: CaseArg,
    kind: KindArg,
    on: Annotated[str, typer.Option("--on", help=t("opt.deliver_on"), metavar="DATE")],
    method: Annotated[str, typer.Option("--method", help=t("opt.deliver_method"),
                                        metavar="METHOD")],
    ref: Annotated[str | None, typer.Option("--ref", help=t("opt.deliver_ref"),
                                            metavar="TEXT")] = None,
) -> None:
    from xinfang_cli.operations.notices import deliver as record_delivery

    chosen = parse(NoticeKind, kind, "KIND")
    how = parse(DeliveryMethod, method, "--method")
    with operation() as op:
        notice, before = record_delivery(op, case_id, chosen, day(on, "--on"),  # type: ignore[arg-type]
                                         how, ref)
    shown = {"case": notice.case_id, "kind": label(chosen, lang()), "number": notice.number,
             "on": notice.delivered_on, "method": label(how, lang())}
    if before is not None and before != _text(notice):
        done(t("msg.delivery_replaced", before=before, **shown))
    else:
        done(t("msg.delivered", **shown))


def _text(notice: Any) -> str | None:
    from xinfang_cli.operations.notices import delivery_text

    return delivery_text(notice)
