"""查找类命令的中文消息（并入中文目录）：xf search、xf petitioner、重复信访提示。"""

MESSAGES: dict[str, str] = {
    "help.search": "按文字查找事项：在诉求摘要、问题类别、包案领导、理由（不予受理、终结、延期、提级）"
                   "和跟进记录中查找，中文照原样匹配，无需分词。\n\n"
                   "多个词须全部出现；最匹配的在前（摘要中出现的最重），同等的较新者在前；"
                   "终端上标出所匹配的词。个人信息一律隐去。少于三个字的词逐条查找，也可用。\n\n"
                   "示例：xf search 绩效工资 --unit dagang",
    "arg.search": "要查找的文字（多个词以空格分开，须全部出现）。",
    "opt.search_limit": "最多列出几件（默认 50）。",
    "help.petitioner": "查找同一信访人的全部事项：跨单位、跨年度，最新的在前。\n\n"
                       "按电话、身份证号或姓名（可加 --unit 限定单位）查找，在数据库内比对，"
                       "无需显示个人信息；加 --reveal 才显示，且记入变更记录。\n\n"
                       "示例：xf petitioner --phone 13812345678",
    "opt.find_phone": "按联系电话查找（空格、短横线不计）。",
    "opt.find_id_number": "按身份证号查找。",
    "opt.find_name": "按信访人姓名查找（同名者多时加 --unit）。",
    "err.search_empty": "请给出要查找的文字：xf search 绩效工资。",
    "err.limit": "--limit {value}：须为 1 至 1000000 的整数。",
    "err.petitioner_no_key": "请给出 --phone、--id-number 或 --name 之一。",
    "err.petitioner_one_key": "--phone、--id-number、--name 只能给一个。",
    "err.petitioner_blank_name": "--name：姓名不能为空。",
    "search.field.summary": "摘要",
    "search.field.topic": "类别",
    "search.field.leader": "领导",
    "search.field.reasons": "理由",
    "search.field.notes": "跟进",
    "search.count": "共找到 {n} 件（最匹配的在前）。",
    "search.count_limit": "列出最匹配的 {n} 件；可能还有更多（用 --limit 列出更多）。",
    "search.none": "没有找到。",
    "search.where": "匹配于：{fields}",
    "repeat.key.id_number": "同一身份证号",
    "repeat.key.phone": "同一电话",
    "repeat.key.name": "同一单位同名",
    "repeat.found": "信访人 {name} 已有 {n} 件事项（{keys}）：",
    "repeat.found_newest": "信访人 {name} 已有 {n} 件事项（{keys}），最近 {shown} 件：",
    "repeat.hint": "如属重复信访，请标明：xf edit {id} --repeat-of {earlier}（或列表中的其他编号）。",
    "prompt.repeat_of": "是否为其中某件的重复信访？输入序号或编号，直接回车表示不是",
    "prompt.repeat_again": "请输入 1–{n} 的序号、所列编号，或直接回车。",
    "import.repeat": "第 {row} 行{given}：信访人 {name} 已有事项 {cases}（{by}）。",
    "import.repeat_rows": "第 {row} 行{given}：信访人 {name} 与本文件第 {rows} 行相同（{by}）。",
    "import.repeat_more": "……另有 {n} 行同样情况。",
    "import.repeat_hint": "如属重复信访，可在文件中加 repeat_of（重复信访）列，写明原事项编号后重新导入。",
    "opt.edit_repeat_of": "标明为某件事项的重复信访（给 \"\" 则取消）。",
    "err.repeat_of_itself": "--repeat-of：{id} 不能是它自己的重复信访。",
    "import.row_case": "（登记为 {id}）",
    "import.repeat_edit": "如属重复信访，请用 xf edit 新编号 --repeat-of 原事项编号 标明。",
    "search.sep": "、",
}
