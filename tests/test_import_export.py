"""`xf import` and `xf export` through the real CLI, on SQLite and PostgreSQL."""

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Xf, add_case

HEADER_EN = ["unit", "source", "received", "petitioner", "summary", "phone", "id_number",
             "people", "backlog", "topic", "leader", "due", "accepted"]
HEADER_ZH = ["单位", "来源", "收到日期", "信访人", "诉求摘要", "联系电话", "身份证号", "人数",
             "积案类型", "问题类别", "包案领导", "办理期限", "受理日期"]
ROWS = [
    ["dagang", "visit", "2018-05-02", "张三", "要求解决待遇问题", "13812345678",
     "320703198001011237", "6", "历史遗留", "教师待遇", "王局长", "", ""],
    ["港城实验小学", "来信", "2018/6/1", "李四", "反映收费", "", "", "", "", "", "", "",
     "2018年6月3日"],
    ["renshi", "assigned", "2017-12-30", "王五", "=HYPERLINK(\"x\")", "", "", "1", "", "", "",
     "2018-01-10", "2018-01-02"],
]


@pytest.fixture(autouse=True)
def _no_earlier_batches(request: pytest.FixtureRequest) -> None:
    """conftest empties the core tables between PostgreSQL tests; import_batch (revision 0002)
    is not among them yet, so empty it here."""
    if "xf" in request.fixturenames and request.getfixturevalue("xf").backend == "postgres":
        wipe(request.getfixturevalue("xf"), tables=("import_batch",))


