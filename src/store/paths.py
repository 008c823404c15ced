"""Where schoolnet keeps its databases, overridable by --db and SCHOOLNET_DB."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "schoolnet"
DB_ENV = "SCHOOLNET_DB"


def data_dir() -> Path:
    """The per-user folder for schoolnet's data."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when neither --db nor SCHOOLNET_DB names one."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "schoolnet.db"


def demo_db_path() -> Path:
    """The separate database `schoolnet --demo` uses, so real data is never touched."""
    return data_dir() / "demo.db"
