"""The papers to the petitioner (`xf notice`, `xf deliver`): each kind issued from the case
in the right state and refused in the wrong one, filled templates read back, numbers,
reprints, delivery and the review window it starts, what is owed, and bad input."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Xf, add_case


def text_of(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def placeholders(data: bytes) -> set[str]:
    from docxtpl import DocxTemplate

    return DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables()


def at(day: str) -> dict[str, str]:
    return {"XF_TODAY": day}


def notices(xf: Xf, *args: str) -> list[dict]:
    return json.loads(xf.ok("notice", "list", *args, "--json").stdout)


@pytest.fixture
def cases(office: Xf) -> Xf:
    """A case in each state a paper needs (received 2018-05-02, today 2018-10-12):
    0001 accepted, 0002 rejected, 0003 accepted and extended, 0004 closed, 0005 closed after
    a review, 0006 closed after a re-review, 0007 only registered."""
    for n in range(1, 8):
        add_case(office, petitioner=f"王{n}", summary=f"第{n}件：要求补发绩效工资。")
    office.ok("accept", "2018-0001", "--on", "2018-05-03")
    office.ok("reject", "2018-0002", "--on", "2018-05-04", "--reason", "不属本机关职权范围")
    office.ok("accept", "2018-0003", "--on", "2018-05-03")
    office.ok("extend", "2018-0003", "--days", "20", "--reason", "需财政部门核对", "--on",
              "2018-06-20")
    for case in ("2018-0004", "2018-0005", "2018-0006"):
        office.ok("accept", case, "--on", "2018-05-03")
        office.ok("close", case, "--outcome", "resolved", "--on", "2018-06-01", "--note",
                  "已补发2017年度绩效工资。")
    for case in ("2018-0005", "2018-0006"):
        office.ok("review", case, "--requested", "2018-06-15")
        office.ok("close", case, "--outcome", "educated", "--on", "2018-07-01", "--note",
                  "经复查，维持原处理意见。")
    office.ok("rereview", "2018-0006", "--requested", "2018-07-20")
    office.ok("close", "2018-0006", "--outcome", "lawful", "--on", "2018-08-10")
    return office


KINDS = {"acceptance": "2018-0001", "rejection": "2018-0002", "extension": "2018-0003",
         "reply": "2018-0004", "review": "2018-0005", "rereview": "2018-0006"}


def test_every_kind_is_issued_numbered_and_filled_in(cases: Xf, tmp_path: Path) -> None:
    numbers = []
    signer = dict.fromkeys(KINDS, "连云区教育局") | {"review": "连云区人民政府",
                                                   "rereview": "连云港市人民政府"}
    for n, (kind, case) in enumerate(KINDS.items(), start=1):
        out = tmp_path / f"{kind}.docx"
        result = cases.ok("notice", case, kind, "-o", str(out), "--json")
        record = json.loads(result.stdout)
        assert record["number"] == f"连区教信〔2018〕{n}号"
        assert (record["case"], record["kind"], record["issued"], record["by"]) == (
            case, kind, "2018-10-12", "tester")
        assert record["file"] == str(out.resolve()) and record["delivered"] is None
        assert record["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
        paper = text_of(out)
        assert "{{" not in paper and "{%" not in paper
        assert f"王{case[-1]}：" in paper  # the real name: the paper goes to the person
        assert record["number"] in paper
        assert "领导小组办公室" not in paper  # signed by the body that decided, never an office
        assert paper.rstrip().endswith(f"{signer[kind]}\n2018年10月12日"), paper[-60:]
        assert "2018年10月12日" in paper and "。。" not in paper
        assert f"第{case[-1]}件：要求补发绩效工资" in paper
        if kind not in ("review", "rereview"):  # these tell the request, not the receipt
            assert "2018年5月2日" in paper
        numbers.append(record["number"])
    assert len(set(numbers)) == 6
    papers = {k: text_of(tmp_path / f"{k}.docx") for k in KINDS}
    assert papers["acceptance"].count("本机关于2018年5月2日收到你（们）的信访事项（编号2018-0001，"
                                      "来源：来访），反映：第1件：要求补发绩效工资。") == 1
    assert "决定予以受理（受理日期：2018年5月3日），交由大港中专办理" in papers["acceptance"]
    assert "并将在2018年7月2日前办结" in papers["acceptance"]  # 60 days from acceptance
    assert "《信访条例》第二十一条、第二十二条" in papers["acceptance"]  # received before 2022
    assert "经审查，不属本机关职权范围。" in papers["rejection"]
    assert "办理期限延长20日，至2018年7月22日前办结" in papers["extension"]
    assert "因需财政部门核对，" in papers["extension"]
    assert "已补发2017年度绩效工资。" in papers["reply"]
    assert "以上处理意见于2018年6月1日作出" in papers["reply"]
    for kind, paper in papers.items():  # the office's own tally stays off the papers
        for tally in ("解决到位", "教育疏导到位", "帮扶救助到位", "依法处理", "（印章）"):
            assert tally not in paper, (kind, tally)
    assert "向连云区人民政府请求复查" in papers["reply"]
    assert "依照《信访条例》第三十四条的规定" in papers["reply"]
    # the review's paper tells the review's decision, not the first reply's
    assert "于2018年6月15日请求复查" in papers["review"]
    assert "经复查，维持原处理意见。" in papers["review"]
    assert "以上复查意见于2018年7月1日作出" in papers["review"]
    assert "向连云港市人民政府请求复核" in papers["review"]
    assert "以上复核意见于2018年8月10日作出，为最终意见" in papers["rereview"]
    assert "不符合法律、法规、规章和其他有关规定，不予支持。" in papers["rereview"]  # no note
    assert "不再受理" in papers["rereview"]
    # the history: the paper and the reveal of the name it carries, under the operator
    history = cases.json("show", "2018-0004")["history"]
    assert [(h["action"], h["field"], h["new"], h["by"]) for h in history[-2:]] == [
        ("notice", "reply", "连区教信〔2018〕4号", "tester"),
        ("reveal", "personal_data", "notice:reply", "tester")]


def test_every_field_of_every_built_in_template_lands(cases: Xf, tmp_path: Path) -> None:
    """Each placeholder a built-in template holds is filled with the case's value."""
    from docx import Document

    from xinfang_cli.domain.enums import NoticeKind
    from xinfang_cli.domain.papers import FIELDS
    from xinfang_cli.render.papers import builtin_template

    expected = {"petitioner", "number", "issuer", "issued", "title", "case_id"}
    for kind, case in KINDS.items():
        template = builtin_template(NoticeKind(kind))
        page = Document(io.BytesIO(template)).sections[0]
        assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)  # A4
        used = placeholders(template)
        assert expected <= used, kind
        assert used <= set(FIELDS)
        cases.ok("notice", case, kind, "-o", str(tmp_path / f"{kind}.docx"))
        paper = text_of(tmp_path / f"{kind}.docx")
        for line in paper.splitlines():
            assert "{" not in line and "}" not in line, (kind, line)
        for empty in ("（）", "于以", "至前", "向请求"):  # a field that filled in as nothing
            assert empty not in paper, (kind, empty)


