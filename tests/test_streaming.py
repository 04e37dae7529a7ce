"""Listings that stream (issue 14): `xf overdue`, `xf list` and `xf export` read, format and
write a batch of row tuples at a time. The output is what it was, exactly: the same JSON
objects, the cron table lined up in CJK columns, nothing on a quiet day, the same across
batch boundaries; and a listing holds one batch, not all of them."""

import csv
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Xf, add_case
from xinfang_cli.render import encode_batch, encode_rows
from xinfang_cli.render.tables import cells, clip


@pytest.fixture
def cases(office: Xf) -> Xf:
    """Three cases overdue (one accepted, with a leader and a long summary; one backlog
    case whose summary looks like a formula) and one due within five days."""
    add_case(office, received="2018-09-20")  # 2018-0001: acceptance due 10-05, 7 days late
    office.ok("add", "--unit", "gcsx", "--source", "letter", "--received", "2018-05-02",
              "--petitioner", "欧阳小明", "--phone", "13905181234", "--leader", "孟庆华",
              "--summary", "反映课后服务收费问题，要求公开收费明细并退还多收费用，另要求学校说明")
    office.ok("accept", "2018-0002", "--on", "2018-05-10")  # handling due 07-09: 95 late
    add_case(office, unit="renshi", source="online", received="2018-10-01",
             petitioner="John Smith", summary="short ascii")  # 2018-0003: due 10-16
    add_case(office, "--backlog", "historical", unit="gcsx", source="phone",
             received="2018-09-26", petitioner="李四", summary="=formula？")  # due 10-11
    return office


def entry(case_id: str, unit: str, unit_name: str, status: str, due: str, days: int,
          petitioner: str, summary: str, leader: str | None = None,
          backlog: str | None = None) -> dict[str, object]:
    return {"id": case_id, "unit": unit, "unit_name": unit_name, "status": status,
            "deadline": "accept" if status == "registered" else "handle", "due": due,
            "days_overdue": days, "petitioner": petitioner, "summary": summary,
            "leader": leader, "backlog": backlog}


EXPECTED = {
    "as_of": "2018-10-12",
    "overdue": [
        entry("2018-0002", "gcsx", "港城实验小学", "accepted", "2018-07-09", 95, "欧***",
              "反映课后服务收费问题，要求公开收费明细并退还多收费用，另要求学校说明", "孟庆华"),
        entry("2018-0001", "dagang", "大港中专", "registered", "2018-10-05", 7, "张*",
              "要求解决待遇问题"),
        entry("2018-0004", "gcsx", "港城实验小学", "registered", "2018-10-11", 1, "李*",
              "=formula？", backlog="historical")],
    "due_soon": [
        entry("2018-0003", "renshi", "人事科", "registered", "2018-10-16", -4, "J*********",
              "short ascii")],
}


