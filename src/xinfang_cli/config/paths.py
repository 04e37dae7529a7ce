"""Where xf keeps its files (light: read before anything heavy is imported)."""

import os
from pathlib import Path


def data_dir() -> Path:
    """XF_HOME, else the platform's user data directory (e.g. ~/.local/share/xf)."""
    home = os.environ.get("XF_HOME")
    if home:
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir("xf", appauthor=False))


_PACKAGE = Path(__file__).resolve().parents[1]  # xinfang_cli/


def shipped(folder: str, marker: str) -> Path:
    """A folder shipped with xf (`migrations`, `sample_data`): inside the installed package,
    or at the top of a source checkout (an editable install). `marker` is a file it holds."""
    for candidate in (_PACKAGE / folder, _PACKAGE.parents[1] / folder):
        if (candidate / marker).exists():
            return candidate
    raise FileNotFoundError(f"{folder}/ not found beside the package")
