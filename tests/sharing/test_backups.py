"""Backups: numbered in the order taken, checked before a restore, never half-written."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from cli.main import main
from store import Store, StoreError
from store.models import School
from store.sharing import backups

from ..conftest import TickingClock


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "mine.db"
    store = Store.open(path, clock=TickingClock())
    store.schools.add(School(name="Before"))
    store.close()
    return path


def _names(path: Path) -> list[str]:
    store = Store.open(path)
    try:
        return sorted(s.name for s in store.schools.all())
    finally:
        store.close()


def test_backups_are_numbered_in_the_order_taken_whatever_the_clock(db: Path) -> None:
    store = Store.open(db, clock=lambda: TickingClock()().replace(year=2001))
    first = backups.backup(store, before="import of a.json")
    store.clock = lambda: TickingClock()().replace(year=1999)  # the clock went back
    second = backups.backup(store, before="import of b.json")
    listed = backups.list_backups(store)
    assert [b.path for b in listed] == [second, first]  # newest first
    assert [b.before for b in listed] == ["import of b.json", "import of a.json"]
    assert [b.number for b in listed] == [2, 1]
    store.close()


def test_the_backups_folder_and_the_data_folder_are_private(db: Path) -> None:
    store = Store.open(db)
    saved = backups.backup(store)
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    store.close()
    fresh = db.parent.parent / "new-data" / "x.db"
    Store.open(fresh).close()
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700


def test_the_newest_is_never_deleted_and_only_keep_are_kept(db: Path) -> None:
    store = Store.open(db)
    taken = [backups.backup(store) for _ in range(backups.KEEP + 2)]
    listed = backups.list_backups(store)
    assert len(listed) == backups.KEEP
    assert listed[0].path == taken[-1]
    store.close()


def test_a_partial_backup_from_a_killed_import_is_not_listed(db: Path) -> None:
    store = Store.open(db)
    saved = backups.backup(store)
    # What a copy killed half way leaves: the temporary name, never renamed.
    (saved.parent / "mine-000002.db.partial").write_bytes(b"SQLite format 3\x00" + b"\0" * 10)
    assert [b.path for b in backups.list_backups(store)] == [saved]
    store.close()


def test_a_failed_backup_leaves_no_empty_file(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(db)

    def broken(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backups, "_copy", broken)
    with pytest.raises(StoreError, match="Cannot back up"):
        backups.backup(store)
    assert [p for p in (db.parent / "backups").iterdir()] == []
    store.close()


def test_a_backups_folder_that_is_a_file_is_one_sentence(db: Path) -> None:
    (db.parent / "backups").write_text("not a folder")
    store = Store.open(db)
    with pytest.raises(StoreError, match=r"^Cannot back up the database"):
        backups.backup(store)
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_non_writable_backups_folder_is_one_sentence(db: Path) -> None:
    folder = db.parent / "backups"
    folder.mkdir(mode=0o500)
    store = Store.open(db)
    try:
        with pytest.raises(StoreError, match=r"^Cannot back up the database"):
            backups.backup(store)
    finally:
        folder.chmod(0o700)
        store.close()


def _restore(db: Path, *more: str) -> list[str]:
    return ["--db", str(db), "restore", *more]


def test_restore_asks_first_and_refuses_without_a_terminal(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db)
    backups.backup(store, before="import of a.json")
    store.schools.add(School(name="After"))
    store.close()
    assert main(_restore(db)) == 0
    listing = capsys.readouterr().out
    assert listing.startswith(" 1. ") and "before import of a.json" in listing
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(_restore(db, "1")) == 2
    assert "--yes" in capsys.readouterr().err
    assert _names(db) == ["After", "Before"]
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(_restore(db, "1")) == 2
    assert _names(db) == ["After", "Before"]
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert main(_restore(db, "1")) == 0
    assert _names(db) == ["Before"]


def test_restore_takes_a_backup_of_the_current_state_first(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(db)
    backups.backup(store)
    store.schools.add(School(name="After"))
    store.close()
    assert main(_restore(db, "1", "--yes")) == 0
    assert _names(db) == ["Before"]
    assert main(_restore(db)) == 0
    listing = capsys.readouterr().out
    assert "before restoring backup 1" in listing
    assert main(_restore(db, "1", "--yes")) == 0  # the newest: the state before the restore
    assert _names(db) == ["After", "Before"]


def _bad_backup(db: Path, how: str) -> Path:
    path = db.parent / f"{how}.db"
    if how == "corrupt":
        store = Store.open(db)
        saved = backups.backup(store)
        store.close()
        raw = bytearray(saved.read_bytes())
        raw[100:1000] = b"\xff" * 900  # the schema's own page
        path.write_bytes(bytes(raw))
        return path
    conn = sqlite3.connect(path)
    if how == "foreign":
        conn.execute("CREATE TABLE t (x)")
    elif how == "newer":
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA application_id = 1396919892")
        conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("corrupt", "damaged"),
        ("foreign", "not a schoolnet database"),
        ("newer", "newer version"),
        ("empty", "empty"),
    ],
)
def test_restore_checks_the_backup_first(
    db: Path, how: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _bad_backup(db, how)
    before = db.read_bytes()
    assert main(_restore(db, str(source), "--yes")) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert db.read_bytes() == before
    assert _names(db) == ["Before"]