def write_csv(path: Path, header: list[str], rows: list[list[str]],
              encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def cases(xf: Xf) -> list[dict]:
    return xf.json("list")


def comparable(case: dict) -> dict:
    """A case as `xf show --json` gives it, without what differs between two registrations."""
    return {**case, "id": None, "history": [{**h, "at": None} for h in case["history"]]}


@pytest.mark.parametrize(("header", "encoding"), [
    (HEADER_EN, "utf-8"), (HEADER_ZH, "utf-8-sig"), (HEADER_ZH, "gb18030")])
def test_import_csv_in_every_encoding_and_header_language(office: Xf, tmp_path: Path, header,
                                                          encoding) -> None:
    path = write_csv(tmp_path / "in.csv", header, ROWS, encoding)
    if encoding == "gb18030":  # really GB18030 bytes, as Excel on Chinese Windows saves them
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")
    result = office.ok("import", str(path))
    assert result.stderr == "3 cases imported from in.csv (batch 1).\n" or \
        result.stderr.startswith("3 cases imported from in.csv (batch ")
    listed = {c["id"]: c for c in cases(office)}
    assert sorted(listed) == ["2017-0001", "2018-0001", "2018-0002"]
    first = office.json("show", "2018-0001", "--reveal")
    assert (first["unit"], first["source"], first["received"], first["petitioner"]) == (
        "dagang", "visit", "2018-05-02", "张三")
    assert (first["phone"], first["id_number"], first["people"], first["backlog"]) == (
        "13812345678", "320703198001011237", 6, "historical")
    second = listed["2018-0002"]
    assert (second["unit"], second["status"], second["accepted"], second["due"]) == (
        "gcsx", "accepted", "2018-06-03", "2018-08-02")
    assigned = listed["2017-0001"]
    assert assigned["due"] == "2018-01-10"  # the superior's own deadline wins
    assert assigned["summary"] == "=HYPERLINK(\"x\")"  # stored as given; made inert on export


def test_an_imported_row_is_the_case_xf_add_makes(office: Xf, tmp_path: Path) -> None:
    add_case(office, "--phone", "13812345678", "--people", "6", "--backlog", "historical",
             "--leader", "王局长", "--accepted", "2018-05-03", "--topic", "教师待遇")
    row = ["dagang", "visit", "2018-05-02", "张三", "要求解决待遇问题", "13812345678", "", "6",
           "historical", "教师待遇", "王局长", "", "2018-05-03"]
    office.ok("import", str(write_csv(tmp_path / "one.csv", HEADER_EN, [row])))
    added, imported = office.json("show", "2018-0001"), office.json("show", "2018-0002")
    assert comparable(imported) == comparable(added)


def test_xlsx_and_json_rows(office: Xf, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER_ZH)
    from datetime import datetime

    sheet.append(["dagang", "来访", datetime(2018, 5, 2), "张三", "诉求", 13812345678, None, 2,
                  None, None, None, None, None])
    sheet.append([None] * 13)  # a blank row, as spreadsheets leave them: skipped
    book.save(tmp_path / "in.xlsx")
    office.ok("import", str(tmp_path / "in.xlsx"))
    rows = [dict(zip(HEADER_EN, r, strict=True)) for r in ROWS[:2]]
    (tmp_path / "in.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    office.ok("import", str(tmp_path / "in.json"))
    got = office.json("show", "2018-0001", "--reveal")
    assert (got["received"], got["phone"], got["people"]) == ("2018-05-02", "13812345678", 2)
    assert [c["id"] for c in cases(office)] == ["2018-0001", "2018-0002", "2018-0003"]


def test_bad_rows_are_all_reported_and_nothing_is_imported(office: Xf, tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        ["nowhere", "visit", "2018-05-02", "张三", "x", "abc", "", "", "", "", "", "", ""],
        ["dagang", "walk", "2018-02-30", "", "x", "", "", "", "", "", "", "", ""],
        ["dagang", "visit", "2018-11-01", "赵六", "x", "", "", "0", "", "", "", "", ""],
        ["dagang", "visit", "2018-05-02", "钱七", "x", "", "", "", "", "", "", "",
         "2018-05-01"],
    ]
    result = office("import", str(write_csv(tmp_path / "bad.csv", HEADER_EN, rows)))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        "xf: row 3, column unit: no unit 'nowhere' (give its code or exact name; see xf unit "
        "list).",
        "xf: row 3, column phone: 'abc' is not a phone number.",
        "xf: row 4, column source: unknown value 'walk'; use one of letter=来信, visit=来访, "
        "online=网上, phone=来电, assigned=交办, transferred=转送.",
        "xf: row 4, column received: '2018-02-30' is not a real date.",
        "xf: row 4, column petitioner: required, but empty.",
        "xf: row 5, column received: 2018-11-01 lies after today (2018-10-12).",
        "xf: row 6, column accepted: 2018-05-01 lies before the case was received "
        "(2018-05-02).",
        "xf: 4 bad rows in bad.csv: nothing imported.",
    ]
    assert cases(office) == []
    assert add_case(office) == "2018-0001"  # no number was used up


def test_dry_run_checks_and_writes_nothing(office: Xf, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", HEADER_EN, ROWS)
    result = office.ok("import", str(path), "--dry-run")
    assert result.stderr == "in.csv: 3 rows checked, all good (dry run: nothing written).\n"
    assert cases(office) == []
    office.ok("import", str(path))
    assert len(cases(office)) == 3


def test_the_same_file_twice_is_refused_unless_again(office: Xf, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", HEADER_EN, ROWS)
    office.ok("import", str(path))
    again = office("import", str(path))
    assert again.exit_code == 2 and "already imported" in again.stderr
    assert len(cases(office)) == 3
    office.ok("import", str(path), "--again")
    assert len(cases(office)) == 6


@pytest.mark.parametrize(("header", "message"), [
    (HEADER_EN[:4], "required columns missing: summary/诉求摘要."),
    ([*HEADER_EN[:5], "序号"], "unknown column '序号'"),
    ([*HEADER_EN[:5], "单位"], "column '单位' appears twice."),
])
def test_bad_headers(office: Xf, tmp_path: Path, header, message) -> None:
    result = office("import", str(write_csv(tmp_path / "h.csv", header, [])))
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_malformed_files_are_exit_2_in_one_line(office: Xf, tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("[{\"unit\": ", encoding="utf-8")
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "obj.json").write_text('{"rows": [], "cases": []}', encoding="utf-8")
    (tmp_path / "bad.json").write_bytes(b'{"format": "xf-export", "units": ["\xff"]}')
    (tmp_path / "twice.json").write_text('{"format": "xf-export", "units": [], "units": []}',
                                         encoding="utf-8")
    for name in ("x.json", "x.xlsx", "missing.csv", "obj.json", "bad.json", "twice.json"):
        result = office("import", str(tmp_path / name))
        assert result.exit_code == 2, result.stderr
        assert result.stderr.startswith("xf: ") and result.stderr.count("\n") == 1
    # a JSON object is read as it streams (importing.readers.JsonObject): its faults, one line each
    assert [office("import", str(tmp_path / name)).stderr for name in (
        "obj.json", "bad.json", "twice.json")] == [
        "xf: obj.json: JSON must be an array of row objects, or a full export of xf.\n",
        "xf: bad.json cannot be read (lexical error: invalid bytes in UTF8 string).\n",
        'xf: twice.json: the key "units" appears twice at the top level.\n']


# --- export -----------------------------------------------------------------------------------


def _busy_office(xf: Xf) -> None:
    cid = add_case(xf, "--phone", "13812345678", "--id-number", "320703198001011237",
                   summary="=1+1 @cmd")
    xf.ok("accept", cid, "--on", "2018-05-03")
    xf.ok("follow", cid, "--note", "-电话回访", "--kind", "call", "--on", "2018-05-04")
    xf.ok("extend", cid, "--days", "10", "--reason", "会商")
    xf.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01", "--note", "已答复")
    other = add_case(xf, unit="gcsx", petitioner="欧阳小明", received="2017-11-02")
    xf.ok("reject", other, "--reason", "不属于本单位职责", "--on", "2017-11-05")
    third = add_case(xf, "--repeat-of", cid, received="2018-07-01")
    xf.ok("escalate", third, "--to", "city", "--reason", "多次来访")
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on", "2018-07-02",
          "--case", third, "--note", "赴市上访")


def test_export_csv_masks_and_makes_formulas_inert(office: Xf, tmp_path: Path) -> None:
    _busy_office(office)
    office.ok("export", "-o", str(tmp_path / "out.csv"))
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["2017-0001", "2018-0001", "2018-0002"]
    first = rows[1]
    assert (first["petitioner"], first["phone"], first["id_number"]) == (
        "张*", "138****5678", "320703********1237")
    assert first["summary"] == "'=1+1 @cmd"
    with open(tmp_path / "out-followups.csv", encoding="utf-8-sig", newline="") as handle:
        notes = list(csv.DictReader(handle))
    assert [(n["case"], n["kind"], n["note"]) for n in notes] == [
        ("2018-0001", "call", "'-电话回访"), ("2018-0001", "reply", "已答复")]
    history = office.json("show", "2018-0001")["history"]
    assert not [h for h in history if h["action"] == "reveal"]  # masked: nothing to record
    assert (tmp_path / "out.csv").stat().st_mode & 0o077 == 0


def test_export_reveal_is_recorded(office: Xf) -> None:
    _busy_office(office)
    out = office.ok("export", "--format", "csv", "--reveal").stdout
    assert "张三" in out and "13812345678" in out
    for cid in ("2017-0001", "2018-0001", "2018-0002"):
        last = office.json("show", cid)["history"][-1]
        assert (last["action"], last["field"], last["new"], last["by"]) == (
            "reveal", "personal_data", "export", "tester")


def test_export_xlsx_has_cases_and_followups_sheets(office: Xf, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _busy_office(office)
    office.ok("export", "-o", str(tmp_path / "out.xlsx"))
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["cases", "followups"]
    rows = list(book["cases"].iter_rows(values_only=True))
    header = rows[0]
    first = dict(zip(header, rows[2], strict=True))
    assert first["id"] == "2018-0001" and first["petitioner"] == "张*"
    cell = book["cases"].cell(row=3, column=header.index("summary") + 1)
    assert cell.data_type == "s" and cell.value == "=1+1 @cmd"  # text, never a formula
    assert len(list(book["followups"].iter_rows())) == 3
    refused = office("export", "--format", "xlsx")
    assert refused.exit_code == 2 and "-o FILE" in refused.stderr


# --- the full round trip ---------------------------------------------------------------------


ALL_TABLES = ("history", "followup", "incident", "notice", "notice_sequence", "petition_case",
              "import_batch", "case_sequence", "unit_history", "command", "supervision", "unit")


def wipe(xf: Xf, tables: tuple[str, ...] = ALL_TABLES) -> None:
    """Empty the tables, as a new database would be (the schema stays): on PostgreSQL their
    id sequences start again at 1, so that a restore must move them past the rows it wrote."""
    from sqlalchemy import create_engine, text

    url = xf.db if "://" in xf.db else f"sqlite:///{xf.db}"
    engine = create_engine(url)
    with engine.begin() as conn:
        for table in tables:
            conn.execute(text(f"DELETE FROM {table}"))
            if xf.backend == "postgres":  # a table keyed otherwise has no such sequence
                conn.execute(text(f"SELECT setval(s, 1, false) FROM to_regclass('{table}_id_seq')"
                                  " AS s WHERE s IS NOT NULL"))
    engine.dispose()


def renumber_commands(export: dict[str, Any]) -> None:
    """Commands are numbered anew by the database they are restored into: refer to each
    by its place in the export instead."""
    place = {c["id"]: n for n, c in enumerate(export["commands"])}

    def renumber(item: dict[str, Any], *keys: str) -> None:
        for key in keys:
            if item.get(key) is not None:
                item[key] = place[item[key]]

    for command in export["commands"]:
        renumber(command, "id", "undo_of")
    for case in export["cases"]:
        for row in case["history"]:
            renumber(row, "command_id")
        for note in case["followups"]:
            renumber(note, "command_id", "undone_by")
    for incident in export["incidents"]:
        renumber(incident, "command_id", "voided_by")
    for row in export["history"] + export["unit_history"]:
        renumber(row, "command_id")


def _papers(xf: Xf, tmp_path: Path) -> None:
    """Two papers to 2018-0001 (accepted, then closed by `_busy_office`), both delivered."""
    xf.ok("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "acceptance.docx"))
    xf.ok("deliver", "2018-0001", "acceptance", "--on", "2018-10-12", "--method", "in-person")
    xf.ok("notice", "2018-0001", "reply", "-o", str(tmp_path / "reply.docx"))
    xf.ok("deliver", "2018-0001", "reply", "--on", "2018-10-12", "--method", "registered",
          "--ref", "XA123456789CN")


def _measures(xf: Xf) -> None:
    """Key management of dagang (ended), then a talk with gcsx."""
    xf.ok("supervise", "add", "--unit", "dagang", "--kind", "key-management", "--on",
          "2018-09-01", "--note", "进度滞后")
    xf.ok("supervise", "add", "--unit", "gcsx", "--kind", "talk", "--on", "2018-09-15",
          "--note", "约谈校长")
    xf.ok("supervise", "end", "1", "--on", "2018-10-01")


def test_full_export_round_trip_loses_nothing(office: Xf, tmp_path: Path) -> None:
    _busy_office(office)
    office.ok("import", str(write_csv(tmp_path / "in.csv", HEADER_EN, ROWS)))
    office.ok("edit", "2018-0001", "--phone", "13912345678", "--reason", "登记时记错")
    office.ok("void", "2018-0003", "--reason", "重复登记")
    _papers(office, tmp_path)
    _measures(office)
    papers = office.json("notice", "list")
    measures = office.json("supervise", "list")
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    before = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert before["format"] == "xf-export" and before["version"] == 1
    assert list(before)[-4:] == ["supervision", "notice_sequence", "notices", "cases"]
    assert [(m["id"], m["unit"], m["kind"], m["on"], m["note"], m["ended_on"], m["ended_by"])
            for m in before["supervision"]] == [
        (1, "dagang", "key-management", "2018-09-01", "进度滞后", "2018-10-01", "tester"),
        (2, "gcsx", "talk", "2018-09-15", "约谈校长", None, None)]
    assert before["notice_sequence"] == [{"year": 2018, "last": 2}]
    assert [(n["case"], n["kind"], n["number"], n["delivered_on"], n["delivery_method"],
             n["delivery_ref"]) for n in before["notices"]] == [
        ("2018-0001", "acceptance", "连区教信〔2018〕1号", "2018-10-12", "in-person", None),
        ("2018-0001", "reply", "连区教信〔2018〕2号", "2018-10-12", "registered",
         "XA123456789CN")]
    wipe(office)
    assert cases(office) == []
    result = office.ok("import", str(tmp_path / "a.json"))
    assert "6 cases, 2 follow-ups" in result.stderr
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "b.json"))
    after = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    for case in after["cases"]:  # the second export recorded its own reveal: set it apart
        assert case["history"].pop()["action"] == "reveal"
    for export in (before, after):  # batches are renumbered as the database numbers them
        files = {b["id"]: b["sha256"] for b in export["import_batches"]}
        for case in export["cases"]:
            case["import_batch_id"] = files.get(case["import_batch_id"])
        renumber_commands(export)
    assert len(before["commands"]) == 16  # each write command above (3 units); the import one
    for key in ("case_sequence", "cases", "incidents", "history", "commands",
                "notice_sequence", "notices", "supervision"):  # measures keep their ids
        assert after[key] == before[key], key
    strip = lambda items: [{k: v for k, v in i.items() if k != "id"} for i in items]  # noqa: E731
    assert strip(after["unit_history"]) == strip(before["unit_history"])  # numbered anew
    assert strip(after["units"]) == strip(before["units"])
    assert strip(after["import_batches"]) == strip(before["import_batches"])
    assert sum(1 for c in after["cases"] if c["import_batch_id"]) == 3
    assert add_case(office) == "2018-0005"  # the numbering goes on
    office.ok("follow", "2018-0001", "--note", "n")  # the id sequences went past the rows
    assert office.json("notice", "list") == papers
    assert office.json("supervise", "list") == measures
    # the id sequence of supervision went past the rows too
    assert office.ok("supervise", "add", "--unit", "renshi", "--kind", "inspection",
                     "--note", "督查").stdout.strip() == "3"
    # the papers' numbering goes on too, and the id sequence of notice went past the rows
    office.ok("notice", "2017-0001", "rejection", "-o", str(tmp_path / "rejection.docx"))
    assert [(n["case"], n["kind"], n["number"]) for n in office.json("notice", "list")] == [
        ("2018-0001", "acceptance", "连区教信〔2018〕1号"),
        ("2018-0001", "reply", "连区教信〔2018〕2号"),
        ("2017-0001", "rejection", "连区教信〔2018〕3号")]


def test_a_full_export_is_streamed_whatever_its_key_order(office: Xf, tmp_path: Path) -> None:
    """Exports written before the cases came last (incidents and loose history after them)
    and files saved with a BOM restore alike: the reader makes one more pass for a key."""
    _busy_office(office)
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    before = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert list(before)[-1] == "cases"  # as written now
    # ... and before the papers (revision 0007): no notices, no numbering of them; before
    # the measures on the units (revision 0008): no supervision
    old = {k: v for k, v in before.items()
           if k not in ("incidents", "history", "supervision", "notice_sequence", "notices")}
    old |= {"incidents": before["incidents"], "history": before["history"]}
    (tmp_path / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8-sig")
    wipe(office)
    result = office.ok("import", str(tmp_path / "old.json"))
    assert "3 cases, 2 follow-ups" in result.stderr and "1 incidents" in result.stderr
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "b.json"))
    after = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    renumber_commands(before)
    renumber_commands(after)
    assert after["incidents"] == before["incidents"]
    assert [c["id"] for c in after["cases"]] == ["2017-0001", "2018-0001", "2018-0002"]
    assert after["notices"] == after["notice_sequence"] == after["supervision"] == []


@pytest.mark.parametrize(("key", "value", "message"), [
    ("issued", "2018-13-01", "notices[1].issued: '2018-13-01' is not an ISO date"),
    ("case", "2018-0099", "notices[1].case: no case '2018-0099' in the file"),
    ("delivery_method", "pigeon", "notices[1].delivery_method: unknown value 'pigeon'"),
    # a delivery as `xf deliver` records it, or none: `xf notice list` must read it back
    ("delivery_method", None,
     "notices[1].delivery_method: missing for the delivery on 2018-10-12"),
    ("delivered_on", None, "notices[1].delivered_on: missing for the delivery by registered"),
    ("delivery_ref", None,
     "notices[1].delivery_ref: registered mail without its tracking number"),
    ("delivered_on", "2018-10-11",
     "notices[1].delivered_on: delivery 2018-10-11 is before the paper was issued (2018-10-12)"),
    ("kind", "summons", "notices[1].kind: unknown value 'summons'"),
    # one paper per case and kind, per year and number, per document number: the second named
    ("kind", "acceptance",
     "notices[1].kind: a second acceptance paper to case 2018-0001, as notices[0]"),
    ("seq", 1, "notices[1].seq: a second paper numbered 1 in 2018, as notices[0]"),
    ("number", "连区教信〔2018〕1号",
     "notices[1].number: a second paper numbered '连区教信〔2018〕1号', as notices[0]"),
])
def test_a_full_export_with_a_bad_notice_writes_nothing(office: Xf, tmp_path: Path, key: str,
                                                        value: Any, message: str) -> None:
    _busy_office(office)
    _papers(office, tmp_path)
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    document["notices"][1][key] = value
    (tmp_path / "bad.json").write_text(json.dumps(document, ensure_ascii=False),
                                       encoding="utf-8")
    wipe(office)
    result = office("import", str(tmp_path / "bad.json"))
    assert result.exit_code == 2
    assert result.stderr == f"xf: bad.json: {message}; nothing imported.\n"
    assert cases(office) == [] and office.json("notice", "list") == []


@pytest.mark.parametrize(("index", "key", "value", "message"), [
    (1, "unit", "nowhere", "supervision[1].unit: no unit 'nowhere' in the file"),
    (1, "kind", "scolding", "supervision[1].kind: unknown value 'scolding'"),
    (1, "on", "2018-09-31", "supervision[1].on: '2018-09-31' is not an ISO date"),
    (1, "on", None, "supervision[1].on: missing"),
    # only key management lasts, and it ends as `xf supervise end` ends it
    (1, "ended_on", "2018-10-01", "supervision[1].ended_on: only key management is ended, "
                                  "not talk"),
    (0, "ended_on", "2018-08-31",
     "supervision[0].ended_on: ended 2018-08-31, before it began (2018-09-01)"),
    (0, "ended_by", None, "supervision[0].ended_by: missing for the end on 2018-10-01"),
    (1, "ended_by", "tester", "supervision[1].ended_by: 'tester' without an end"),
    # one key management at a time: a second one not ended is named
    (2, "unit", "dagang", "supervision[2].ended_on: missing: unit dagang is under key "
                          "management not ended already, as supervision[0]"),
])
def test_a_full_export_with_a_bad_measure_writes_nothing(office: Xf, tmp_path: Path,
                                                         index: int, key: str, value: Any,
                                                         message: str) -> None:
    _busy_office(office)
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "key-management", "--on",
              "2018-09-01", "--note", "进度滞后")
    office.ok("supervise", "add", "--unit", "gcsx", "--kind", "talk", "--on", "2018-09-15",
              "--note", "约谈校长")
    office.ok("supervise", "add", "--unit", "gcsx", "--kind", "key-management", "--on",
              "2018-09-20", "--note", "积案较多")
    if index == 0:  # dagang's key management ended (else it still runs)
        office.ok("supervise", "end", "1", "--on", "2018-10-01")
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    document["supervision"][index][key] = value
    (tmp_path / "bad.json").write_text(json.dumps(document, ensure_ascii=False),
                                       encoding="utf-8")
    wipe(office)
    result = office("import", str(tmp_path / "bad.json"))
    assert result.exit_code == 2
    assert result.stderr == f"xf: bad.json: {message}; nothing imported.\n"
    assert cases(office) == [] and office.json("supervise", "list") == []
    assert office.json("unit", "list") == []


