"""Why the computer refused to read or write the database, as one plain sentence.

The one place that turns SQLite's and the system's errors (a read-only file or folder, a
full disk, a file that cannot be opened) into words, for opening, saving, backing up and
the command line alike. A read-only file is never called "not a SQLite database": only a
file whose contents are not SQLite's is.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from store.errors import DatabaseUnavailable
from store.text import DISK_FULL, os_error_reason

READ_ONLY = "it is read-only (the file, or the folder it is in, cannot be written)"
_CANNOT_OPEN = "it cannot be opened (check that its folder exists and can be written)"
_DISK_ERROR = "the disk reported an error (it may have been removed or be failing)"
_ROOM = 64 * 1024  # less free space than this is a full disk to SQLite

# SQLite's primary result codes for what the user can fix, and what to tell them.
_SQLITE_REASONS = {
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_CANTOPEN: _CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: _DISK_ERROR,
    sqlite3.SQLITE_PERM: READ_ONLY,
}
# The same, by the words of SQLite's message, for errors made without a code.
_SQLITE_WORDS = {
    "readonly": READ_ONLY,
    "read-only": READ_ONLY,
    "disk is full": DISK_FULL,
    "unable to open": _CANNOT_OPEN,
    "disk i/o error": _DISK_ERROR,
}


def storage_reason(error: sqlite3.Error) -> str | None:
    """Why, as the end of a sentence, when the cause is the file, folder or disk; else None."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _SQLITE_REASONS:
        return _SQLITE_REASONS[code & 0xFF]
    text = str(error).lower()
    return next((reason for words, reason in _SQLITE_WORDS.items() if words in text), None)


def reason(error: sqlite3.Error | OSError, path: Path | str | None = None) -> str:
    """Why, as the end of a sentence: `the disk is full: free some space and try again`."""
    if isinstance(error, OSError):
        return os_error_reason(error)  # which says "the disk is full" in the same words
    found = storage_reason(error) or str(error)
    if path is None:
        return found
    # SQLite reports a full disk as an I/O error when it cannot grow its shared-memory file
    # (SQLITE_IOERR_SHMSIZE), and a read-only folder as "unable to open" when it cannot make
    # that file: so ask the disk and the folder themselves.
    folder = Path(path).parent
    if found == _DISK_ERROR and _no_room(folder):
        return DISK_FULL
    if found == _CANNOT_OPEN and folder.is_dir() and not os.access(folder, os.W_OK):
        return READ_ONLY
    return found


def _no_room(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _ROOM
    except OSError:
        return False


def where(path: Path | str | None) -> str:
    """A database's place fit for a sentence: a very long path keeps its start and its end."""
    text = "memory" if path is None else str(path)
    return text if len(text) <= 120 else f"{text[:60]}…{text[-40:]}"


def _at(path: Path | str | None) -> str:
    return "" if path is None else f" at {where(path)}"


def cannot(doing: str, path: Path | str | None, error: sqlite3.Error | OSError) -> str:
    """`Cannot open the database at X: it is read-only (the file, or ...).`"""
    return f"Cannot {doing} the database{_at(path)}: {reason(error, path)}."


def unwritable(path: Path | str | None, error: sqlite3.Error | OSError) -> DatabaseUnavailable:
    """A save that failed because of the file, folder or disk, as an error with one sentence:
    `Nothing was saved to the database at X: the disk is full: free some space and try again.`"""
    return DatabaseUnavailable(
        f"Nothing was saved to the database{_at(path)}: {reason(error, path)}."
    )
