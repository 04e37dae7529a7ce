"""`xf remind` against a real SMTP server (aiosmtpd on 127.0.0.1) and a real HTTP server
standing in for the work groups' robots: what each unit receives, what is recorded, the
second run of a day, failures (exit 3, nothing falsely recorded) and bad settings (exit 2).
Nothing here reaches beyond 127.0.0.1."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import Xf, add_case


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Mailbox:
    """What the SMTP server received: (envelope recipients, parsed message)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], object, bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
        raw = envelope.original_content or envelope.content
        self.messages.append((list(envelope.rcpt_tos),
                              message_from_bytes(raw, policy=policy.default), raw))
        return "250 OK"


@pytest.fixture
def smtp_server():  # type: ignore[no-untyped-def]
    from aiosmtpd.controller import Controller

    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.port = port  # type: ignore[attr-defined]
    try:
        yield box
    finally:
        controller.stop()


class Robot:
    """A group robot: records each JSON body; answers with `answer` after `delay` seconds."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.answer: dict = {"errcode": 0, "errmsg": "ok"}
        self.delay = 0.0
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                robot.received.append(json.loads(body))
                time.sleep(robot.delay)
                data = json.dumps(robot.answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send?key=SECRET-KEY"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def robot():  # type: ignore[no-untyped-def]
    r = Robot()
    try:
        yield r
    finally:
        r.server.shutdown()
        r.server.server_close()


def configure(port: int, extra: str = "") -> None:
    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        f'from = "xfb@jyj.example.cn"\ntimeout = 5\n[robot]\ntimeout = 1\n{extra}',
        encoding="utf-8")


@pytest.fixture
def district(office: Xf, smtp_server: Mailbox, robot: Robot) -> Xf:
    """Three units: dagang (email and robot) with two overdue cases and one due soon, gcsx
    (email only) with one overdue case, renshi (no contact) with none."""
    configure(smtp_server.port)  # type: ignore[attr-defined]
    office.ok("unit", "edit", "dagang", "--email", "li@dagang.example.cn", "--webhook", robot.url)
    office.ok("unit", "edit", "gcsx", "--email", "wang@gcsx.example.cn")
    add_case(office, "--accepted", "2018-05-03", "--phone", "13812345678",
             petitioner="张建国", summary="要求补发2016年绩效工资")        # due 07-02: overdue
    add_case(office, received="2018-09-20", petitioner="李四",
             summary="反映食堂收费")                                         # accept due 10-05
    add_case(office, received="2018-10-01", petitioner="王五",
             summary="反映校车安全")                                         # accept due 10-16
    add_case(office, "--accepted", "2018-06-01", "--phone", "13912345678", unit="gcsx",
             petitioner="赵六", summary="赵六（13912345678）要求解决子女入学")  # due 07-31
    add_case(office, "--accepted", "2018-10-01", unit="gcsx", petitioner="钱七",
             summary="反映课外辅导收费")                                     # not due soon
    return office


def test_each_unit_gets_one_message_recorded_and_not_sent_twice(
        district: Xf, smtp_server: Mailbox, robot: Robot) -> None:
    result = district("remind", "--warn-days", "7")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    by_recipient = {tuple(to): msg for to, msg, _raw in smtp_server.messages}
    assert set(by_recipient) == {("li@dagang.example.cn",), ("wang@gcsx.example.cn",)}
    dagang = by_recipient[("li@dagang.example.cn",)]
    assert dagang["Subject"] == ("【督办】大港中专：2件信访事项超期、1件即将到期"
                                 "（截至2018年10月12日）")
    raw = next(r for to, _m, r in smtp_server.messages if to == ["li@dagang.example.cn"])
    sender = message_from_bytes(raw, policy=policy.compat32)["From"]
    # as RFC 2047 reads it (the modern parser puts a space where a long name was folded)
    assert str(make_header(decode_header(sender))) == (
        "连云区教育局信访工作领导小组办公室 <xfb@jyj.example.cn>")
    body = dagang.get_content()
    assert body.startswith("李校长同志：\n")
    assert "  2018-0001  办理期限 2018-07-02  超期 102 天  要求补发2016年绩效工资\n" in body
    assert "  2018-0002  受理期限 2018-10-05  超期 7 天  反映食堂收费\n" in body
    assert "  2018-0003  受理期限 2018-10-16  还剩 4 天  反映校车安全\n" in body
    gcsx = by_recipient[("wang@gcsx.example.cn",)].get_content()
    assert "2018-0004" in gcsx and "2018-0005" not in gcsx and "2018-0001" not in gcsx
    assert "超期 73 天  赵*（139****5678）要求解决子女入学" in gcsx  # the summary's own name
    for _to, msg, raw in smtp_server.messages:  # encoded for the wire, nothing personal
        assert raw.isascii()  # RFC 2047 headers, base64 / quoted-printable UTF-8 body
        text = msg["Subject"] + msg.get_content()  # type: ignore[index,attr-defined]
        for personal in ("张建国", "张*", "李四", "王五", "赵六", "13812345678", "13912345678"):
            assert personal not in text
    [posted] = robot.received
    assert posted["msgtype"] == "markdown"
    content = posted["markdown"]["content"]
    assert content.startswith("### 【督办】大港中专\n")
    assert "> 2018-0001  办理期限 2018-07-02  超期 102 天  要求补发2016年绩效工资" in content
    assert "张建国" not in content
    assert "reminded of 3 cases by email (li@dagang.example.cn)" in result.stderr
    assert "unit renshi" not in result.stderr  # no case: no reminder, no complaint
    history = district.json("show", "2018-0001")["history"]
    assert [(h["action"], h["field"], h["new"]) for h in history[-2:]] == [
        ("remind", "email", "li@dagang.example.cn"),
        ("remind", "webhook", robot.url.replace("?key=SECRET-KEY", "?…"))]
    # the second run of the day sends nothing and records nothing
    again = district("remind", "--warn-days", "7")
    assert again.exit_code == 0
    assert len(smtp_server.messages) == 2 and len(robot.received) == 1
    assert again.stderr.count("skipped") == 3
    assert len(district.json("show", "2018-0001")["history"]) == len(history)
    forced = district("remind", "--unit", "gcsx", "--force")
    assert forced.exit_code == 0 and len(smtp_server.messages) == 3


def test_a_cron_run_without_a_terminal(district: Xf, smtp_server: Mailbox,
                                       robot: Robot, tmp_path: Path) -> None:
    """As cron runs it: a process with no terminal, the password from the environment."""
    env = {**os.environ, "XF_TODAY": "2018-10-12", "XF_LANG": "zh"}
    run = subprocess.run([sys.executable, "-m", "xinfang_cli", "--db", district.db, "remind"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env,
                         check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert len(smtp_server.messages) == 2 and len(robot.received) == 1
    assert "大港中专：已通过邮件督办 3 件（li@dagang.example.cn）。" in run.stderr
    second = subprocess.run([sys.executable, "-m", "xinfang_cli", "--db", district.db, "remind"],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env,
                            check=False, timeout=60)
    assert second.returncode == 0 and len(smtp_server.messages) == 2


def test_dry_run_prints_and_sends_nothing(district: Xf, smtp_server: Mailbox,
                                          robot: Robot) -> None:
    result = district.ok("remind", "--dry-run", "--unit", "dagang")
    assert "=== email → li@dagang.example.cn\n【督办】大港中专：2件信访事项超期" in result.stdout
    assert "=== work-group robot → http://127.0.0.1:" in result.stdout
    assert "SECRET-KEY" not in result.stdout
    assert smtp_server.messages == [] and robot.received == []
    assert all(h["action"] != "remind" for h in district.json("show", "2018-0001")["history"])


@pytest.mark.parametrize("answer, delay, reason", [
    ({"errcode": 93000, "errmsg": "invalid webhook url"}, 0.0,
     "refused the message: errcode 93000 invalid webhook url"),
    ({"errcode": 0}, 3.0, "cannot reach the work-group robot"),
])
def test_a_robot_that_refuses_or_does_not_answer(district: Xf, smtp_server: Mailbox,
                                                 robot: Robot, answer: dict, delay: float,
                                                 reason: str) -> None:
    robot.answer, robot.delay = answer, delay
    result = district("remind")
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if line.startswith("xf: ")]
    assert len(lines) == 1 and lines[0].startswith("xf: 大港中专 (dagang): ")
    assert reason in lines[0] and "SECRET-KEY" not in lines[0]
    assert len(smtp_server.messages) == 2  # the others still went
    fields = [h["field"] for h in district.json("show", "2018-0001")["history"]
              if h["action"] == "remind"]
    assert fields == ["email"]  # the robot's is not recorded: the next run retries it
    robot.answer, robot.delay = {"errcode": 0}, 0.0
    retry = district("remind")
    assert retry.exit_code == 0 and len(robot.received) == 2 and len(smtp_server.messages) == 2


def test_a_mail_server_gone_or_refusing_the_login(district: Xf, robot: Robot) -> None:
    configure(free_port())  # nothing listens there
    result = district("remind")
    assert result.exit_code == 3
    assert result.stderr.count("cannot reach the mail server 127.0.0.1:") == 2
    assert len(robot.received) == 1  # the robot still got its message
    remind_rows = [h for h in district.json("show", "2018-0001")["history"]
                   if h["action"] == "remind"]
    assert [h["field"] for h in remind_rows] == ["webhook"]


def test_login_refused_names_the_user_and_never_the_password(district: Xf,
                                                             smtp_server: Mailbox) -> None:
    configure(smtp_server.port, "")  # type: ignore[attr-defined]
    home = Path(os.environ["XF_HOME"])
    text = (home / "config.toml").read_text(encoding="utf-8").replace(
        'security = "none"\n', 'security = "none"\nuser = "xfb"\npassword_env = "XF_SMTP_PW"\n')
    (home / "config.toml").write_text(text, encoding="utf-8")
    missing = district("remind")
    assert missing.exit_code == 2
    assert "environment variable XF_SMTP_PW holds no password" in missing.stderr
    result = district("remind", env={"XF_SMTP_PW": "s3cret-pw"})
    assert result.exit_code == 3  # the test server offers no AUTH: the login fails
    assert "xf: 大港中专 (dagang): " in result.stderr and "s3cret-pw" not in result.stderr
    assert smtp_server.messages == []


def test_bad_settings_and_contacts_are_exit_2(office: Xf) -> None:
    office.ok("unit", "edit", "dagang", "--email", "li@dagang.example.cn")
    add_case(office, "--accepted", "2018-05-03")
    result = office("remind")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("xf: a unit has an email address but [smtp] in "
                                     "config.toml lacks host; no reminder was sent.")
    for args, message in ((("--email", "not-an-address"), "not-an-address"),
                          (("--webhook", "ftp://x"), "ftp://x")):
        bad = office("unit", "edit", "gcsx", *args)
        assert bad.exit_code == 2 and message in bad.stderr


def test_a_unit_without_contact_is_named_and_exit_3(office: Xf, smtp_server: Mailbox) -> None:
    configure(smtp_server.port)  # type: ignore[attr-defined]
    add_case(office, "--accepted", "2018-05-03", unit="renshi")
    result = office("remind")
    assert result.exit_code == 3
    assert "人事科 (renshi) has no email or work-group robot" in result.stderr


def test_reminders_on_paper(district: Xf, tmp_path: Path) -> None:
    from docx import Document

    result = district.ok("remind", "--print", str(tmp_path / "slips"))
    files = sorted(p.name for p in (tmp_path / "slips").iterdir())
    assert files == ["督办单_dagang_2018-10-12.docx", "督办单_gcsx_2018-10-12.docx"]
    text = "\n".join(p.text for p in Document(
        str(tmp_path / "slips" / files[0])).paragraphs)
    assert text.startswith("信访事项督办单\n李校长同志（大港中专）：")
    assert "2018-0001  办理期限 2018-07-02  超期 102 天" in text and "张建国" not in text
    assert "printed slip" in result.stderr
    history = district.json("show", "2018-0004")["history"]
    assert history[-1]["action"] == "remind" and history[-1]["field"] == "print"


def test_starttls_with_a_self_signed_certificate(district: Xf, tmp_path: Path) -> None:
    """The office's server offers STARTTLS with a certificate of its own CA (`cafile`)."""
    import ssl

    from aiosmtpd.controller import Controller

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"openssl could not make a certificate: {made.stderr[:200]!r}")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True)
    controller.start()
    try:
        configure(port)
        home = Path(os.environ["XF_HOME"])
        text = (home / "config.toml").read_text(encoding="utf-8").replace(
            'security = "none"', f'security = "starttls"\ncafile = "{cert}"')
        (home / "config.toml").write_text(text, encoding="utf-8")
        result = district("remind", "--unit", "gcsx")
        assert result.exit_code == 0, result.stderr
        assert [to for to, _m, _r in box.messages] == [["wang@gcsx.example.cn"]]
        # without the office's CA the certificate is not trusted: exit 3, not recorded
        (home / "config.toml").write_text(text.replace(f'cafile = "{cert}"\n', ""),
                                          encoding="utf-8")
        untrusted = district("remind", "--unit", "gcsx", "--force")
        assert untrusted.exit_code == 3 and "CERTIFICATE_VERIFY_FAILED" in untrusted.stderr
        assert len(box.messages) == 1
    finally:
        controller.stop()


def test_the_unit_list_shows_how_each_unit_is_reached(district: Xf) -> None:
    lines = {line.split()[0]: line.split() for line in
             district.ok("unit", "list").stdout.splitlines()[3:] if line.strip()}
    assert [lines[code][5] for code in ("dagang", "gcsx", "renshi")] == [
        "mail+robot", "mail", "—"]
    rows = {u["code"]: (u["email"], u["webhook"]) for u in district.json("unit", "list")}
    assert rows["gcsx"] == ("wang@gcsx.example.cn", None)
