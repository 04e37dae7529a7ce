"""The files xf reads and writes, as the command-line contract fixes them: the columns of
`xf import`, and the columns, format name and version of `xf export`."""

# The contract's columns: (key, Chinese header, required).
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("unit", "单位", True),
    ("source", "来源", True),
    ("received", "收到日期", True),
    ("petitioner", "信访人", True),
    ("summary", "诉求摘要", True),
    ("phone", "联系电话", False),
    ("id_number", "身份证号", False),
    ("people", "人数", False),
    ("backlog", "积案类型", False),
    ("topic", "问题类别", False),
    ("leader", "包案领导", False),
    ("due", "办理期限", False),
    ("accepted", "受理日期", False),
    ("repeat_of", "重复信访", False),  # the earlier case of a repeat petition
    # a ledger's later columns: what became of the case (`domain.ledger`)
    ("closed", "办结日期", False),
    ("outcome", "办理结果", False),
    ("satisfaction", "满意度", False),
    ("rejected", "不予受理日期", False),
    ("terminated", "终结日期", False),
    ("reason", "理由", False),
    ("note", "办理情况", False),
)
ZH_HEADER = {key: zh for key, zh, _ in COLUMNS}
REQUIRED = tuple(key for key, _, required in COLUMNS if required)

# --- xf export ------------------------------------------------------------------------

EXPORT_FORMAT, EXPORT_VERSION = "xf-export", 1
# One row per case in CSV and XLSX: the contract's case object, in this order.
CASE_COLUMNS = ("id", "unit", "unit_name", "source", "backlog", "status", "received",
                "accept_due", "accepted", "due", "extended_days", "extension_reason", "closed",
                "outcome", "satisfaction", "review_requested", "rereview_requested", "reason",
                "petitioner", "phone", "id_number", "people", "group", "summary", "topic",
                "leader", "escalation", "repeat_of", "overdue")
FOLLOWUP_COLUMNS = ("case", "on", "kind", "note", "by")
# Stored fields the contract's case object leaves out; the full export carries them too.
EXTRA_CASE_FIELDS = ("year", "seq", "status_on", "superior_due", "pending_due", "created_at",
                     "import_batch_id")
