"""A work group's robot (企业微信 / 钉钉 群机器人): one JSON POST of a markdown message, with a
timeout. Success is HTTP 200 and the robot's `errcode` 0; anything else is a failure."""

import json
import urllib.error
import urllib.request
from typing import Any

from xinfang_cli.domain.errors import SendFailed
from xinfang_cli.domain.reminders import shown_recipient


def post(url: str, payload: dict[str, Any], timeout: float) -> None:
    shown = shown_recipient("webhook", url)
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(65536)
    except urllib.error.HTTPError as exc:
        raise SendFailed("err.robot_status", url=shown, status=exc.code) from None
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SendFailed("err.robot_unreachable", url=shown, reason=str(reason)) from None
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        raise SendFailed("err.robot_answer", url=shown, answer=body[:100].decode(
            "utf-8", "replace")) from None
    code = answer.get("errcode", 0) if isinstance(answer, dict) else None
    if code != 0:
        message = answer.get("errmsg", "") if isinstance(answer, dict) else ""
        raise SendFailed("err.robot_refused", url=shown, code=code, message=message)
