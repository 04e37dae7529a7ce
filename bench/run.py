"""Time `xf` as whole processes on an empty database and on a 100,000-case district.

    python bench/run.py [--runs 5] [--db postgresql+psycopg://postgres@127.0.0.1:5432/postgres]
    python bench/run.py --only listings   # the listings' lines alone, printed (issue 14)
    python bench/run.py --only search     # the search lines alone, printed (issue 14)

Generates the data first if `bench/out/` lacks it (`bench/generate.py`), builds the
databases through `xf import` (kept in `bench/out/` for the next run), then times each
command (median of `--runs`; the 100,000-row import fewer times) with its peak memory,
and the baselines in the same run: `python -c pass`, `import typer, sqlmodel`, the same
aggregates as raw SQL, `sqlite-utils insert` of the same CSV. Prints one markdown table
with the budget lines of issue 6, met or not, and writes it to `bench/RESULTS.md`.
Then the listings at the speed limit (issue 14): on a district whose open cases are
mostly overdue (the empty database, then `xf import` of the same CSV: an office's old
ledger without its closures), what `xf overdue` and `xf list --json` add to the same
command on the empty database, against the `sqlite3` shell (`psql` on PostgreSQL)
printing the same rows as JSON; and Taskwarrior's `task overdue` where it is installed.
Then the search (issue 14): `xf search` of a leader's name (three characters, a few
thousand cases) and of a common word on the district against the empty database, with the
shell printing 50 of the matching cases as the baseline of printing what it finds; and the
search index's cost on the 100,000-row import (into a copy of the empty database without
the index).
With `--db URL` the databases are PostgreSQL databases created on that server, and dropped
at the end unless `--keep`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TODAY = "2018-10-12"
PY = sys.executable
XF = str(Path(PY).with_name("xf"))
MiB = 1024 * 1024


@dataclass
class Timing:
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # bytes
    codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        return max(self.peaks) / MiB


def run_once(argv: list[str], env: dict[str, str],
             stdout=subprocess.DEVNULL) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    """Wall time, peak RSS (bytes) and exit code of one whole process (os.wait4's rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss * 1024, proc.returncode


# --- the databases ----------------------------------------------------------------------------


class Store:
    """Where the two databases live: SQLite files in bench/out, or PostgreSQL databases."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.home = OUT / "home"
        self.home.mkdir(parents=True, exist_ok=True)

    def env(self, db: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("XF_")}
        env.update(XF_HOME=str(self.home), XF_TODAY=TODAY, XF_DB=db, XF_LANG="zh",
                   COLUMNS="120")
        if self.url is None:  # on a server the history names the login itself
            env["XF_USER"] = "bench"
        return env

    # SQLite: files; PostgreSQL: databases on the server
    def name(self, kind: str) -> str:
        if self.url is None:
            return str(OUT / f"{kind}.db")
        base = self.url.rsplit("/", 1)[0]
        return f"{base}/xf_bench_{kind}"

    def exists(self, kind: str) -> bool:
        if self.url is None:
            return Path(self.name(kind)).exists()
        return self._pg_scalar("SELECT 1 FROM pg_database WHERE datname = %s",
                               f"xf_bench_{kind}") is not None

    def drop(self, kind: str) -> None:
        if self.url is None:
            for suffix in ("", "-wal", "-shm"):
                Path(self.name(kind) + suffix).unlink(missing_ok=True)
        else:
            self._pg_exec(f'DROP DATABASE IF EXISTS "xf_bench_{kind}" WITH (FORCE)')

    def create(self, kind: str) -> None:
        if self.url is not None:
            self._pg_exec(f'CREATE DATABASE "xf_bench_{kind}"')

    def copy(self, source: str, kind: str) -> str:
        """A scratch copy of a database, for commands that write."""
        self.drop(kind)
        if self.url is None:
            shutil.copyfile(self.name(source), self.name(kind))
        else:
            self._pg_exec(f'CREATE DATABASE "xf_bench_{kind}" TEMPLATE "xf_bench_{source}"')
        return self.name(kind)

    def _pg(self):  # type: ignore[no-untyped-def]
        import psycopg

        assert self.url is not None
        return psycopg.connect(self.url.replace("postgresql+psycopg://", "postgresql://"),
                               autocommit=True)

    def _pg_exec(self, sql: str) -> None:
        with self._pg() as conn:
            conn.execute(sql)

    def _pg_scalar_in(self, kind: str, sql: str) -> object:
        """One value from one of the bench databases."""
        import psycopg

        assert self.url is not None
        plain = self.name(kind).replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain) as conn:
            row = conn.execute(sql).fetchone()
            return row[0] if row else None

    def _pg_scalar(self, sql: str, *args: object) -> object:
        with self._pg() as conn:
            row = conn.execute(sql, args).fetchone()
            return row[0] if row else None


def xf(store: Store, db: str, *args: str, check: bool = True) -> None:
    result = subprocess.run([XF, *args], env=store.env(db), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"xf {' '.join(args)} failed ({result.returncode}): {result.stderr}")


# What each database is imported from: empty, 60 units and one case (so `xf show` has
# something); district, 100,000 cases with their history; open, the empty database and
# then 100,000 plain rows without closures (an office that imported an old ledger: most
# of its open cases overdue).
SOURCES = {"empty": ("units.json",), "district": ("district.json",),
           "open": ("units.json", "rows.csv")}


def build(store: Store, rebuild: bool, kinds: tuple[str, ...] = ("empty", "district")) -> None:
    if not all((OUT / name).exists() for name in ("district.json", "rows.csv", "ledger.csv")):
        print("generating bench/out/ …", file=sys.stderr)
        subprocess.run([PY, str(HERE / "generate.py"), "--out", str(OUT)], check=True)
    for kind in kinds:
        if rebuild or not store.exists(kind):
            print(f"building the {kind} database …", file=sys.stderr)
            store.drop(kind)
            store.create(kind)
            start = time.perf_counter()
            xf(store, store.name(kind), "init")
            for source in SOURCES[kind]:
                xf(store, store.name(kind), "import", str(OUT / source))
                if source == "units.json":
                    _add(store, store.name(kind))
            print(f"  {time.perf_counter() - start:.1f} s", file=sys.stderr)
        else:
            xf(store, store.name(kind), "db", "upgrade")


ADD = ["add", "--unit", "xx01", "--source", "visit", "--received", TODAY, "--petitioner",
       "王建国", "--summary", "反映课后服务收费问题，要求公开收费明细", "--phone", "13905181234"]


def _add(store: Store, db: str) -> None:
    xf(store, db, *ADD)


# --- the runs ------------------------------------------------------------------------------------

COMMANDS = {  # name: argv after `xf`
    "xf --help": ["--help"],
    "xf --version": ["--version"],
    "xf add": ADD,
    "xf show": ["show", "2018-0001"],
    "xf list --overdue": ["list", "--overdue"],
    "xf overdue": ["overdue"],
    "xf report --week": ["report", "--week", "2018-W41"],
    "xf scorecard": ["scorecard"],
}
BASELINES = ("python -c pass", 'python -c "import typer, sqlmodel"', "raw SQL: overdue",
             "raw SQL: scorecard")
QUERIES = ("xf list --overdue", "xf overdue", "xf report --week", "xf scorecard")


def quick_jobs(store: Store) -> dict[tuple[str, str], tuple[list[str], dict[str, str], object]]:
    """Every short process to time: (name, database) -> (argv, env, prepare)."""
    district = store.name("district")
    jobs: dict[tuple[str, str], tuple[list[str], dict[str, str], object]] = {
        ("python -c pass", ""): ([PY, "-c", "pass"], store.env(district), None),
        ('python -c "import typer, sqlmodel"', ""): (
            [PY, "-c", "import typer, sqlmodel"], store.env(district), None),
        ("raw SQL: overdue", ""): ([PY, str(HERE / "raw_sql.py"), "overdue", district, TODAY],
                                   store.env(district), None),
        ("raw SQL: scorecard", ""): ([PY, str(HERE / "raw_sql.py"), "scorecard", district,
                                      TODAY], store.env(district), None),
    }
    for kind in ("empty", "district"):
        for name, argv in COMMANDS.items():
            if name == "xf add":  # writes: on a scratch copy made before each run
                scratch = store.name(f"scratch_{kind}")
                jobs[(name, kind)] = ([XF, *argv], store.env(scratch),
                                     lambda kind=kind: store.copy(kind, f"scratch_{kind}"))
            else:
                jobs[(name, kind)] = ([XF, *argv], store.env(store.name(kind)), None)
    return jobs


def quick(store: Store, runs: int) -> dict[tuple[str, str], Timing]:
    """Round after round, every job once per round: a burst of load from other work on the
    machine falls on all of them alike, so the ratios hold."""
    jobs = quick_jobs(store)
    results = {key: Timing() for key in jobs}
    for _ in range(runs):
        for key, (argv, env, prepare) in jobs.items():
            if prepare is not None:
                prepare()  # type: ignore[operator]
            elapsed, peak, code = run_once(argv, env)
            results[key].times.append(elapsed)
            results[key].peaks.append(peak)
            results[key].codes.append(code)
    for kind in ("empty", "district"):
        store.drop(f"scratch_{kind}")
    return results


def imports(store: Store, runs: int) -> tuple[dict[tuple[str, str], Timing], Timing]:
    """`xf import` of the CSV into each database (and into the empty one without the search
    index, where `without_index` made it) and `sqlite-utils insert`, in rounds."""
    target = OUT / "sqlite-utils.db"
    tool = str(Path(PY).with_name("sqlite-utils"))
    kinds = ("empty", "district", *(("noindex",) if store.exists("noindex") else ()))
    results = {("xf import", kind): Timing() for kind in kinds}
    su = Timing()
    for _ in range(runs):
        for kind in kinds:
            scratch = store.copy(kind, "scratch")
            elapsed, peak, code = run_once([XF, "import", str(OUT / "rows.csv")],
                                           store.env(scratch))
            timing = results[("xf import", kind)]
            timing.times.append(elapsed)
            timing.peaks.append(peak)
            timing.codes.append(code)
        target.unlink(missing_ok=True)
        elapsed, peak, code = run_once([tool, "insert", str(target), "cases",
                                        str(OUT / "rows.csv"), "--csv"], dict(os.environ))
        su.times.append(elapsed)
        su.peaks.append(peak)
        su.codes.append(code)
    store.drop("scratch")
    target.unlink(missing_ok=True)
    return results, su


def timed(timing: Timing, argv: list[str], env: dict[str, str]) -> None:
    """One more run of `argv` into `timing`."""
    elapsed, peak, code = run_once(argv, env)
    timing.times.append(elapsed)
    timing.peaks.append(peak)
    timing.codes.append(code)


def ledger(store: Store, runs: int) -> tuple[Timing, Timing, Timing]:
    """`xf import` of a whole ledger (most cases closed) into the empty database, then
    `xf undo --yes` of that import, and `sqlite-utils insert` of the same CSV, in rounds."""
    target = OUT / "sqlite-utils.db"
    tool = str(Path(PY).with_name("sqlite-utils"))
    imported, undone, su = Timing(), Timing(), Timing()
    for _ in range(runs):
        scratch = store.copy("empty", "scratch")
        timed(imported, [XF, "import", str(OUT / "ledger.csv")], store.env(scratch))
        timed(undone, [XF, "undo", "--yes"], store.env(scratch))
        target.unlink(missing_ok=True)
        timed(su, [tool, "insert", str(target), "cases", str(OUT / "ledger.csv"), "--csv"],
              dict(os.environ))
    store.drop("scratch")
    target.unlink(missing_ok=True)
    return imported, undone, su


def streaming(store: Store) -> tuple[float, float, float, int]:
    """`xf list` of every case: time to the first byte, total time, peak memory, lines."""
    env = store.env(store.name("district"))
    start = time.perf_counter()
    proc = subprocess.Popen([XF, "list"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    first = proc.stdout.read(1)
    ttfb = time.perf_counter() - start
    lines = first.count(b"\n")
    while chunk := proc.stdout.read(1 << 16):
        lines += chunk.count(b"\n")
    _pid, _status, usage = os.wait4(proc.pid, 0)
    total = time.perf_counter() - start
    proc.returncode = 0
    return ttfb, total, usage.ru_maxrss * 1024 / MiB, lines


def imports_sqlalchemy(argv: list[str]) -> bool:
    code = (f"import sys\nsys.argv = ['xf', *{argv!r}]\nfrom xinfang_cli.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('sqlalchemy' in sys.modules, file=sys.stderr)")
    result = subprocess.run([PY, "-c", code], capture_output=True, text=True)
    return result.stderr.strip().splitlines()[-1] == "True"


# --- the table -------------------------------------------------------------------------------


def failed(name: str, *timings: Timing) -> str:
    """A note when a run did not exit as it should (only `xf overdue` may exit 1)."""
    allowed = {0, 1} if name.startswith("xf overdue") else {0}
    codes = sorted({c for t in timings for c in t.codes} - allowed)
    return f" — **exit {', '.join(map(str, codes))}: the timing is not valid**" if codes else ""


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {__import__('sqlite3').sqlite_version}, {platform.system()} "
            f"{platform.release()}; load average {load:.2f} at the start")


def table(store: Store, base: dict[str, Timing], res: dict[tuple[str, str], Timing],
          su: Timing, stream: tuple[float, float, float, int], no_sa: dict[str, bool],
          runs: int, import_runs: int) -> str:
    py = base["python -c pass"].median
    stack = base['python -c "import typer, sqlmodel"'].median
    lines = ["| command | empty db (s) | district (s) | district ÷ empty | peak MiB (district) "
             "| budget | met |", "| --- | ---: | ---: | ---: | ---: | --- | --- |"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    for name in COMMANDS:
        e, d = res[(name, "empty")], res[(name, "district")]
        ratio = d.median / e.median
        if name in ("xf --help", "xf --version"):
            worst = max(e.median, d.median) / py
            budget = (f"≤ 5× `python -c pass`: {worst:.1f}×; "
                      f"SQLAlchemy imported: {'yes' if no_sa[name] else 'no'}")
            ok = worst <= 5 and not no_sa[name]
        else:
            start_ok = e.median <= 1.2 * stack
            parts = [f"start-up, empty ≤ 1.2× typer+sqlmodel: {e.median / stack:.2f}× "
                     f"({verdict(start_ok)})"]
            ok = start_ok
            if name in QUERIES:
                parts.append(f"size, district ≤ 1.3× empty: {ratio:.2f}× ({verdict(ratio <= 1.3)})")
                ok = ok and ratio <= 1.3
            budget = "; ".join(parts)
        bad = failed(name, e, d)
        lines.append(f"| `{name}` | {e.median:.3f} | {d.median:.3f} | {ratio:.2f} | "
                     f"{d.peak:.0f} | {budget}{bad} | {verdict(ok and not bad)} |")
    e, d = res[("xf import", "empty")], res[("xf import", "district")]
    worst = max(e.median, d.median)
    bad = failed("xf import", e, d)
    ok = worst <= 2 * su.median and max(e.peak, d.peak) < 200 and not bad
    lines.append(f"| `xf import` 100,000 rows | {e.median:.2f} | {d.median:.2f} | "
                 f"{d.median / e.median:.2f} | {d.peak:.0f} (empty: {e.peak:.0f}) | "
                 f"≤ 2× `sqlite-utils insert`: {worst / su.median:.2f}×; peak < 200 MiB{bad} | "
                 f"{verdict(ok)} |")
    ttfb, total, peak, count = stream
    ok = ttfb < total / 2 and peak < 150
    lines.append(f"| `xf list` (all 100,000) | | {total:.2f} | | {peak:.0f} | streams: first "
                 f"byte at {ttfb:.2f} s of {total:.2f} s ({count} lines); peak < 150 MiB | "
                 f"{verdict(ok)} |")
    lines += ["", "| baseline | median (s) | peak MiB |", "| --- | ---: | ---: |"]
    for name, timing in base.items():
        lines.append(f"| `{name}` | {timing.median:.3f} | {timing.peak:.0f} |")
    lines.append(f"| `sqlite-utils insert` of the same CSV | {su.median:.2f} | {su.peak:.0f} |")
    backend = "PostgreSQL" if store.url else "SQLite"
    head = [f"# Benchmark results ({backend})", "",
            f"{date.today().isoformat()} on {machine()}; {source_note()}.", "",
            f"Whole processes, median of {runs} rounds in which every command and baseline "
            f"runs once ({import_runs} rounds for the imports), "
            f"`XF_TODAY={TODAY}`. The district: 60 units, 100,000 cases 2014–2018, "
            "~500,000 follow-ups, ~1.5 million history rows (`bench/generate.py`, seeded). "
            "The empty database: the same 60 units and one case. Ratios are measured in "
            "the same run, so they hold on a busy machine where absolute seconds do not.", ""]
    return "\n".join(head + lines) + "\n"


def source_note() -> str:
    """Which xf is measured: its commit, and whether its src/ or migrations/ differ from it
    (another engineer's edits in the same tree). A snapshot made by `git archive` (run with
    PYTHONPATH=<snapshot>/src) names its commit in <snapshot>/REVISION."""
    package = Path(subprocess.check_output(
        [PY, "-c", "import xinfang_cli; print(xinfang_cli.__file__)"], text=True).strip()).parent
    top = package.parents[1]
    if (top / "REVISION").exists():
        return f"xf at commit {(top / 'REVISION').read_text().strip()[:7]} (a clean snapshot)"
    git = ["git", "-C", str(top)]
    rev = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip() or "unknown"
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "src", "migrations"],
                           capture_output=True, text=True).stdout.strip()
    return f"xf at commit {rev}" + (" with uncommitted changes in src/ or migrations/"
                                    if dirty else "")


def compile_package() -> None:
    """Bytecode for xf's own modules, as `pip install .` writes it: an editable install
    under PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start."""
    subprocess.run([PY, "-m", "compileall", "-q", str(Path(subprocess.check_output(
        [PY, "-c", "import xinfang_cli; print(xinfang_cli.__file__)"], text=True).strip()).parent)],
        check=True)


def with_ledger(text: str, imported: Timing, undone: Timing, su: Timing) -> str:
    """The ledger's lines (issue 13), after the import's line of the table."""
    bad = failed("xf import (ledger)", imported) + failed("xf undo", undone)
    ok_import = imported.median <= 2 * su.median and imported.peak < 200 and not bad
    ok_undo = undone.median <= 2 * imported.median and not bad
    mark = lambda ok: "met" if ok else "**not met**"  # noqa: E731
    lines = [
        f"| `xf import` of a ledger with closures, 100,000 rows | {imported.median:.2f} | | | "
        f"{imported.peak:.0f} | ≤ 2× `sqlite-utils insert` of it ({su.median:.2f} s): "
        f"{imported.median / su.median:.2f}×; peak < 200 MiB{bad} | {mark(ok_import)} |",
        f"| `xf undo` of that import | {undone.median:.2f} | | | {undone.peak:.0f} | "
        f"≤ 2× the import: {undone.median / imported.median:.2f}× | {mark(ok_undo)} |"]
    rows = text.splitlines()
    at = next(i for i, row in enumerate(rows) if row.startswith("| `xf import` 100,000"))
    return "\n".join(rows[:at + 1] + lines + rows[at + 1:]) + ("\n" if text.endswith("\n")
                                                               else "")


# --- the listings at the speed limit (issue 14) ------------------------------------------------

LISTINGS = {  # name: argv after `xf`, and the baseline printing the same rows
    "xf overdue": (["overdue"], "overdue"),
    "xf overdue --json": (["overdue", "--json"], "overdue"),
    "xf list --overdue --json": (["list", "--overdue", "--json"], "cases overdue"),
    "xf list --json": (["list", "--json"], "cases"),
}

# The rows and columns xf prints, as one query: the overdue entry, the case object (the
# personal data masked as xf masks it). {today}, and the dialect's bits in <...>.
OVERDUE_SQL = """
SELECT c.id, u.code AS unit, u.name AS unit_name, c.status,
  CASE c.status WHEN 'registered' THEN 'accept' ELSE 'handle' END AS deadline,
  c.pending_due AS due, <days> AS days_overdue, <masked petitioner> AS petitioner,
  c.summary, c.leader, c.backlog
FROM petition_case c JOIN unit u ON u.id = c.unit_id
WHERE c.pending_due IS NOT NULL AND c.pending_due < '{today}'
ORDER BY c.pending_due, c.year, c.seq"""
CASES_SQL = """
SELECT c.id, u.code AS unit, u.name AS unit_name, c.source, c.backlog, c.status, c.received,
  c.accepted, c.accept_due, c.due, c.extended_days, c.closed, c.outcome, c.satisfaction,
  <masked petitioner> AS petitioner,
  substr(c.phone, 1, 3) || '****' || substr(c.phone, length(c.phone) - 3) AS phone,
  substr(c.id_number, 1, 6) || '********' || substr(c.id_number, length(c.id_number) - 3)
    AS id_number,
  c.people, c.people >= 5 AS "group", c.summary, c.topic, c.leader, c.escalation,
  c.repeat_of, c.review_requested, c.rereview_requested, c.end_reason AS reason,
  c.extension_reason, coalesce(c.pending_due < '{today}', false) AS overdue
FROM petition_case c JOIN unit u ON u.id = c.unit_id
WHERE c.status != 'voided' <where>
ORDER BY c.year, c.seq"""
DIALECT = {
    "sqlite": {"<days>": "CAST(julianday('{today}') - julianday(c.pending_due) AS INTEGER)",
               "<masked petitioner>": "substr(c.petitioner, 1, 1) || "
               "replace(hex(zeroblob(length(c.petitioner) - 1)), '00', '*')"},
    "postgresql": {"<days>": "DATE '{today}' - c.pending_due",
                   "<masked petitioner>": "left(c.petitioner, 1) || "
                   "repeat('*', length(c.petitioner) - 1)"},
}


def baseline_sql(which: str, dialect: str) -> str:
    sql = OVERDUE_SQL if which == "overdue" else CASES_SQL
    where = "AND c.pending_due IS NOT NULL AND c.pending_due < '{today}'"
    sql = sql.replace("<where>", where if which == "cases overdue" else "")
    for part, text in DIALECT[dialect].items():
        sql = sql.replace(part, text)
    return " ".join(sql.format(today=TODAY).split())


def baseline_argv(store: Store, which: str) -> list[str]:
    """The database's own shell printing the rows as JSON, one process like xf's."""
    if store.url is None:
        return ["sqlite3", "-json", store.name("open"), baseline_sql(which, "sqlite")]
    url = store.name("open").replace("postgresql+psycopg://", "postgresql://")
    return ["psql", "-X", "-q", "-A", "-t", "-d", url, "-c",
            f"SELECT row_to_json(r) FROM ({baseline_sql(which, 'postgresql')}) r"]


def listings(store: Store, runs: int) -> tuple[dict[tuple[str, str], Timing], int]:
    """Round after round: each listing on the empty and the open district, and each
    baseline once. Also how many cases the open district has overdue."""
    jobs: dict[tuple[str, str], list[str]] = {}
    for name, (argv, which) in LISTINGS.items():
        for kind in ("empty", "open"):
            jobs[(name, kind)] = [XF, *argv]
        jobs[(which, "baseline")] = baseline_argv(store, which)
    results = {key: Timing() for key in jobs}
    for _ in range(runs):
        for (name, kind), argv in jobs.items():
            db = store.name(kind if kind != "baseline" else "open")
            timed(results[(name, kind)], argv, store.env(db))
    out = subprocess.run([XF, "overdue", "--json"], env=store.env(store.name("open")),
                         capture_output=True, text=True).stdout
    return results, len(__import__("json").loads(out)["overdue"])


def taskwarrior(store: Store, runs: int, count: int, ours: Timing) -> str:
    """`task overdue` on as many overdue tasks as `xf overdue` lists, where Taskwarrior
    is installed: xf within a quarter of its time."""
    task = shutil.which("task")
    if task is None:
        return (f"| `task overdue` (Taskwarrior), {count:,} overdue tasks | | | | | | | "
                "xf ≤ ¼ of Taskwarrior's time: skipped, `task` is not installed | — |")
    home = OUT / "taskwarrior"
    env = {**os.environ, "TASKRC": str(home / "taskrc"), "TASKDATA": str(home / "data")}
    if not (home / f"{count}.done").exists():
        shutil.rmtree(home, ignore_errors=True)
        (home / "data").mkdir(parents=True)
        (home / "taskrc").write_text(f"data.location={home / 'data'}\nconfirmation=off\n")
        tasks = home / "tasks.json"
        tasks.write_text("\n".join(
            f'{{"description": "case {n}", "status": "pending", "entry": "20180101T000000Z", '
            f'"due": "20180901T000000Z"}}' for n in range(count)) + "\n")
        subprocess.run([task, "import", str(tasks)], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (home / f"{count}.done").touch()
    theirs = Timing()
    for _ in range(runs):
        timed(theirs, [task, "rc.verbose=nothing", "overdue"], env)
    ratio = ours.median / theirs.median
    mark = "met" if ratio <= 0.25 else "**not met**"
    return (f"| `task overdue` (Taskwarrior), {count:,} overdue tasks | | {theirs.median:.2f} | | "
            f"| | {theirs.peak:.0f} | `xf overdue` ≤ ¼ of it: {ratio:.2f}× | {mark} |")


def listings_table(store: Store, res: dict[tuple[str, str], Timing], count: int,
                   task_line: str, runs: int) -> str:
    shell = "`psql`" if store.url else "`sqlite3 -json`"
    lines = ["## Listings at the speed limit (issue 14)", "",
             f"The open district: the empty database, then `xf import` of the same 100,000 "
             f"rows without closures (an office that imported an old ledger): {count:,} "
             f"cases overdue on {TODAY}. Median of {runs} rounds; added = open district − "
             f"empty database; the baseline is the database's shell ({shell}) printing the "
             "same rows and columns as JSON to /dev/null, as xf does.", "",
             "| command | empty db (s) | open district (s) | added (s) | baseline (s) "
             "| added ÷ baseline | peak MiB | budget | met |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for name, (_argv, which) in LISTINGS.items():
        e, d, b = res[(name, "empty")], res[(name, "open")], res[(which, "baseline")]
        added = d.median - e.median
        ratio = added / b.median
        bad = failed(name, e, d) + failed(which, b)
        ok = ratio <= 3 and d.peak < 150 and not bad
        lines.append(f"| `{name}` | {e.median:.3f} | {d.median:.3f} | {added:.3f} | "
                     f"{b.median:.3f} | {ratio:.2f}× | {d.peak:.0f} | added ≤ 3× the "
                     f"baseline; peak < 150 MiB{bad} | {'met' if ok else '**not met**'} |")
    lines.append(task_line)
    return "\n".join(lines) + "\n"


def run_listings(store: Store, runs: int) -> str:
    res, count = listings(store, runs)
    return listings_table(store, res, count,
                          taskwarrior(store, runs, count, res[("xf overdue", "open")]), runs)


# --- search (issue 14) -------------------------------------------------------------------------

# The words looked for in the district. A leader's name, three characters: the case's leader
# in about one case in forty (`bench/generate.py`'s LEADERS), so a few thousand cases, as a
# clerk looking for one leader's cases finds them. And a word in most follow-up notes
# (informational: the ranking weighs every match before it keeps the first 50).
SEARCH_WORD = "孟庆华"
COMMON_WORD = "信访人"
SEARCHES = {f"xf search {SEARCH_WORD}": SEARCH_WORD, f"xf search {COMMON_WORD}": COMMON_WORD}
SEARCH_LIMIT = 50  # xf search's default --limit


def search_sql(store: Store, word: str, count: bool = False) -> str:
    """The cases holding `word`, through the index, as the database's shell reads them: their
    ids and summaries, the first 50 the index gives (or how many there are)."""
    what = "count(*)" if count else "c.id, c.summary"
    limit = "" if count else f" LIMIT {SEARCH_LIMIT}"
    if store.url is None:
        phrase = '"' + word.replace('"', '""') + '"'
        return (f"SELECT {what} FROM case_search JOIN petition_case c ON c.year = "
                f"case_search.rowid / 10000000 AND c.seq = case_search.rowid % 10000000 "
                f"WHERE case_search MATCH '{phrase}' AND c.status != 'voided'{limit}")
    return (f"SELECT {what} FROM case_search s JOIN petition_case c ON c.id = s.case_id "
            f"WHERE s.body ILIKE '%{word}%' AND c.status != 'voided'{limit}")


def shell_argv(store: Store, kind: str, sql: str, as_json: bool = True) -> list[str]:
    """The database's own shell running `sql`, printing its rows (as JSON)."""
    if store.url is None:
        return ["sqlite3", *(["-json"] if as_json else []), store.name(kind), sql]
    url = store.name(kind).replace("postgresql+psycopg://", "postgresql://")
    if as_json:
        sql = f"SELECT row_to_json(r) FROM ({sql}) r"
    return ["psql", "-X", "-q", "-A", "-t", "-d", url, "-c", sql]


def searches(store: Store, runs: int) -> tuple[dict[tuple[str, str], Timing], dict[str, int]]:
    """Round after round: each search on the empty database and the district, and the
    shell printing the matching cases' ids and summaries (50) from the district. Also how
    many cases of the district each word matches."""
    jobs: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {}
    district = store.name("district")
    for name, word in SEARCHES.items():
        for kind in ("empty", "district"):
            jobs[(name, kind)] = ([XF, "search", word], store.env(store.name(kind)))
        jobs[(name, "baseline")] = (shell_argv(store, "district", search_sql(store, word)),
                                    store.env(district))
    results = {key: Timing() for key in jobs}
    for _ in range(runs):
        for key, (argv, env) in jobs.items():
            timed(results[key], argv, env)
    counts = {}
    for name, word in SEARCHES.items():
        out = subprocess.run(shell_argv(store, "district", search_sql(store, word, count=True),
                                        as_json=False), capture_output=True, text=True,
                             check=True).stdout
        counts[name] = int(out.strip())
    return results, counts


def without_index(store: Store) -> None:
    """The `noindex` database: a copy of the empty one without the search index, for the
    index's cost on an import. SQLite: the triggers case_search_* dropped and the FTS5 table
    a plain table of the same columns (the import's one INSERT … SELECT into it still runs,
    indexing nothing); PostgreSQL: the triggers case_search_* and the GIN index dropped."""
    store.copy("empty", "noindex")
    if store.url is None:
        import sqlite3

        conn = sqlite3.connect(store.name("noindex"))
        with conn:
            for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'case\\_search\\_%' ESCAPE '\\'").fetchall():
                conn.execute(f'DROP TRIGGER "{name}"')
            conn.execute("DROP TABLE case_search")
            conn.execute("CREATE TABLE case_search(rowid INTEGER PRIMARY KEY, summary, topic, "
                         "leader, reasons, notes)")
        conn.close()
        return
    import psycopg

    url = store.name("noindex").replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as conn:
        for name, table_ in conn.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                "WHERE tgname LIKE 'case\\_search\\_%' AND NOT tgisinternal").fetchall():
            conn.execute(f'DROP TRIGGER "{name}" ON {table_}')
        conn.execute("DROP INDEX ix_case_search_body")


