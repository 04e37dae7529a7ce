"""督办: what a unit is told about its overdue and due-soon cases (`xf remind`), by email, in
its work group's robot, or on a printed slip. Pure Python: `views.reminders` finds the
cases, `outbox` sends the words made here.

A reminder names cases by id, due date, days and summary: never a petitioner's name, phone
or ID number (the unit has the case; the message may sit in a shared mailbox or group).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from xinfang_cli.domain.papers import cn_date

SUMMARY_WIDTH = 60  # characters of a case's summary a reminder shows
WECOM_HOSTS = ("qyapi.weixin.qq.com",)
DINGTALK_HOSTS = ("oapi.dingtalk.com",)


@dataclass
class Reminder:
    """One unit's reminder: its contacts and its cases (overdue first, most overdue first)."""

    unit: str  # code
    unit_name: str
    head: str | None
    email: str | None
    webhook: str | None
    as_of: date
    overdue: list[dict[str, Any]] = field(default_factory=list)
    due_soon: list[dict[str, Any]] = field(default_factory=list)

    @property
    def cases(self) -> list[dict[str, Any]]:
        return self.overdue + self.due_soon


def subject(rem: Reminder) -> str:
    return (f"【督办】{rem.unit_name}：{len(rem.overdue)}件信访事项超期、"
            f"{len(rem.due_soon)}件即将到期（截至{cn_date(rem.as_of)}）")


def case_line(entry: dict[str, Any]) -> str:
    """`2018-0001  办理期限 2018-07-09  超期 95 天  家长反映…`"""
    deadline = "受理期限" if entry["deadline"] == "accept" else "办理期限"
    days = int(entry["days_overdue"])
    late = f"超期 {days} 天" if days > 0 else ("今日到期" if days == 0 else f"还剩 {-days} 天")
    return f"{entry['id']}  {deadline} {entry['due'].isoformat()}  {late}  {clip(entry['summary'])}"


def request(rem: Reminder, office: str) -> str:
    """What the unit is asked to do (the email's and the printed slip's first paragraph)."""
    return (f"截至{cn_date(rem.as_of)}，贵单位有下列信访事项超期或即将到期。请按照“谁主管、"
            f"谁负责”的要求抓紧办理，并于3个工作日内将办理情况报送{office}。")


def text_body(rem: Reminder, office: str) -> str:
    """The email: to the unit's head, the cases, what to do, the office and the day."""
    lines = [f"{rem.head or rem.unit_name}同志：", "", request(rem, office), ""]
    for title, entries in (("超期", rem.overdue), ("即将到期", rem.due_soon)):
        if entries:
            lines.append(f"{title}（{len(entries)}件）：")
            lines += [f"  {case_line(e)}" for e in entries]
            lines.append("")
    lines += [office, cn_date(rem.as_of)]
    return "\n".join(lines) + "\n"


def markdown(rem: Reminder, office: str) -> str:
    """The work group's message: the same, as the robots' markdown."""
    lines = [f"### 【督办】{rem.unit_name}",
             f"截至{cn_date(rem.as_of)}：<font color=\"warning\">超期 {len(rem.overdue)} 件"
             f"</font>，即将到期 {len(rem.due_soon)} 件。请于3个工作日内报送办理情况。"]
    for title, entries in (("超期", rem.overdue), ("即将到期", rem.due_soon)):
        if entries:
            lines.append(f"**{title}**")
            lines += [f"> {case_line(e)}" for e in entries]
    lines.append(f"—— {office}")
    return "\n".join(lines)


def robot_kind(url: str, default: str) -> str:
    """企业微信 (`wecom`) or 钉钉 (`dingtalk`): by the webhook's host, else the office's
    setting (`[robot] kind`)."""
    host = urlsplit(url).hostname or ""
    if host in WECOM_HOSTS:
        return "wecom"
    if host in DINGTALK_HOSTS:
        return "dingtalk"
    return default


def robot_payload(kind: str, title: str, text: str) -> dict[str, Any]:
    """The JSON a group robot takes: a markdown message, in each vendor's shape."""
    if kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
    return {"msgtype": "markdown", "markdown": {"content": text}}


def shown_recipient(channel: str, recipient: str) -> str:
    """A recipient as the history and the messages show it: an email address whole, a
    webhook without its key (whoever holds the key may post to the group)."""
    if channel != "webhook":
        return recipient
    parts = urlsplit(recipient)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" + ("?…" if parts.query else "")


def scrubbed(summary: str, name: str | None, phone: str | None, id_number: str | None) -> str:
    """A summary as a reminder shows it: the petitioner's own name, phone and ID number,
    where the clerk wrote them into it, masked as everywhere else (张*, 138****5678)."""
    from xinfang_cli.domain.masking import mask_id_number, mask_name, mask_phone

    for value, mask in ((id_number, mask_id_number), (phone, mask_phone), (name, mask_name)):
        if value and value.strip() and value in summary:
            summary = summary.replace(value, mask(value) or "")
    return summary


def clip(text: str, width: int = SUMMARY_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
