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
    "help.undo": "撤销误操作的命令：默认撤销本人最近一条仍有效的命令（再次运行则继续往前撤销），"
                 "给出 ID 则撤销最近一次改动该事项的命令（包括撤销命令本身：撤销“撤销”即恢复）。"
                 "先列出该命令改了什么、将恢复什么，在终端上询问确认，然后以新的变更记录写入恢复内容"
                 "（不删除任何记录）。撤销登记（xf add、导入）会作废其登记的事项。"
                 "若之后另有命令改动了同一事项则拒绝：须先撤销后者。\n\n示例：xf undo 2018-0003 --dry-run",
    "arg.undo_case": "撤销最近一次改动此事项的命令（默认：本人最近一条命令）。",
    "opt.undo_dry_run": "只显示将撤销的内容。",
    "opt.undo_yes": "不再询问（供脚本使用）。",
    "prompt.undo": "确定撤销吗？",
    "msg.undo_header": "命令 {command}：xf {name}，{on}，{by}。",
    "msg.undo_registered": "  其登记的 {n} 件事项：作废",
    "msg.undo_change": "  {case} {field}：{now} → {back}",
    "msg.undo_note": "  {case} {on} 的{kind}记录：撤销",
    "msg.undo_note_back": "  {case} {on} 的{kind}记录：恢复",
    "msg.undo_incident": "  事件 {id}（{kind}，{on}）：作废",
    "msg.undo_incident_back": "  事件 {id}（{kind}，{on}）：恢复",
    "msg.undo_more": "  …… 另有 {n} 项",
    "msg.undone": "命令 {command}（xf {name}）已撤销。",
    "msg.undo_kept": "未撤销任何内容。",
    "err.undo_nothing": "没有可撤销的命令：{by} 尚未运行过改动台账的命令。",
    "err.undo_nothing_case": "{case} 没有可撤销的命令：自 xf 记录命令以来（结构版本 0005）无命令改动过它。",
    "err.undo_empty": "命令 {command}（xf {name}）没有留下可撤销的内容。",
    "err.undo_already": "命令 {command}（xf {name}）已被命令 {undo}（{by}，{on}）撤销：撤销那次撤销即可恢复。",
    "err.undo_later": "{case} 之后又被命令 {later}（xf {later_name}，{later_on}，{later_by}）改动：请先撤销该命令，再撤销命令 {command}（xf {name}）。",
    "err.undo_needs_yes": "xf undo 写入前需要确认：请加 --yes（或用 --dry-run 查看将做什么）。",
    "err.undo_moved": "您确认期间台账已有变动：请重新运行 xf undo 查看命令 {command} 的撤销内容。",
    "help.incident_list": "列出事件（已作废的注明），按日期排列。\n\n"
                          "示例：xf incident list --unit dagang --since 2018-05-01",
    "help.incident_void": "作废误记的事件：保留原记录和理由，自今日起不计入考核。\n\n"
                          "示例：xf incident void 3 --reason '误记：当事人系来区咨询'",
    "opt.incident_since": "只列该日期及以后的事件。",
    "arg.incident": "事件编号（见 xf incident list）。",
    "col.incident": "编号",
    "col.case": "事项",
    "col.voided": "作废",
    "msg.incident_void_mark": "{on}：{reason}",
    "msg.no_incidents": "没有事件。",
    "msg.incident_voided": "事件 {id} 已作废。",
    "err.incident_not_found": "没有编号为 {value} 的事件：xf incident list 可查编号。",
    "err.incident_voided": "事件 {id} 已于 {on} 作废。",
    "err.sample_dated": "演示数据截至 {through}，而今天是 {today}：请用 XF_TODAY={through}"
                        "（或更晚的日期）载入，例如 XF_TODAY={through} xf init --sample。",
    "err.import_db_full": "{target} 所在磁盘已满：未导入任何内容；请腾出空间后重新导入。",
    "err.import_db_io": "无法写入 {target}（{reason}）：未导入任何内容；请检查磁盘（空间、文件大小限制、设备）后重新导入。",
    "err.ledger_reason_alone": "{field}：只有不予受理或终结的事项才填理由。",
    "err.ledger_needs_closed": "{field}：已填写，但该事项没有办结日期（办结日期/closed）。",
    "err.ledger_closed_unaccepted": "{field}：事项须先受理才能办结（受理日期为空）。",
    "err.ledger_before": "{field}：{value} 早于{what}日期（{day}）。",
    "err.ledger_needs_outcome": "{field}：已办结的事项须填写办理结果（解决到位、教育疏导到位、帮扶救助到位或依法处理）。",
    "err.ledger_rejected_handled": "{field}：不予受理的事项不能同时受理、办结或终结。",
    "err.ledger_needs_reason": "{field}：不予受理或终结的事项须填写理由（理由/reason）。",
    "err.ledger_terminated_unaccepted": "{field}：事项须先受理才能终结（受理日期为空）。",
    "action.edit": "更正",
    "action.void": "作废",
    "action.undo": "撤销",
    "form.head": "xf edit {id}：改正有误之处，保存后关闭编辑器。\n"
                 "不改的行保持原样；\"\" 表示清空可选项（backlog 为 \"\" 即初次信访；due 为上级期限）。"
                 "reason：更正理由（记入变更记录）。",
    "form.fault": "未保存：",
    "prompt.edit": "写入以上更正吗？",
    "msg.edit_kept": "{id}：未作更正。",
    "err.form_toml": "表单无法读取（{reason}）。",
    "err.form_unknown": "表单中没有 {names} 这一项（可填：{fields}）。",
    "err.form_value": "{name} = {value!r} 不是 {name} 的有效值。",
    "err.form_editor": "编辑器 {editor!r} 未正常结束（{reason}）：未作更正；请把 VISUAL 或 EDITOR 设为其他编辑器。",
    "err.edit_moved": "编辑期间 {id} 已被改动：未作更正；请重新运行 xf edit。",
    "msg.voided": "{id} 已作废：仍保留在台账中（含变更记录），不再计入任何统计。",
    "err.case_voided": "{case} 已作废，不能再办理（xf undo 可撤销作废）。",
}
