"""The office's campaign calendar on disk: `campaign.toml` in the data directory, else the
2018 default of the notice (`domain.campaign.DEFAULT_CAMPAIGN_TOML`)."""

from pathlib import Path

from xinfang_cli.config.paths import data_dir
from xinfang_cli.config.settings import parse_toml, read_file
from xinfang_cli.domain.campaign import DEFAULT_CAMPAIGN_TOML, Campaign


def parse_campaign(text: str, origin: str) -> Campaign:
    """Read a campaign TOML text; a malformed one is exit 2 naming `origin` and the fault."""
    return parse_toml(Campaign, text, origin, "rpt.err.campaign_file")


def default_campaign() -> Campaign:
    """The 2018 calendar of the notice."""
    return parse_campaign(DEFAULT_CAMPAIGN_TOML, "<default>")


def stored_path() -> Path:
    """Where a loaded campaign is kept: `campaign.toml` in the data directory."""
    return data_dir() / "campaign.toml"


def current_campaign() -> Campaign:
    """The loaded campaign, else the 2018 default."""
    path = stored_path()
    if not path.exists():
        return default_campaign()
    return parse_campaign(read_file(path, "rpt.err.campaign_file"), str(path))


def store_campaign(source: Path) -> Campaign:
    """Check a campaign file and keep a copy as the office's calendar (nothing kept if bad)."""
    text = read_file(source, "rpt.err.campaign_file")
    campaign = parse_campaign(text, str(source))
    target = stored_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".toml.part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    return campaign