def test_a_kind_that_does_not_fit_the_state_is_refused(cases: Xf, tmp_path: Path) -> None:
    wrong = [("2018-0007", "acceptance", "2018-0007 is not accepted (registered)"),
             ("2018-0001", "rejection", "2018-0001 was not rejected (accepted)"),
             ("2018-0001", "extension", "2018-0001 was never extended"),
             ("2018-0001", "reply", "2018-0001 is not closed (accepted)"),
             ("2018-0004", "review", "2018-0004 has no closed review (closed)"),
             ("2018-0005", "rereview", "2018-0005 has no closed re-review (closed)")]
    for case, kind, message in wrong:
        result = cases("notice", case, kind, "-o", str(tmp_path / "x.docx"))
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith(f"xf: {message}"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()
    assert notices(cases) == []
    # nothing was numbered: the first paper issued is still number 1
    cases.ok("notice", "2018-0001", "受理告知书", "-o", str(tmp_path / "a.docx"))
    assert notices(cases)[0]["number"] == "连区教信〔2018〕1号"
    zh = cases("--lang", "zh", "notice", "2018-0007", "acceptance")
    assert zh.exit_code == 2
    assert zh.stderr.strip() == "xf: 2018-0007 尚未受理（已登记），不能制发受理告知书。"


def test_a_paper_is_issued_once_and_reprinted_under_its_number(cases: Xf, tmp_path: Path
                                                              ) -> None:
    first = tmp_path / "a.docx"
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(first))
    again = cases("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "b.docx"))
    assert again.exit_code == 2
    assert "issued on 2018-10-12 (连区教信〔2018〕1号); add --reprint" in again.stderr
    never = cases("notice", "2018-0004", "reply", "--reprint")
    assert never.exit_code == 2 and "no reply paper was issued" in never.stderr
    first.unlink()  # lost: print it again, another day
    reprint = cases.ok("notice", "2018-0001", "acceptance", "-o", str(first), "--reprint",
                       env=at("2018-10-15"))
    assert "连区教信〔2018〕1号 (unchanged)" in reprint.stderr
    assert "连区教信〔2018〕1号" in text_of(first) and "2018年10月12日" in text_of(first)
    [record] = notices(cases)
    assert (record["number"], record["issued"]) == ("连区教信〔2018〕1号", "2018-10-12")
    actions = [h["action"] for h in cases.json("show", "2018-0001")["history"]]
    assert actions[-4:] == ["notice", "reveal", "reprint", "reveal"]
    # a new year starts its own numbering
    cases.ok("notice", "2018-0004", "reply", "-o", str(tmp_path / "r.docx"),
             env=at("2019-01-04"))
    assert notices(cases, "2018-0004")[0]["number"] == "连区教信〔2019〕1号"


def test_the_office_number_pattern_and_its_own_template(cases: Xf, tmp_path: Path) -> None:
    from docx import Document

    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[notices]\nnumber = "港教信字〔{year}〕第{n:03d}号"\n'
                                      '[office]\nsuperior = "某区人民政府"\n', encoding="utf-8")
    template = tmp_path / "reply.docx"
    cases.ok("notice", "template", "处理意见书", "-o", str(template))
    exists = cases("notice", "template", "reply", "-o", str(template))
    assert exists.exit_code == 2 and "exists" in exists.stderr  # an edited file is kept
    doc = Document(str(template))
    doc.paragraphs[0].runs[0].text = "本局专用：{{ title }}"
    (home / "templates").mkdir()
    doc.save(str(home / "templates" / "处理意见书.docx"))
    cases.ok("notice", "2018-0004", "reply", "-o", str(tmp_path / "r.docx"))
    paper = text_of(tmp_path / "r.docx")
    assert paper.startswith("本局专用：信访事项处理意见书\n港教信字〔2018〕第001号")
    assert "向某区人民政府请求复查" in paper
    bad = home / "config.toml"
    bad.write_text('[notices]\nnumber = "连区教信〔{year}〕号"\n', encoding="utf-8")
    result = cases("notice", "2018-0001", "acceptance")
    assert result.exit_code == 2 and "{n}" in result.stderr


