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
