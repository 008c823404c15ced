"""The database file before SQLite opens it: checked, created private, and connected."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import suppress
from pathlib import Path

from store import failures
from store.errors import DatabaseUnavailable, NotASchoolnetDatabase, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def connect(target: Path | str) -> sqlite3.Connection:
    """A connection whose implicit transactions, like `atomic()`, take the write lock first."""
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.isolation_level = "IMMEDIATE"
    return conn


def unopenable(target: Path | None, error: OSError | sqlite3.Error) -> StoreError:
    """Why a database cannot be opened. Only a file whose contents are not SQLite's is "not a
    SQLite database": a read-only file or folder, or a full disk, says so."""
    if (
        isinstance(error, sqlite3.DatabaseError)
        and not isinstance(error, sqlite3.OperationalError)
        and failures.storage_reason(error) is None
    ):
        return NotASchoolnetDatabase(f"{failures.where(target)} is not a SQLite database.")
    return DatabaseUnavailable(failures.cannot("open", target, error))


def check_file(target: Path) -> None:
    """Refuse, before SQLite touches it, a path that cannot be or is not a database."""
    if target.is_dir():
        raise DatabaseUnavailable(f"Cannot open the database at {target}: it is a folder.")
    if not target.exists():
        return
    try:
        with target.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseUnavailable(failures.cannot("open", target, error)) from error
    if header and header != SQLITE_MAGIC:
        raise NotASchoolnetDatabase(f"{target} is not a SQLite database.")


def create_private(target: Path) -> None:
    """Create the file readable by its owner only, before SQLite opens it."""
    _keep_data_folder_private(target.parent)
    if target.exists():
        return
    try:
        if not target.parent.is_dir():
            # A folder schoolnet makes holds records about children: its owner's only.
            target.parent.mkdir(mode=0o700, parents=True)
            target.parent.chmod(0o700)  # whatever the umask
    except (FileExistsError, NotADirectoryError) as error:
        raise DatabaseUnavailable(
            f"Cannot create the database at {target}: a part of that path is a file, not a folder."
        ) from error
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _keep_data_folder_private(folder: Path) -> None:
    """schoolnet's own data folder is its owner's only, even one made by an older version or
    by hand; a folder the user chose with --db or SCHOOLNET_DB is theirs and left alone."""
    from store.paths import data_dir

    with suppress(OSError):
        if folder == data_dir() and stat.S_IMODE(folder.stat().st_mode) != 0o700:
            folder.chmod(0o700)
