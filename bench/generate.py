"""Generate a synthetic but plausible district for the benchmark (seeded, deterministic).

    python bench/generate.py [--out bench/out] [--cases 100000] [--followups 500000]

Writes, under `--out`:
- `district.json`: a full export (`xf export --format json --reveal` shape) of 60 units and
  100,000 cases received 2014-01-01 .. 2018-10-12, every source, backlog kind and status,
  500,000 follow-ups and the history rows the commands would have written for them
  (`add`, `accept`, `reject`, `extend`, `assign`, `leader`, `escalate`, `close`, `review`,
  `rereview`, `terminate`, `follow`, `incident`), ids in the order they were written.
  `xf import district.json` takes it back into an empty database through xf's own path.
- `units.json`: the same 60 units and nothing else (the "empty" database: no cases).
- `rows.csv`: 100,000 plain rows with the contract's import columns, for `xf import`
  against `sqlite-utils insert`.
- `ledger.csv`: the same rows with a ledger's later columns (most cases closed, some not
  accepted, a few terminated), for `xf import` of a whole ledger and `xf undo` of it.

Deadlines come from xf's own rules (`xinfang_cli.domain.deadlines`, default settings), so the
stored due dates are those `xf` would compute.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from xinfang_cli.config.settings import Settings
from xinfang_cli.domain.deadlines import Calendar, Deadlines

TODAY = date(2018, 10, 12)
FIRST = date(2014, 1, 1)
SEED = 20181012
CLERKS = ("wangli", "zhangmin", "liuyang", "chenjing")
SOURCES = (("letter", 22), ("visit", 25), ("online", 30), ("phone", 13), ("assigned", 6),
           ("transferred", 4))
BACKLOG = (("historical", 50), ("excessive", 30), ("unfounded", 20))
OUTCOMES = (("resolved", 45), ("educated", 30), ("aided", 10), ("lawful", 15))
SATISFACTION = (("satisfied", 60), ("basic", 28), ("unsatisfied", 12))
FOLLOW_KINDS = (("note", 30), ("call", 30), ("visit", 9), ("reception", 5), ("field", 4),
                ("meeting", 6), ("plan", 6), ("reply", 10))
INCIDENT_KINDS = (("skip-level", 60), ("group-skip-level", 15), ("mass-incident", 5),
                  ("extreme-act", 5), ("media-hype", 15))
TOPICS = ("学生资助", "收费问题", "教师待遇", "招生入学", "校园安全", "人事调动", "工程欠款",
          "食堂管理", "师德师风", "退休待遇", "校车接送", "学籍管理")
DEMANDS = ("要求补发", "要求说明", "要求公开", "要求处理", "要求解决", "要求赔偿", "要求核实")
MATTERS = ("实习补贴", "绩效工资", "课后服务收费", "学生意外伤害赔偿", "代课教师工龄认定",
           "教辅资料费", "校舍维修工程款", "食堂伙食费", "招生划片", "职称评定", "住房补贴",
           "学生欺凌处理", "民办教师养老保险", "校门口交通安全")
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁"
            "谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红文斌海燕德"
LEADERS = ("孟庆华", "葛长青", "沈丽君", "徐文斌", "周海涛", "陈建国", "李秀英", "吴志刚")
SECTIONS = ("办公室", "人事科", "计划财务科", "基础教育科", "职业与社会教育科", "安全管理科",
            "督导室", "教研室", "招生办公室", "体卫艺科", "装备站", "学生资助管理中心")


def pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def units() -> list[dict]:
    """60 units: 22 primary and 12 middle schools, 10 kindergartens, 2 vocational schools,
    2 youth centres and 12 sections of the bureau."""
    made = []
    def unit(code: str, name: str, kind: str) -> None:
        n = len(made) + 1
        made.append({"id": n, "code": code, "name": name, "kind": kind,
                     "head": SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)] + GIVEN[
                         (n * 7) % len(GIVEN)],
                     "leader": LEADERS[n % len(LEADERS)],
                     "created_at": "2014-01-01T00:00:00+00:00"})
    for i in range(1, 23):
        unit(f"xx{i:02d}", f"连云区第{i}小学", "school")
    for i in range(1, 13):
        unit(f"zx{i:02d}", f"连云区第{i}中学", "school")
    for i in range(1, 11):
        unit(f"yey{i:02d}", f"连云区第{i}幼儿园", "kindergarten")
    unit("zz01", "连云港中等专业学校", "vocational")
    unit("zz02", "连云区职业教育中心", "vocational")
    unit("hd01", "连云区青少年活动中心", "centre")
    unit("hd02", "连云区青少年校外实践基地", "centre")
    for i, name in enumerate(SECTIONS, start=1):
        unit(f"ks{i:02d}", f"区教育局{name}", "section")
    return made



def with_check(first17: str) -> str:
    """An 18-character ID number: the 17 digits and their GB 11643 check character."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]