@pytest.mark.parametrize("content, fault", [
    (b"not a word file", "is not a usable Word document: File is not a zip file"),
    ("foreign", "has unknown placeholders 名字"),
    ("broken", "is not a usable Word document"),
])
def test_a_damaged_or_foreign_template_is_refused(cases: Xf, tmp_path: Path,
                                                  content: object, fault: str) -> None:
    from docx import Document

    folder = Path(os.environ["XF_HOME"]) / "templates"
    folder.mkdir(parents=True)
    path = folder / "acceptance.docx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        doc = Document()
        doc.add_paragraph("{{ 名字 }}" if content == "foreign" else "{{ petitioner ")
        doc.save(str(path))
    out = tmp_path / "a.docx"
    result = cases("notice", "2018-0001", "acceptance", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"xf: template {path} {fault}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and not list(tmp_path.glob(".*partial"))
    assert notices(cases) == []
    path.unlink()
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(out))
    assert notices(cases)[0]["number"] == "连区教信〔2018〕1号"  # no number was used up


def test_an_output_that_cannot_be_written_records_nothing(cases: Xf, tmp_path: Path) -> None:
    result = cases("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "no" / "a.docx"))
    assert result.exit_code == 2 and "cannot use the file" in result.stderr
    taken = tmp_path / "taken.docx"
    taken.write_text("someone's letter")
    result = cases("notice", "2018-0001", "acceptance", "-o", str(taken))
    assert result.exit_code == 2 and "exists" in result.stderr
    assert taken.read_text() == "someone's letter"
    assert notices(cases) == []
    assert all(h["action"] != "reveal" for h in cases.json("show", "2018-0001")["history"])


def test_delivery_is_recorded_and_checked(cases: Xf, tmp_path: Path) -> None:
    never = cases("deliver", "2018-0001", "acceptance", "--on", "2018-10-12", "--method", "mail")
    assert never.exit_code == 2 and "no acceptance paper was issued" in never.stderr
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "a.docx"),
             env=at("2018-10-08"))
    for args, message in [
        (("--on", "2018-10-07", "--method", "mail"), "before the paper was issued"),
        (("--on", "2018-10-13", "--method", "mail"), "lies after today"),
        (("--on", "2018-10-09", "--method", "pigeon"), "--method: unknown value 'pigeon'"),
        (("--on", "2018-10-09", "--method", "registered"), "needs its tracking number"),
        (("--on", "2018-02-30", "--method", "mail"), "2018-02-30"),
    ]:
        result = cases("deliver", "2018-0001", "acceptance", *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert notices(cases)[0]["delivered"] is None
    cases.ok("deliver", "2018-0001", "受理告知书", "--on", "2018-10-09", "--method", "挂号邮寄",
             "--ref", "XA123456789CN")
    assert notices(cases)[0]["delivered"] == {"on": "2018-10-09", "method": "registered",
                                              "ref": "XA123456789CN"}
    changed = cases.ok("deliver", "2018-0001", "acceptance", "--on", "2018-10-11", "--method",
                       "in-person")
    assert "was 2018-10-09 registered XA123456789CN" in changed.stderr
    detail = cases.json("show", "2018-0001")
    assert detail["notices"][0]["delivered"] == {"on": "2018-10-11", "method": "in-person",
                                                 "ref": None}
    assert [(h["action"], h["old"], h["new"]) for h in detail["history"][-2:]] == [
        ("deliver", None, "2018-10-09 registered XA123456789CN"),
        ("deliver", "2018-10-09 registered XA123456789CN", "2018-10-11 in-person")]
    shown = cases.ok("--lang", "zh", "show", "2018-0001").stdout
    assert "文书" in shown and "2018-10-11 直接送达" in shown


def _closed_and_replied(xf: Xf, tmp_path: Path, delivered: str | None) -> None:
    case = add_case(xf)
    xf.ok("accept", case, "--on", "2018-05-03")
    xf.ok("close", case, "--outcome", "resolved", "--on", "2018-06-01", env=at("2018-06-01"))
    xf.ok("notice", case, "reply", "-o", str(tmp_path / "r.docx"), env=at("2018-06-05"))
    if delivered:
        xf.ok("deliver", case, "reply", "--on", delivered, "--method", "mail",
              env=at("2018-06-30"))


def test_the_review_window_runs_from_the_replys_delivery(office: Xf, tmp_path: Path) -> None:
    _closed_and_replied(office, tmp_path, delivered="2018-06-10")
    late = office("review", "2018-0001", "--requested", "2018-07-11")  # the 31st day
    assert late.exit_code == 2
    assert late.stderr.strip() == (
        "xf: 2018-0001: requested 2018-07-11, more than 30 days after the reply was delivered "
        "on 2018-06-10 (last day 2018-07-10); with a justified reason, give it with "
        "--late-reason.")
    office.ok("review", "2018-0001", "--requested", "2018-07-10")  # the 30th day: in time
    assert office.json("show", "2018-0001")["status"] == "reviewing"


def test_without_a_delivery_the_window_runs_from_the_issue_or_the_close(office: Xf,
                                                                         tmp_path: Path) -> None:
    _closed_and_replied(office, tmp_path, delivered=None)  # closed 06-01, reply issued 06-05
    late = office("review", "2018-0001", "--requested", "2018-07-06")
    assert late.exit_code == 2 and "last day 2018-07-05" in late.stderr
    office.ok("review", "2018-0001", "--requested", "2018-07-05")
    unsent = add_case(office)  # no paper at all: from the close
    office.ok("accept", unsent, "--on", "2018-05-03")
    office.ok("close", unsent, "--outcome", "resolved", "--on", "2018-06-01")
    late = office("review", unsent, "--requested", "2018-07-02")
    assert late.exit_code == 2 and "last day 2018-07-01" in late.stderr
    office.ok("review", unsent, "--requested", "2018-07-01")


def test_a_late_request_with_its_reason_is_recorded(office: Xf, tmp_path: Path) -> None:
    _closed_and_replied(office, tmp_path, delivered="2018-06-10")
    office.ok("review", "2018-0001", "--requested", "2018-07-20", "--late-reason",
              "信访人住院，有医院证明")
    rows = [h for h in office.json("show", "2018-0001")["history"] if h["action"] == "review"]
    assert {h["reason"] for h in rows} == {"信访人住院，有医院证明"}
    on_time = add_case(office)
    office.ok("accept", on_time, "--on", "2018-05-03")
    office.ok("close", on_time, "--outcome", "resolved", "--on", "2018-10-01")
    office.ok("review", on_time, "--requested", "2018-10-12", "--late-reason", "不需要")
    rows = [h for h in office.json("show", on_time)["history"] if h["action"] == "review"]
    assert {h["reason"] for h in rows} == {None}  # in time: no reason to keep


def test_papers_owed_are_listed_until_issued(cases: Xf, tmp_path: Path) -> None:
    owed = notices(cases, "--pending")
    assert [(o["case"], o["kind"], o["due"], o["days_overdue"]) for o in owed] == [
        ("2018-0001", "acceptance", "2018-05-17", 148),
        ("2018-0002", "rejection", "2018-05-17", 148),
        ("2018-0003", "acceptance", "2018-05-17", 148),
        ("2018-0004", "acceptance", "2018-05-17", 148),
        ("2018-0005", "acceptance", "2018-05-17", 148),
        ("2018-0006", "acceptance", "2018-05-17", 148),
        ("2018-0003", "extension", "2018-07-02", 102),  # the due date it extended
        ("2018-0004", "reply", "2018-07-02", 102),
        ("2018-0005", "reply", "2018-07-02", 102),
        ("2018-0006", "reply", "2018-07-02", 102),
        ("2018-0005", "review", "2018-07-15", 89),
        ("2018-0006", "review", "2018-07-15", 89),
        ("2018-0006", "rereview", "2018-08-19", 54),
    ]
    assert owed[0]["unit"] == "dagang" and owed[0]["status"] == "accepted"
    cases.ok("notice", "2018-0006", "rereview", "-o", str(tmp_path / "x.docx"))
    assert [o["kind"] for o in notices(cases, "2018-0006", "--pending")] == [
        "acceptance", "reply", "review"]
    assert notices(cases, "--pending", "--unit", "gcsx") == []
    assert len(notices(cases, "--pending", "--since", "2018-05-03")) == 0
    # papers typed by hand before the office took xf up are not owed
    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[notices]\nowed_from = 2018-05-03\n', encoding="utf-8")
    assert notices(cases, "--pending") == []
    table = cases.ok("notice", "list", "--pending").stdout
    assert "No papers owed." in table


def test_the_weekly_report_counts_papers_issued_and_owed(cases: Xf, tmp_path: Path) -> None:
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "a.docx"),
             env=at("2018-10-09"))
    cases.ok("notice", "2018-0004", "reply", "-o", str(tmp_path / "b.docx"))
    data = cases.json("report", "--week", "2018-W41")
    assert data["notices"]["issued"] == 2 and data["notices"]["owed"] == 11
    assert data["notices"]["by_kind"]["reply"] == {"issued": 1, "owed": 2}
    earlier = cases.json("report", "--week", "2018-W40")  # before either was issued
    assert earlier["notices"]["issued"] == 0 and earlier["notices"]["owed"] == 13
    md = cases.ok("--lang", "zh", "report", "--week", "2018-W41", "--format", "md").stdout
    assert "| 处理意见书 | 1 | 2 |" in md


