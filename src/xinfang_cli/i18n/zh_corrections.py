"""更正类命令的中文消息（并入中文目录）。"""

MESSAGES: dict[str, str] = {
    "panel.corrections": "更正",
    "help.void": "作废重复登记或误登记的信访事项：保留编号和变更记录，自今日起不再计入任何统计、"
                 "汇总表、列表和报表（xf list --status voided 可查到）。\n\n"
                 "示例：xf void 2018-0012 --reason '与 2018-0011 重复登记'",
    "opt.void_reason": "作废理由（记入变更记录）。",
    "msg.voided": "{id} 已作废：仍保留在台账中（含变更记录），不再计入任何统计。",
    "err.case_voided": "{case} 已作废，不能再办理（xf undo 可撤销作废）。",
}
