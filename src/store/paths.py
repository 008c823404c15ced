"""Where schoolnet keeps its databases, overridable by --db and SCHOOLNET_DB."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import platformdirs

from store.errors import StoreError

APP_NAME = "schoolnet"
DB_ENV = "SCHOOLNET_DB"


def data_dir() -> Path:
    """The per-user folder for schoolnet's data."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database used when neither --db nor SCHOOLNET_DB names one."""
    override = os.environ.get(DB_ENV)
    if override is None:
        return data_dir() / "schoolnet.db"
    return _env_path(override)


def _env_path(value: str) -> Path:
    """SCHOOLNET_DB as a path, or one sentence saying why it cannot be one."""
    if not value.strip():
        raise StoreError(f"{DB_ENV} is set but blank: set it to a database file, or unset it.")
    if any(unicodedata.category(char)[0] == "C" for char in value):
        raise StoreError(
            f"{DB_ENV} holds a line break or control character: set it to a database file's"
            " path on one line."
        )
    try:
        return Path(value).expanduser()
    except RuntimeError:  # ~name for a user this computer does not know
        user = value[1:].split("/", 1)[0]
        raise StoreError(
            f"{DB_ENV} starts with ~{user}, but there is no user called {user} here."
        ) from None


def demo_db_path() -> Path:
    """The separate database `schoolnet --demo` uses, so real data is never touched."""
    return data_dir() / "demo.db"