def test_the_reports_count_of_papers_owed_is_the_list_of_them_on_any_day(cases: Xf,
                                                                           tmp_path: Path
                                                                           ) -> None:
    """The report counts from indexes, and as of its day the cases changed since; the list
    checks each case: the two agree on every day, papers issued on some of them."""
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "a.docx"),
             env=at("2018-05-10"))
    cases.ok("notice", "2018-0004", "reply", "-o", str(tmp_path / "b.docx"), env=at("2018-06-05"))
    cases.ok("notice", "2018-0002", "rejection", "-o", str(tmp_path / "c.docx"))
    cases.ok("terminate", "2018-0004", "--reason", "诉求已解决仍缠访", "--on", "2018-09-01")
    cases.ok("void", "2018-0007", "--reason", "重复登记")
    for day in ("2018-05-02", "2018-05-03", "2018-05-10", "2018-06-01", "2018-06-15",
                "2018-06-20", "2018-07-01", "2018-07-25", "2018-08-10", "2018-09-01",
                "2018-10-12"):
        report = cases.json("report", "--from", day, "--to", day)["notices"]
        listed = notices(cases, "--pending", "--as-of", day)
        for kind in KINDS:
            assert report["by_kind"][kind]["owed"] == sum(
                1 for o in listed if o["kind"] == kind), (day, kind)
    # and the list itself, as it stood: on 06-10 the cases closed on 06-01 owed their replies
    # (two of them were reviewed later, which moved their closing day on)
    kinds = [(o["case"], o["kind"]) for o in notices(cases, "--pending", "--as-of", "2018-06-10")]
    assert sorted(kinds) == [("2018-0002", "rejection"), ("2018-0003", "acceptance"),
                             ("2018-0004", "acceptance"),  # its reply was issued on 06-05
                             ("2018-0005", "acceptance"), ("2018-0005", "reply"),
                             ("2018-0006", "acceptance"), ("2018-0006", "reply")]
    kinds = [(o["case"], o["kind"]) for o in notices(cases, "--pending", "--as-of", "2018-07-25")
             if o["kind"] in ("review", "rereview")]
    assert sorted(kinds) == [("2018-0005", "review"), ("2018-0006", "review")]
    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[notices]\nowed_from = 2018-05-02\n', encoding="utf-8")
    report = cases.json("report", "--from", "2018-10-12", "--to", "2018-10-12")["notices"]
    assert report["owed"] == len(notices(cases, "--pending")) == 10


