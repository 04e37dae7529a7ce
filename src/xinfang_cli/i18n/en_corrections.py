"""English messages of the commands that correct the record (merged into the catalogue)."""

MESSAGES: dict[str, str] = {
    "panel.corrections": "Corrections",
    "help.void": "Void a case entered twice or by mistake (作废): it keeps its number and its "
                 "history, and leaves every count, board, list and report from today on "
                 "(xf list --status voided finds it).\n\n"
                 "Example: xf void 2018-0012 --reason '与 2018-0011 重复登记'",
    "opt.void_reason": "Why the case is voided (kept in its history).",
    "msg.voided": "{id} voided: it stays in the register with its history, and leaves every count.",
    "err.case_voided": "{case} is voided: nothing more can be done to it (xf undo takes the void "
                       "back).",
}
