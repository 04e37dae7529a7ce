"""The layout keeps its shape: the import contracts in pyproject.toml hold, no module
imports itself round a circle, and no module but the message catalogues grows past 400
lines (docs/architecture.md explains the layers)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "xinfang_cli"
CATALOGUES = {"zh.py", "en.py", "zh_reports.py", "en_reports.py", "zh_transfer.py",
              "en_transfer.py", "zh_corrections.py", "en_corrections.py",
              "zh_search.py", "en_search.py", "zh_notices.py", "en_notices.py",
              "zh_urging.py", "en_urging.py", "zh_access.py", "en_access.py"}
CONTRACTS = ("layers", "pure-domain", "quiet-store", "render-no-sql", "acyclic")


def lint_imports(*args: str, cwd: Path = ROOT,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the contracts of this checkout's pyproject.toml."""
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(command), "--no-cache", "--no-logo", *args,
                           str(ROOT / "pyproject.toml")],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


@pytest.mark.parametrize(("module", "added", "contract"), [
    # a circle among siblings: the report imports asof, asof the report
    ("views/asof.py", "from xinfang_cli.views import report", "acyclic"),
    # storage reaching up to the read side
    ("store/repository.py", "from xinfang_cli.views import cases", "layers"),
    # a rule that queries the database
    ("domain/lifecycle.py", "import sqlalchemy", "pure-domain"),
    # an operation that draws on the terminal
    ("operations/units.py", "import rich", "quiet-store"),
    # a renderer that queries
    ("render/tables.py", "from sqlalchemy import select", "render-no-sql"),
    # a loose module at the top, in no layer
    ("helpers.py", "import os", "layers"),
])
def test_a_broken_contract_fails(tmp_path: Path, module: str, added: str,
                                 contract: str) -> None:
    """The contracts bite: each forbidden import, added to a copy of the package, breaks
    the contract that forbids it (and the check exits non-zero)."""
    copy = tmp_path / "src" / "xinfang_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(f"{text}\n{added}  # noqa\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    result = lint_imports("--contract", contract, cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 0 kept, 1 broken." in result.stdout, result.stdout


def test_no_import_cycle_between_any_two_modules() -> None:
    """Not even through a package and its own modules, nor through an import inside a
    function: every strongly connected part of the import graph is one module."""
    import grimp

    graph = grimp.build_graph("xinfang_cli", cache_dir=None)
    circles = [part for part in _strongly_connected(graph) if len(part) > 1]
    assert circles == []


def test_a_circle_is_found() -> None:
    """The search above can fail: a circle through a package and a lazy import is one part."""
    import grimp

    graph = grimp.ImportGraph()
    for name in ("x", "x.views", "x.views.asof", "x.views.report", "x.store"):
        graph.add_module(name)
    graph.add_import(importer="x.views.report", imported="x.views.asof")
    graph.add_import(importer="x.views.asof", imported="x.views")
    graph.add_import(importer="x.views", imported="x.views.report")
    graph.add_import(importer="x.views.report", imported="x.store")
    circles = [sorted(part) for part in _strongly_connected(graph) if len(part) > 1]
    assert circles == [["x.views", "x.views.asof", "x.views.report"]]


def _strongly_connected(graph) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Tarjan's algorithm, iteratively, over the modules and their direct imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.find_modules_directly_imported_by(step)))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                parts.append(part)
    return parts


def test_no_module_is_over_400_lines() -> None:
    """A module that long holds two concerns: split it (the message catalogues excepted)."""
    long = {str(path.relative_to(PACKAGE)): n for path in PACKAGE.rglob("*.py")
            if not (path.parent.name == "i18n" and path.name in CATALOGUES)
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_top_level_reads_as_the_layers() -> None:
    """A handful of entries: the console script and one folder per layer."""
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert entries == ["__init__.py", "__main__.py", "cli", "config", "domain", "entry.py",
                       "i18n", "operations", "outbox", "render", "store", "views"]
