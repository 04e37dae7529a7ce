"""The README's quick start stays true: two commands, the second run by CI word for word."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```\w*\n(.*?)```", section, re.S)
    assert block is not None
    return [line for line in block[1].splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    if not (ROOT / ".ci" / "run").exists():
        pytest.skip("not a source checkout")
    commands = _quick_start()
    assert len(commands) == 2
    assert "pip install ." in commands[0] and "xf init --sample" in commands[0]
    assert "'.[test]'" in commands[1] and commands[1].endswith("pytest")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci_lines


def test_the_supported_pythons_are_the_same_in_the_readme_the_classifiers_and_ci() -> None:
    """CI runs the suite under each Python the classifiers name; the README says which."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    versions = re.findall(r'"Programming Language :: Python :: (3\.\d+)"', pyproject)
    assert versions == ["3.11", "3.12", "3.13"]
    assert 'requires-python = ">=3.11"' in pyproject
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "needs Python 3.11, 3.12 or 3.13" in readme
    if (ROOT / ".ci" / "run").exists():
        ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "Programming Language :: Python ::" in ci  # reads the same list
