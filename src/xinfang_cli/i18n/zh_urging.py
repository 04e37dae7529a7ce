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
}
