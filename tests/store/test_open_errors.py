"""Files that cannot be schoolnet databases are refused with one plain sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import Store
from store.errors import DatabaseUnavailable, NewerDatabase, NotASchoolnetDatabase


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("minutes of the last meeting")
    with pytest.raises(NotASchoolnetDatabase, match=r"notes.db is not a SQLite database\.$"):
        Store.open(path)
    assert path.read_text() == "minutes of the last meeting"


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(NotASchoolnetDatabase, match="a SQLite database, but not a schoolnet one"):
        Store.open(path)


def test_database_from_a_newer_schoolnet_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerDatabase, match="newer version of schoolnet"):
        Store.open(db_path)


def test_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="it is a folder"):
        Store.open(tmp_path)


def test_path_below_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseUnavailable, match="part of that path is a file"):
        Store.open(blocker / "schoolnet.db")
