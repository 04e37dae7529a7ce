"""Several real `xf` processes on one SQLite file: concurrent clerks, backups during writes,
an import killed mid-way, and files that are not xf databases."""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from conftest import TODAY, Xf

pytestmark = pytest.mark.slow
ROWS = 20_000


def xf_process(db: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "XF_TODAY": TODAY, "XF_LANG": "en", "XF_USER": "tester"}
    return subprocess.Popen([sys.executable, "-m", "xinfang_cli", "--db", db, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finished(process: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def query(db: str, sql: str) -> object:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


def big_csv(path: Path, rows: int = ROWS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["unit", "source", "received", "petitioner", "summary", "accepted"])
        for i in range(rows):
            accepted = "2018-05-03" if i % 2 else ""
            writer.writerow(["dagang", "visit", "2018-05-02", f"张{i}", "反映收费问题" * 5,
                             accepted])
    return path


@pytest.fixture
def office(sqlite_xf: Xf) -> Xf:
    sqlite_xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    return sqlite_xf


def test_clerks_adding_at_the_same_moment_get_distinct_ids(office: Xf) -> None:
    add = ("add", "--unit", "dagang", "--source", "visit", "--received", "2018-05-02",
           "--petitioner", "张三", "--summary", "同时登记")
    processes = [xf_process(office.db, *add) for _ in range(6)]
    results = [finished(p) for p in processes]
    assert [code for code, _, _ in results] == [0] * 6, [err for _, _, err in results]
    ids = sorted(out.strip() for _, out, _ in results)
    assert ids == [f"2018-{n:04d}" for n in range(1, 7)]
    assert query(office.db, "SELECT last FROM case_sequence WHERE year = 2018") == 6


def test_backup_and_readers_while_an_import_writes(office: Xf, tmp_path: Path) -> None:
    importing = xf_process(office.db, "import", str(big_csv(tmp_path / "big.csv")))
    backups, readers = [], []
    for n in range(3):
        time.sleep(0.6)
        backups.append(xf_process(office.db, "backup", str(tmp_path / f"b{n}.db")))
        readers.append(xf_process(office.db, "overdue"))
    assert finished(importing)[0] == 0
    for n, process in enumerate(backups):
        code, _, err = finished(process)
        assert code == 0, err
        copy = str(tmp_path / f"b{n}.db")
        assert query(copy, "PRAGMA integrity_check") == "ok"
        cases = query(copy, "SELECT COUNT(*) FROM petition_case")
        assert cases in (0, ROWS)  # a snapshot: before the import or after it, never half
        assert query(copy, "SELECT COUNT(*) FROM history") == cases * 3 + cases // 2 * 3
    for process in readers:
        code, _, err = finished(process)
        assert code in (0, 1) and "Traceback" not in err, err  # 1: something is overdue


@pytest.mark.parametrize("delay", [0.8, 1.6])
def test_an_import_killed_mid_way_leaves_all_or_nothing(office: Xf, tmp_path: Path,
                                                        delay: float) -> None:
    importing = xf_process(office.db, "import", str(big_csv(tmp_path / "big.csv")))
    time.sleep(delay)
    importing.send_signal(signal.SIGKILL)
    importing.communicate(timeout=30)
    assert query(office.db, "PRAGMA integrity_check") == "ok"
    cases = query(office.db, "SELECT COUNT(*) FROM petition_case")
    assert cases in (0, ROWS)
    assert query(office.db, "SELECT COUNT(*) FROM import_batch") == (1 if cases else 0)
    code, out, err = finished(xf_process(
        office.db, "add", "--unit", "dagang", "--source", "visit", "--received", "2018-06-01",
        "--petitioner", "李四", "--summary", "x"))
    assert code == 0, err
    assert out.strip() == f"2018-{cases + 1:04d}"


def _foreign_sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()


@pytest.mark.parametrize("kind", ["garbage", "text", "foreign", "truncated"])
def test_a_damaged_or_foreign_file_is_exit_3_in_one_line(office: Xf, tmp_path: Path,
                                                         kind: str) -> None:
    path = tmp_path / f"{kind}.db"
    if kind == "garbage":
        path.write_bytes(os.urandom(64 * 1024))
    elif kind == "text":
        path.write_text("unit,source\ndagang,visit\n", encoding="utf-8")
    elif kind == "foreign":
        _foreign_sqlite(path)
    else:
        data = Path(office.db).read_bytes()
        path.write_bytes(data[:4096] + os.urandom(len(data) - 4096))
    for command in (["list"], ["add", "--unit", "dagang", "--source", "visit", "--petitioner",
                               "x", "--summary", "y"], ["backup", str(tmp_path / "b.db")]):
        code, out, err = finished(xf_process(str(path), *command))
        assert code == 3, (command, err)
        assert err.startswith("xf: ") and err.count("\n") == 1, err
        assert "Traceback" not in err and out == ""
