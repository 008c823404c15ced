"""The conflicts log: values that lost to a change made without knowing them.

An import logs the values its merge overrules; saving a form logs the value a field held
when the user's change to it replaced a change made underneath (by an import or another
window) after the form opened. Each entry keeps both values, so a person can restore the
one that lost.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from store.dates import iso_utc

if TYPE_CHECKING:
    from store.db import Store

# The bundle_id of a conflict found when saving a form rather than by an import.
LOCAL_EDIT = ""


@dataclass(frozen=True)
class Conflict:
    """A value that lost to a change made without knowing it."""

    table: str
    record_id: str
    field: str
    kept_value: Any
    lost_value: Any
    kept_at: str
    lost_at: str


def canon(value: Any) -> str:
    """A value as canonical JSON, as the log keeps it and merges compare it."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def log(store: Store, conflicts: Iterable[Conflict], bundle_id: str = LOCAL_EDIT) -> None:
    """Add conflicts to the log, inside the caller's transaction (none: nothing is written)."""
    conflicts = list(conflicts)
    if not conflicts:
        return
    now = iso_utc(store.clock())
    store.db.conn.executemany(
        "INSERT INTO conflicts (id, table_name, record_id, field, kept_value, lost_value,"
        " kept_at, lost_at, bundle_id, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [str(uuid.uuid4()), c.table, c.record_id, c.field, canon(c.kept_value),
             canon(c.lost_value), c.kept_at, c.lost_at, bundle_id, now]
            for c in conflicts
        ],
    )  # fmt: skip
    store.touch("conflicts")
