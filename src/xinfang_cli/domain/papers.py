"""The papers the law requires the office to send the petitioner (告知书, 意见书): which state
of a case each needs, the regulation and articles it cites, its document number (文号), and
the fields a template may use. Pure Python: `views.notices` reads the case, `render.papers`
fills the Word template.
"""

from dataclasses import dataclass
from datetime import date

from xinfang_cli.domain.enums import CaseStatus, NoticeKind, Outcome, Source
from xinfang_cli.domain.errors import BadInput

REGULATION_2022 = "《信访工作条例》"
REGULATION_2005 = "《信访条例》"
IN_FORCE_2022 = date(2022, 5, 1)  # 信访工作条例 replaced 信访条例 (2005) on this day

# kind → (articles of 信访工作条例 2022, articles of 信访条例 2005): what the paper rests on
ARTICLES: dict[NoticeKind, tuple[str, str]] = {
    NoticeKind.ACCEPTANCE: ("第二十二条、第二十三条", "第二十一条、第二十二条"),
    NoticeKind.REJECTION: ("第二十二条、第二十三条", "第二十一条、第二十二条"),
    NoticeKind.EXTENSION: ("第三十四条", "第三十三条"),
    NoticeKind.REPLY: ("第三十四条", "第三十三条"),
    NoticeKind.REVIEW: ("第三十五条", "第三十四条"),
    NoticeKind.REREVIEW: ("第三十六条", "第三十五条"),
}
# the remedy the paper tells: review (复查) after a reply, re-review (复核) after a review
REMEDY_ARTICLES: dict[NoticeKind, tuple[str, str]] = {
    NoticeKind.REPLY: ("第三十五条", "第三十四条"),
    NoticeKind.REVIEW: ("第三十六条", "第三十五条"),
}

# a decision in the regulation's words (支持 / 解释说明 / 不予支持), where the clerk wrote
# none when closing (`xf close --note`): the "four in place" are the office's own tally,
# never printed on a paper
DECISION_TEXT = {
    Outcome.RESOLVED: "你（们）的请求事实清楚，符合有关规定，予以支持，并已协调解决。",
    Outcome.EDUCATED: "你（们）的请求缺乏事实根据或者政策依据，不予支持；已向你（们）解释说明"
                      "有关法律政策规定。",
    Outcome.AIDED: "针对你（们）反映的实际困难，已依照有关规定给予帮扶救助。",
    Outcome.LAWFUL: "你（们）的请求缺乏事实根据或者不符合法律、法规、规章和其他有关规定，"
                    "不予支持。",
}

# how a matter reached the office, as a paper says it (a petitioner never "submits by
# assignment": a superior assigned or another body transferred it)
SOURCE_WORDS = {
    Source.LETTER: "来信", Source.VISIT: "来访", Source.ONLINE: "网上信访",
    Source.PHONE: "来电", Source.ASSIGNED: "上级机关交办", Source.TRANSFERRED: "有关机关转送",
}

FIELDS = (
    "office", "issuer", "number", "kind", "title", "case_id", "petitioner", "people", "received",
    "source", "summary", "unit", "accepted", "handle_days", "due", "reason", "extension_days",
    "extension_reason", "decided", "outcome", "decision", "review_requested",
    "rereview_requested", "regulation", "articles", "basis", "remedy_basis", "remedy_days",
    "superior", "superior_above", "issued",
)
"""Every placeholder a template may use: each is given for every kind (empty where the kind
has no such fact), so an office's template for one kind may borrow any of them."""

TITLES = {
    NoticeKind.ACCEPTANCE: "信访事项受理告知书",
    NoticeKind.REJECTION: "信访事项不予受理告知书",
    NoticeKind.EXTENSION: "信访事项延期办理告知书",
    NoticeKind.REPLY: "信访事项处理意见书",
    NoticeKind.REVIEW: "信访事项复查意见书",
    NoticeKind.REREVIEW: "信访事项复核意见书",
}


@dataclass(frozen=True)
class PaperState:
    """What a case must show for a paper: its status and the steps taken."""

    status: str
    accepted: date | None
    extended: bool
    closed: date | None
    review_requested: date | None
    rereview_requested: date | None


REVIEW_DONE = (str(CaseStatus.CLOSED), str(CaseStatus.REREVIEWING), str(CaseStatus.TERMINATED))
REREVIEW_DONE = (str(CaseStatus.CLOSED), str(CaseStatus.TERMINATED))


def missing(kind: NoticeKind, state: PaperState) -> str | None:
    """None where the case's state fits the paper, else the catalogue key naming what is
    missing: acceptance once accepted, rejection once rejected, extension once extended,
    reply once closed, review / re-review once that review is closed."""
    if state.status == CaseStatus.VOIDED:
        return "err.notice_voided"
    if kind is NoticeKind.ACCEPTANCE and state.accepted is None:
        return "err.notice_needs_accepted"
    if kind is NoticeKind.REJECTION and state.status != CaseStatus.REJECTED:
        return "err.notice_needs_rejected"
    if kind is NoticeKind.EXTENSION and not state.extended:
        return "err.notice_needs_extended"
    if kind is NoticeKind.REPLY and state.closed is None:
        return "err.notice_needs_closed"
    if kind is NoticeKind.REVIEW and (state.review_requested is None
                                      or state.status not in REVIEW_DONE):
        return "err.notice_needs_review"
    if kind is NoticeKind.REREVIEW and (state.rereview_requested is None
                                        or state.status not in REREVIEW_DONE):
        return "err.notice_needs_rereview"
    return None


def regulation(received: date) -> str:
    """The regulation a case is handled under: the 2005 one for a case received before
    2022-05-01, 信访工作条例 after."""
    return REGULATION_2005 if received < IN_FORCE_2022 else REGULATION_2022


def articles(kind: NoticeKind, received: date, table: dict[NoticeKind, tuple[str, str]] = ARTICLES
             ) -> str:
    if kind not in table:
        return ""
    new, old = table[kind]
    return old if received < IN_FORCE_2022 else new


def cn_date(day: date | None) -> str:
    """`2018年5月3日`, as the papers write a date."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def check_pattern(pattern: str) -> str:
    """A document number pattern (`连区教信〔{year}〕{n}号`): it must hold `{n}` and `{year}`
    (the counter starts again each year) and no other field; raises ValueError naming the
    fault."""
    if "{n}" not in pattern and "{n:" not in pattern:
        raise ValueError("the pattern must contain {n}")
    if "{year}" not in pattern:  # a counter per year: without the year, numbers repeat
        raise ValueError("the pattern must contain {year}")
    try:
        pattern.format(year=2018, n=1)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    return pattern


def document_number(pattern: str, year: int, n: int) -> str:
    return pattern.format(year=year, n=n)


def check_delivery(issued: date, on: date, today: date) -> None:
    """A paper is delivered on or after the day it was issued, and not after today."""
    if on < issued:
        raise BadInput("err.deliver_before_issue", value=on, issued=issued)
    if on > today:
        raise BadInput("err.future_date", field="--on", value=on, today=today)
