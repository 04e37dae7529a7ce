"""`xf supervise`: the office's measures on a unit (inspection, circular, talk, key
management until ended), and where they show: the board, the scorecard (and the policy's
deductions), the weekly report; on both backends, in zh and en."""

from conftest import Xf, add_case


def test_measures_are_recorded_listed_and_key_management_ended(office: Xf) -> None:
    assert office.ok("supervise", "add", "--unit", "dagang", "--kind", "重点管理", "--on",
                     "2018-09-01", "--note", "积案化解进度滞后").stdout == "1\n"
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "talk", "--on", "2018-10-09",
              "--note", "约谈校长")
    office.ok("supervise", "add", "--unit", "gcsx", "--kind", "circular", "--on", "2018-10-10",
              "--note", "全区通报")
    listed = office.json("supervise", "list")
    assert [(m["id"], m["unit"], m["kind"], m["on"], m["active"], m["ended"]) for m in listed] == [
        (1, "dagang", "key-management", "2018-09-01", True, None),
        (2, "dagang", "talk", "2018-10-09", False, None),
        (3, "gcsx", "circular", "2018-10-10", False, None)]
    assert [m["id"] for m in office.json("supervise", "list", "--unit", "gcsx")] == [3]
    # --since: what was taken from then, and key management still running then
    assert [m["id"] for m in office.json("supervise", "list", "--since", "2018-10-10")] == [1, 3]
    again = office("supervise", "add", "--unit", "dagang", "--kind", "key-management",
                   "--note", "再次")
    assert again.exit_code == 2 and "under key management already (number 1)" in again.stderr
    office.ok("supervise", "end", "1", "--on", "2018-10-11")
    twice = office("supervise", "end", "1", "--on", "2018-10-12")
    assert twice.exit_code == 2
    assert twice.stderr.strip() == "xf: key management number 1 ended on 2018-10-11 already."
    talk = office("supervise", "end", "2")
    assert talk.exit_code == 2 and "is a talk, not key management" in talk.stderr
    listed = office.json("supervise", "list")
    assert (listed[0]["active"], listed[0]["ended"]) == (False, "2018-10-11")


def test_bad_input_writes_nothing(office: Xf) -> None:
    for args, message in [
        (("--unit", "dagang", "--kind", "scolding", "--note", "x"), "--kind: unknown value"),
        (("--unit", "nowhere", "--kind", "talk", "--note", "x"), "nowhere"),
        (("--unit", "dagang", "--kind", "talk", "--note", " "), "--note"),
        (("--unit", "dagang", "--kind", "talk", "--note", "x", "--on", "2018-10-13"),
         "after today"),
    ]:
        result = office("supervise", "add", *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert office.json("supervise", "list") == []
    unknown = office("supervise", "end", "7")
    assert unknown.exit_code == 2 and "no supervision measure number 7" in unknown.stderr
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "key-management", "--on",
              "2018-09-01", "--note", "滞后")
    early = office("supervise", "end", "1", "--on", "2018-08-31")
    assert early.exit_code == 2 and "before it began (2018-09-01)" in early.stderr
    assert office.json("supervise", "list")[0]["active"] is True


def test_key_management_is_marked_and_measures_count(office: Xf) -> None:
    for n in range(3):
        add_case(office, "--accepted", "2018-05-03", summary=f"第{n}件")
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "key-management", "--on",
              "2018-09-01", "--note", "积案化解进度滞后")
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "talk", "--on", "2018-10-09",
              "--note", "约谈校长")
    office.ok("supervise", "add", "--unit", "dagang", "--kind", "circular", "--on",
              "2018-10-10", "--note", "通报")
    board = office.json("status")
    marks = {u["unit"]: u["key_management"] for u in board["units"]}
    assert marks == {"dagang": True, "gcsx": False, "renshi": False}
    assert "大港中专 ★" in office.ok("--lang", "zh", "status").stdout
    assert "★ 重点管理单位" in office.ok("--lang", "zh", "status").stdout
    before = office.json("status", "--as-of", "2018-08-31")
    assert {u["unit"]: u["key_management"] for u in before["units"]}["dagang"] is False
    card = {u["unit"]: u for u in office.json("scorecard")["units"]}
    assert (card["dagang"]["key_management"], card["dagang"]["circulars"],
            card["dagang"]["talks"]) == (True, 1, 1)
    assert card["dagang"]["points"]["deductions"] == -(6 + 2 + 3)  # 3 overdue, circular, talk
    assert (card["gcsx"]["key_management"], card["gcsx"]["circulars"]) == (False, 0)
    report = office.json("report", "--week", "2018-W41")
    assert [(m["kind"], m["on"]) for m in report["supervision"]] == [
        ("key-management", "2018-09-01"), ("talk", "2018-10-09"), ("circular", "2018-10-10")]
    assert {u["unit"]: u["key_management"] for u in report["units"]}["dagang"] is True
    md = office.ok("--lang", "zh", "report", "--week", "2018-W41", "-f", "md").stdout
    assert "## 督查措施（★ 重点管理单位）" in md
    assert "| 2018-10-09 | 大港中专 | 约谈 | 约谈校长 | — |" in md
    earlier = office.json("report", "--week", "2018-W30")
    assert earlier["supervision"] == []