def index_cost(store: Store, runs: int) -> tuple[Timing, Timing]:
    """`xf import` of the CSV into the empty database and into its copy without the search
    index, in rounds (`--only search`; the full run times them with the other imports)."""
    with_index, without = Timing(), Timing()
    for _ in range(runs):
        for kind, timing in (("empty", with_index), ("noindex", without)):
            scratch = store.copy(kind, "scratch")
            timed(timing, [XF, "import", str(OUT / "rows.csv")], store.env(scratch))
    store.drop("scratch")
    return with_index, without


def run_searches(store: Store, runs: int, import_runs: int,
                 imported: tuple[Timing, Timing] | None = None) -> str:
    res, counts = searches(store, runs)
    with_index, without = imported if imported is not None else index_cost(store, import_runs)
    return search_table(store, res, counts, with_index, without, runs, import_runs)


def search_table(store: Store, res: dict[tuple[str, str], Timing], counts: dict[str, int],
                 with_index: Timing, without: Timing, runs: int, import_runs: int) -> str:
    shell = "`psql`" if store.url else "`sqlite3 -json`"
    how = ("the FTS5 MATCH (trigram)" if store.url is None
           else "ILIKE on the pg_trgm GIN index")
    lines = ["## Search (issue 14)", "",
             f"`xf search WORD` (the first {SEARCH_LIMIT}, best match first) on the district "
             f"(100,000 cases, ~500,000 follow-up notes) and on the empty database, median of "
             f"{runs} rounds; added = district − empty. The print baseline: the database's "
             f"shell ({shell}) printing the ids and summaries of {SEARCH_LIMIT} matching cases "
             f"of the district, found by {how}, as JSON to /dev/null (unranked: the first "
             f"{SEARCH_LIMIT} the index gives). Budget: district ≤ 1.3× empty plus the time to "
             "print what it finds, i.e. added ≤ 0.3 × empty + the print baseline.", "",
             "| command | cases matched | empty db (s) | district (s) | district ÷ empty "
             "| added (s) | print baseline (s) | peak MiB | budget | met |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for n, (name, _word) in enumerate(SEARCHES.items()):
        e, d, b = res[(name, "empty")], res[(name, "district")], res[(name, "baseline")]
        added = d.median - e.median
        allowed = 0.3 * e.median + b.median
        bad = failed(name, e, d) + failed("baseline", b)
        ok = added <= allowed and not bad
        if n == 0:
            budget = f"added ≤ 0.3 × empty + baseline = {allowed:.3f} s{bad}"
            verdict = "met" if ok else "**not met**"
        else:
            budget = (f"informational (a common word); added ≤ 0.3 × empty + baseline "
                      f"would be {allowed:.3f} s{bad}")
            verdict = "—"
        lines.append(f"| `{name}` | {counts[name]:,} | {e.median:.3f} | {d.median:.3f} | "
                     f"{d.median / e.median:.2f} | {added:.3f} | {b.median:.3f} | "
                     f"{d.peak:.0f} | {budget} | {verdict} |")
    ratio = with_index.median / without.median
    bad = failed("xf import", with_index, without)
    ok = ratio <= 1.5 and not bad
    removed = ("the triggers case_search_* dropped, the FTS5 table a plain table of the "
               "same columns" if store.url is None else
               "the triggers case_search_* and the GIN index ix_case_search_body dropped")
    lines += ["", f"The index's cost on `xf import` of the 100,000 rows (rows.csv) into the empty "
              f"database, median of {import_runs} rounds: with the index, and into a copy "
              f"without it ({removed}).", "",
              "| command | with the index (s) | without (s) | with ÷ without | peak MiB "
              "| budget | met |", "| --- | ---: | ---: | ---: | ---: | --- | --- |",
              f"| `xf import` 100,000 rows | {with_index.median:.2f} | {without.median:.2f} | "
              f"{ratio:.2f} | {with_index.peak:.0f} (without: {without.peak:.0f}) | "
              f"≤ 1.5× without the index: {ratio:.2f}×{bad} | "
              f"{'met' if ok else '**not met**'} |"]
    return "\n".join(lines) + "\n"


# --- logins and their policies (issue 17) -----------------------------------------------------

ACCESS_COMMANDS = ("xf overdue", "xf report --week", "xf scorecard", "xf list --overdue")
ACCESS_LOGINS = {"office": "xf_bench_office", "unit": "xf_bench_unit"}


def access(store: Store, runs: int) -> tuple[dict[tuple[str, str], Timing], str]:
    """The district's reads as the superuser (whom no policy binds: the run without them),
    as an office login and as a unit login of the unit with the most cases, round after
    round. Returns the timings and that unit's code."""
    assert store.url is not None
    district = store.name("district")
    code = str(store._pg_scalar_in("district", "SELECT u.code FROM unit u JOIN petition_case c "
                                   "ON c.unit_id = u.id GROUP BY u.code "
                                   "ORDER BY count(*) DESC, u.code LIMIT 1"))
    for login in ACCESS_LOGINS.values():
        store._pg_exec(f"DROP ROLE IF EXISTS {login}")
        store._pg_exec(f"CREATE ROLE {login} LOGIN")
    xf(store, district, "access", "grant", ACCESS_LOGINS["office"], "--role", "office")
    xf(store, district, "access", "grant", ACCESS_LOGINS["unit"], "--role", "unit", "--unit", code)
    urls = {"superuser": district}
    for who, login in ACCESS_LOGINS.items():
        user = store.url.split("://", 1)[1].split("@", 1)[0].split(":", 1)[0]
        urls[who] = district.replace(f"://{user}", f"://{login}", 1)
    results: dict[tuple[str, str], Timing] = {}
    try:
        for _ in range(runs):
            for name in ACCESS_COMMANDS:
                for who, url in urls.items():
                    env = store.env(url)
                    elapsed, peak, code_ = run_once([XF, *COMMANDS[name]], env)
                    timing = results.setdefault((name, who), Timing())
                    timing.times.append(elapsed)
                    timing.peaks.append(peak)
                    timing.codes.append(code_)
    finally:
        for login in ACCESS_LOGINS.values():
            xf(store, district, "access", "revoke", login, check=False)
            store._pg_exec(f"DROP ROLE IF EXISTS {login}")
    return results, code


def access_table(res: dict[tuple[str, str], Timing], code: str, runs: int) -> str:
    lines = ["## Logins and row-level security (issue 17)", "",
             f"The district, median of {runs} rounds, each command once per round as the "
             "superuser (whom no policy binds: the same run without the policies), as an "
             f"office login, and as a unit login of `{code}` (the unit with the most cases). "
             "Budget: office ≤ 1.2× the superuser; for `xf overdue` and `xf report`, the unit "
             "login no slower than the office's.", "",
             "| command | superuser (s) | office (s) | office ÷ superuser | unit (s) "
             "| unit ÷ office | budget | met |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for name in ACCESS_COMMANDS:
        su, office, unit = (res[(name, who)] for who in ("superuser", "office", "unit"))
        bad = failed(name, su, office, unit)
        ratio, unit_ratio = office.median / su.median, unit.median / office.median
        ok = ratio <= 1.2 and not bad
        budget = f"office ≤ 1.2× superuser: {ratio:.2f}×"
        if name in ("xf overdue", "xf report --week"):
            ok = ok and unit_ratio <= 1.0
            budget += f"; unit ≤ office: {unit_ratio:.2f}×"
        lines.append(f"| `{name}` | {su.median:.3f} | {office.median:.3f} | {ratio:.2f} "
                     f"| {unit.median:.3f} | {unit_ratio:.2f} | {budget}{bad} "
                     f"| {'met' if ok else '**not met**'} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (a server database to create "
                                     "xf_bench_* databases next to)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    parser.add_argument("--keep", action="store_true",
                        help="PostgreSQL: keep the xf_bench_* databases for the next run")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--only", choices=("listings", "search", "access"),
                        help="run these lines alone (quicker while iterating): printed, "
                             "not written to the results")
    args = parser.parse_args()
    store = Store(args.db)
    compile_package()
    if args.only == "listings":
        build(store, args.rebuild, ("empty", "open"))
        print(run_listings(store, args.runs))
        if args.db is not None and not args.keep:
            for kind in ("empty", "open"):
                store.drop(kind)
        return
    if args.only == "access":
        if args.db is None:
            raise SystemExit("--only access: logins are PostgreSQL's (give --db URL)")
        build(store, args.rebuild, ("district",))
        res, code = access(store, args.runs)
        print(access_table(res, code, args.runs))
        if not args.keep:
            store.drop("district")
        return
    if args.only == "search":
        build(store, args.rebuild, ("empty", "district"))
        without_index(store)
        print(run_searches(store, args.runs, args.import_runs))
        store.drop("noindex")
        if args.db is not None and not args.keep:
            for kind in ("empty", "district"):
                store.drop(kind)
        return
    build(store, args.rebuild, ("empty", "district", "open"))
    without_index(store)
    no_sa = {name: imports_sqlalchemy(COMMANDS[name]) for name in ("xf --help", "xf --version")}
    res = quick(store, args.runs)
    base = {name: res.pop((name, "")) for name in BASELINES}
    imported, su = imports(store, args.import_runs)
    index = (imported[("xf import", "empty")], imported.pop(("xf import", "noindex")))
    res.update(imported)
    stream = streaming(store)
    text = table(store, base, res, su, stream, no_sa, args.runs, args.import_runs)
    text = with_ledger(text, *ledger(store, args.import_runs))
    # the searches before the listings: counting the overdue cases reads them all into this
    # process, and a child's peak memory (ru_maxrss) starts from its parent's at the fork
    found = run_searches(store, args.runs, args.import_runs, index)
    text += "\n" + run_listings(store, args.runs) + "\n" + found
    store.drop("noindex")
    print(text)
    target = args.results if args.db is None else args.results.with_name("RESULTS-postgres.md")
    target.write_text(text, encoding="utf-8")
    if args.db is not None and not args.keep:
        for kind in ("empty", "district", "open"):
            store.drop(kind)


if __name__ == "__main__":
    main()