@pytest.mark.parametrize("batch", [2000, 1])
def test_overdue_json_is_the_same_objects(cases: Xf, batch: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("xinfang_cli.views.rows.BATCH", batch)  # a batch per line, too
    result = cases("overdue", "--warn-days", "5", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == EXPECTED
    assert [list(e) for e in data["overdue"]] == [list(EXPECTED["overdue"][0])] * 3  # order
    without = json.loads(cases("overdue", "--json").stdout)
    assert without == {**EXPECTED, "due_soon": []}


def test_overdue_json_of_a_quiet_day(office: Xf) -> None:
    add_case(office, received="2018-10-10")
    result = office("overdue", "--json")
    assert (result.exit_code, json.loads(result.stdout)) == (
        0, {"as_of": "2018-10-12", "overdue": [], "due_soon": []})


def test_nothing_is_printed_when_nothing_is_due(office: Xf) -> None:
    add_case(office, received="2018-10-10")  # acceptance due 10-25
    for args in ((), ("--warn-days", "5"), ("--warn-days", "0")):
        result = office("overdue", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


EN = [
    "3 overdue as of 2018-10-12",
    " " * 100,
    "  Case        Unit           Status        Deadline     Due          Days        Leader"
    "   Summary   ",
    " " + "─" * 98 + " ",
    "  2018-0002   港城实验小学   accepted      handling     2018-07-09   95 d late   孟庆华"
    "   反映课 …  ",
    "  2018-0001   大港中专       registered    acceptance   2018-10-05    7 d late   —     "
    "   要求解 …  ",
    "  2018-0004   港城实验小学   registered    acceptance   2018-10-11    1 d late   —     "
    "   =formul…  ",
    " " * 100,
    "1 due soon",
    " " * 100,
    "  Case        Unit           Status        Deadline     Due          Days        Leader"
    "   Summary   ",
    " " + "─" * 98 + " ",
    "  2018-0003   人事科         registered    acceptance   2018-10-16    4 d left   —     "
    "   short a…  ",
    " " * 100,
]
ZH = [
    "截至 2018-10-12 超期 3 件",
    " " * 100,
    "  编号        责任单位       状态     时限   期限         天数       包案领导   诉求摘要"
    "            ",
    " " + "─" * 98 + " ",
    "  2018-0002   港城实验小学   已受理   办理   2018-07-09   超期95天   孟庆华     反映课后"
    "服务收费 …  ",
    "  2018-0001   大港中专       已登记   受理   2018-10-05    超期7天   —          要求解决"
    "待遇问题    ",
    "  2018-0004   港城实验小学   已登记   受理   2018-10-11    超期1天   —          =formula"
    "？          ",
    " " * 100,
    "即将到期 1 件",
    " " * 100,
    "  编号        责任单位       状态     时限   期限         天数       包案领导   诉求摘要"
    "            ",
    " " + "─" * 98 + " ",
    "  2018-0003   人事科         已登记   受理   2018-10-16      剩4天   —          short as"
    "cii         ",
    " " * 100,
]


@pytest.mark.parametrize(("lang", "expected"), [("en", EN), ("zh", ZH)])
@pytest.mark.parametrize("batch", [2000, 2])
def test_the_cron_table_lines_up_cjk(cases: Xf, lang: str, expected: list[str], batch: int,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Widths fixed before the first line (the units' names, the status labels, the
    oldest due date), a wide character two cells, a long summary cut with …."""
    from rich.cells import cell_len

    monkeypatch.setattr("xinfang_cli.views.rows.BATCH", batch)
    result = cases("--lang", lang, "overdue", "--warn-days", "5", env={"COLUMNS": "100"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == expected
    assert {cell_len(line) for line in lines if line[:1] == " "} == {100}


def test_the_cron_table_of_a_past_day_has_the_same_shape(cases: Xf) -> None:
    """A past day is rebuilt from the history (a few cases), and printed the same way."""
    cases.ok("close", "2018-0002", "--outcome", "resolved", "--on", "2018-10-12")
    lines = cases("overdue", "--as-of", "2018-10-11", env={"COLUMNS": "100"}
                  ).stdout.splitlines()
    assert lines[0] == "2 overdue as of 2018-10-11"
    assert lines[4].startswith("  2018-0002   港城实验小学   accepted      handling     "
                               "2018-07-09   94 d late   孟庆华")
    assert lines[5].startswith("  2018-0001   大港中专       registered    acceptance   "
                               "2018-10-05    6 d late   —")
    data = json.loads(cases("overdue", "--as-of", "2018-10-11", "--json").stdout)
    assert [(e["id"], e["due"], e["days_overdue"]) for e in data["overdue"]] == [
        ("2018-0002", "2018-07-09", 94), ("2018-0001", "2018-10-05", 6)]


@pytest.mark.parametrize("batch", [2000, 3])
def test_list_json_is_the_case_object_of_show(cases: Xf, batch: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Each listed object is `xf show --json`'s, key for key and in the same order."""
    monkeypatch.setattr("xinfang_cli.views.rows.BATCH", batch)
    listed = cases.json("list")
    assert [c["id"] for c in listed] == ["2018-0001", "2018-0002", "2018-0003", "2018-0004"]
    for record in listed:
        shown = cases.json("show", record["id"])
        del shown["followups"], shown["history"], shown["notices"]
        assert list(record.items()) == list(shown.items())
    assert [c["id"] for c in cases.json("list", "--overdue")] == [
        "2018-0001", "2018-0002", "2018-0004"]
    revealed = cases.json("list", "--reveal", "--unit", "gcsx")
    assert [(c["petitioner"], c["phone"]) for c in revealed] == [
        ("欧阳小明", "13905181234"), ("李四", None)]


def test_list_table_is_the_same_across_batches(cases: Xf,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    whole = cases.ok("list").stdout
    monkeypatch.setattr("xinfang_cli.views.rows.BATCH", 1)
    assert cases.ok("list").stdout == whole
    assert "港城实验小学       letter" in whole and whole.endswith("4 cases.\n")


def test_export_is_the_same_across_batches(cases: Xf, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cases.ok("void", "2018-0003", "--reason", "登记错误")  # exported all the same
    whole = cases.ok("export", "--format", "csv").stdout
    full = json.loads(cases.ok("export", "--format", "json").stdout)
    monkeypatch.setattr("xinfang_cli.views.rows.BATCH", 1)
    assert cases.ok("export", "--format", "csv").stdout == whole
    again = json.loads(cases.ok("export", "--format", "json").stdout)
    assert again["cases"] == full["cases"]
    rows = list(csv.DictReader(io.StringIO(whole)))
    assert [(r["id"], r["status"], r["received"], r["overdue"], r["summary"]) for r in rows] == [
        ("2018-0001", "registered", "2018-09-20", "true", "要求解决待遇问题"),
        ("2018-0002", "accepted", "2018-05-02", "true",
         "反映课后服务收费问题，要求公开收费明细并退还多收费用，另要求学校说明"),
        ("2018-0003", "voided", "2018-10-01", "false", "short ascii"),
        ("2018-0004", "registered", "2018-09-26", "true", "'=formula？")]
    case = full["cases"][1]
    assert (case["accepted"], case["due"], case["pending_due"], case["year"], case["seq"]) == (
        "2018-05-10", "2018-07-09", "2018-07-09", 2018, 2)


# --- streaming, not by timing: what is written before the next batch is read -------------


def test_a_listing_writes_each_batch_before_reading_the_next() -> None:
    from datetime import date

    from xinfang_cli.render.board import print_overdue, write_overdue_json
    from xinfang_cli.views.overdue import LINE_KEYS, DueList

    log: list[str] = []

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            log.append("write")
            return super().write(text)

    def lines():  # type: ignore[no-untyped-def]
        for n in range(3):
            log.append("read")
            yield [(f"2018-{n:04d}", "dagang", "大港中专", "registered", "accept",
                    "2018-10-01", 11, "张*", "要求", None, None)]

    due = DueList(date(2018, 10, 12), 0, 3, 0, date(2018, 10, 1), 9, ["大港中专"], list,
                  lines, lambda: iter(()))
    assert due.keys == LINE_KEYS
    for render in (write_overdue_json, print_overdue):
        log.clear()
        render(due, Out())
        reads = [i for i, what in enumerate(log) if what == "read"]
        assert all("write" in log[a:b] for a, b in zip(reads, reads[1:], strict=False)), log


def test_a_long_listing_holds_one_batch_not_all(sqlite_xf: Xf, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Peak memory of `xf list --json -o FILE` over 3,000 cases: with batches of 100 it is
    a fraction of what it is when the whole listing is one batch."""
    xf = sqlite_xf
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    source = tmp_path / "rows.csv"
    with open(source, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["unit", "source", "received", "petitioner", "summary"])
        for n in range(3000):
            writer.writerow(["dagang", "visit", "2018-05-02", f"张{n}",
                             f"反映课后服务收费问题，要求公开收费明细（第{n}件）"])
    xf.ok("import", str(source))

    def peak(batch: int) -> int:
        monkeypatch.setattr("xinfang_cli.views.rows.BATCH", batch)
        tracemalloc.start()
        xf.ok("list", "--json", "-o", str(tmp_path / f"list-{batch}.json"))
        _now, most = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return most

    peak(100)  # caches warmed alike
    small, whole = peak(100), peak(100_000)
    assert small < whole / 2, (small, whole)
    texts = {(tmp_path / f"list-{b}.json").read_text(encoding="utf-8") for b in (100, 100_000)}
    assert len(texts) == 1 and len(json.loads(texts.pop())) == 3000


# --- the pieces ---------------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(
    alphabet=st.sampled_from('ab%s"\\\x00\n]}[{, :中文，…—'), max_size=8))


@given(st.integers(1, 4).flatmap(lambda n: st.lists(
    st.lists(SCALARS, min_size=n, max_size=n), min_size=1, max_size=5)))
def test_encode_rows_writes_what_the_dicts_would(rows: list[list[object]]) -> None:
    keys = ["id", "unit%s", "due", "x"][:len(rows[0])]
    objects = [dict(zip(keys, r, strict=True)) for r in rows]
    assert encode_rows(keys, rows) == encode_batch(objects)
    assert json.loads("[" + encode_rows(keys, rows) + "]") == objects


def test_encode_rows_with_lists_among_the_values_falls_back_to_dicts() -> None:
    keys = ["id", "a", "b"]
    for rows in ([["1", [1], [2]]], [["1", [1, 2], {}], ["2", [], {"k": [1]}]],
                 [["1", [[1], [2]], None]]):
        objects = [dict(zip(keys, r, strict=True)) for r in rows]
        assert encode_rows(keys, rows) == encode_batch(objects)


@given(st.text(alphabet=st.sampled_from("ab 1—…·“”反映收费，（）ＡＢ１한국"), max_size=30),
       st.integers(2, 40))
def test_cells_and_clip_measure_as_rich_does(value: str, width: int) -> None:
    from rich.cells import cell_len, set_cell_size

    assert cells(value) == cell_len(value)
    expected = (set_cell_size(value, width - 1) + "…" if cell_len(value) > width
                else value + " " * (width - cell_len(value)))
    assert clip(value, width) == expected
    assert cell_len(clip(value, width, right=True)) == width
