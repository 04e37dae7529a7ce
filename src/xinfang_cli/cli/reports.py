"""The reports commands: the weekly printout, the scorecards, the campaign calendar, the policy.

Heavy modules (SQLAlchemy, openpyxl, the figures) are imported inside the commands.
"""

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from xinfang_cli.cli.common import (
    AsOfOpt,
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OutputOpt,
    as_of,
    output_format,
    reading,
    settings,
    target,
)
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import lang, t
from xinfang_cli.render import Format, destination, write_json

if TYPE_CHECKING:
    from xinfang_cli.domain.campaign import Campaign

campaign_app = typer.Typer(cls=HelpGroup, help=t("rpt.help.campaign"), no_args_is_help=True)
policy_app = typer.Typer(cls=HelpGroup, help=t("rpt.help.policy"), no_args_is_help=True)

REPORT_FORMATS = (Format.TABLE, Format.MD, Format.CSV, Format.HTML, Format.JSON, Format.XLSX)
SCORECARD_FORMATS = (Format.TABLE, Format.JSON, Format.CSV, Format.MD)
TABLE_OR_JSON = (Format.TABLE, Format.JSON)

PolicyOpt = Annotated[Path | None, typer.Option("--policy", help=t("rpt.opt.policy"),
                                                dir_okay=False, metavar="FILE")]
ReportFormatOpt = Annotated[str, typer.Option("--format", "-f", help=t("rpt.opt.report_format"),
                                              metavar="table|md|csv|html|json|xlsx")]


def register(app: typer.Typer) -> None:
    """Add the report, scorecard, calendar, campaign and policy commands to `app`."""
    panel = t("panel.views")
    app.command(name="report", help=t("rpt.help.report"), rich_help_panel=panel)(report)
    app.command(name="scorecard", help=t("rpt.help.scorecard"), rich_help_panel=panel)(
        scorecard)
    app.command(name="calendar", help=t("rpt.help.calendar"), rich_help_panel=panel)(calendar)
    app.add_typer(campaign_app, name="campaign", rich_help_panel=panel)
    app.add_typer(policy_app, name="policy", rich_help_panel=panel)
    campaign_app.command(name="load", help=t("rpt.help.campaign_load"))(campaign_load)
    campaign_app.command(name="show", help=t("rpt.help.campaign_show"))(campaign_show)
    policy_app.command(name="show", help=t("rpt.help.policy_show"))(policy_show)


# --- the campaign calendar ---------------------------------------------------------------


def calendar(as_of_: AsOfOpt = None, fmt: FormatOpt = "table", as_json: JsonOpt = False,
             output: OutputOpt = None) -> None:
    from xinfang_cli.config.campaign import current_campaign
    from xinfang_cli.domain.campaign import calendar_view

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    view = calendar_view(current_campaign(), as_of(as_of_), lang())
    if chosen is Format.JSON:
        write_json(view, output)
        return
    from xinfang_cli.render.report_tables import print_calendar

    with destination(output) as out:
        print_calendar(view, out)


def campaign_load(
    file: Annotated[Path, typer.Argument(help=t("rpt.arg.campaign_file"), metavar="FILE",
                                         dir_okay=False)],
) -> None:
    from xinfang_cli.config.campaign import store_campaign, stored_path

    if target().path is None:  # a shared server: the office's calendar, the office's act
        from xinfang_cli.store.db import require_office

        with reading() as session:
            require_office(session, "right.campaign")
    campaign = store_campaign(file)
    typer.echo(t("rpt.msg.campaign_loaded", name=campaign.label(lang()),
                 phases=len(campaign.phases), path=stored_path()), err=True)


def campaign_show(fmt: FormatOpt = "table", as_json: JsonOpt = False,
                  output: OutputOpt = None) -> None:
    from xinfang_cli.config.campaign import current_campaign, stored_path

    chosen = output_format(fmt, as_json, TABLE_OR_JSON)
    campaign = current_campaign()
    source = str(stored_path()) if stored_path().exists() else None
    data = {"name": campaign.label(lang()), "name_zh": campaign.name,
            "name_en": campaign.name_en, "year": campaign.year,
            "resolution_phase": campaign.resolution_phase, "file": source,
            "phases": [p.model_dump() for p in campaign.phases]}
    if chosen is Format.JSON:
        write_json(data, output)
        return
    from xinfang_cli.render.report_tables import print_campaign

    with destination(output) as out:
        print_campaign(data, out)


# --- the scoring policy --------------------------------------------------------------------


def policy_show(output: OutputOpt = None) -> None:
    from xinfang_cli.domain.scoring import DEFAULT_POLICY_TOML

    with destination(output) as out:
        out.write(DEFAULT_POLICY_TOML)


# --- the scorecard ---------------------------------------------------------------------------


YearOpt = Annotated[int | None, typer.Option("--year", help=t("rpt.opt.year"),
                                              metavar="YYYY", min=2000, max=2100)]


