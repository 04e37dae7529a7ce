"""English messages of urging the units (merged into the English catalogue): xf remind."""

MESSAGES: dict[str, str] = {
    "help.remind": "Urge the units (督办): one reminder to each unit with overdue or due-soon "
                   "cases, listing their ids, due dates, days and summaries (never a "
                   "petitioner's name), to the unit head's email ([smtp] in config.toml) and/or "
                   "the unit's work-group robot (企业微信, 钉钉). Each case listed gets a history "
                   "row. A unit reminded today is skipped unless --force. A send that fails is "
                   "one line, exit 3, and is not recorded: the next run retries it.\n\n"
                   "Example: xf remind --warn-days 7",
    "opt.remind_warn_days": "Also remind of cases due within N days (default [office] "
                            "warn_days).",
    "opt.remind_dry_run": "Print the messages; send and record nothing.",
    "opt.remind_force": "Remind a unit again that was reminded today.",
    "opt.remind_print": "Send nothing: write each unit's 督办单 (.docx) into this folder, for "
                        "delivery on paper, recorded the same way.",
    "channel.email": "email",
    "channel.webhook": "work-group robot",
    "channel.print": "printed slip",
    "msg.reminded": "{unit}: reminded of {n} cases by {channel} ({to}).",
    "msg.remind_skipped": "{unit}: already reminded by {channel} today, skipped (--force "
                          "sends again).",
    "err.remind_no_contact": "{unit} ({code}) has no email or work-group robot: not reminded; "
                             "set one with xf unit edit {code} --email … or --webhook ….",
    "err.send_failed": "could not send.",
    "err.smtp_missing": "a unit has an email address but [smtp] in config.toml lacks {setting}; "
                        "no reminder was sent.",
    "err.smtp_password": "[smtp] has a user but the environment variable {name} holds no "
                         "password; no reminder was sent.",
    "err.smtp_login": "the mail server refused the login of {user}: {reason}",
    "err.smtp_refused": "the mail server refused the message: {reason}",
    "err.smtp_unreachable": "cannot reach the mail server {server}: {reason}",
    "err.robot_status": "the work-group robot {url} answered HTTP {status}",
    "err.robot_unreachable": "cannot reach the work-group robot {url}: {reason}",
    "err.robot_answer": "the work-group robot {url} gave an answer that is not JSON: {answer}",
    "err.robot_refused": "the work-group robot {url} refused the message: errcode {code} "
                         "{message}",
    "action.remind": "reminded",
    "col.email": "email",
    "col.webhook": "work-group robot",
    "col.print": "printed slip",
    "err.remind_unit": "{unit} ({code}): {reason}",
    "help.supervise": "The office's measures on a unit that stays behind: inspection, circular, "
                      "admonition talk, or key management (which lasts until ended). Units under "
                      "key management are marked ★ in xf status, xf scorecard and xf report; "
                      "circulars and talks count in the assessment (the policy may deduct).\n\n"
                      "Example: xf supervise add --unit dagang --kind talk --note '积案化解滞后'",
    "help.supervise_add": "Record a measure; prints its number.\n\nExample: xf supervise add "
                          "--unit dagang --kind key-management --on 2018-09-01 --note '进度滞后'",
    "help.supervise_end": "End key management (only key management lasts).\n\n"
                          "Example: xf supervise end 3 --on 2018-12-20",
    "help.supervise_list": "List the measures (--since: taken on or after the day, and key "
                           "management still running then).",
    "arg.supervise": "The measure's number (see xf supervise list).",
    "opt.supervise_kind": "Measure: inspection=督查, circular=通报, talk=约谈, "
                          "key-management=重点管理.",
    "opt.supervise_note": "What and why.",
    "opt.supervise_since": "Only measures taken on or after this day (and key management "
                           "running then).",
    "msg.supervise_added": "Recorded the {kind} of {unit} (number {number}).",
    "msg.supervise_ended": "Key management (number {number}) ended on {on}.",
    "msg.no_measures": "No measures.",
    "msg.key_management_mark": "★ under key management",
    "col.measure_no": "No.",
    "col.measure": "Measure",
    "col.ended": "Ended",
    "rpt.col.measure": "Measure",
    "rpt.col.ended": "Ended",
    "rpt.col.circulars": "Circulars",
    "rpt.col.talks": "Talks",
    "rpt.short.circulars": "Circ.",
    "rpt.short.talks": "Talks",
    "rpt.sec.supervision": "Supervision measures (★ under key management)",
    "rpt.sheet.supervision": "Supervision",
    "rpt.sum.supervision": "Supervision measures",
    "rpt.sum.key_management": "Units under key management on {day}",
    "err.supervise_running": "{unit} is under key management already (number {number}); end it "
                             "first.",
    "err.supervise_unknown": "no supervision measure number {number}.",
    "err.supervise_not_lasting": "measure {number} is a {kind}, not key management: nothing to "
                                 "end.",
    "err.supervise_ended": "key management number {number} ended on {on} already.",
    "err.supervise_end_day": "--on: {value} is before it began ({start}) or after today "
                             "({today}).",
    # the year-end summary of the campaign (xf report --campaign)
    "sum.arg.year": "With --campaign: the campaign's year (the one loaded; default: it).",
    "sum.opt.campaign": "The year-end summary (总结) of the whole campaign, phase by phase, "
                        "instead of a week.",
    "sum.err.year_without_campaign": "{year}: a year goes with --campaign "
                                     "(xf report --campaign {year}).",
    "sum.err.campaign_and_period": "give either --campaign or --week/--from/--to, not both.",
    "sum.err.other_year": "--campaign {year}: the campaign loaded is {held}'s; load that "
                          "year's calendar first (xf campaign load FILE).",
    "sum.err.not_begun": "--campaign: the campaign begins on {start}; nothing to sum up yet.",
    "sum.title": "{office}: {campaign}, summary",
    "sum.heading": "{campaign}: the summary",
    "sum.period": "Campaign {start} to {end}; figures as of {day}",
    "sum.sec.overview": "The campaign at a glance",
    "sum.sec.phases": "Phase by phase",
    "sum.sec.unit_backlog": "Pending backlog by unit and kind",
    "sum.sec.months": "Pending backlog by unit at each month's end",
    "sum.sec.chart": "Each unit's pending backlog, month by month",
    "sum.chart_months": "Bars: {first} to {last}, one per month's end, on one scale "
                        "(the tallest {top}); the figures beside them, the first and the last.",
    "sum.row.backlog_start": "Backlog pending on {day}",
    "sum.row.backlog_added": "Backlog cases registered in the campaign",
    "sum.row.backlog_resolved": "Backlog cases resolved in the campaign",
    "sum.row.backlog_end": "Backlog pending on {day}",
    "sum.row.reminders": "Reminders sent",
    "sum.reminders": "{messages} messages, {cases} case entries",
    "sum.row.measures": "Supervision measures",
    "sum.row.vetoed": "Units vetoed",
    "sum.phase_col": "{number} {name}",
    "sum.col.start": "On {day}",
    "sum.col.end": "On {day}",
    "sum.month": "M{month}",
    "sum.item.days": "Days",
    "sum.item.received": "Received",
    "sum.item.accepted": "Accepted",
    "sum.item.closed": "Closed",
    "sum.item.backlog_resolved": "Backlog resolved",
    "sum.item.receptions": "Leaders' receptions",
    "sum.item.field_visits": "Field visits",
    "sum.item.incidents": "Incidents",
    "sum.item.reminders": "Reminders sent",
    "sum.item.inspections": "Inspections",
    "sum.item.circulars": "Circulars",
    "sum.item.talks": "Admonition talks",
    "sum.item.key_management": "Put under key management",
    "rpt.sheet.overview": "Overview",
    "rpt.sheet.phases": "Phases",
    "rpt.sheet.unit_backlog": "Backlog by unit",
    "rpt.sheet.months": "By month",
    "rpt.sheet.scorecard": "Scorecard",
}
