"""transfer 命令的中文消息（并入中文目录）。"""

MESSAGES: dict[str, str] = {
    # --- 帮助 ---
    "help.import": "从表格（CSV、XLSX）或 JSON 导入信访事项；先逐行检查，只要有一行有误就一行也"
                   "不导入。完整导出文件（xf export --format json --reveal）可原样导回空数据库。\n\n"
                   "列（中文或英文表头）：单位/unit、来源/source、收到日期/received、"
                   "信访人/petitioner、诉求摘要/summary（必填）；联系电话/phone、身份证号/id_number、"
                   "人数/people、积案类型/backlog、问题类别/topic、包案领导/leader、"
                   "办理期限/due、受理日期/accepted。原台账的后续各列按实际日期导入办理结果："
                   "办结日期/closed 及办理结果/outcome（可附满意度/satisfaction）、"
                   "不予受理日期/rejected、终结日期/terminated（均须附理由/reason）、"
                   "办理情况/note（记为办理记录）。\n\n示例：xf import 信访台账.csv --dry-run",
    "help.export": "导出全部信访事项及办理记录：json（完整，含变更记录，可由 xf import 导回）、"
                   "csv（另附 文件名-followups.csv）或 xlsx。个人信息默认脱敏，--reveal 显示原文"
                   "（记入每件事项的变更记录）。\n\n示例：xf export --format xlsx -o 信访事项.xlsx",
    "help.backup": "在他人继续使用时把数据库复制到 FILE（SQLite 在线备份）；副本经过检查，"
                   "仅本人可读。\n\n示例：xf backup /var/backups/xf/xf-2018-10-12.db",
    "help.restore": "从备份恢复：先检查 FILE（完整性、结构版本），当前数据库另存为 "
                    "xf.db.before-restore-日期-时间。\n\n示例：xf restore /var/backups/xf/xf-2018-10-12.db",
    "arg.import_file": "文件：.csv（UTF-8 或 GB18030）、.xlsx 或 .json。",
    "arg.backup_file": "副本写到哪里。",
    "arg.restore_file": "要恢复的备份文件。",
    "opt.import_dry_run": "只检查每一行，不写入。",
    "opt.import_again": "即使同一文件已导入过，也再导入一次。",
    "opt.export_format": "json、csv 或 xlsx（默认按 -o 文件的扩展名，否则 json）。",
    "progress.import": "正在导入",
    # --- 确认 ---
    "msg.imported": "已从 {file} 导入 {n} 件（批次 {batch}）。",
    "msg.import_checked": "{file}：已检查 {n} 行，全部无误（试运行：未写入）。",
    "msg.export_restored": "{file} 已导回：{cases} 件事项、{followups} 条办理记录、{history} 条"
                           "变更记录、{incidents} 起事件、{notices} 份文书、{supervision} 项督查措施、"
                           "新增 {units} 个单位。",
    "msg.export_checked": "{file}：将导回 {cases} 件事项、{followups} 条办理记录、{history} 条"
                          "变更记录、{incidents} 起事件、{notices} 份文书（试运行：未写入）。",
    "msg.exported": "已导出 {n} 件到 {file}。",
    "msg.backup_done": "备份已写入：{file}（{cases} 件，结构版本 {revision}，完整性正常）。",
    "msg.restore_aside": "原数据库已另存为 {aside}。",
    "msg.restored": "已将 {file} 恢复到 {target}：{cases} 件，结构版本 {revision}。",
    # --- 导入错误 ---
    "import.row_error": "第 {row} 行，{column} 列：{reason}",
    "import.row_error_nocol": "第 {row} 行：{reason}",
    "import.required": "必填，但为空。",
    "err.import_bad_rows": "{file} 中有 {n} 行有误：一行也未导入。",
    "err.import_no_file": "没有文件 {file}。",
    "err.import_xls": "{file} 是旧版 Excel .xls 文件：请先另存为 .xlsx 或 .csv。",
    "err.import_encoding": "{file}：无法读取文字（{reason}）。",
    "err.import_empty": "{file} 中没有数据行。",
    "err.import_malformed": "无法读取 {file}（{reason}）。",
    "err.import_json_twice": "{file}：顶层的键“{name}”出现了两次。",
    "err.import_json_shape": "{file}：JSON 须为逐行对象组成的数组，或 xf 的完整导出文件。",
    "err.import_unknown_column": "{file}：不认识的列 {column!r}；可用的列：{columns}。",
    "err.import_duplicate_column": "{file}：列 {column!r} 出现了两次。",
    "err.import_missing_column": "{file}：缺少必填列：{columns}。",
    "err.import_not_text": "{value} 不是单个值。",
    "err.import_not_number": "{value!r} 不是整数。",
    "err.import_again": "{file} 已于 {at} 导入过（批次 {batch}，{rows} 行）：本次未导入。"
                        "如确需再次导入，请加 --again。",
    "err.import_export_version": "{file} 是第 {version} 版的 xf 导出文件；本程序读取第 "
                                 "{supported} 版。",
    "err.import_export_masked": "{file} 导出时个人信息已脱敏，无法导回。请加 --reveal 重新导出。",
    "err.import_not_empty": "完整导出文件只能导入空数据库；{target} 中已有数据（{n} 件）："
                            "未导入。",
    "err.import_export_bad": "{file}：{where}：{reason}；未导入。",
    "err.export_needs_file": "--format {format} 需要写入文件：请给出 -o 文件。",
    # --- 备份与恢复 ---
    "err.backup_postgres": "{target} 是 PostgreSQL 服务器：请用 pg_dump（pg_dump -Fc）备份，"
                           "而不是 xf backup。",
    "err.restore_postgres": "{target} 是 PostgreSQL 服务器：请用 pg_restore 恢复，而不是 "
                            "xf restore。",
    "err.backup_same": "{file} 就是数据库本身。",
    "err.backup_dir": "没有目录 {dir}。",
    "err.backup_failed": "副本 {file} 未通过检查（{reason}）；未写入。",
    "err.restore_no_file": "没有备份文件 {file}。",
    "err.restore_damaged": "{file} 已损坏或不是数据库（{reason}）：未恢复。",
    "err.restore_not_xf": "{file} 不是 xf 数据库：未恢复。",
    "err.restore_newer": "{file} 的结构版本 {revision} 比本程序（{head}）新：请先升级 xf；"
                         "未恢复。",
}
