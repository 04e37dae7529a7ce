"""English messages of the commands that correct the record (merged into the catalogue)."""

MESSAGES: dict[str, str] = {
    "panel.corrections": "Corrections",
    "help.edit": "Correct the registration of a case (each change kept in its history).\n\n"
                 "Each changed field is a line of its history (who, when, old, new, why); reports of past days use the corrected "
                 "values. A new --received moves the acceptance due date, a new --due (a "
                 "superior's deadline) the handling due date of a case being handled. Status "
                 "and the lifecycle's dates have their own commands, and xf undo.\n\n"
                 "Example: xf edit 2018-0003 --phone 13912345678 --reason '登记时电话记错'",
    "opt.first_time": "A first-time petition after all (no backlog kind).",
    "opt.edit_reason": "Why the correction is made (kept in the history).",
    "msg.edit_change": "  {field}: {old} → {new}",
    "msg.edited": "{id}: {n} field(s) corrected.",
    "msg.edit_nothing": "{id}: nothing to change, every value is already so.",
    "err.edit_nothing_named": "name what to correct: xf edit {id} --phone … (see xf edit --help).",
    "err.edit_backlog_both": "--backlog and --first-time contradict each other: give one.",
    "err.edit_after_event": "--received {value}: the case was already acted on before that day "
                            "({event} on {on}).",
    "err.edit_unknown_field": "{field}: not a field xf edit corrects (it corrects {fields}).",
    "help.void": "Void a case entered twice or by mistake (作废).\n\nIt keeps its number and its "
                 "history, and leaves every count, board, list and report from today on "
                 "(xf list --status voided finds it).\n\n"
                 "Example: xf void 2018-0012 --reason '与 2018-0011 重复登记'",
    "opt.void_reason": "Why the case is voided (kept in its history).",
    "help.undo": "Take back a command run by mistake, by new history rows.\n\n"
                 "Takes the last command you ran that stands (run "
                 "again, it goes further back), or with ID the last one that changed that case "
                 "(an undo too: undoing an undo redoes). Shows what it changed and what will be "
                 "restored, asks on a terminal, then writes the restoring changes as new history "
                 "rows (nothing is deleted). An undone registration (xf add, an import) voids its "
                 "cases. Refused where a later command changed the same case: undo that first."
                 "\n\nExample: xf undo 2018-0003 --dry-run",
    "arg.undo_case": "Take back the last command on this case (default: your last command).",
    "opt.undo_dry_run": "Only show what would be taken back.",
    "opt.undo_yes": "Do not ask (for scripts).",
    "prompt.undo": "Take it back?",
    "msg.undo_header": "Command {command}: xf {name} on {on} by {by}.",
    "msg.undo_registered": "  {n} case(s) it registered: voided",
    "msg.undo_change": "  {case} {field}: {now} → {back}",
    "msg.undo_note": "  {case} follow-up {kind} of {on}: taken back",
    "msg.undo_note_back": "  {case} follow-up {kind} of {on}: restored",
    "msg.undo_incident": "  incident {id} ({kind}, {on}): voided",
    "msg.undo_incident_back": "  incident {id} ({kind}, {on}): restored",
    "msg.undo_more": "  … and {n} more",
    "msg.undone": "Command {command} (xf {name}) taken back.",
    "msg.undo_kept": "Nothing taken back.",
    "err.undo_nothing": "nothing to undo: {by} has run no command that changed the record.",
    "err.undo_nothing_case": "nothing to undo on {case}: no command has changed it since xf "
                             "keeps commands (revision 0005).",
    "err.undo_empty": "command {command} (xf {name}) left nothing that an undo could restore.",
    "err.undo_already": "command {command} (xf {name}) was already taken back by command {undo} "
                        "({by}, {on}): undoing that one redoes it.",
    "err.undo_later": "{case} was changed later by command {later} (xf {later_name}, "
                      "{later_on}, {later_by}): undo that first, then command {command} "
                      "(xf {name}).",
    "err.undo_needs_yes": "xf undo asks before it writes: give --yes (or --dry-run to see what "
                          "it would do).",
    "err.undo_moved": "the record changed while you were deciding: run xf undo again to see "
                      "what command {command}'s undo does now.",
    "help.incident_list": "List the incidents (voided ones marked), oldest first.\n\n"
                          "Example: xf incident list --unit dagang --since 2018-05-01",
    "help.incident_void": "Void an incident recorded by mistake.\n\nIt stays, with the reason, and "
                          "leaves the scorecard from today.\n\n"
                          "Example: xf incident void 3 --reason '误记：当事人系来区咨询'",
    "opt.incident_since": "Only incidents on or after this date.",
    "arg.incident": "The incident's number (xf incident list).",
    "col.incident": "No.",
    "col.case": "Case",
    "col.voided": "Voided",
    "msg.incident_void_mark": "{on}: {reason}",
    "msg.no_incidents": "No incidents.",
    "msg.incident_voided": "Incident {id} voided.",
    "err.incident_not_found": "no incident {value}: xf incident list shows their numbers.",
    "err.incident_voided": "incident {id} was already voided on {on}.",
    "err.sample_dated": "the sample office is dated through {through} and today is {today}: "
                        "load it with XF_TODAY={through} (or any later day), e.g. "
                        "XF_TODAY={through} xf init --sample.",
    "err.import_db_full": "the disk holding {target} is full: nothing was imported; free some "
                          "space and import again.",
    "err.import_db_io": "could not write {target} ({reason}): nothing was imported; check the "
                        "disk (space, the file size limit, the device) and import again.",
    "err.ledger_reason_alone": "{field}: a reason goes with a rejected or terminated case only.",
    "err.ledger_needs_closed": "{field}: given, but the case has no closing date (closed/办结日期).",
    "err.ledger_closed_unaccepted": "{field}: a case is closed only after it was accepted (accepted/受理日期 is empty).",
    "err.ledger_before": "{field}: {value} lies before the {what} date ({day}).",
    "err.ledger_needs_outcome": "{field}: a closed case needs its outcome (resolved, educated, aided or lawful).",
    "err.ledger_rejected_handled": "{field}: a case not accepted cannot also be accepted, closed or terminated.",
    "err.ledger_needs_reason": "{field}: a rejected or terminated case needs its reason (reason/理由).",
    "err.ledger_terminated_unaccepted": "{field}: a case is terminated only after it was accepted (accepted/受理日期 is empty).",
    "action.edit": "corrected",
    "action.void": "voided",
    "action.undo": "undone",
    "form.head": "xf edit {id}: correct what is wrong, save and close the editor.\n"
                 "Leave a line as it is to keep it; \"\" empties an optional field (backlog \"\": "
                 "a first-time petition; due: a superior's deadline). reason: why (kept in the "
                 "history).",
    "form.fault": "NOT SAVED:",
    "prompt.edit": "Write these corrections?",
    "msg.edit_kept": "{id}: nothing corrected.",
    "err.form_toml": "the form does not read ({reason}).",
    "err.form_unknown": "the form has no field {names} (its fields: {fields}).",
    "err.form_value": "{name} = {value!r} is not a value for {name}.",
    "err.form_editor": "the editor {editor!r} did not finish ({reason}): nothing corrected; set "
                       "VISUAL or EDITOR to another.",
    "err.edit_moved": "{id} changed while you were editing: nothing corrected; run xf edit again.",
    "help.unit_edit": "Correct or update a unit (each change kept in its history).\n\n"
                      "Its name, kind, head, leader, email or work-group robot.\n\n"
                      "Example: xf unit edit dagang --head 王明 --email xfb@dagang.edu.cn",
    "help.unit_retire": "Retire a unit closed or merged (撤并).\n\nIt leaves boards and scorecards after "
                        "--on (past days still show it). Refused while it has pending cases, "
                        "unless --into takes them (each move recorded).\n\n"
                        "Example: xf unit retire lanshan-kg --on 2018-09-01 --into haibin-kg",
    "help.unit_show": "Show a unit and its history.\n\nExample: xf unit show dagang",
    "arg.unit": "The unit's code or exact name.",
    "opt.unit_name": "Its full name.",
    "opt.unit_kind": "Its kind: school/学校, kindergarten/幼儿园, vocational/中专, centre/青少年活动中心, section/局机关科室.",
    "opt.unit_head": "Its head (第一责任人).",
    "opt.unit_leader": "Its leader in charge (分管负责同志).",
    "opt.unit_email": "Where reminders are mailed.",
    "opt.unit_webhook": "Its work group's robot (企业微信/钉钉 webhook URL).",
    "opt.retire_on": "The day it closed or merged.",
    "opt.retire_into": "The unit that takes its pending cases.",
    "col.unit_email": "Email",
    "col.unit_webhook": "Webhook",
    "col.unit_retired_on": "Retired",
    "col.unit_merged_into": "Merged into",
    "msg.unit_change": "  {field}: {old} → {new}",
    "msg.unit_edited": "Unit {code}: {n} field(s) changed.",
    "msg.unit_unchanged": "Unit {code}: nothing to change, every value is already so.",
    "msg.unit_moved": "{n} pending case(s) moved to {into}: {ids}.",
    "msg.unit_retired": "Unit {code} retired on {on}.",
    "err.unit_edit_nothing": "name what to change: xf unit edit {code} --head … (see xf unit edit --help).",
    "err.unit_email": "--email: {value!r} is not an email address.",
    "err.unit_webhook": "--webhook: {value!r} is not a web address (https://…).",
    "err.unit_retired": "unit {unit} was already retired on {on}.",
    "err.unit_into": "--into: {into} cannot take the cases of {unit} (the same unit, or retired).",
    "err.unit_pending": "unit {unit} still has {n} pending case(s): give --into the unit that takes them.",
    "err.unit_retired_use": "unit {unit} was retired on {on}: the case goes to the unit that took its work.",
    "msg.undo_unit": "  unit {unit} {field}: {now} → {back}",
    "msg.undo_unit_added": "  unit {unit}, which it added: retired (a unit is never deleted)",
    "msg.field_line": "{field}: {value}",
    "err.undo_unit_cases": "unit {unit} has {n} pending case(s): retire it with --into the unit "
                           "that takes them (xf unit retire) rather than undo its addition.",
    "msg.voided": "{id} voided: it stays in the register with its history, and leaves every count.",
    "err.case_voided": "{case} is voided: nothing more can be done to it (xf undo takes the void "
                       "back).",
}
