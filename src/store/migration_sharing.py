"""Migration: a deleted record's last version is kept beside its tombstone, on this laptop
only, so an edit made elsewhere before the deletion is not lost if the record comes back.

A migration, once released, is never edited.
"""

from __future__ import annotations

from sqlite_utils import Database


def v_deleted_versions(db: Database) -> None:
    """deleted_versions: per deleted record, the JSON of every version known of it, merged."""
    db.execute(
        "CREATE TABLE deleted_versions (table_name TEXT NOT NULL, record_id TEXT NOT NULL,"
        " version TEXT NOT NULL, PRIMARY KEY (table_name, record_id))"
    )
