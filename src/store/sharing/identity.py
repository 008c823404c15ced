"""Identity across laptops: the same school is one record, whoever created it.

Two heads who each import the DfE register make the same schools under different ids. A
table with a natural key (`TableSpec.natural_key`, a school's URN) therefore knows an
incoming record whose id is new here by that key too. The two records become one, under
the smaller of the two ids, so every laptop that sees both ends with the same id: the
incoming one and everything pointing at it are renamed before merging, and the local one
(with everything here pointing at it) is re-keyed when the transaction is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from store import schema
from store.sharing.bundle import BundleRefused, Tombstone
from store.sharing.clocks import data_fields, stamp_of
from store.sql import query_in

if TYPE_CHECKING:
    from store.db import Store


@dataclass
class Identities:
    """How a bundle's records map onto this database's by natural key."""

    # Per table, incoming (and local) ids that become another id.
    renames: dict[str, dict[str, str]] = field(default_factory=dict)
    # Local records to re-key: (table, local id, id they take).
    rekeys: list[tuple[str, str, str]] = field(default_factory=list)
    # Per table, the canonical ids of records matched by natural key, and who holds the
    # bookkeeping (created_at, created_by): the record whose id was kept.
    matched: dict[str, dict[str, bool]] = field(default_factory=dict)

    def local_id(self, table: str, record_id: str) -> str:
        """The id the local copy of a record has now, before any re-keying."""
        for name, old, new in self.rekeys:
            if name == table and new == record_id:
                return old
        return record_id


def match(store: Store, records: dict[str, list[Any]], name: str) -> Identities:
    """Find incoming records that are local ones under another id, by natural key."""
    found = Identities()
    for spec in schema.TABLES:
        key = spec.natural_key
        incoming = records.get(spec.name, [])
        if key is None or not incoming:
            continue
        by_key: dict[Any, str] = {}
        for record in incoming:
            value = getattr(record, key)
            if value is None:
                continue
            if value in by_key:
                raise BundleRefused(
                    f"{name} holds two {spec.name} with {key} {value}, which must be one record."
                )
            by_key[value] = record.id
        carried = {record.id for record in incoming}
        known = _ids(store, spec.name, carried)
        unknown = {value: rid for value, rid in by_key.items() if rid not in known}
        sql = f"SELECT id, {key} FROM {spec.name} WHERE {key} IN ({{marks}})"
        renames: dict[str, str] = {}
        matched: dict[str, bool] = {}
        for row in query_in(store.db, sql, sorted(unknown)):
            theirs, mine = unknown[row[key]], row["id"]
            if mine in carried:
                continue  # the bundle moves that key off our record: merged by id instead
            kept = min(theirs, mine)
            if theirs != kept:
                renames[theirs] = kept
            else:
                renames[mine] = kept
                found.rekeys.append((spec.name, mine, kept))
            matched[kept] = kept == mine
        if renames:
            found.renames[spec.name] = renames
            found.matched[spec.name] = matched
    return found


def _ids(store: Store, table: str, ids: set[str]) -> set[str]:
    sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
    return {row["id"] for row in query_in(store.db, sql, sorted(ids))}


def rename(
    identities: Identities, records: dict[str, list[Any]], deleted: list[Tombstone]
) -> tuple[dict[str, list[Any]], list[Tombstone]]:
    """The bundle's records and tombstones with matched ids, and references to them, renamed."""
    renames = identities.renames
    if not renames:
        return records, deleted
    out: dict[str, list[Any]] = {}
    for table, items in records.items():
        spec = schema.BY_NAME[table]
        own = renames.get(table, {})
        columns = {c: renames[t] for c, t in spec.references.items() if t in renames}
        if not own and not columns:
            out[table] = items
            continue
        fixed = []
        for record in items:
            update = {c: m[v] for c, m in columns.items() if (v := getattr(record, c)) in m}
            if record.id in own:
                update["id"] = own[record.id]
            fixed.append(record.model_copy(update=update) if update else record)
        out[table] = fixed
    tombs = [
        t.model_copy(update={"id": renames[t.table][t.id]})
        if t.id in renames.get(t.table, {})
        else t
        for t in deleted
    ]
    return out, tombs


def explicit(record: Any, created: tuple[datetime, str] | None = None) -> Any:
    """The record with every field's clock written out, and optionally other bookkeeping.

    Two records merged by natural key were created at different times; writing every stamp
    out keeps each field's own time when the merged record takes one creation time.
    """
    clock = {name: stamp_of(record, name) for name in data_fields(record)}
    update: dict[str, Any] = {"field_clock": clock}
    if created is not None:
        update["created_at"], update["created_by"] = created
    return record.model_copy(update=update)


def rekey(store: Store, table: str, old: str, new: str) -> None:
    """Give a local record a new id, and point everything here that used the old one at it.

    Runs inside the import's transaction with foreign keys deferred to its end.
    """
    store.db.execute(f"UPDATE {table} SET id = ? WHERE id = ?", [new, old])
    for spec in schema.TABLES:
        for column, target in spec.references.items():
            if target == table:
                store.db.execute(
                    f"UPDATE {spec.name} SET {column} = ? WHERE {column} = ?", [new, old]
                )
    store.db.execute(
        "UPDATE conflicts SET record_id = ? WHERE table_name = ? AND record_id = ?",
        [new, table, old],
    )
    profile = store.profile
    if table == "schools" and profile is not None and profile.school_id == old:
        store.save_profile(profile.model_copy(update={"school_id": new}))
    if table == "people" and profile is not None and profile.person_id == old:
        store.save_profile(profile.model_copy(update={"person_id": new}))