def test_issuing_on_a_voided_case_is_refused(cases: Xf) -> None:
    cases.ok("void", "2018-0001", "--reason", "重复登记")
    result = cases("notice", "2018-0001", "acceptance")
    assert result.exit_code == 2 and "voided" in result.stderr
    assert all(o["case"] != "2018-0001" for o in notices(cases, "--pending"))


@pytest.mark.slow
def test_a_filled_paper_opens_in_libreoffice(sqlite_xf: Xf, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF conversion to try")
    xf = sqlite_xf
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    add_case(xf, "--accepted", "2018-05-03")
    xf.ok("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "a.docx"))
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "a.docx")],
        capture_output=True, text=True, timeout=180, check=False)
    pdf = tmp_path / "a.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
@pytest.mark.postgres
def test_clerks_issuing_at_once_get_distinct_gap_free_numbers(postgres_xf: Xf,
                                                              tmp_path: Path) -> None:
    """Several processes issue papers at the same moment on the shared server: each number
    is given once, none is skipped."""
    xf = postgres_xf
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    workers, each = 4, 3
    for _ in range(workers * each):
        add_case(xf, "--accepted", "2018-05-03")
    env = {**os.environ, "XF_TODAY": "2018-10-12", "XF_LANG": "en", "XF_USER": "tester"}

    def issue(worker: int) -> subprocess.Popen[str]:
        script = "; ".join(
            f"{sys.executable} -m xinfang_cli --db '{xf.db}' notice"
            f" 2018-{worker * each + k + 1:04d} acceptance -o {tmp_path}/{worker}-{k}.docx"
            for k in range(each))
        return subprocess.Popen(["sh", "-ec", script], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)

    processes = [issue(w) for w in range(workers)]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    numbers = sorted(int(n["number"][len("连区教信〔2018〕"):-1]) for n in notices(xf))
    assert numbers == list(range(1, workers * each + 1))
    assert len({n["case"] for n in notices(xf)}) == workers * each


