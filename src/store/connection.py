"""The SQLite connection's transactions: each takes the write lock when it begins.

sqlite-utils begins a transaction with a plain (deferred) BEGIN: it reads first and asks for
the write lock at its first write. If another connection (a second window, an import from
the command line) commits in between, SQLite refuses that write at once, without waiting
for the busy timeout, and the transaction fails with "database is locked". A transaction
that begins with BEGIN IMMEDIATE waits for the lock (up to the busy timeout) before it
reads anything, so what it reads is still true when it writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from store import failures
from store.errors import DatabaseBusy

BUSY = (
    "Another window or an import is writing to the database just now, so this was not"
    " saved: try again in a moment."
)


class SchoolnetDatabase(Database):
    """sqlite-utils' Database whose outermost `atomic()` is BEGIN IMMEDIATE."""

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction holding the write lock from its start; nested blocks are savepoints.

        Raises DatabaseBusy (a StoreError with a sentence) when another connection held the
        write lock for the whole busy timeout, and DatabaseUnavailable when the database is
        read-only or the disk is full; nothing of the transaction is kept.
        """
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise DatabaseBusy(BUSY) from error
            raise
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self.rollback()
            # A read-only file or folder, or a full disk: one sentence the UI and CLI show.
            if failures.storage_reason(error) is None:
                raise
            raise failures.unwritable(self._file(), error) from error
        except BaseException:
            self.rollback()
            raise

    def _file(self) -> str | None:
        """The database's file, for a sentence; None for an in-memory database."""
        try:
            row = self.conn.execute("PRAGMA database_list").fetchone()
        except sqlite3.Error:
            return None
        return str(row[2]) if row and row[2] else None


def is_busy(error: sqlite3.Error) -> bool:
    """True for SQLite's "database is locked" or "database is busy"."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)
