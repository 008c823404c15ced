"""SQL helpers: queries over more values than SQLite binds in one statement."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

# SQLite's default limit on bound parameters is 999 in older builds: stay under it.
CHUNK = 900


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """The values in lists of at most `size`."""
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def query_in(db: Database, sql: str, values: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Rows of `sql`, whose `{marks}` is filled by each chunk of values as `IN ({marks})`."""
    for batch in chunks(values):
        yield from db.query(sql.format(marks=",".join("?" * len(batch))), batch)
