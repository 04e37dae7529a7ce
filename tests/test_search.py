"""Finding things (`xf search`, `xf petitioner`) and the repeat warnings of `xf add` and
`xf import`, on SQLite and PostgreSQL: words found inside longer Chinese text through the
trigram index, kept in step with every write; a person found without a reveal."""

import io
import json
from pathlib import Path

import pytest

from conftest import Xf, add_case

ID_ZHANG = "320703198001011237"  # a valid resident ID number (GB 11643 check character)
ID_LI = "32070319850202102X"
NO_UNIT = "xf: no unit 'nowhere' (give its code or exact name; see xf unit list).\n"


def _ids(xf: Xf, *args: str) -> list[str]:
    return [c["id"] for c in xf.json(*args)]


@pytest.fixture
def cases(office: Xf) -> Xf:
    """Four cases: the words in a summary, a topic, a note and a reason; one voided."""
    add_case(office, "--topic", "教师待遇", received="2017-03-01",
             summary="要求补发2016年绩效工资")  # 2017-0001
    add_case(office, received="2018-02-01", petitioner="李四", unit="gcsx",
             summary="反映食堂饭菜质量差")  # 2018-0001
    office.ok("follow", "2018-0001", "--note", "电话联系：同时问及绩效工资发放时间",
              "--on", "2018-02-03")
    add_case(office, received="2018-03-01", summary="要求公开绩效工资分配方案")  # 2018-0002
    add_case(office, received="2018-04-01", summary="咨询入学政策")  # 2018-0003
    office.ok("reject", "2018-0003", "--reason", "不属于信访事项，已告知向招生办咨询",
              "--on", "2018-04-02")
    add_case(office, received="2018-05-01", summary="重复登记：绩效工资")  # 2018-0004
    office.ok("void", "2018-0004", "--reason", "重复登记")
    return office


# --- xf search ----------------------------------------------------------------------------

def test_search_finds_chinese_words_inside_longer_text_best_first(cases: Xf) -> None:
    found = cases.json("search", "绩效工资")
    # summaries first (the newer of the two first), the note-only match last; voided left out
    assert [(c["id"], c["matched"]) for c in found] == [
        ("2018-0002", ["summary"]), ("2017-0001", ["summary"]), ("2018-0001", ["notes"])]
    assert found[2]["excerpt"] == "电话联系：同时问及绩效工资发放时间"
    assert found[1]["petitioner"] == "张*"  # masked, as everywhere
    assert found[1]["summary"] == "要求补发2016年绩效工资"
    assert found[1]["topic"] == "教师待遇"


def test_several_words_must_all_match_anywhere_in_the_case(cases: Xf) -> None:
    assert _ids(cases, "search", "绩效工资", "教师待遇") == ["2017-0001"]  # summary + topic
    assert _ids(cases, "search", "绩效工资 发放时间") == ["2018-0001"]
    assert _ids(cases, "search", "食堂饭菜", "发放时间") == ["2018-0001"]  # summary + note
    assert _ids(cases, "search", "绩效工资", "入学政策") == []  # in two cases, not in one


def test_a_word_of_one_or_two_characters_still_works(cases: Xf) -> None:
    assert _ids(cases, "search", "绩效") == ["2018-0002", "2017-0001", "2018-0001"]
    assert _ids(cases, "search", "食堂") == ["2018-0001"]
    assert _ids(cases, "search", "绩效", "方案") == ["2018-0002"]


def test_reasons_and_english_words_are_searched_case_blind(cases: Xf) -> None:
    assert [(c["id"], c["matched"]) for c in cases.json("search", "招生办")] == [
        ("2018-0003", ["reasons"])]
    cases.ok("follow", "2018-0003", "--note", "Parent called about the Enrolment Policy")
    assert _ids(cases, "search", "enrolment policy") == ["2018-0003"]


