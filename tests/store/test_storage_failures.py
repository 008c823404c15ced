"""A read-only database or folder, a full disk and a non-writable backups folder: one sentence.

The tests run as root, which ignores file permissions, so each failure is made the way
SQLite or the system would report it: a database opened read-only (`?mode=ro`, what SQLite
does for a file it cannot write), a database that may not grow (`max_page_count`, SQLite's
own "database or disk is full"), or the error the system gives, raised where it would be.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cli.main import main
from store import Store, StoreError, failures
from store.errors import DatabaseUnavailable, NotASchoolnetDatabase
from store.models import School
from store.sharing import backups
from store.text import DISK_FULL

_real_connect = sqlite3.connect


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "mine.db"
    store = Store.open(path)
    store.schools.add(School(name="Before"))
    store.close()
    return path


def _connecting(
    monkeypatch: pytest.MonkeyPatch, path: Path, then: Callable[[sqlite3.Connection], None]
) -> None:
    """Every connection to `path` is made read-only or limited by `then`."""

    def connect(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(target) != str(path):
            plain: sqlite3.Connection = _real_connect(target, *args, **kwargs)
            return plain
        conn: sqlite3.Connection = _real_connect(
            f"{path.as_uri()}?mode=ro", *args, uri=True, **kwargs
        )
        then(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.fixture
def read_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The database opens as SQLite opens a file it may read but not write."""
    _connecting(monkeypatch, db, lambda conn: None)
    return db


@pytest.fixture
def full_disk(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The database cannot grow by a page: SQLite's own "database or disk is full"."""

    def connect(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = _real_connect(target, *args, **kwargs)
        if str(target) == str(db):
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield db


def _one_sentence(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("schoolnet: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "not a SQLite database" not in err
    return err


def _names(path: Path) -> list[str]:
    store = Store.open(path)
    try:
        return sorted(s.name for s in store.schools.all())
    finally:
        store.close()


# A read-only database -------------------------------------------------------------------


def test_a_read_only_database_is_read_but_a_save_is_one_sentence(
    read_only: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(read_only), "check"]) == 0
    capsys.readouterr()
    assert main(["--db", str(read_only), "demo"]) == 2
    err = _one_sentence(capsys)
    assert "read-only" in err and str(read_only) in err


def test_a_save_to_a_read_only_database_is_a_store_error(read_only: Path) -> None:
    store = Store.open(read_only)
    try:
        with pytest.raises(DatabaseUnavailable, match=r"^Nothing was saved .*: it is read-only"):
            store.schools.add(School(name="After"))
        assert sorted(s.name for s in store.schools.all()) == ["Before"]
    finally:
        store.close()


def test_a_save_on_a_full_disk_is_a_store_error(full_disk: Path) -> None:
    store = Store.open(full_disk)
    try:
        with pytest.raises(DatabaseUnavailable, match="the disk is full: free some space"):
            with store.db.atomic():  # what an import does: many records, one transaction
                for number in range(200):
                    store.schools.add(School(name=f"School {number}"))
        assert sorted(s.name for s in store.schools.all()) == ["Before"]
    finally:
        store.close()


def test_a_read_only_file_is_never_called_not_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An empty file (a database whose making was cut short) needs writing as it opens.
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    _connecting(monkeypatch, path, lambda conn: None)
    with pytest.raises(StoreError) as refused:
        Store.open(path)
    assert not isinstance(refused.value, NotASchoolnetDatabase)
    assert "not a SQLite database" not in str(refused.value)


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("attempt to write a readonly database"),  # the folder
        sqlite3.OperationalError("unable to open database file"),
        sqlite3.DatabaseError("attempt to write a readonly database"),
    ],
    ids=["read-only-folder", "cannot-open", "read-only-as-database-error"],
)
def test_a_read_only_folder_is_one_sentence_not_a_bad_file(
    db: Path,
    error: sqlite3.Error,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A WAL database in a folder SQLite cannot write fails on its first read, like this.
    def refuse(conn: sqlite3.Connection) -> None:
        raise error

    _connecting(monkeypatch, db, refuse)
    assert main(["--db", str(db), "check"]) == 2
    err = _one_sentence(capsys)
    assert err.startswith(f"schoolnet: Cannot open the database at {db}: it ")


def test_a_new_database_in_a_read_only_folder_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "locked" / "new.db"
    target.parent.mkdir()
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path) == str(target):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert main(["--db", str(target), "check"]) == 2
    assert "permission denied" in _one_sentence(capsys)
    assert not target.exists()


# A full disk ----------------------------------------------------------------------------


def test_a_full_disk_during_a_command_is_one_sentence(
    full_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(full_disk), "demo"]) == 2
    err = _one_sentence(capsys)
    assert "the disk is full: free some space and try again" in err
    assert _names(full_disk) == ["Before"]  # nothing half-saved