def test_measures_come_back_only_into_a_database_without_them(office: Xf,
                                                             tmp_path: Path) -> None:
    """The measures keep their ids: those of the database would be mixed with the file's."""
    _busy_office(office)
    _measures(office)
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    wipe(office, tuple(t for t in ALL_TABLES if t not in ("supervision", "unit")))
    result = office("import", str(tmp_path / "a.json"))
    assert result.exit_code == 2
    assert result.stderr == (
        "xf: a.json: supervision: the database holds 2 measures already (xf supervise list): "
        "the file's come back only into one without them; nothing imported.\n")
    assert cases(office) == [] and len(office.json("supervise", "list")) == 2


def test_a_full_export_broken_midway_writes_nothing(office: Xf, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The cases are read as they are written: a fault in the middle of them (here the file
    ends there) is one line, exit 2, and the units and cases written before it are undone."""
    from xinfang_cli.operations import restore

    monkeypatch.setattr(restore, "CHUNK", 1)  # each case written before the next is read
    written = []
    real = restore._case
    monkeypatch.setattr(restore, "_case", lambda *a: written.append(a[1]["id"]) or real(*a))
    _busy_office(office)
    office.ok("export", "--format", "json", "--reveal", "-o", str(tmp_path / "a.json"))
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    cut = text.index('"id": "2018-0002"')  # the third case, after two were read
    (tmp_path / "cut.json").write_text(text[:cut], encoding="utf-8")
    wipe(office)
    result = office("import", str(tmp_path / "cut.json"))
    assert result.exit_code == 2
    assert result.stderr == "xf: cut.json cannot be read (parse error: premature EOF).\n"
    assert written == ["2017-0001", "2018-0001"]  # two cases were in before the fault
    assert cases(office) == []
    assert office.json("unit", "list") == []


def test_full_export_is_refused_masked_or_into_a_database_with_cases(office: Xf,
                                                                      tmp_path: Path) -> None:
    _busy_office(office)
    office.ok("export", "-o", str(tmp_path / "masked.json"))
    masked = office("import", str(tmp_path / "masked.json"))
    assert masked.exit_code == 2 and "--reveal" in masked.stderr
    # a key named "" holds no top-level keys: its "revealed" does not count
    text = (tmp_path / "masked.json").read_text(encoding="utf-8")
    assert '"revealed": false' in text
    (tmp_path / "sly.json").write_text(text.replace(
        '"revealed": false', '"revealed": false, "": {"revealed": true}', 1), encoding="utf-8")
    sly = office("import", str(tmp_path / "sly.json"))
    assert sly.exit_code == 2 and "--reveal" in sly.stderr
    office.ok("export", "--reveal", "-o", str(tmp_path / "full.json"))
    busy = office("import", str(tmp_path / "full.json"))
    assert busy.exit_code == 2 and "only into an empty database" in busy.stderr
    assert len(cases(office)) == 3


def test_the_sample_spreadsheet_imports(xf: Xf) -> None:
    from xinfang_cli.operations.sample import sample_dir

    xf.ok("init", "--sample")
    path = sample_dir() / "import-example.csv"
    path.read_bytes().decode("gb18030")  # saved as Excel on Chinese Windows saves it
    result = xf.ok("import", str(path))
    assert result.stderr.startswith("10 cases imported from import-example.csv")
    assert len(xf.json("list")) == 43 + 10


def test_id_numbers_are_checked_and_cells_hold_single_values(xf: Xf, tmp_path) -> None:
    """A number Excel stored as a float loses its last digits: the check character tells."""
    import json as _json

    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    rows = [{"unit": "dagang", "source": "visit", "received": "2018-05-02",
             "petitioner": "张三", "summary": "诉求", "id_number": "320703199001011328"},
            {"unit": "dagang", "source": "visit", "received": "2018-05-02",
             "petitioner": "李四", "summary": {"x": 1}}]
    path = tmp_path / "rows.json"
    path.write_text(_json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = xf("import", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == ("xf: row 1, column id_number: '320703199001011328' is not an ID number "
                        "(18 characters with a valid check character, or 15 digits).")
    assert lines[1] == 'xf: row 2, column summary: {"x": 1} is not a single value.'
    assert xf.json("list") == []