def test_the_settings_in_force_read_back_as_toml(sqlite_xf: Xf) -> None:
    """`xf config` prints TOML that reads back: an unset `owed_from` is a comment."""
    import tomllib

    printed = tomllib.loads(sqlite_xf.ok("config").stdout)
    assert printed["notices"] == {"number": "连区教信〔{year}〕{n}号"}
    assert printed["office"]["superior"] == "连云区人民政府"
    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[notices]\nowed_from = 2018-05-02\n', encoding="utf-8")
    printed = tomllib.loads(sqlite_xf.ok("config").stdout)
    assert printed["notices"]["owed_from"] == "2018-05-02"


def test_a_reprint_says_what_the_paper_issued_said_or_is_refused(cases: Xf,
                                                                 tmp_path: Path) -> None:
    """Closed, replied, the close undone and closed otherwise: the number's paper is the one
    issued; a reprint that would say something else is refused, and the record kept."""
    first = tmp_path / "reply.docx"
    issued = cases.json("notice", "2018-0004", "reply", "-o", str(first))
    cases.ok("notice", "2018-0004", "reply", "-o", str(first), "--reprint")  # same words
    cases.ok("undo", "2018-0004", "--yes")
    cases.ok("close", "2018-0004", "--outcome", "lawful", "--on", "2018-06-02")
    again = cases("notice", "2018-0004", "reply", "-o", str(tmp_path / "new.docx"), "--reprint")
    assert again.exit_code == 2
    assert ("the case has changed since the reply paper 连区教信〔2018〕1号 was issued"
            in again.stderr)
    assert not (tmp_path / "new.docx").exists()
    [kept] = notices(cases, "2018-0004")
    assert (kept["sha256"], kept["file"]) == (issued["sha256"], issued["file"])


