"""`xf init --sample`: the demo office, and what it shows on the chosen day 2018-10-12."""

from conftest import Xf


def test_sample_office_on_the_chosen_day(xf: Xf) -> None:
    result = xf.ok("init", "--sample")
    assert result.stderr.splitlines()[-1] == (
        "Sample loaded: 15 units, 43 cases, 5 incidents.")
    again = xf.ok("init", "--sample")
    assert again.stderr.splitlines()[-1] == (
        "The database already holds cases; the sample was not loaded again.")
    result = xf("overdue", "--warn-days", "7", "--json")
    assert result.exit_code == 1
    import json

    data = json.loads(result.stdout)
    assert [(e["id"], e["days_overdue"]) for e in data["overdue"]] == [
        ("2018-0007", 97), ("2018-0009", 95), ("2018-0010", 90), ("2018-0030", 14),
        ("2018-0035", 8)]
    assert [(e["id"], e["due"]) for e in data["due_soon"]] == [
        ("2018-0037", "2018-10-14"), ("2018-0027", "2018-10-16"), ("2018-0015", "2018-10-17")]
    totals = xf.json("status")["totals"]
    assert totals == {"registered": 5, "accepted": 10, "rejected": 2, "closed": 24,
                      "reviewing": 1, "rereviewing": 0, "terminated": 1, "total": 43,
                      "overdue": 5, "due_soon": 3}
    backlog = xf.json("list", "--backlog")
    assert len(backlog) == 15
    assert {c["backlog"] for c in backlog} == {"historical", "excessive", "unfounded"}


def test_the_sample_is_loaded_only_on_or_after_its_last_day(tmp_path) -> None:
    from typer.testing import CliRunner

    from xinfang_cli.cli import app

    db = str(tmp_path / "early.db")
    result = CliRunner().invoke(app, ["--db", db, "init", "--sample"],
                                env={"XF_TODAY": "2018-08-15"})
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "xf: the sample office is dated through 2018-10-12 and today is 2018-08-15: load it "
           "with XF_TODAY=2018-10-12 (or any later day), e.g. XF_TODAY=2018-10-12 xf init "
           "--sample.")
    listed = CliRunner().invoke(app, ["--db", db, "list", "--json"])
    assert (listed.exit_code, listed.stdout) == (0, "[]\n")
