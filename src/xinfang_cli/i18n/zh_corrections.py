"""更正类命令的中文消息（并入中文目录）。"""

MESSAGES: dict[str, str] = {
    "panel.corrections": "更正",
    "help.edit": "更正信访事项的登记信息：每改一项就在变更记录中记一行（何人、何时、原值、新值、"
                 "理由）；以往日期的报表按更正后的值统计。改 --received 会顺延受理期限，改 --due"
                 "（上级期限）会改变办理中事项的办理期限。状态和流程日期另有相应命令及 xf undo。\n\n"
                 "示例：xf edit 2018-0003 --phone 13912345678 --reason '登记时电话记错'",
    "opt.first_time": "改为初次信访（非积案）。",
    "opt.edit_reason": "更正理由（记入变更记录）。",
    "msg.edit_change": "  {field}：{old} → {new}",
    "msg.edited": "{id}：已更正 {n} 项。",
    "msg.edit_nothing": "{id}：无需更改，各项已是所给的值。",
    "err.edit_nothing_named": "请指明要更正的项目：xf edit {id} --phone …（见 xf edit --help）。",
    "err.edit_backlog_both": "--backlog 与 --first-time 互相矛盾：只能给一个。",
    "err.edit_after_event": "--received {value}：该事项在此日之前已有办理（{on} {event}）。",
    "err.edit_unknown_field": "{field}：xf edit 不能更正此项（可更正：{fields}）。",
    "help.void": "作废重复登记或误登记的信访事项：保留编号和变更记录，自今日起不再计入任何统计、"
                 "汇总表、列表和报表（xf list --status voided 可查到）。\n\n"
                 "示例：xf void 2018-0012 --reason '与 2018-0011 重复登记'",
    "opt.void_reason": "作废理由（记入变更记录）。",
    "msg.voided": "{id} 已作废：仍保留在台账中（含变更记录），不再计入任何统计。",
    "err.case_voided": "{case} 已作废，不能再办理（xf undo 可撤销作废）。",
}