class District:
    """The simulated cases, each with the history the commands would have written."""

    def __init__(self, rng: random.Random, n_cases: int, n_followups: int) -> None:
        self.rng = rng
        self.rules = Deadlines(Settings().deadlines, Calendar({}))
        self.units = units()
        self.n_cases, self.n_followups = n_cases, n_followups
        self.cases: list[dict] = []
        self.history: list[list] = []  # [on, case index, order, row]
        self.followups: list[list] = []
        self.incidents: list[dict] = []

    # --- one case ---------------------------------------------------------------------------

    def build(self) -> None:
        rng, span = self.rng, (TODAY - FIRST).days
        received = sorted(FIRST + timedelta(days=int(span * rng.random() ** 0.9))
                          for _ in range(self.n_cases))
        seqs: dict[int, int] = {}
        counts = self._followup_counts()
        for index, day in enumerate(received):
            seqs[day.year] = seqs.get(day.year, 0) + 1
            self.cases.append(self._case(index, day, seqs[day.year], counts[index]))
        self.sequence = [{"year": y, "last": n} for y, n in sorted(seqs.items())]
        self._incidents()
        self._number()

    def _followup_counts(self) -> list[int]:
        """Per case, summing to n_followups (2..8 each, evened out; a closing reply counts)."""
        rng = self.rng
        counts = [rng.randint(2, 8) for _ in range(self.n_cases)]
        diff = self.n_followups - sum(counts)
        while diff:
            i = rng.randrange(self.n_cases)
            if diff > 0:
                counts[i] += 1
                diff -= 1
            elif counts[i] > 0:
                counts[i] -= 1
                diff += 1
        return counts

    def _case(self, index: int, received: date, seq: int, n_follow: int) -> dict:
        rng = self.rng
        unit = self.units[min(int(rng.paretovariate(1.2)) - 1, 59) if rng.random() < 0.5
                          else rng.randrange(60)]
        source = pick(rng, SOURCES)
        backlog = pick(rng, BACKLOG) if rng.random() < 0.15 else None
        accept_due = self.rules.accept_due(received)
        superior_due = (received + timedelta(days=rng.randint(30, 55))
                        if source == "assigned" and rng.random() < 0.6 else None)
        c = {
            "id": f"{received.year}-{seq:04d}", "year": received.year, "seq": seq,
            "unit": unit["code"], "source": source, "backlog": backlog, "status": "registered",
            "status_on": received, "received": received, "accept_due": accept_due,
            "accepted": None, "superior_due": superior_due, "extended_days": 0,
            "extension_reason": None, "due": None, "pending_due": None, "closed": None,
            "outcome": None, "satisfaction": None, "review_requested": None,
            "rereview_requested": None, "reason": None,
            "petitioner": rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
            "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
            if rng.random() < 0.8 else None,
            "id_number": self._id_number() if rng.random() < 0.5 else None,
            "people": rng.randint(5, 40) if rng.random() < 0.04 else 1,
            "summary": f"反映{rng.choice(MATTERS)}问题，{rng.choice(DEMANDS)}",
            "topic": rng.choice(TOPICS) if rng.random() < 0.7 else None,
            "leader": rng.choice(LEADERS) if rng.random() < 0.1 else None,
            "escalation": None, "repeat_of": None, "import_batch_id": None,
            "_index": index, "_order": 0,
        }
        c["created_at"] = self._at(received)
        self._event(c, received, "add", [("status", None, "registered"),
                                         ("unit", None, unit["code"]),
                                         ("accept_due", None, accept_due)])
        self._lifecycle(c)
        replies = sum(1 for r in self.followups[-3:] if r[3] is c)
        self._follow(c, max(n_follow - replies, 0))
        c["pending_due"] = (c["accept_due"] if c["status"] == "registered" else
                            c["due"] if c["status"] in ("accepted", "reviewing", "rereviewing")
                            else None)
        return c

    def _id_number(self) -> str:
        rng = self.rng
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
        return with_check(f"320703{born:%Y%m%d}{rng.randrange(1000):03d}")

    def _lifecycle(self, c: dict) -> None:
        rng, received = self.rng, c["received"]
        if rng.random() < 0.0003:  # forgotten: never decided
            return
        roll = rng.random()
        wait = (rng.randint(1, 12) if roll < 0.85 else rng.randint(13, 15) if roll < 0.96
                else rng.randint(16, 30))
        decided = received + timedelta(days=wait)
        if decided > TODAY:
            return
        if rng.random() < 0.07:
            self._status(c, decided, "reject", "rejected",
                         reason="不属于本机关职权范围，已告知向有权机关提出")
            return
        due = self.rules.handling_due(decided, c["superior_due"])
        self._status(c, decided, "accept", "accepted", accepted=decided, due=due)
        due = decided + timedelta(days=5)  # leader, assign, escalate, extend: early on
        if c["leader"] is None and rng.random() < 0.1:
            self._set(c, self._between(decided, due), "leader", leader=rng.choice(LEADERS))
        if rng.random() < 0.02:
            others = [u for u in self.units if u["code"] != c["unit"]]
            on = self._between(decided, due)
            if on <= TODAY:
                new = rng.choice(others)["code"]
                self._event(c, on, "assign", [("unit", c["unit"], new)])
                c["unit"] = new
        if rng.random() < 0.005:
            on = self._between(decided, due)
            if on <= TODAY:
                self._set(c, on, "escalate", escalation=rng.choice(("district", "city")))
                self._event(c, on, "escalate", [("reason", None, "涉及多部门，提请区级协调会办")])
        if rng.random() < 0.05:
            on = self._between(decided, due)
            if on <= TODAY:
                days = rng.randint(10, 30)
                self._set(c, on, "extend", extended_days=days,
                          extension_reason="情况复杂，经分管负责同志批准延期",
                          due=self.rules.extended_due(c["due"], days))
        self._handle(c, decided)

    def _handle(self, c: dict, start: date) -> None:
        """From accepted (or under review) to closed or terminated, if that day has come."""
        rng = self.rng
        stuck = 0.01 if c["backlog"] else 0.0005
        if rng.random() < stuck:
            return
        roll = rng.random()
        span = max((c["due"] - start).days, 1)
        end = (start + timedelta(days=rng.randint(min(6, span), span)) if roll < 0.97
               else c["due"] + timedelta(days=rng.randint(1, 25)))
        if end > TODAY:
            return
        if c["backlog"] in ("excessive", "unfounded") and c["status"] == "accepted" \
                and rng.random() < 0.12:
            self._status(c, end, "terminate", "terminated", end_reason="诉求无理，经复核终结")
            return
        satisfaction = pick(rng, SATISFACTION) if rng.random() < 0.7 else c["satisfaction"]
        self._status(c, end, "close", "closed", closed=end, outcome=pick(rng, OUTCOMES),
                     satisfaction=satisfaction)
        if rng.random() < 0.6:
            self._followup(c, end, "reply", "书面答复意见已送达信访人")
        self._after_close(c, end)

    def _after_close(self, c: dict, closed: date) -> None:
        rng = self.rng
        reviewed = c["review_requested"] is not None
        if c["rereview_requested"] is None and rng.random() < (0.3 if reviewed else 0.06):
            asked = closed + timedelta(days=rng.randint(3, 30))
            if asked <= TODAY:
                action = "rereview" if reviewed else "review"
                field = "rereview_requested" if reviewed else "review_requested"
                self._status(c, asked, action, f"{action}ing", **{
                    field: asked, "due": self.rules.review_due(asked)})
                self._handle(c, asked)
                return
        if c["backlog"] and rng.random() < 0.1:
            on = closed + timedelta(days=rng.randint(30, 200))
            if on <= TODAY:
                self._status(c, on, "terminate", "terminated",
                             end_reason="已依法处理，信访人仍坚持诉求，终结认定")

    # --- what the commands write ------------------------------------------------------------

    def _status(self, c: dict, on: date, action: str, status: str, **fields: object) -> None:
        c["status_on"] = on
        self._set(c, on, action, status=status, **fields)

    def _set(self, c: dict, on: date, action: str, **fields: object) -> None:
        """As operations.op.set_fields: one history row per field whose value changed."""
        changes = []
        for name, value in fields.items():
            key = "reason" if name == "end_reason" else name
            if c[key] != value:
                changes.append((name, c[key], value))
                c[key] = value
        self._event(c, on, action, changes)

    def _event(self, c: dict, on: date, action: str, changes: list) -> None:
        for name, old, new in changes:
            c["_order"] += 1
            self.history.append([on, c["_index"], c["_order"], c, {
                "at": None, "on": on, "by": self._clerk(), "action": action, "field": name,
                "old": _text(old), "new": _text(new)}])

    def _followup(self, c: dict, on: date, kind: str, note: str) -> None:
        c["_order"] += 1
        self.followups.append([on, c["_index"], c["_order"], c, {
            "kind": kind, "on": on, "note": note, "by": self._clerk(), "created_at": None}])
        self._event(c, on, "follow", [("followup", None, kind)])

    def _follow(self, c: dict, n: int) -> None:
        rng = self.rng
        last = TODAY if c["status"] in ("registered", "accepted", "reviewing", "rereviewing",
                                        "terminated") else min(TODAY, c["status_on"] +
                                                               timedelta(days=30))
        days = sorted(self._between(c["received"], last) for _ in range(n))
        for on in days:
            kind = pick(rng, FOLLOW_KINDS)
            self._followup(c, on, kind, f"{NOTES[kind]}（{c['petitioner'][0]}某）")

    def _between(self, start: date, end: date) -> date:
        end = min(end, TODAY)
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def _clerk(self) -> str:
        return CLERKS[self.rng.randrange(len(CLERKS))]

    def _at(self, on: date) -> str:
        # written that working day, Beijing time 08:30-17:30, stored in UTC
        moment = datetime.combine(on, time(0, 30), tzinfo=UTC) + timedelta(
            seconds=self.rng.randrange(9 * 3600))
        return moment.isoformat()

    # --- the rest ---------------------------------------------------------------------------

    def _incidents(self) -> None:
        rng = self.rng
        for _ in range(400):
            c = self.cases[rng.randrange(len(self.cases))]
            on = self._between(c["received"], c["received"] + timedelta(days=90))
            unit = next(u for u in self.units if u["code"] == c["unit"])
            linked = rng.random() < 0.6
            kind = pick(rng, INCIDENT_KINDS)
            self.incidents.append({"unit": unit["code"], "kind": kind, "on": on,
                                   "case": c["id"] if linked else None,
                                   "note": "信访人越级到市信访局上访" if kind.endswith("skip-level")
                                   else "相关情况已报区信访联席办", "by": self._clerk(),
                                   "created_at": self._at(on)})
            if linked:
                self._event(c, on, "incident", [("kind", None, kind)])
        self.incidents.sort(key=lambda x: x["on"])
        for n, x in enumerate(self.incidents, start=1):
            x["id"] = n
        for c in rng.sample(self.cases, len(self.cases) // 100):  # repeat petitions
            earlier = self.cases[rng.randrange(max(c["_index"], 1))]
            if earlier is not c:
                c["repeat_of"] = earlier["id"]

    def _number(self) -> None:
        """Ids in the order the rows were written: by event day, then case, then step."""
        for rows in (self.history, self.followups):
            rows.sort(key=lambda r: (r[0], r[1], r[2]))
            for n, (on, _i, _o, case, row) in enumerate(rows, start=1):
                row["id"] = n
                stamp = self._at(on)
                row["at" if "action" in row else "created_at"] = stamp
                case.setdefault("_h" if "action" in row else "_f", []).append(row)

    def export(self, path: Path) -> None:
        head = {"format": "xf-export", "version": 1, "xf": "bench", "schema": "bench",
                "exported_at": "2018-10-12T09:00:00+00:00", "exported_by": "bench",
                "today": TODAY, "revealed": True}
        with open(path, "w", encoding="utf-8") as out:
            out.write("{\n" + ",\n".join(f"  {_json(k)}: {_json(v)}" for k, v in head.items()))
            _array(out, "units", self.units)
            _array(out, "case_sequence", self.sequence)
            _array(out, "import_batches", [])
            _array(out, "incidents", self.incidents)
            _array(out, "history", [])
            _array(out, "cases", (self._record(c) for c in self.cases))  # last, as xf writes it
            out.write("\n}\n")

    @staticmethod
    def _record(c: dict) -> dict:
        record = {k: v for k, v in c.items() if not k.startswith("_")}
        record["followups"] = sorted(c.get("_f", []), key=lambda r: r["id"])
        record["history"] = sorted(c.get("_h", []), key=lambda r: r["id"])
        return record


NOTES = {"note": "整理信访材料，登记办理情况", "call": "电话联系信访人，告知办理进度",
         "visit": "工作人员上门走访了解诉求", "reception": "分管领导接待信访人",
         "field": "局领导带队下访，现场协调", "meeting": "召开协调会办会，明确责任分工",
         "plan": "制定分步解决方案，报分管领导审定", "reply": "书面答复信访人"}


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False,
                      default=lambda v: v.isoformat() if isinstance(v, date) else str(v))


