"""Copies of the database taken before each import or restore; the last ten are kept.

A backup is `<stem>-<number>.db` in a private `backups` folder beside the database, numbered
in the order taken (a computer's clock can go back; a count cannot), with a one-line
`.about` file saying what it preceded. It is written under a `.partial` name and renamed
only once complete, so a copy cut short (a killed import, a full disk) is never offered.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from store import failures
from store.errors import StoreError
from store.text import os_error_reason

if TYPE_CHECKING:
    from store.db import Store

KEEP = 10
# A `.partial` file this old is left by a copy that was killed, never one still running.
STALE_PARTIAL_SECONDS = 3600


@dataclass(frozen=True)
class Backup:
    """One complete backup file: its number in the order taken, and what it preceded."""

    path: Path
    number: int
    taken_at: datetime
    size: int
    before: str


def _database(store: Store) -> Path:
    """The database file; an in-memory database has none, so no backups."""
    if store.path is None:
        raise StoreError("An in-memory database has no backups.")
    return store.path


def folder(store: Store) -> Path:
    """Where a database's backups live: a `backups` folder beside it."""
    return _database(store).parent / "backups"


def _pattern(stem: str) -> re.Pattern[str]:
    # Numbered backups, and the clock-named ones earlier versions wrote (listed as number 0).
    return re.compile(rf"{re.escape(stem)}-(\d{{6}}|\d{{8}}-\d{{6}}-\d{{6}})\.db")


def _copy(store: Store, target: Path) -> None:
    """Copy the database into target, consistently even while it is in use."""
    copy = sqlite3.connect(target)
    try:
        with copy:
            store.db.conn.backup(copy)
    finally:
        copy.close()


def backup(store: Store, before: str = "") -> Path:
    """Copy the database as the next numbered backup, and keep only the newest ten."""
    database = _database(store)
    target_dir = folder(store)
    partial: Path | None = None
    about: Path | None = None
    try:
        target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(target_dir, 0o700)
        _drop_stale_partials(target_dir)
        number = max((b.number for b in list_backups(store)), default=0) + 1
        target = target_dir / f"{database.stem}-{number:06d}.db"
        partial = target.with_name(f"{target.name}.partial")
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        _copy(store, partial)
        if before:
            about = _about(target)
            descriptor = os.open(about, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(before)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        # Nothing half-written stays behind: no empty copy, no note about a copy never made.
        for leftover in (partial, about):
            if leftover is not None:
                with suppress(OSError):
                    leftover.unlink(missing_ok=True)
        raise StoreError(
            f"Cannot back up the database to {target_dir}: {failures.reason(error)}."
        ) from None
    for old in list_backups(store)[KEEP:]:  # newest first, so the newest is always kept
        old.path.unlink(missing_ok=True)
        _about(old.path).unlink(missing_ok=True)
    return target


def _about(path: Path) -> Path:
    return path.with_suffix(".about")


def _drop_stale_partials(target_dir: Path) -> None:
    now = time.time()
    for partial in target_dir.glob("*.db.partial"):
        try:
            if now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:
                partial.unlink()
        except OSError:
            continue


def list_backups(store: Store) -> list[Backup]:
    """Complete backups of this database, newest first."""
    try:
        database = _database(store)
    except StoreError:
        return []
    target_dir = folder(store)
    if not target_dir.is_dir():
        return []
    pattern = _pattern(database.stem)
    found = []
    for path in target_dir.iterdir():
        match = pattern.fullmatch(path.name)
        if match is None:
            continue
        try:
            stat = path.stat()
            before = _about(path).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            before = ""
        except OSError:
            continue
        number = int(match[1]) if "-" not in match[1] else 0
        taken = datetime.fromtimestamp(stat.st_mtime)
        found.append(Backup(path, number, taken, stat.st_size, before))
    return sorted(found, key=lambda b: (b.number, b.path.name), reverse=True)


def check(source: Path) -> None:
    """Refuse, in one sentence, a file that is not a whole schoolnet database we can read."""
    from store.migrations import APPLICATION_ID, SCHEMA_VERSION

    if not source.is_file():
        raise StoreError(f"There is no backup at {source}.")
    try:
        with open(source, "rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise StoreError(f"Cannot read {source}: {os_error_reason(error)}.") from None
    if not header:
        raise StoreError(f"{source} is empty: it is not a backup.")
    if header != b"SQLite format 3\x00":
        raise StoreError(f"{source} is not a SQLite database.")
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read {source}: {error}.") from None
    app_id = version = 0
    has_tables = False
    try:
        ok = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        has_tables = tables.fetchone()[0] > 0
    except sqlite3.DatabaseError:
        ok = ["damaged"]
    finally:
        conn.close()
    if ok != ["ok"]:
        raise StoreError(f"{source} is damaged (SQLite's integrity check fails): not restored.")
    if not has_tables:
        raise StoreError(f"{source} is an empty database: not restored.")
    if app_id != APPLICATION_ID:
        raise StoreError(f"{source} is not a schoolnet database: not restored.")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{source} was written by a newer version of schoolnet (schema {version}; this"
            f" version reads up to {SCHEMA_VERSION}): upgrade schoolnet to restore it."
        )


def restore(store: Store, source: Path, before: str = "") -> Path:
    """Check a backup, back up the current state, then put the backup's contents in place.

    Returns the backup of the state it replaced, so a restore can itself be undone.
    """
    from store.migrations import migrate

    check(source)
    saved = backup(store, before or f"restoring {source.name}")
    backup_conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        backup_conn.backup(store.db.conn)
        migrate(store.db)  # a backup from an older schema is brought up to date
    except sqlite3.OperationalError as error:  # a read-only database, a full disk
        raise failures.unwritable(store.path, error) from None
    finally:
        backup_conn.close()
    return saved
