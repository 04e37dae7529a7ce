"""Email through the office's SMTP server (`[smtp]` in config.toml): STARTTLS, SSL or none,
a login when a user is set (the password from the environment variable `password_env`
names, never stored, printed or logged). Chinese subject and body, encoded as the mail
standards want (`email.message.EmailMessage`: RFC 2047 headers, UTF-8 body)."""

import os
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from xinfang_cli.domain.errors import BadInput, SendFailed

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


def check(smtp: Any) -> None:
    """Before anything is sent: a server, a sender, and the password's variable set where a
    user logs in. Missing is exit 2 naming the key."""
    if not smtp.host:
        raise BadInput("err.smtp_missing", setting="host")
    if not smtp.sender:
        raise BadInput("err.smtp_missing", setting="from")
    if smtp.user and not (smtp.password_env and os.environ.get(smtp.password_env)):
        raise BadInput("err.smtp_password", name=smtp.password_env or "password_env")


def message(smtp: Any, office: str, to: str, subject: str, body: str) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = Address(display_name=office, addr_spec=smtp.sender)
    mail["To"] = to
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=smtp.sender.rpartition("@")[2] or None)
    mail.set_content(body, charset="utf-8")
    return mail


def send(smtp: Any, mail: EmailMessage) -> None:
    """Send one message; any failure is `SendFailed` with the reason in one line."""
    port = smtp.port or DEFAULT_PORTS[smtp.security]
    context = ssl.create_default_context(cafile=smtp.cafile) if smtp.security != "none" else None
    try:
        if smtp.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, port, timeout=smtp.timeout,
                                                    context=context)
        else:
            server = smtplib.SMTP(smtp.host, port, timeout=smtp.timeout)
        with server:
            if smtp.security == "starttls":
                server.starttls(context=context)
            if smtp.user:
                server.login(smtp.user, os.environ.get(smtp.password_env or "", ""))
            server.send_message(mail)
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailed("err.smtp_login", user=smtp.user, reason=_said(exc)) from None
    except smtplib.SMTPResponseException as exc:
        raise SendFailed("err.smtp_refused", reason=_said(exc)) from None
    except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise SendFailed("err.smtp_unreachable", server=f"{smtp.host}:{port}",
                         reason=str(exc) or type(exc).__name__) from None


def _said(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
        else str(exc.smtp_error)
    return f"{exc.smtp_code} {' '.join(text.split())}"
