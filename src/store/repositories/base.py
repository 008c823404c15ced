"""A typed repository per record table: add, read, update and delete with tombstones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic

from pydantic import ValidationError

from store.dates import iso_utc
from store.errors import (
    DuplicateValue,
    InvalidReference,
    RecordInUse,
    RecordIsFinal,
    RecordNotFound,
    StoreError,
)
from store.models import Record
from store.schema import M, TableSpec
from store.sharing.clocks import data_fields, local_now, stamp_changes, stamp_of
from store.sharing.conflict_log import Conflict, log
from store.sharing.deleted import keep_version
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

    def update(self, record: M, *, based_on: M | None = None) -> M:
        """Save the fields of `record` that differ from `based_on`, each with a fresh clock.

        `based_on` is the version of the record the edit began from: the record a form was
        opened with, or the note as last saved. Only the fields the user changed from it are
        written, onto the record as it is stored when the save begins (read inside the same
        BEGIN IMMEDIATE transaction), so:

        - a field the user left alone keeps whatever an import or another window wrote
          meanwhile: it is neither turned back nor stamped as a new edit;
        - a field the user changed is saved, as the latest edit; if it too was changed
          underneath since `based_on`, the value it replaces goes to the conflicts log,
          from which the Sharing screen can restore it.

        Without `based_on`, the version given to `store.editing(...)` around this call is
        used; without either, the record is compared with the stored one, as for a record
        the caller has just read. Saving nothing new returns the stored record unstamped.
        """
        if self.spec.append_only:
            raise RecordIsFinal(
                f"A {self.spec.model.__name__.lower()} once recorded is not edited: add a dated"
                " amendment instead."
            )
        if based_on is None:
            opened = self.store.based_on(record.id)
            based_on = opened if isinstance(opened, type(record)) else None
        with self.store.db.atomic():
            stored = self.get(record.id) if based_on is None else self.find(record.id)
            if stored is None:
                raise RecordNotFound(
                    f"This {self.spec.model.__name__.lower()} was deleted (by an import or"
                    " another window) while it was being edited, so the changes were not saved."
                )
            base = stored if based_on is None else based_on
            changed = {
                name: getattr(record, name)
                for name in data_fields(record)
                if getattr(record, name) != getattr(base, name)
            }
            underneath = [
                name for name in changed
                if getattr(stored, name) not in (getattr(base, name), changed[name])
            ]  # fmt: skip
            if base is stored or not any(
                getattr(stored, name) != getattr(base, name) for name in data_fields(stored)
            ):
                merged = stored.model_copy(update=changed)
            else:
                merged = self._revalidated(stored, changed)
            clock, updated = stamp_changes(stored, merged, local_now(self.store))
            if clock == stored.field_clock:
                return stored  # nothing changed: no new stamp, nothing to send in a bundle
            stamped = merged.model_copy(update={"updated_at": updated, "field_clock": clock})
            row = self.spec.to_row(stamped)
            del row["id"]
            with self._translated_errors(stamped):
                self.store.db.table(self._table).update(record.id, row)
            log(
                self.store,
                [
                    Conflict(self._table, record.id, name, _json(stamped, name),
                             _json(stored, name), clock[name][0], stamp_of(stored, name)[0])
                    for name in underneath
                ],
            )  # fmt: skip
        self.store.touch(self._table)
        return stamped

    def _revalidated(self, stored: M, changed: dict[str, Any]) -> M:
        """The stored record with the user's changes, checked: the two may not agree."""
        try:
            return type(stored).model_validate(stored.model_dump() | changed)
        except ValidationError as error:
            raise StoreError(
                "This record was changed elsewhere (by an import or another window) while you"
                " edited it, and your changes no longer fit with it: close the form, look at"
                " the record again and make your change once more."
            ) from error

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
                keep_version(self.store, self._table, old)
        except sqlite3.IntegrityError as error:
            raise RecordInUse(
                f"This {self.spec.model.__name__.lower()} cannot be deleted while other records"
                " refer to it."
            ) from error
        self.store.touch(self._table)

    def _translated_errors(self, record: M) -> _IntegrityTranslator:
        return _IntegrityTranslator(self.spec, record)


def _json(record: Record, name: str) -> Any:
    """A field's value as JSON, as the conflicts log keeps it."""
    return record.model_dump(mode="json", include={name})[name]


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
