"""督办类命令的中文消息（并入中文目录）：xf remind。"""

MESSAGES: dict[str, str] = {
    "help.remind": "督办：向每个有超期或即将到期事项的单位发一份督办，列出事项编号、期限、天数和"
                   "摘要（不含信访人姓名等个人信息）：发到单位负责人的邮箱（config.toml 的 [smtp]）"
                   "和/或单位工作群机器人（企业微信、钉钉）。每件所列事项记一条变更记录。"
                   "当天已督办的单位不再重发（--force 除外）。发送失败的逐条说明，退出码 3，"
                   "不记为已发，下次运行重发。\n\n"
                   "示例：xf remind --warn-days 7",
    "opt.remind_warn_days": "同时督办几天内到期的事项（默认 [office] warn_days）。",
    "opt.remind_dry_run": "只显示将发送的内容，不发送、不记录。",
    "opt.remind_force": "当天已督办的单位也重发。",
    "opt.remind_print": "不发送：把每个单位的督办单（.docx）写到此目录，供纸质送达，同样记录。",
    "channel.email": "邮件",
    "channel.webhook": "工作群机器人",
    "channel.print": "督办单",
    "msg.reminded": "{unit}：已通过{channel}督办 {n} 件（{to}）。",
    "msg.remind_skipped": "{unit}：今天已通过{channel}督办，跳过（重发加 --force）。",
    "err.remind_no_contact": "{unit}（{code}）：没有邮箱或工作群机器人，未督办；"
                             "用 xf unit edit {code} --email … 或 --webhook … 设置。",
    "err.send_failed": "发送失败。",
    "err.smtp_missing": "有单位设了邮箱，但 config.toml 的 [smtp] 缺少 {setting}；未发送任何督办。",
    "err.smtp_password": "[smtp] 设了 user，但环境变量 {name} 未设置密码；未发送任何督办。",
    "err.smtp_login": "邮件服务器拒绝登录（用户 {user}）：{reason}",
    "err.smtp_refused": "邮件服务器拒收：{reason}",
    "err.smtp_unreachable": "连不上邮件服务器 {server}：{reason}",
    "err.robot_status": "工作群机器人 {url} 答复 HTTP {status}",
    "err.robot_unreachable": "连不上工作群机器人 {url}：{reason}",
    "err.robot_answer": "工作群机器人 {url} 的答复无法识别：{answer}",
    "err.robot_refused": "工作群机器人 {url} 拒收：errcode {code} {message}",
    "action.remind": "督办",
    "col.email": "邮件",
    "col.webhook": "工作群机器人",
    "col.print": "督办单",
    "err.remind_unit": "{unit}（{code}）：{reason}",
    "help.supervise": "督查措施：对工作滞后的单位进行督查、通报、约谈或实行重点管理（持续到结束为止）。"
                      "重点管理单位在 xf status、xf scorecard 和 xf report 中以 ★ 标出；"
                      "通报、约谈次数计入考核（评分办法可扣分）。\n\n"
                      "示例：xf supervise add --unit dagang --kind 约谈 --note '积案化解滞后'",
    "help.supervise_add": "记录一项督查措施，打印其编号。\n\n"
                          "示例：xf supervise add --unit dagang --kind 重点管理 --on 2018-09-01 "
                          "--note '积案化解进度滞后'",
    "help.supervise_end": "结束重点管理（只有重点管理需要结束）。\n\n示例：xf supervise end 3 --on 2018-12-20",
    "help.supervise_list": "列出督查措施（--since：该日及以后采取的，以及其间仍在实行的重点管理）。",
    "arg.supervise": "措施编号（xf supervise list 可查）。",
    "opt.supervise_kind": "措施：inspection=督查, circular=通报, talk=约谈, key-management=重点管理。",
    "opt.supervise_note": "内容与理由。",
    "opt.supervise_since": "只列该日及以后的措施（及其间仍在实行的重点管理）。",
    "msg.supervise_added": "已记录对 {unit} 的{kind}（编号 {number}）。",
    "msg.supervise_ended": "重点管理（编号 {number}）已于 {on} 结束。",
    "msg.no_measures": "没有督查措施。",
    "msg.key_management_mark": "★ 重点管理单位",
    "col.measure_no": "编号",
    "col.measure": "措施",
    "col.ended": "结束",
    "rpt.col.measure": "措施",
    "rpt.col.ended": "结束",
    "rpt.col.circulars": "通报",
    "rpt.col.talks": "约谈",
    "rpt.short.circulars": "通报",
    "rpt.short.talks": "约谈",
    "rpt.sec.supervision": "督查措施（★ 重点管理单位）",
    "rpt.sheet.supervision": "督查",
    "rpt.sum.supervision": "本期督查措施",
    "rpt.sum.key_management": "截至 {day} 重点管理单位",
    "err.supervise_running": "{unit} 已在重点管理中（编号 {number}）；结束后才能再次实行。",
    "err.supervise_unknown": "没有编号为 {number} 的督查措施。",
    "err.supervise_not_lasting": "措施 {number} 是{kind}，不是重点管理，无需结束。",
    "err.supervise_ended": "重点管理（编号 {number}）已于 {on} 结束，不能再次结束。",
    "err.supervise_end_day": "--on：{value} 早于开始日 {start} 或晚于今天（{today}）。",
}
