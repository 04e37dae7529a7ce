"""The office's scoring policy on disk: `--policy FILE`, else the documented default
(`domain.scoring.DEFAULT_POLICY_TOML`)."""

from pathlib import Path

from xinfang_cli.config.settings import parse_toml, read_file
from xinfang_cli.domain.scoring import DEFAULT_POLICY_TOML, Policy


def parse_policy(text: str, origin: str) -> Policy:
    """Read a policy TOML text; a malformed one is exit 2 naming `origin` and the fault."""
    return parse_toml(Policy, text, origin, "rpt.err.policy_file")


def default_policy() -> Policy:
    return parse_policy(DEFAULT_POLICY_TOML, "<default>")


def load_policy(path: Path | None) -> Policy:
    """The policy of `--policy FILE`, else the documented default."""
    if path is None:
        return default_policy()
    return parse_policy(read_file(path, "rpt.err.policy_file"), str(path))