def _array(out, name: str, items) -> None:  # type: ignore[no-untyped-def]
    out.write(f",\n  {_json(name)}: [")
    for n, item in enumerate(items):
        out.write(",\n    " if n else "\n    ")
        out.write(_json(item))
    out.write("\n  ]")


def units_only(path: Path) -> None:
    head = {"format": "xf-export", "version": 1, "revealed": True}
    with open(path, "w", encoding="utf-8") as out:
        out.write("{\n" + ",\n".join(f"  {_json(k)}: {_json(v)}" for k, v in head.items()))
        _array(out, "units", units())
        out.write("\n}\n")


IMPORT_COLUMNS = ("unit", "source", "received", "petitioner", "summary", "phone", "id_number",
                  "people", "backlog", "topic", "leader", "due", "accepted")


def rows_csv(path: Path, n: int, seed: int) -> None:
    """Plain rows as an office's spreadsheet holds them: one new case each."""
    rng = random.Random(seed + 1)
    codes = [u["code"] for u in units()]
    span = (TODAY - FIRST).days
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(IMPORT_COLUMNS)
        for _ in range(n):
            received = FIRST + timedelta(days=rng.randrange(span + 1))
            accepted = received + timedelta(days=rng.randint(1, 14))
            source = pick(rng, SOURCES)
            writer.writerow([
                rng.choice(codes), source, received.isoformat(),
                rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
                f"反映{rng.choice(MATTERS)}问题，{rng.choice(DEMANDS)}",
                f"1{rng.choice('3578')}{rng.randrange(10**9):09d}" if rng.random() < 0.8 else "",
                with_check(f"320703{rng.randint(1950, 2000)}0{rng.randint(1, 9)}1"
                           f"{rng.randint(0, 9)}{rng.randrange(1000):03d}")
                if rng.random() < 0.5 else "",
                rng.randint(5, 30) if rng.random() < 0.04 else 1,
                pick(rng, BACKLOG) if rng.random() < 0.15 else "",
                rng.choice(TOPICS) if rng.random() < 0.7 else "",
                rng.choice(LEADERS) if rng.random() < 0.1 else "",
                (received + timedelta(days=45)).isoformat()
                if source == "assigned" and rng.random() < 0.5 else "",
                accepted.isoformat() if accepted <= TODAY and rng.random() < 0.6 else "",
            ])


