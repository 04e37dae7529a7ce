"""English messages of the commands that correct the record (merged into the catalogue)."""

MESSAGES: dict[str, str] = {
    "panel.corrections": "Corrections",
    "help.edit": "Correct the registration of a case: each changed field is a line of its "
                 "history (who, when, old, new, why); reports of past days use the corrected "
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
    "help.void": "Void a case entered twice or by mistake (作废): it keeps its number and its "
                 "history, and leaves every count, board, list and report from today on "
                 "(xf list --status voided finds it).\n\n"
                 "Example: xf void 2018-0012 --reason '与 2018-0011 重复登记'",
    "opt.void_reason": "Why the case is voided (kept in its history).",
    "msg.voided": "{id} voided: it stays in the register with its history, and leaves every count.",
    "err.case_voided": "{case} is voided: nothing more can be done to it (xf undo takes the void "
                       "back).",
}
