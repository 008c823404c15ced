"""Copies of the database taken before each import; the last ten are kept."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import StoreError

if TYPE_CHECKING:
    from store.db import Store

KEEP = 10


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    taken_at: datetime
    size: int


def _database(store: Store) -> Path:
    """The database file; an in-memory database has none, so no backups."""
    if store.path is None:
        raise StoreError("An in-memory database has no backups.")
    return store.path


def folder(store: Store) -> Path:
    """Where a database's backups live: a `backups` folder beside it."""
    return _database(store).parent / "backups"


def backup(store: Store) -> Path:
    """Copy the database, consistently even while in use, and keep only the newest ten."""
    database = _database(store)
    target_dir = folder(store)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = store.clock().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"{database.stem}-{stamp}.db"
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    copy = sqlite3.connect(target)
    with copy:
        store.db.conn.backup(copy)
    copy.close()
    for old in list_backups(store)[KEEP:]:
        old.path.unlink(missing_ok=True)
    return target


def list_backups(store: Store) -> list[Backup]:
    """Backups of this database, newest first."""
    try:
        database = _database(store)
    except StoreError:
        return []
    target_dir = folder(store)
    if not target_dir.is_dir():
        return []
    found = []
    for path in target_dir.glob(f"{database.stem}-*.db"):
        stat = path.stat()
        found.append(Backup(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def restore(store: Store, source: Path) -> None:
    """Replace the database's contents with a backup's, in place."""
    if not source.is_file():
        raise StoreError(f"There is no backup at {source}.")
    with open(source, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{source} is not a SQLite database.")
    backup_conn = sqlite3.connect(source)
    try:
        backup_conn.backup(store.db.conn)
    finally:
        backup_conn.close()