LEDGER_COLUMNS = (*IMPORT_COLUMNS, "closed", "outcome", "satisfaction", "rejected", "terminated",
                  "reason", "note")


def ledger_csv(path: Path, n: int, seed: int) -> None:
    """An office's whole ledger: the rows of `rows_csv` with what became of each case, as a
    real office's is (most closed, some not accepted, a few terminated)."""
    rng = random.Random(seed + 2)
    plain = path.with_name("rows.csv")
    with open(plain, encoding="utf-8", newline="") as source, \
            open(path, "w", encoding="utf-8", newline="") as out:
        reader, writer = csv.reader(source), csv.writer(out)
        next(reader)
        writer.writerow(LEDGER_COLUMNS)
        for row in reader:
            writer.writerow([*row[:-1], *_later(rng, date.fromisoformat(row[2]))])
            if reader.line_num > n:
                break


def _later(rng: random.Random, received: date) -> list[str]:
    """accepted, closed, outcome, satisfaction, rejected, terminated, reason, note."""
    roll = rng.random()
    if roll < 0.07 and received + timedelta(days=5) <= TODAY:  # not accepted
        rejected = received + timedelta(days=rng.randint(1, 5))
        return ["", "", "", "", rejected.isoformat(), "", "不属于受理范围，已告知", ""]
    accepted = received + timedelta(days=rng.randint(1, 14))
    closed = accepted + timedelta(days=rng.randint(10, 70))
    if accepted > TODAY:
        return ["", "", "", "", "", "", "", ""]
    if roll > 0.93 or closed > TODAY:  # still being handled
        return [accepted.isoformat(), "", "", "", "", "", "", ""]
    outcome = pick(rng, OUTCOMES)
    satisfaction = pick(rng, SATISFACTION) if rng.random() < 0.8 else ""
    note = "已书面答复，当事人签收" if rng.random() < 0.3 else ""
    terminated = closed + timedelta(days=rng.randint(40, 90))
    if roll > 0.91 and terminated <= TODAY:
        return [accepted.isoformat(), closed.isoformat(), outcome, satisfaction, "",
                terminated.isoformat(), "经复查、复核维持原处理意见", note]
    return [accepted.isoformat(), closed.isoformat(), outcome, satisfaction, "", "", "", note]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--followups", type=int, default=500_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    district = District(random.Random(args.seed), args.cases, args.followups)
    district.build()
    district.export(args.out / "district.json")
    units_only(args.out / "units.json")
    rows_csv(args.out / "rows.csv", args.rows, args.seed)
    ledger_csv(args.out / "ledger.csv", args.rows, args.seed)
    statuses: dict[str, int] = {}
    for c in district.cases:
        statuses[c["status"]] = statuses.get(c["status"], 0) + 1
    overdue = sum(1 for c in district.cases if c["pending_due"] and c["pending_due"] < TODAY)
    print(f"{len(district.cases)} cases, {len(district.followups)} follow-ups, "
          f"{len(district.history)} history rows, {len(district.incidents)} incidents, "
          f"{overdue} overdue on {TODAY}; statuses {statuses}")


if __name__ == "__main__":
    main()