def test_filters_and_limit(cases: Xf) -> None:
    assert _ids(cases, "search", "绩效工资", "--unit", "dagang") == ["2018-0002", "2017-0001"]
    assert _ids(cases, "search", "绩效工资", "--since", "2018-01-01") == ["2018-0002",
                                                                         "2018-0001"]
    assert _ids(cases, "search", "绩效工资", "--limit", "1") == ["2018-0002"]
    assert cases.ok("search", "绩效工资", "--limit", "1").stdout.splitlines()[-1] == (
        "The 1 best matches; there may be more (--limit N shows more).")
    assert _ids(cases, "search", "绩效工资", "--status", "voided") == ["2018-0004"]
    assert _ids(cases, "search", "绩效工资", "--status", "已登记", "--unit", "gcsx") == [
        "2018-0001"]


def test_search_stays_in_step_with_edit_and_undo(cases: Xf) -> None:
    cases.ok("edit", "2018-0002", "--summary", "要求公开奖励性工资分配方案", "--reason", "记错")
    assert _ids(cases, "search", "绩效工资") == ["2017-0001", "2018-0001"]
    assert _ids(cases, "search", "奖励性工资") == ["2018-0002"]
    cases.ok("undo", "2018-0002", "--yes")
    assert _ids(cases, "search", "奖励性工资") == []
    assert _ids(cases, "search", "绩效工资") == ["2018-0002", "2017-0001", "2018-0001"]


def test_search_stays_in_step_with_follow_ups_and_their_undo(cases: Xf) -> None:
    cases.ok("follow", "2018-0002", "--note", "走访学校核实校车安排", "--kind", "visit")
    assert [(c["id"], c["matched"]) for c in cases.json("search", "校车安排")] == [
        ("2018-0002", ["notes"])]
    cases.ok("undo", "2018-0002", "--yes")
    assert _ids(cases, "search", "校车安排") == []
    assert _ids(cases, "search", "绩效工资") == ["2018-0002", "2017-0001", "2018-0001"]


def test_search_stays_in_step_with_assign_and_escalate(cases: Xf) -> None:
    cases.ok("assign", "2017-0001", "--unit", "gcsx")
    assert _ids(cases, "search", "绩效工资", "--unit", "gcsx") == ["2017-0001", "2018-0001"]
    cases.ok("leader", "2017-0001", "王副局长")
    cases.ok("escalate", "2017-0001", "--to", "district", "--reason", "多次协调未果")
    assert [(c["id"], c["matched"]) for c in cases.json("search", "王副局长")] == [
        ("2017-0001", ["leader"])]
    assert [(c["id"], c["matched"]) for c in cases.json("search", "协调未果")] == [
        ("2017-0001", ["reasons"])]
    cases.ok("undo", "2017-0001", "--yes")  # the escalation taken back: its reason goes too
    assert _ids(cases, "search", "协调未果") == []


def test_search_stays_in_step_with_import_and_its_undo(office: Xf, tmp_path: Path) -> None:
    sheet = tmp_path / "ledger.csv"
    sheet.write_text("单位,来源,收到日期,信访人,诉求摘要,受理日期,办结日期,办理结果,办理情况\n"
                     "dagang,来信,2018-01-05,赵六,反映校服采购价格偏高,2018-01-08,2018-02-01,"
                     "解决到位,已重新招标采购校服\n"
                     "gcsx,来访,2018-01-06,钱七,要求解决校车接送问题,,,,\n", encoding="utf-8")
    office.ok("import", str(sheet))
    assert [(c["id"], c["matched"]) for c in office.json("search", "校服")] == [
        ("2018-0001", ["summary", "notes"])]
    assert _ids(office, "search", "重新招标") == ["2018-0001"]
    assert _ids(office, "search", "校车接送") == ["2018-0002"]
    office.ok("undo", "--yes")  # the import: its cases voided, out of every search
    assert _ids(office, "search", "校服") == []


