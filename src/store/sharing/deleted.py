"""The last version of each deleted record, kept here so that deletions and edits converge.

A tombstone deletes every version of a record not newer than it. Without the versions it
deleted, a laptop that saw the deletion first would drop an older edit that arrives later,
while a laptop that merged that edit first keeps it; if a newer edit then brings the record
back, the two would differ for ever. So a deleted record's versions go on being merged here,
field by field, and a record that comes back is merged with them. They never leave the laptop.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from store.schema import TableSpec
from store.sql import query_in

if TYPE_CHECKING:
    from store.db import Store


def kept_versions(store: Store, spec: TableSpec[Any], ids: list[str]) -> dict[str, Any]:
    """The kept versions of these records of one table, by id."""
    sql = (
        "SELECT record_id, version FROM deleted_versions"
        f" WHERE table_name = '{spec.name}' AND record_id IN ({{marks}})"
    )
    return {
        row["record_id"]: spec.model.model_validate(json.loads(row["version"]))
        for row in query_in(store.db, sql, ids)
    }


def keep_version(store: Store, table: str, record: Any) -> None:
    """Keep a record's version as the last one known of it (inside the caller's transaction)."""
    store.db.execute(
        "INSERT OR REPLACE INTO deleted_versions (table_name, record_id, version) VALUES (?, ?, ?)",
        [table, record.id, record.model_dump_json()],
    )