def test_a_full_disk_while_opening_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("store.db.migrate", full)
    assert main(["--db", str(tmp_path / "new.db"), "check"]) == 2
    assert "the disk is full" in _one_sentence(capsys)


def test_a_full_disk_writing_a_paper_is_one_sentence(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(path: Path, raw: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr("store.sharing.exchange.write_private", full)
    assert main(["--db", str(db), "export", "-o", str(tmp_path / "x.schoolnet.json")]) == 2
    assert "the disk is full" in _one_sentence(capsys)


# Backups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite3.OperationalError("database or disk is full"),
        PermissionError(errno.EACCES, "Permission denied"),
    ],
    ids=["disk-full", "sqlite-full", "not-writable"],
)
@pytest.mark.parametrize("where", ["copy", "about"])
def test_a_failed_backup_leaves_nothing_behind(
    db: Path, error: Exception, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db)
    real_open = os.open

    def failing_copy(*args: object) -> None:
        raise error

    def failing_about(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".about"):
            descriptor = real_open(path, *args, **kwargs)  # made, then the write fails
            os.close(descriptor)
            raise error
        return real_open(path, *args, **kwargs)

    if where == "copy":
        monkeypatch.setattr(backups, "_copy", failing_copy)
    else:
        monkeypatch.setattr(os, "open", failing_about)
    try:
        with pytest.raises(StoreError, match=r"^Cannot back up the database to .*backups: "):
            backups.backup(store, before="import of a.json")
    finally:
        store.close()
    assert list((db.parent / "backups").iterdir()) == []


def test_a_non_writable_backups_folder_stops_an_import_with_one_sentence(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = tmp_path / "sender.db"
    Store.open(sender).close()
    bundle = tmp_path / "a.schoolnet.json"
    assert main(["--db", str(sender), "export", "-o", str(bundle)]) == 0
    capsys.readouterr()
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(str(path)).parent.name == "backups":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    before = db.read_bytes()
    assert main(["--db", str(db), "import", str(bundle)]) == 2
    err = _one_sentence(capsys)
    assert "Cannot back up the database" in err and "permission denied" in err
    assert db.read_bytes() == before


def test_restore_into_a_read_only_database_is_one_sentence(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(db)
    backups.backup(store)
    store.close()
    _connecting(monkeypatch, db, lambda conn: None)
    assert main(["--db", str(db), "restore", "1", "--yes"]) == 2
    assert "read-only" in _one_sentence(capsys)


def _coded(message: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


def test_what_sqlite_calls_an_io_error_on_a_full_disk_is_a_full_disk(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a full disk SQLite cannot grow its shared-memory file: SQLITE_IOERR_SHMSIZE (4874).
    error = _coded("disk I/O error", 4874)
    assert "the disk reported an error" in failures.cannot("open", db, error)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: SimpleNamespace(free=0))
    assert failures.cannot("open", db, error).endswith(": " + DISK_FULL + ".")


def test_what_sqlite_cannot_open_in_a_read_only_folder_is_read_only(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a folder it cannot write, SQLite cannot make a WAL database's -shm: SQLITE_CANTOPEN.
    error = _coded("unable to open database file", sqlite3.SQLITE_CANTOPEN)
    assert "cannot be opened" in failures.cannot("open", db, error)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert failures.cannot("open", db, error).endswith(": " + failures.READ_ONLY + ".")