def test_an_undone_escalation_takes_its_reason_along(cases: Xf) -> None:
    cases.ok("escalate", "2018-0002", "--to", "city", "--reason", "误报市级")
    cases.ok("undo", "--yes")
    cases.ok("escalate", "2018-0002", "--to", "district", "--reason", "区级会办协调")
    assert _ids(cases, "search", "误报市级") == []
    assert _ids(cases, "search", "区级会办") == ["2018-0002"]
    cases.ok("undo", "2018-0002", "--yes")
    assert _ids(cases, "search", "区级会办") == []
    cases.ok("undo", "2018-0002", "--yes")  # the undo undone: the escalation stands again
    assert cases.json("show", "2018-0002")["escalation"] == "district"
    assert _ids(cases, "search", "区级会办") == ["2018-0002"]
    assert _ids(cases, "search", "误报市级") == []


@pytest.mark.parametrize("word", ['"', "%", "_", "\\", "a*", "^b", "c:d", "(e)", "f-g",
                                  "NEAR", "AND", "OR", "'", '"引号"'])
def test_any_characters_are_words_to_find(office: Xf, word: str) -> None:
    add_case(office, summary=f"含特殊字符{word}的摘要")
    add_case(office, summary="普通摘要")
    assert _ids(office, "search", word) == ["2018-0001"]


def test_short_words_fold_case_beyond_ascii(office: Xf) -> None:
    add_case(office, summary="ÉCOLE ÄB ＷＩＦＩ")
    for word in ("äb", "ÄB", "ｗｉ", "école", "ＷＩＦＩ"):
        assert _ids(office, "search", word) == ["2018-0001"], word


def test_the_sample_office_is_searchable_at_once(xf: Xf) -> None:
    xf.ok("init", "--sample")
    assert [(c["id"], c["matched"]) for c in xf.json("search", "校车")] == [
        ("2018-0025", ["summary", "reasons", "notes"]), ("2018-0043", ["topic"])]


def test_search_after_a_full_export_is_restored(cases: Xf, tmp_path: Path) -> None:
    from test_import_export import wipe

    cases.ok("escalate", "2018-0002", "--to", "district", "--reason", "多次协调未果")
    before = {w: cases.json("search", w) for w in ("绩效工资", "招生办", "协调未果", "发放时间")}
    cases.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "all.json"))
    wipe(cases)
    assert cases.json("search", "绩效工资") == []
    cases.ok("import", str(tmp_path / "all.json"))
    assert {w: cases.json("search", w) for w in before} == before
    assert [c["id"] for c in before["协调未果"]] == ["2018-0002"]


def test_search_prints_each_case_and_the_line_that_matched(cases: Xf) -> None:
    assert cases.ok("search", "绩效工资", "--unit", "dagang").stdout == (
        "2018-0002  大港中专  registered  2018-03-01  张*  matched in: summary\n"
        "    要求公开绩效工资分配方案\n"
        "2017-0001  大港中专  registered  2017-03-01  张*  matched in: summary\n"
        "    要求补发2016年绩效工资\n"
        "2 found (best matches first).\n")
    assert cases.ok("--lang", "zh", "search", "招生办").stdout == (
        "2018-0003  大港中专  不予受理  2018-04-01  张*  匹配于：理由\n"
        "    不属于信访事项，已告知向招生办咨询\n"
        "共找到 1 件（最匹配的在前）。\n")
    assert cases.ok("search", "没有这个词").stdout == "Nothing found.\n"


def test_the_words_are_marked_on_a_terminal() -> None:
    from xinfang_cli.render.search import print_found

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    record = {"id": "2018-0001", "unit_name": "大港中专", "status": "accepted",
              "received": "2018-05-02", "petitioner": "张*", "matched": ["summary"],
              "excerpt": "要求补发绩效工资"}
    print_found([record], ["绩效"], out)
    assert "    要求补发\x1b[1;7m绩效\x1b[0m工资" in out.getvalue()  # the word alone marked


