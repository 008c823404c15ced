"""Schema creation, pragmas, file permissions and the model-table match."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from store import Store
from store.migrations import APPLICATION_ID, SCHEMA_VERSION
from store.schema import TABLES, TableSpec


def test_new_database_has_every_table_at_current_version(file_store: Store) -> None:
    names = set(file_store.db.table_names())
    local_only = {"tombstones", "deleted_versions", "settings", "conflicts", "bundle_ledger"}
    assert {spec.name for spec in TABLES} | local_only == names
    assert file_store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert file_store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_columns_match_the_model(store: Store, spec: TableSpec[Any]) -> None:
    columns = {column.name for column in store.db[spec.name].columns}
    assert columns == set(spec.columns)


def test_file_database_uses_wal_foreign_keys_and_busy_timeout(file_store: Store) -> None:
    db = file_store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_foreign_keys_are_enforced_even_in_raw_sql(file_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        file_store.db.execute(
            "INSERT INTO memberships (id, created_at, updated_at, network_id, school_id, role,"
            " status) VALUES ('x', 't', 't', 'no-such-network', 'no-such-school', 'member',"
            " 'active')"
        )


def test_database_file_is_private_to_its_owner(db_path: Path) -> None:
    Store.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "schoolnet.db"
    Store.open(path).close()
    assert path.exists()


def test_installation_id_is_made_once(db_path: Path) -> None:
    first = Store.open(db_path)
    made = first.installation_id
    first.close()
    again = Store.open(db_path)
    assert again.installation_id == made
    again.close()


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_registry_references_are_the_databases_foreign_keys(
    store: Store, spec: TableSpec[Any]
) -> None:
    # Bundles decide what a scope carries from the registry's references: one the database
    # enforces but the registry lacks would leave a scoped bundle that cannot be imported.
    keys = store.db.execute(f"PRAGMA foreign_key_list({spec.name})").fetchall()
    assert {row[3]: row[2] for row in keys} == spec.references
