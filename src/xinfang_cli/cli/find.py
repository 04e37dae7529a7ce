"""Commands that find: the words of a petition (`xf search`), a person's every case
(`xf petitioner`), and the repeat check `xf add` makes before it registers."""

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from xinfang_cli.cli.common import (
    FormatOpt,
    JsonOpt,
    OutputOpt,
    RevealOpt,
    SinceOpt,
    StatusFilterOpt,
    UnitFilterOpt,
    choice,
    day,
    output_format,
    reading,
    settings,
)
from xinfang_cli.domain.dates import today
from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import t
from xinfang_cli.render import Format, destination, stream_json_array

if TYPE_CHECKING:
    from sqlmodel import Session

    from xinfang_cli.domain.registration import NewCase
    from xinfang_cli.views.cases import CaseFilter

TABLE_OR_JSON = (Format.TABLE, Format.JSON)
MAX_LIMIT = 1_000_000


def register(app: typer.Typer) -> None:
    panel = t("panel.views")
    for command in (search, petitioner):
        name = command.__name__
        app.command(name=name, help=t(f"help.{name}"), rich_help_panel=panel)(command)


def search(
    words: Annotated[list[str], typer.Argument(help=t("arg.search"), metavar="TEXT",
                                               show_default=False)],
    unit: UnitFilterOpt = None,
    status_: StatusFilterOpt = None,
    since: SinceOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", help=t("opt.search_limit"), metavar="N")
    ] = 50,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.views.cases import case_record
    from xinfang_cli.views.search import excerpt, search_words, where_matched
    from xinfang_cli.views.search import search as query

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    found = search_words(" ".join(words))
    if not 1 <= limit <= MAX_LIMIT:
        raise BadInput("err.limit", value=limit)
    threshold = settings().office.group_threshold
    today_ = today()
    with reading() as session:
        flt = _narrowing(session, status_, since, unit)

        def records() -> Any:
            for case, unit_, texts in query(session, found, flt, limit):
                record = case_record(case, unit_, today_, False, threshold)
                record["matched"] = where_matched(found, texts)
                record["excerpt"] = excerpt(found, texts)
                yield record

        with destination(output) as out:
            if chosen is Format.JSON:
                stream_json_array(records(), out)
            else:
                from xinfang_cli.render.search import print_found

                print_found(records(), found, out, limit)


def petitioner(
    phone: Annotated[
        str | None, typer.Option("--phone", help=t("opt.find_phone"), metavar="PHONE")
    ] = None,
    id_number: Annotated[
        str | None, typer.Option("--id-number", help=t("opt.find_id_number"), metavar="ID")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help=t("opt.find_name"), metavar="NAME")
    ] = None,
    unit: UnitFilterOpt = None,
    status_: StatusFilterOpt = None,
    reveal: RevealOpt = False,
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.cli.views import emit_list
    from xinfang_cli.store.people import Person
    from xinfang_cli.views.cases import case_records

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    given = [k for k, v in (("--phone", phone), ("--id-number", id_number), ("--name", name))
             if v is not None]
    if len(given) != 1:
        raise BadInput("err.petitioner_one_key" if given else "err.petitioner_no_key")
    _check_keys(phone, id_number, name)
    threshold = settings().office.group_threshold
    if reveal:  # recorded and committed first: a listing cut short has still been seen
        from xinfang_cli.cli.common import operation
        from xinfang_cli.views.cases import reveal_matching

        with operation() as op:
            flt = _narrowing(op.session, status_, None, unit)
            flt.also.append(Person(phone, id_number, name, flt.unit).condition())
            reveal_matching(op.session, flt, op.today, op.by, "petitioner")
    with reading() as session:
        flt = _narrowing(session, status_, None, unit)
        flt.also.append(Person(phone, id_number, name, flt.unit).condition())
        emit_list(case_records(session, flt, today(), reveal, threshold, newest_first=True),
                  chosen, output)


def _narrowing(session: "Session", statuses: list[str] | None, since: str | None,
               unit: str | None) -> "CaseFilter":
    """The filters of `xf list` these commands share: statuses, received since, unit."""
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.cases import CaseFilter

    return CaseFilter(
        statuses=[str(choice(CaseStatus, s, "--status")) for s in statuses or []],
        since=day(since, "--since", default_today=False),
        unit=find_unit(session, unit).id if unit else None)


def _check_keys(phone: str | None, id_number: str | None, name: str | None) -> None:
    """A phone or ID number as `xf add` accepts them; a name not blank."""
    from xinfang_cli.domain.registration import id_number_valid, phone_valid

    if phone is not None and not phone_valid(phone):
        raise BadInput("err.bad_phone", value=phone)
    if id_number is not None and not id_number_valid(id_number.strip()):
        raise BadInput("err.bad_id_number", value=id_number)
    if name is not None and not name.strip():
        raise BadInput("err.petitioner_blank_name")


# --- the repeat check of `xf add` -------------------------------------------------------------

EARLIER_SHOWN = 10  # a repeat warning lists the newest ten

def repeat_of(new: "NewCase") -> tuple[str | None, str | None]:
    """Before `xf add` registers: the petitioner's cases on record, if any, told on stderr
    (masked); on a terminal, asked whether it is a repeat of one. Nothing is blocked.
    Returns the answer (a case id, or None), and the newest earlier case to name in a hint
    once the new case has its id (None when nothing was found or the clerk answered)."""
    from xinfang_cli.store.people import Person, count_cases, earlier_cases
    from xinfang_cli.store.repository import find_unit

    with reading() as session:
        person = Person(new.phone, new.id_number, new.petitioner,
                        find_unit(session, new.unit).id)
        earlier = earlier_cases(session, person, EARLIER_SHOWN)
        total = count_cases(session, person) if len(earlier) == EARLIER_SHOWN else len(earlier)
    if not earlier:
        return None, None
    from xinfang_cli.domain.masking import mask_name
    from xinfang_cli.render.search import repeat_warning

    for line in repeat_warning(mask_name(new.petitioner.strip()) or "", earlier, total):
        typer.echo(f"xf: {line}", err=True)
    if not sys.stdin.isatty():
        return None, earlier[0]["id"]
    return _ask_repeat([e["id"] for e in earlier]), None


def _ask_repeat(ids: list[str]) -> str | None:
    while True:
        answer = str(typer.prompt(t("prompt.repeat_of"), default="", show_default=False,
                                  err=True)).strip().upper()
        if not answer or answer in ("N", "NO", "否"):
            return None
        if answer.isdigit() and 1 <= int(answer) <= len(ids):
            return ids[int(answer) - 1]
        if answer in ids:
            return answer
        typer.echo(t("prompt.repeat_again", n=len(ids)), err=True)