@pytest.mark.parametrize(("args", "message"), [
    (("",), "xf: give the words to find: xf search 绩效工资.\n"),
    (("  ",), "xf: give the words to find: xf search 绩效工资.\n"),
    (("绩效", "--limit", "0"), "xf: --limit 0: must be a whole number from 1 to 1000000.\n"),
    (("绩效", "--limit", "-3"), "xf: --limit -3: must be a whole number from 1 to 1000000.\n"),
    (("绩效", "--limit", "99999999999999999999"),
     "xf: --limit 99999999999999999999: must be a whole number from 1 to 1000000.\n"),
    (("绩效", "--unit", "nowhere"), NO_UNIT),
])
def test_search_bad_input_is_one_line_exit_2(office: Xf, args: tuple[str, ...],
                                             message: str) -> None:
    result = office("search", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# --- xf petitioner --------------------------------------------------------------------------

@pytest.fixture
def people(office: Xf) -> Xf:
    add_case(office, "--phone", "138-1234 5678", "--id-number", ID_ZHANG,
             received="2016-04-01")  # 2016-0001
    add_case(office, "--phone", "13812345678", unit="gcsx", received="2018-02-01")  # 2018-0001
    add_case(office, unit="renshi", received="2018-03-01")  # 2018-0002: only the name
    add_case(office, "--id-number", ID_ZHANG.lower(), unit="renshi",
             received="2018-04-01", petitioner="张三丰")  # 2018-0003: name written otherwise
    add_case(office, "--phone", "13900000000", "--id-number", ID_LI, petitioner="李四",
             received="2018-05-01")  # 2018-0004
    return office


def test_a_petitioner_is_found_by_each_key_without_a_reveal(people: Xf) -> None:
    assert _ids(people, "petitioner", "--phone", "13812345678") == ["2018-0001", "2016-0001"]
    assert _ids(people, "petitioner", "--phone", "138 1234-5678") == ["2018-0001", "2016-0001"]
    assert _ids(people, "petitioner", "--id-number", ID_ZHANG) == ["2018-0003", "2016-0001"]
    assert _ids(people, "petitioner", "--id-number", ID_LI.lower()) == ["2018-0004"]
    assert _ids(people, "petitioner", "--name", "张三") == ["2018-0002", "2018-0001",
                                                          "2016-0001"]
    assert _ids(people, "petitioner", "--name", "张三", "--unit", "renshi") == ["2018-0002"]
    assert _ids(people, "petitioner", "--name", "张三", "--unit", "人事科") == ["2018-0002"]
    found = people.json("petitioner", "--phone", "13812345678")
    assert [(c["petitioner"], c["phone"], c["id_number"]) for c in found] == [
        ("张*", "138****5678", None), ("张*", "138****5678", "320703********1237")]
    assert people.json("petitioner", "--phone", "13700000000") == []
    assert _history_reveals(people) == 0


def test_reveal_shows_and_is_recorded_per_case(people: Xf) -> None:
    found = people.json("petitioner", "--id-number", ID_ZHANG, "--reveal")
    assert [(c["id"], c["petitioner"], c["id_number"]) for c in found] == [
        ("2018-0003", "张三丰", ID_ZHANG), ("2016-0001", "张三", ID_ZHANG)]
    assert _history_reveals(people) == 2
    history = people.json("show", "2016-0001")["history"]
    assert [(h["action"], h["by"], h["new"]) for h in history][-1] == (
        "reveal", "tester", "petitioner")


def _history_reveals(xf: Xf) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(xf.db if "://" in xf.db else f"sqlite:///{xf.db}")
    with engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM history WHERE action = 'reveal'"))
        value = int(count.scalar_one())
    engine.dispose()
    return value


@pytest.mark.parametrize(("args", "message"), [
    ((), "xf: give one of --phone, --id-number or --name.\n"),
    (("--phone", "1", "--name", "张三"), "xf: give only one of --phone, --id-number and --name.\n"),
    (("--phone", "abc"), "xf: --phone: 'abc' is not a phone number.\n"),
    (("--id-number", "320703198001011234"),
     "xf: --id-number: '320703198001011234' is not an ID number (18 characters with a valid "
     "check character, or 15 digits).\n"),
    (("--name", " "), "xf: --name: the name is blank.\n"),
    (("--name", "张三", "--unit", "nowhere"), NO_UNIT),
])
def test_petitioner_bad_input_is_one_line_exit_2(people: Xf, args: tuple[str, ...],
                                                 message: str) -> None:
    result = people("petitioner", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert _history_reveals(people) == 0


# --- repeat warnings --------------------------------------------------------------------------

def test_add_warns_of_earlier_cases_and_blocks_nothing(people: Xf) -> None:
    result = people.ok("add", "--unit", "dagang", "--source", "visit", "--received",
                       "2018-10-10", "--petitioner", "张三", "--summary", "再次反映待遇问题",
                       "--phone", "13812345678")
    assert result.stdout == "2018-0005\n"
    assert result.stderr == (
        "xf: petitioner 张* already has 2 case(s) (same phone):\n"
        "xf:   1. 2018-0001  2018-02-01  港城实验小学  registered  要求解决待遇问题\n"
        "xf:   2. 2016-0001  2016-04-01  大港中专  registered  要求解决待遇问题\n"
        "xf: if this is a repeat petition, mark it: xf edit 2018-0005 --repeat-of 2018-0001 "
        "(or another listed case).\n")
    assert people.json("show", "2018-0005")["repeat_of"] is None


def test_add_with_repeat_of_or_a_new_person_says_nothing(people: Xf) -> None:
    result = people.ok("add", "--unit", "dagang", "--source", "visit", "--petitioner", "张三",
                       "--summary", "再次反映", "--phone", "13812345678",
                       "--repeat-of", "2018-0001")
    assert result.stderr == ""
    result = people.ok("add", "--unit", "dagang", "--source", "visit", "--petitioner", "王五",
                       "--summary", "新来信")
    assert result.stderr == ""


def test_a_repeat_counts_in_the_scorecard_once_marked(people: Xf) -> None:
    def repeats() -> int:
        rows = people.json("scorecard", "--unit", "dagang")["units"]
        return int(rows[0]["repeats"])

    assert repeats() == 0
    people.ok("edit", "2018-0004", "--repeat-of", "2016-0001", "--reason", "同一事项")
    assert people.json("show", "2018-0004")["repeat_of"] == "2016-0001"
    assert repeats() == 1
    result = people("edit", "2018-0004", "--repeat-of", "2018-0004")
    assert (result.exit_code, result.stderr) == (
        2, "xf: --repeat-of: 2018-0004 cannot be a repeat of itself.\n")


def test_a_warning_lists_the_newest_ten(office: Xf) -> None:
    for day in range(1, 13):
        add_case(office, "--phone", "13812345678", received=f"2018-03-{day:02d}")
    result = office.ok("add", "--unit", "dagang", "--source", "visit", "--petitioner", "张三",
                       "--summary", "第十三次", "--phone", "13812345678")
    lines = result.stderr.splitlines()
    assert lines[0] == ("xf: petitioner 张* already has 12 cases (same phone); "
                        "the newest 10:")
    assert [line.split()[2] for line in lines[1:11]] == [f"2018-00{n:02d}"
                                                         for n in range(12, 2, -1)]
    assert len(lines) == 12


def test_dry_run_and_import_warn_alike_past_a_row_with_repeat_of(people: Xf,
                                                                 tmp_path: Path) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_text("单位,来源,收到日期,信访人,诉求摘要,联系电话,重复信访\n"
                     "gcsx,来访,2018-10-01,王五,初次,13700002222,2018-0001\n"
                     "gcsx,来访,2018-10-02,王五,又来,13700002222,\n", encoding="utf-8")
    checked = people.ok("import", str(sheet), "--dry-run").stderr.splitlines()
    assert checked[0] == "xf: row 3: petitioner 王* as in row(s) 2 of this file (same phone)."
    imported = people.ok("import", str(sheet)).stderr.splitlines()
    assert imported[0] == ("xf: row 3 (now 2018-0006): petitioner 王* already has case(s) "
                           "2018-0005 (same phone).")


@pytest.mark.parametrize("few", [300, 0])  # by the indexes, or by one pass over every case
def test_import_warns_per_row_and_takes_a_repeat_of_column(
        people: Xf, tmp_path: Path, few: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("xinfang_cli.store.people.FEW_KEYS", few)
    sheet = tmp_path / "in.csv"
    sheet.write_text(
        "单位,来源,收到日期,信访人,诉求摘要,联系电话,身份证号,重复信访\n"
        f"dagang,来信,2018-10-01,张三,再来信,,{ID_ZHANG},\n"
        "gcsx,来访,2018-10-02,王五,初次来访,13700001111,,\n"
        "gcsx,来访,2018-10-03,王五,又来了,137-0000-1111,,\n"
        "dagang,来信,2018-10-04,李四,同一事项,,,2018-0004\n", encoding="utf-8")
    checked = people("import", str(sheet), "--dry-run")
    assert checked.exit_code == 0
    assert checked.stderr == (
        "xf: row 2: petitioner 张* already has case(s) 2018-0003, 2016-0001 (same ID number).\n"
        "xf: row 4: petitioner 王* as in row(s) 3 of this file (same phone).\n"
        "xf: for a repeat petition, add a repeat_of column (重复信访) with the earlier "
        "case's id, and import again.\n"
        "in.csv: 4 rows checked, all good (dry run: nothing written).\n")
    imported = people.ok("import", str(sheet))
    assert imported.stderr.splitlines()[:2] == [
        "xf: row 2 (now 2018-0005): petitioner 张* already has case(s) 2018-0003, "
        "2016-0001 (same ID number).",
        "xf: row 4 (now 2018-0007): petitioner 王* already has case(s) 2018-0006 "
        "(same phone)."]  # once imported, the earlier row is a case like any other
    assert imported.stderr.splitlines()[2] == (
        "xf: for a repeat petition, mark it with xf edit NEW-ID --repeat-of EARLIER-ID.")
    assert people.json("show", "2018-0008")["repeat_of"] == "2018-0004"
    sheet.write_text("单位,来源,收到日期,信访人,诉求摘要,重复信访\n"
                     "dagang,来信,2018-10-01,李四,同一事项,2018-9999\n", encoding="utf-8")
    result = people("import", str(sheet))
    assert (result.exit_code, result.stderr) == (2, (
        "xf: row 2, column 重复信访: no case '2018-9999'.\n"
        "xf: 1 bad rows in in.csv: nothing imported.\n"))


def test_repeat_of_is_asked_for_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    from typer.testing import CliRunner

    from test_prompt import _read_until
    from xinfang_cli.cli import app

    db = str(tmp_path / "xf.db")
    runner = CliRunner()
    for args in (["init"], ["unit", "add", "dagang", "大港中专", "--kind", "vocational"],
                 ["add", "--unit", "dagang", "--source", "visit", "--received", "2018-05-02",
                  "--petitioner", "张三", "--summary", "要求解决", "--phone", "13812345678"]):
        assert runner.invoke(app, ["--db", db, *args]).exit_code == 0
    main, child = pty.openpty()
    env = {**os.environ, "XF_LANG": "en", "XF_TODAY": "2018-10-12"}
    proc = subprocess.Popen([sys.executable, "-m", "xinfang_cli", "--db", db, "add", "--unit",
                             "dagang", "--source", "visit", "--petitioner", "张三",
                             "--summary", "再次反映", "--phone", "13812345678"],
                            stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    try:
        seen = _read_until(main, "Enter for no")
        assert "1. 2018-0001  2018-05-02  大港中专  registered  要求解决" in seen
        os.write(main, b"7\n")  # not one of them: asked again
        assert "Type a number from 1 to 1" in _read_until(main, "just Enter.")
        os.write(main, b"1\n")
        assert "2018-0002" in _read_until(main, "2018-0002")
        assert proc.wait(timeout=20) == 0
    finally:
        os.close(main)
        if proc.poll() is None:
            proc.kill()
    result = runner.invoke(app, ["--db", db, "show", "2018-0002", "--json"])
    assert json.loads(result.stdout)["repeat_of"] == "2018-0001"