def scorecard(
    as_of_: AsOfOpt = None,
    year: YearOpt = None,
    unit: Annotated[str | None, typer.Option("--unit", help=t("rpt.opt.scorecard_unit"))
                    ] = None,
    policy: PolicyOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=t("rpt.opt.scorecard_format"),
                                     metavar="table|json|csv|md")] = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.config.campaign import current_campaign
    from xinfang_cli.config.policy import load_policy
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.access import only_theirs, scope
    from xinfang_cli.views.scorecard import scorecard as figures

    chosen = output_format(fmt, as_json, SCORECARD_FORMATS)
    rules, campaign = load_policy(policy), current_campaign()
    since, when = assessment_period(year, as_of_, campaign)
    with reading() as session:
        code = find_unit(session, unit).code if unit else None
        data = only_theirs(figures(session, when, campaign, rules, lang(), since, code),
                           scope(session))
    if chosen is Format.JSON:
        write_json(data, output)
        return
    from xinfang_cli.render import report_text

    report_text.write_scorecard(data, chosen, output)


def assessment_period(year: int | None, as_of_: str | None, campaign: "Campaign"
                      ) -> tuple[date, date]:
    """The assessment year's first day and the day it is measured to. `--year` alone: that
    year to its end (or to today, while it runs); with `--as-of`: to that day, which must
    fall in or after the year. Neither: the campaign's year while it runs, else the as-of
    day's."""
    from xinfang_cli.domain.campaign import assessed_year
    from xinfang_cli.domain.dates import today

    if year is None:
        day = as_of(as_of_)
        return date(assessed_year(campaign, day), 1, 1), day
    start, last = date(year, 1, 1), date(year, 12, 31)
    day = as_of(as_of_) if as_of_ is not None else min(today(), last)
    if day < start:
        raise BadInput("rpt.err.year_not_begun", year=year, day=day)
    return start, min(day, last)


# --- the weekly report -------------------------------------------------------------------


def report(
    year: Annotated[int | None, typer.Argument(help=t("sum.arg.year"), metavar="YEAR",
                                               show_default=False)] = None,
    campaign: Annotated[bool, typer.Option("--campaign", help=t("sum.opt.campaign"),
                                           metavar="")] = False,
    week: Annotated[str | None, typer.Option("--week", help=t("rpt.opt.week"),
                                             metavar="YYYY-Www")] = None,
    from_: Annotated[str | None, typer.Option("--from", help=t("rpt.opt.from"),
                                              metavar="DATE")] = None,
    to: Annotated[str | None, typer.Option("--to", help=t("rpt.opt.to"), metavar="DATE")
                  ] = None,
    policy: PolicyOpt = None,
    fmt: ReportFormatOpt = "table",
    as_json: JsonOpt = False,
    output: OutputOpt = None,
) -> None:
    from xinfang_cli.config.campaign import current_campaign
    from xinfang_cli.config.policy import load_policy
    from xinfang_cli.views.access import only_theirs, scope
    from xinfang_cli.views.report import report as figures

    chosen = output_format(fmt, as_json, REPORT_FORMATS)
    if chosen is Format.XLSX and output is None:
        raise BadInput("rpt.err.xlsx_output")
    from xinfang_cli.domain.dates import today

    if campaign or year is not None:
        summary(year, campaign, (week, from_, to), policy, chosen, output)
        return
    start, end = period(week, from_, to)
    office = settings().office
    name = office.name if lang() == "zh" else office.name_en
    with reading() as session:
        data = only_theirs(figures(session, start, end, current_campaign(), load_policy(policy),
                                   lang(), name, today(), settings().notices.owed_from),
                           scope(session))
    if chosen is Format.JSON:
        write_json(data, output)
        return
    from xinfang_cli.render import report_text

    report_text.write_report(data, chosen, output)


def summary(year: int | None, flag: bool, period_options: tuple[str | None, ...],
            policy: Path | None, chosen: Format, output: Path | None) -> None:
    """`xf report --campaign [YEAR]`: the year-end summary of the campaign in force."""
    from xinfang_cli.config.campaign import current_campaign
    from xinfang_cli.config.policy import load_policy
    from xinfang_cli.domain.dates import today
    from xinfang_cli.views.access import scope, summary_theirs
    from xinfang_cli.views.summary import campaign_summary

    if not flag:
        raise BadInput("sum.err.year_without_campaign", year=year)
    if any(period_options):
        raise BadInput("sum.err.campaign_and_period")
    loaded = current_campaign()
    held = loaded.year or loaded.phases[0].start.year
    if year is not None and year != held:
        raise BadInput("sum.err.other_year", year=year, held=held)
    if loaded.phases[0].start > today():
        raise BadInput("sum.err.not_begun", start=loaded.phases[0].start)
    office = settings().office
    with reading() as session:
        data = campaign_summary(session, loaded, load_policy(policy), lang(),
                                office.name if lang() == "zh" else office.name_en, today())
        data = summary_theirs(data, scope(session))
    if chosen is Format.JSON:
        write_json(data, output)
        return
    from xinfang_cli.render.summary import write_summary

    write_summary(data, chosen, output)


def period(week: str | None, from_: str | None, to: str | None) -> tuple[date, date]:
    """The report's days: an ISO week, or --from/--to, else the week containing today."""
    from xinfang_cli.domain.dates import parse_date, parse_week, today

    if week and (from_ or to):
        raise BadInput("rpt.err.week_and_range")
    if week:
        return parse_week(week)
    if from_ or to:
        if not (from_ and to):
            raise BadInput("err.missing_option", option="--to" if from_ else "--from")
        start, end = parse_date(from_, "--from"), parse_date(to, "--to")
        if end < start:
            raise BadInput("rpt.err.range", start=start, end=end)
        return start, end
    now = today()
    monday = now - timedelta(days=now.weekday())
    return monday, monday + timedelta(days=6)
