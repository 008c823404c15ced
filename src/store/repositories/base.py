"""A typed repository per record table: add, read, update and delete with tombstones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic

from store.dates import iso_utc
from store.errors import (
    DuplicateValue,
    InvalidReference,
    RecordInUse,
    RecordIsFinal,
    RecordNotFound,
)
from store.models import Record
from store.schema import M, TableSpec
from store.sharing.clocks import local_now, stamp_changes
from store.sql import query_in

if TYPE_CHECKING:
    from store.db import Store


class Repository(Generic[M]):
    """Reads and writes the records of one table as pydantic models."""

    def __init__(self, store: Store, spec: TableSpec[M]) -> None:
        self.store = store
        self.spec = spec

    @property
    def _table(self) -> str:
        return self.spec.name

    def _where(self, equals: dict[str, Any]) -> tuple[str, list[Any]]:
        unknown = set(equals) - set(self.spec.columns)
        if unknown:
            raise ValueError(f"{self._table} has no column {', '.join(sorted(unknown))}")
        clauses, params = [], []
        for column, value in equals.items():
            if value is None:
                clauses.append(f"{column} IS NULL")
            else:
                clauses.append(f"{column} = ?")
                params.append(value.value if hasattr(value, "value") else value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _order(self, order_by: str | None) -> str:
        default = "name" if "name" in self.spec.columns else "created_at"
        columns = [part.strip() for part in (order_by or default).split(",")]
        for column in columns:
            if column.removesuffix(" DESC") not in self.spec.columns:
                raise ValueError(f"{self._table} has no column {column}")
        return f" ORDER BY {', '.join(columns)}, id"

    def find(self, record_id: str) -> M | None:
        """The record with this id, or None."""
        rows = self.store.db.query(f"SELECT * FROM {self._table} WHERE id = ?", [record_id])
        row = next(rows, None)
        return None if row is None else self.spec.from_row(row)

    def get(self, record_id: str) -> M:
        """The record with this id; RecordNotFound if there is none."""
        record = self.find(record_id)
        if record is None:
            raise RecordNotFound(f"No {self._table.replace('_', ' ')} record has id {record_id}.")
        return record

    def by_ids(self, ids: Iterable[str]) -> dict[str, M]:
        """The records with these ids (unknown ids are left out), by id."""
        sql = f"SELECT * FROM {self._table} WHERE id IN ({{marks}})"
        wanted = sorted({record_id for record_id in ids if record_id})
        return {row["id"]: self.spec.from_row(row) for row in query_in(self.store.db, sql, wanted)}

    def where(self, order_by: str | None = None, **equals: Any) -> list[M]:
        """Records whose columns equal the given values."""
        clause, params = self._where(equals)
        sql = f"SELECT * FROM {self._table}{clause}{self._order(order_by)}"
        return [self.spec.from_row(row) for row in self.store.db.query(sql, params)]

    def all(self, order_by: str | None = None) -> list[M]:
        """Every record of the table."""
        return self.where(order_by)

    def count(self, **equals: Any) -> int:
        """How many records match."""
        clause, params = self._where(equals)
        sql = f"SELECT count(*) FROM {self._table}{clause}"
        return int(self.store.db.execute(sql, params).fetchone()[0])

    def add(self, record: M) -> M:
        """Store a new record, stamped with the time and who made it."""
        now = local_now(self.store)
        stamped = record.model_copy(
            update={
                "created_at": now,
                "updated_at": now,
                "created_by": record.created_by or self.store.user_name,
                "field_clock": {},
            }
        )
        row = self.spec.to_row(stamped)
        with self._translated_errors(stamped):
            with self.store.db.atomic():
                self.store.db.table(self._table).insert(row)
        self.store.touch(self._table)
        return stamped

    def update(self, record: M) -> M:
        """Save changes to an existing record, stamping which fields changed and when."""
        if self.spec.append_only:
            raise RecordIsFinal(
                f"A {self.spec.model.__name__.lower()} once recorded is not edited: add a dated"
                " amendment instead."
            )
        old = self.get(record.id)
        clock, updated = stamp_changes(old, record, local_now(self.store))
        if clock == old.field_clock:
            return old  # nothing changed: no new stamp, nothing to send in a bundle
        stamped = record.model_copy(
            update={
                "updated_at": updated,
                "field_clock": clock,
                "created_at": old.created_at,
                "created_by": old.created_by,
            }
        )
        row = self.spec.to_row(stamped)
        del row["id"]
        with self._translated_errors(stamped):
            with self.store.db.atomic():
                self.store.db.table(self._table).update(record.id, row)
        self.store.touch(self._table)
        return stamped

    def delete(self, record_id: str) -> None:
        """Delete a record, leaving a tombstone so bundles can carry the deletion."""
        old = self.get(record_id)
        # A deletion made here is always later than the version of the record it deletes.
        deleted_at = max(local_now(self.store), old.updated_at + timedelta(microseconds=1))
        try:
            with self.store.db.atomic():
                self.store.db.execute(f"DELETE FROM {self._table} WHERE id = ?", [record_id])
                self.store.db.execute(
                    "INSERT OR REPLACE INTO tombstones (table_name, record_id, deleted_at)"
                    " VALUES (?, ?, ?)",
                    [self._table, record_id, iso_utc(deleted_at)],
                )
        except sqlite3.IntegrityError as error:
            raise RecordInUse(
                f"This {self.spec.model.__name__.lower()} cannot be deleted while other records"
                " refer to it."
            ) from error
        self.store.touch(self._table)

    def _translated_errors(self, record: M) -> _IntegrityTranslator:
        return _IntegrityTranslator(self.spec, record)


class _IntegrityTranslator:
    """Turns SQLite integrity errors on writes into plain sentences."""

    def __init__(self, spec: TableSpec[Any], record: Record) -> None:
        self.spec = spec
        self.record = record

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: object
    ) -> None:
        if not isinstance(error, sqlite3.IntegrityError):
            return
        text = str(error)
        noun = self.spec.model.__name__.lower()
        if text.startswith("UNIQUE constraint failed"):
            column = text.rsplit(".", 1)[-1]
            if column == "id":
                raise DuplicateValue(
                    f"A {noun} with id {self.record.id} already exists."
                ) from error
            value = getattr(self.record, column, "")
            raise DuplicateValue(f"Another {noun} already has {column} {value}.") from error
        if "FOREIGN KEY" in text:
            raise InvalidReference(
                f"This {noun} refers to a record that does not exist."
            ) from error
