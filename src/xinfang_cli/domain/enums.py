"""The contract's enumerations: English values with their Chinese labels.

Input accepts either form; output shows the label of the chosen language.
"""

from enum import StrEnum
from typing import TypeVar

from xinfang_cli.domain.errors import BadInput

E = TypeVar("E", bound=StrEnum)


class Source(StrEnum):
    LETTER = "letter"
    VISIT = "visit"
    ONLINE = "online"
    PHONE = "phone"
    ASSIGNED = "assigned"  # 交办: a superior's deadline may win
    TRANSFERRED = "transferred"


class Backlog(StrEnum):
    """信访积案: the three kinds of old cases; absent for a first-time petition."""

    HISTORICAL = "historical"
    EXCESSIVE = "excessive"
    UNFOUNDED = "unfounded"


class CaseStatus(StrEnum):
    REGISTERED = "registered"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CLOSED = "closed"
    REVIEWING = "reviewing"
    REREVIEWING = "rereviewing"
    TERMINATED = "terminated"
    VOIDED = "voided"  # 作废: entered twice or by mistake; kept, but in no count


class Outcome(StrEnum):
    """The "four in place" (四个到位)."""

    RESOLVED = "resolved"
    EDUCATED = "educated"
    AIDED = "aided"
    LAWFUL = "lawful"


class UnitKind(StrEnum):
    SCHOOL = "school"
    KINDERGARTEN = "kindergarten"
    VOCATIONAL = "vocational"
    CENTRE = "centre"
    SECTION = "section"


class FollowupKind(StrEnum):
    NOTE = "note"
    CALL = "call"
    VISIT = "visit"
    RECEPTION = "reception"  # 领导接访
    FIELD = "field"  # 领导下访
    MEETING = "meeting"
    PLAN = "plan"
    REPLY = "reply"


class IncidentKind(StrEnum):
    SKIP_LEVEL = "skip-level"
    GROUP_SKIP_LEVEL = "group-skip-level"
    MASS_INCIDENT = "mass-incident"
    EXTREME_ACT = "extreme-act"
    MEDIA_HYPE = "media-hype"


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"
    BASIC = "basic"
    UNSATISFIED = "unsatisfied"


class Escalation(StrEnum):
    DISTRICT = "district"
    CITY = "city"


class NoticeKind(StrEnum):
    """The papers the law requires the office to send the petitioner, in the order owed."""

    ACCEPTANCE = "acceptance"
    REJECTION = "rejection"
    EXTENSION = "extension"
    REPLY = "reply"
    REVIEW = "review"
    REREVIEW = "rereview"


class SupervisionKind(StrEnum):
    """督查 measures on a unit that stays behind; key management lasts until ended."""

    INSPECTION = "inspection"
    CIRCULAR = "circular"
    TALK = "talk"
    KEY_MANAGEMENT = "key-management"


class DeliveryMethod(StrEnum):
    """送达: how a paper reached the petitioner."""

    IN_PERSON = "in-person"
    MAIL = "mail"
    REGISTERED = "registered"  # 挂号邮寄: with its tracking number
    ELECTRONIC = "electronic"


class AccessRole(StrEnum):
    """A login's group on a shared server: the office does everything; a unit's clerk the
    cases of their units; a leader reads, masked, and writes nothing."""

    OFFICE = "office"
    UNIT = "unit"
    VIEWER = "viewer"


ZH_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Source: {
        "letter": "来信",
        "visit": "来访",
        "online": "网上",
        "phone": "来电",
        "assigned": "交办",
        "transferred": "转送",
    },
    Backlog: {"historical": "历史遗留", "excessive": "诉求过高", "unfounded": "诉求无理"},
    CaseStatus: {
        "registered": "已登记",
        "accepted": "已受理",
        "rejected": "不予受理",
        "closed": "已办结",
        "reviewing": "复查中",
        "rereviewing": "复核中",
        "terminated": "已终结",
        "voided": "已作废",
    },
    Outcome: {
        "resolved": "解决到位",
        "educated": "教育疏导到位",
        "aided": "帮扶救助到位",
        "lawful": "依法处理",
    },
    UnitKind: {
        "school": "学校",
        "kindergarten": "幼儿园",
        "vocational": "中专",
        "centre": "青少年活动中心",
        "section": "局机关科室",
    },
    FollowupKind: {
        "note": "记录",
        "call": "电话联系",
        "visit": "走访",
        "reception": "领导接访",
        "field": "领导下访",
        "meeting": "协调会办",
        "plan": "分步解决方案",
        "reply": "书面答复",
    },
    IncidentKind: {
        "skip-level": "越级上访",
        "group-skip-level": "群体性越级上访",
        "mass-incident": "群体性事件",
        "extreme-act": "个人极端行为",
        "media-hype": "负面舆论炒作",
    },
    Satisfaction: {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"},
    Escalation: {"district": "区级", "city": "市级"},
    NoticeKind: {
        "acceptance": "受理告知书",
        "rejection": "不予受理告知书",
        "extension": "延期告知书",
        "reply": "处理意见书",
        "review": "复查意见书",
        "rereview": "复核意见书",
    },
    SupervisionKind: {
        "inspection": "督查",
        "circular": "通报",
        "talk": "约谈",
        "key-management": "重点管理",
    },
    AccessRole: {
        "office": "信访办",
        "unit": "单位",
        "viewer": "查阅",
    },
    DeliveryMethod: {
        "in-person": "直接送达",
        "mail": "邮寄",
        "registered": "挂号邮寄",
        "electronic": "电子送达",
    },
}

PENDING = frozenset({CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.REVIEWING,
                     CaseStatus.REREVIEWING})
"""Statuses in which a deadline runs."""

COUNTED = tuple(str(s) for s in CaseStatus if s is not CaseStatus.VOIDED)
"""Statuses that count: a voided case leaves every count, board, list and report."""


def label(member: StrEnum | str | None, lang: str) -> str:
    """The member's label in `lang` (the English value itself in English). A plain string
    takes the first enumeration that has it: `registered` is a status (已登记) before it is
    a delivery method, `reply` a follow-up before it is a notice; pass the member for those."""
    if member is None:
        return ""
    if lang != "zh":
        return str(member)
    own = ZH_LABELS.get(type(member), {})  # type: ignore[call-overload]
    if str(member) in own:
        return own[str(member)]
    for labels in ZH_LABELS.values():
        if str(member) in labels:
            return labels[str(member)]
    return str(member)


def choices_text(enum: type[StrEnum]) -> str:
    """`letter=来信, visit=来访, …`: what a user may type."""
    return ", ".join(f"{v}={z}" for v, z in ZH_LABELS[enum].items())


def parse(enum: type[E], text: str, field: str) -> E:
    """Read an English value or its Chinese label (case and spaces ignored)."""
    wanted = text.strip()
    for value, zh in ZH_LABELS[enum].items():
        if wanted.lower() in (value, value.replace("-", "_")) or wanted == zh:
            return enum(value)
    raise BadInput("err.bad_choice", field=field, value=text, choices=choices_text(enum))
