"""The shared server: concurrent clerks, and moving an office SQLite → PostgreSQL → SQLite."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import Xf, _plain

pytestmark = pytest.mark.slow


def _add_many(db: str, worker: int, count: int) -> list[str]:
    """One clerk's process adding `count` cases, one command each."""
    ids = []
    for n in range(count):
        result = subprocess.run(
            [sys.executable, "-m", "xinfang_cli", "--db", db, "add", "--unit", "dagang",
             "--source", "visit", "--received", "2018-10-01", "--petitioner", f"甲{worker}",
             "--summary", f"第{n}件"],
            capture_output=True, text=True, check=False,
            env={"XF_TODAY": "2018-10-12", "XF_LANG": "en", "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, result.stderr
        ids.append(result.stdout.strip())
    return ids


def test_concurrent_clerks_get_distinct_gap_free_ids(xf: Xf) -> None:
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    workers, each = 5, 4
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda w: _add_many(xf.db, w, each), range(workers)))
    ids = sorted(i for batch in results for i in batch)
    assert ids == [f"2018-{n:04d}" for n in range(1, workers * each + 1)]
    assert len(xf.json("list")) == workers * each


def test_db_copy_round_trip(sqlite_xf: Xf, empty_postgres: str, tmp_path: Path) -> None:
    sqlite_xf.ok("init", "--sample")
    before = {cmd: sqlite_xf.json(*cmd.split()) for cmd in ("list", "unit list", "status",
                                                               "show 2018-0011",
                                                               "search 绩效工资")}
    assert len(before["search 绩效工资"]) == 1  # the search index comes along
    result = sqlite_xf.ok("db", "copy", "--to", empty_postgres)
    assert "petition_case\t43" in result.stdout and "history\t455" in result.stdout
    on_server = Xf(empty_postgres, "postgres")
    assert {cmd: on_server.json(*cmd.split()) for cmd in before} == before
    # numbering and serial ids continue on the server
    new = on_server.ok("add", "--unit", "dagang", "--source", "visit", "--received",
                       "2018-10-12", "--petitioner", "乙", "--summary", "新件").stdout
    assert new.strip() == "2018-0044"
    on_server.ok("unit", "add", "newschool", "新学校", "--kind", "school")
    # and back to a new SQLite file
    back = tmp_path / "back.db"
    on_server.ok("db", "copy", "--to", str(back))
    home_again = Xf(str(back), "sqlite")
    assert home_again.json("show", "2018-0011") == before["show 2018-0011"]
    assert home_again.json("search", "绩效工资") == before["search 绩效工资"]
    assert len(home_again.json("list")) == 44
    # a non-empty target is refused, and nothing is written to it
    refused = sqlite_xf("db", "copy", "--to", str(back))
    assert refused.exit_code == 2
    assert refused.stderr == (f"xf: the target sqlite:///{back} already holds data: "
                              "xf db copy only fills an empty database.\n")
    assert len(home_again.json("list")) == 44


def _planner_rows(url: str) -> dict[str, float]:
    """pg_class.reltuples: -1 until VACUUM or ANALYZE has looked at the table."""
    import psycopg

    with psycopg.connect(_plain(url)) as conn:
        rows = conn.execute("SELECT relname, reltuples FROM pg_class WHERE relname IN "
                            "('petition_case', 'history') AND relkind = 'r'").fetchall()
    return dict(rows)


def test_a_bulk_import_leaves_the_planner_statistics(empty_postgres: str,
                                                     tmp_path: Path) -> None:
    """A large import ends with VACUUM ANALYZE (autovacuum is off on some servers, this
    one included); a small one leaves that to autovacuum."""
    server = Xf(empty_postgres, "postgres")
    server.ok("init")
    server.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    header = "unit,source,received,petitioner,summary\n"

    def rows(n: int, tag: str) -> Path:
        path = tmp_path / f"{tag}.csv"
        path.write_text(header + "".join(f"dagang,visit,2018-05-02,甲{i},{tag}{i}\n"
                                         for i in range(n)), encoding="utf-8")
        return path

    server.ok("import", str(rows(999, "small")))
    assert _planner_rows(empty_postgres) == {"petition_case": -1, "history": -1}
    server.ok("import", str(rows(1000, "bulk")))
    assert _planner_rows(empty_postgres) == {"petition_case": 1999, "history": 5997}


def test_a_value_the_server_refuses_in_an_import_writes_nothing(postgres_xf: Xf,
                                                                tmp_path: Path) -> None:
    """The import's COPY fails as an INSERT would: one line, exit 2, no row kept."""
    postgres_xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    path = tmp_path / "nul.csv"
    path.write_text("unit,source,received,petitioner,summary\n"
                    "dagang,visit,2018-05-02,甲,正常\n"
                    "dagang,visit,2018-05-02,乙,坏\x00值\n", encoding="utf-8")
    result = postgres_xf("import", str(path))
    assert (result.exit_code, result.stderr) == (
        2, "xf: a value was refused by the database (PostgreSQL text fields cannot contain "
           "NUL (0x00) bytes); nothing was written.\n")
    assert postgres_xf.json("list") == []