def test_a_reprint_overwrites_only_its_own_file(cases: Xf, tmp_path: Path) -> None:
    paper = tmp_path / "a.docx"
    cases.ok("notice", "2018-0001", "acceptance", "-o", str(paper))
    other = tmp_path / "precious.docx"
    other.write_text("a letter of someone else's")
    refused = cases("notice", "2018-0001", "acceptance", "--reprint", "-o", str(other))
    assert refused.exit_code == 2 and "exists" in refused.stderr
    assert other.read_text() == "a letter of someone else's"
    link, pipe = tmp_path / "link.docx", tmp_path / "pipe.docx"
    link.symlink_to(other)
    os.mkfifo(pipe)  # stands for a device: never replaced by a paper
    for target in (link, pipe):
        refused = cases("notice", "2018-0001", "acceptance", "--reprint", "--force", "-o",
                        str(target))
        assert refused.exit_code == 2 and "not a regular file" in refused.stderr
    assert link.is_symlink() and pipe.is_fifo()
    cases.ok("notice", "2018-0001", "acceptance", "--reprint", "-o", str(paper))  # its own


def test_a_number_pattern_without_the_year_is_refused(sqlite_xf: Xf) -> None:
    home = Path(os.environ["XF_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[notices]\nnumber = "连区教信{n}号"\n', encoding="utf-8")
    result = sqlite_xf("notice", "list")
    assert result.exit_code == 2 and "{year}" in result.stderr
