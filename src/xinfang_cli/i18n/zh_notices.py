"""文书类命令的中文消息（并入中文目录）：xf notice、xf deliver、复查期限。"""

MESSAGES: dict[str, str] = {
    "help.notice": "制发法定文书（Word 文件）：受理/不予受理告知书、延期告知书、处理意见书、"
                   "复查/复核意见书；列出已发和应发未发的文书；导出模板供本单位修改。\n\n"
                   "示例：xf notice 2018-0003 受理告知书",
    "help.notice_issue": "按事项制发一份文书（.docx），编文号并登记（文号、日期、经办人、文件 "
                         "SHA-256）。文书载有信访人真实姓名，制发即记为一次查看个人信息。"
                         "可省略 issue：xf notice ID KIND。\n\n"
                         "各类文书须事项处于相应状态：受理告知书须已受理，不予受理告知书须不予受理，"
                         "延期告知书须已延期，处理意见书须已办结，复查/复核意见书须该次复查/复核已办结。"
                         "\n\n示例：xf notice 2018-0003 处理意见书 -o 处理意见书.docx",
    "help.notice_list": "列出已制发的文书及其送达情况；--pending 列出法定应发而未发的文书"
                        "及其期限（剩余或已超天数）。\n\n示例：xf notice list --pending",
    "help.notice_template": "导出内置模板（.docx），可在 Word 或 WPS 中修改抬头、版式和措辞；"
                            "放入数据目录的 templates/ 下（如 templates/reply.docx 或 "
                            "templates/处理意见书.docx）即替代内置模板。\n\n"
                            "示例：xf notice template 处理意见书 -o reply.docx"
                            "\n\n模板可用的占位符：{fields}。",
    "help.deliver": "登记文书送达：日期与方式（直接送达、邮寄、挂号邮寄须附邮件号、电子送达）。"
                    "处理意见书的送达日起算30日复查请求期限（复查意见书的送达日起算复核期限）。"
                    "再次登记则更正原记录，变更历史保留两者。\n\n"
                    "示例：xf deliver 2018-0003 处理意见书 --on 2018-06-10 --method 挂号邮寄 "
                    "--ref XA123456789CN",
    "arg.notice_kind": "文书种类：acceptance=受理告知书, rejection=不予受理告知书, "
                       "extension=延期告知书, reply=处理意见书, review=复查意见书, "
                       "rereview=复核意见书。",
    "opt.notice_output": "写入的文件（默认当前目录下的“事项编号_文书名称.docx”）。",
    "opt.reprint": "重新打印已制发的文书：文号和日期不变。",
    "opt.pending": "列出法定应发而未发的文书。",
    "opt.notice_case": "只列此事项的文书。",
    "opt.template_output": "写入的文件（默认当前目录下的“种类.docx”）。",
    "opt.overwrite": "文件已存在时覆盖。",
    "opt.deliver_on": "送达日期（信访人收到之日：复查期限由此起算）。",
    "opt.deliver_method": "送达方式：in-person=直接送达, mail=邮寄, registered=挂号邮寄, "
                          "electronic=电子送达。",
    "opt.deliver_ref": "邮件号或电子送达凭据（挂号邮寄必填）。",
    "opt.late_reason": "超过30日请求期限的正当理由（法律允许有正当理由的延迟）；记入变更历史。",
    "msg.notice_issued": "{case}：已制发{kind}，文号 {number}，文件 {file}",
    "msg.notice_reprinted": "{case}：已重新打印{kind}，文号 {number}（不变），文件 {file}",
    "msg.template_written": "已写出{kind}模板：{file}\n修改后放入 {folder}（文件名 {names}）"
                            "即替代内置模板。",
    "msg.delivered": "{case}：{kind}（{number}）已于 {on} 送达（{method}）。",
    "msg.delivery_replaced": "{case}：{kind}（{number}）送达记录已更正：原为 {before}，现为 {on} "
                             "{method}。",
    "msg.no_notices": "没有已制发的文书。",
    "msg.no_pending": "没有应发未发的文书。",
    "title.notices": "文书",
    "col.notice_kind": "文书",
    "col.number": "文号",
    "col.issued": "制发日期",
    "col.delivered": "送达",
    "col.file": "文件",
    "col.paper_due": "应发期限",
    "col.days_overdue": "超期天数",
    "col.acceptance": "受理告知书",
    "col.rejection": "不予受理告知书",
    "col.extension": "延期告知书",
    "col.reply": "处理意见书",
    "col.review": "复查意见书",
    "col.rereview": "复核意见书",
    "action.notice": "制发文书",
    "action.reprint": "重印文书",
    "action.deliver": "送达",
    "err.notice_voided": "{case} 已作废，不能制发文书。",
    "err.notice_needs_accepted": "{case} 尚未受理（{status}），不能制发{kind}。",
    "err.notice_needs_rejected": "{case} 未作不予受理决定（{status}），不能制发{kind}。",
    "err.notice_needs_extended": "{case} 未延期，不能制发{kind}。",
    "err.notice_needs_closed": "{case} 尚未办结（{status}），不能制发{kind}。",
    "err.notice_needs_review": "{case} 的复查尚未办结（{status}），不能制发{kind}。",
    "err.notice_needs_rereview": "{case} 的复核尚未办结（{status}），不能制发{kind}。",
    "err.notice_issued": "{case} 的{kind}已于 {issued} 制发（{number}）；"
                         "重新打印请加 --reprint。",
    "err.notice_not_issued": "{case} 的{kind}尚未制发，无从重新打印。",
    "err.deliver_not_issued": "{case} 的{kind}尚未制发，不能登记送达（先 xf notice {case} {kind}）。",
    "err.deliver_before_issue": "--on：送达日期 {value} 早于制发日期 {issued}。",
    "err.deliver_needs_ref": "挂号邮寄须用 --ref 给出邮件号。",
    "err.template_unknown": "模板 {path} 含未知占位符 {names}；可用：{known}。",
    "err.template_bad": "模板 {path} 不是可用的 Word 文档：{reason}。",
    "err.output_exists": "{path} 已存在；换一个 -o 文件，或加 --force 覆盖。",
    "err.review_late_delivered": "{case}：请求日期 {value} 距送达日 {delivered} 已超过30日"
                                 "（最后一日 {until}）；有正当理由的，加 --late-reason 说明。",
    "rpt.sum.notices_issued": "本期制发文书",
    "rpt.sum.notices_owed": "截至 {day} 应发未发文书",
    "rpt.sec.notices": "文书（本期制发；截至 {day} 应发未发）",
    "rpt.col.notice_kind": "文书",
    "rpt.col.issued": "制发",
    "rpt.col.owed": "应发未发",
    "rpt.sheet.notices": "文书",
    "err.reprint_changed": "{case} 的{kind}（{number}，{issued} 制发）所据的事项（或文书所载的本单位设置）已有变更，重印的内容将与已发的不同；"
                           "文号下的文书以已发的为准：{file}。",
    "err.output_not_file": "{path} 不是普通文件（链接、设备或目录），不能写入文书。",
    "err.paper_not_moved": "文书 {number} 已登记，但无法命名为 {path}（{reason}）；文件在 {partial}，请手工改名。",
}
