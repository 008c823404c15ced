"""Merging a bundle into the database, field by field, losing nothing.

Each field is a last-writer-wins register keyed by its clock: the newer change wins, and
equal times are settled by comparing the values, so every database that sees the same
bundles ends with the same data, whatever the order. A value that loses to a change made
without knowing it (a concurrent edit) goes to the conflicts log, from which a person can
restore it. Tombstones delete records that are not newer than the deletion; the versions
they delete go on being merged in store.sharing.deleted, so a record that a newer edit
brings back holds the same fields on every laptop.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from store import schema
from store.dates import iso_utc
from store.sharing import identity, timing
from store.sharing.bundle import BundleRefused, Tombstone, records_of
from store.sharing.clocks import data_fields, stamp_of
from store.sharing.conflict_log import Conflict, canon, log
from store.sharing.deleted import keep_version, kept_versions
from store.sql import query_in

if TYPE_CHECKING:
    from store.db import Store


@dataclass
class TableChanges:
    """What an import does to one table."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    deleted: int = 0
    # Of the records above, how many were found here by natural key (a school by URN).
    matched: int = 0

    @property
    def total(self) -> int:
        """Every record and deletion the bundle brought for this table."""
        return self.new + self.updated + self.unchanged + self.older + self.deleted


@dataclass
class ImportPlan:
    """Everything an import would change, worked out before anything is written."""

    bundle: dict[str, Any]
    changes: dict[str, TableChanges] = field(default_factory=lambda: defaultdict(TableChanges))
    inserts: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    deletes: list[tuple[str, str]] = field(default_factory=list)
    tombstones: list[Tombstone] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # The versions of deleted records to keep, merged with what this bundle knew of them.
    kept: dict[tuple[str, str], Any] = field(default_factory=dict)
    kept_in_use: int = 0
    # Local records given the id of the same record elsewhere: (table, old id, new id).
    rekeys: list[tuple[str, str, str]] = field(default_factory=list)
    # The latest stamp the bundle holds: later local edits are stamped after it.
    latest: str = ""
    # The bundle's records as read (before matching), so applying need not read them again.
    parsed: tuple[dict[str, list[Any]], list[Tombstone]] | None = None

    @property
    def changes_anything(self) -> bool:
        """True when applying the plan would write a record."""
        return bool(self.inserts or self.updates or self.deletes or self.conflicts or self.rekeys)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per table, how many records are new, updated, unchanged, older and deleted."""
        return {
            table: {
                "new": c.new,
                "updated": c.updated,
                "unchanged": c.unchanged,
                "older": c.older,
                "deleted": c.deleted,
            }
            | ({"matched": c.matched} if c.matched else {})
            for table, c in sorted(self.changes.items())
            if c.total
        }


def _facts(record: Any) -> dict[str, Any]:
    """What a record says, without its bookkeeping."""
    return {name: getattr(record, name) for name in data_fields(record)}


def _local(store: Store, spec: schema.TableSpec[Any], ids: list[str]) -> dict[str, Any]:
    sql = f"SELECT * FROM {spec.name} WHERE id IN ({{marks}})"
    return {row["id"]: spec.from_row(row) for row in query_in(store.db, sql, ids)}


def _local_as(
    store: Store, spec: schema.TableSpec[Any], identities: identity.Identities, ids: list[str]
) -> dict[str, Any]:
    """Local records by the ids they will have once matched records are re-keyed."""
    now = {identities.local_id(spec.name, record_id): record_id for record_id in ids}
    return {
        now[old]: record if now[old] == old else record.model_copy(update={"id": now[old]})
        for old, record in _local(store, spec, list(now)).items()
    }


def _existing(store: Store, table: str, ids: set[str]) -> set[str]:
    sql = f"SELECT id FROM {table} WHERE id IN ({{marks}})"
    return {row["id"] for row in query_in(store.db, sql, sorted(ids))}


def _check_references(store: Store, records: dict[str, list[Any]]) -> None:
    """Refuse a bundle whose records point at records neither it nor this database holds."""
    carried = {table: {r.id for r in items} for table, items in records.items()}
    for table, items in records.items():
        spec = schema.BY_NAME[table]
        for column, target in spec.references.items():
            wanted = {getattr(r, column) for r in items if getattr(r, column)} - carried.get(
                target, set()
            )
            missing = wanted - _existing(store, target, wanted) if wanted else set()
            if missing:
                ref = sorted(missing)[0]
                holder = next(r.id for r in items if getattr(r, column) == ref)
                raise BundleRefused(
                    f"Record {holder} in {table} refers to {target} record {ref}, which is neither"
                    " in the bundle nor in this database."
                )


def merge_record(
    local: Any, incoming: Any, table: str
) -> tuple[Any, list[str], bool, list[Conflict]]:
    """Merge two versions of a record: (merged, fields taken, incoming was older, conflicts)."""
    mine, theirs = local.model_dump(mode="json"), incoming.model_dump(mode="json")
    clock = dict(local.field_clock)
    taken: list[str] = []
    older = False
    conflicts: list[Conflict] = []
    for name in data_fields(local):
        ours, other = stamp_of(local, name), stamp_of(incoming, name)
        if mine[name] == theirs[name]:
            if other > ours:
                clock[name] = other
            continue
        if (other[0], canon(theirs[name])) > (ours[0], canon(mine[name])):
            taken.append(name)
            clock[name] = other
            if ours[0] > other[1]:  # our value was made without the sender knowing it
                conflicts.append(
                    Conflict(table, local.id, name, theirs[name], mine[name], other[0], ours[0])
                )
        else:
            older = True
            if other[0] > ours[1]:
                conflicts.append(
                    Conflict(table, local.id, name, mine[name], theirs[name], ours[0], other[0])
                )
    update: dict[str, Any] = {name: getattr(incoming, name) for name in taken}
    update["field_clock"] = clock
    update["updated_at"] = max(local.updated_at, incoming.updated_at)
    return local.model_copy(update=update), taken, older and not taken, conflicts


def plan_import(
    store: Store,
    data: dict[str, Any],
    name: str,
    parsed: tuple[dict[str, list[Any]], list[Tombstone]] | None = None,
) -> ImportPlan:
    """Work out what importing a checked bundle would change; writes nothing.

    `parsed` is the `parsed` of an earlier plan of the same bundle, to plan it again
    against the database as it is now without reading its records again.
    """
    read = parsed if parsed is not None else records_of(data, name)
    records, deleted = read
    identities = identity.match(store, records, name)
    records, deleted = identity.rename(identities, records, deleted)
    _check_references(store, records)
    latest = timing.latest(data, records, deleted, name)
    timing.refuse_future(store, data, latest, name)
    plan = ImportPlan(bundle=data, rekeys=identities.rekeys, latest=latest, parsed=read)
    tombs: dict[tuple[str, str], datetime] = {
        (row["table_name"], row["record_id"]): datetime.fromisoformat(
            row["deleted_at"].replace("Z", "+00:00")
        )
        for row in store.db.query("SELECT * FROM tombstones")
    }
    for tombstone in deleted:
        if schema.BY_NAME[tombstone.table].append_only:
            raise BundleRefused(
                f"{name} deletes {tombstone.table.replace('_', ' ')} record {tombstone.id}:"
                " such records are never deleted, only amended with a date."
            )
    for tombstone in deleted:
        key = (tombstone.table, tombstone.id)
        if key not in tombs or tombstone.deleted_at > tombs[key]:
            plan.tombstones.append(tombstone)
            tombs[key] = tombstone.deleted_at
    final_updated: dict[tuple[str, str], datetime] = {}
    final: dict[tuple[str, str], Any] = {}
    for spec in schema.TABLES:
        incoming = records.get(spec.name, [])
        local = _local_as(store, spec, identities, [r.id for r in incoming])
        matched = identities.matched.get(spec.name, {})
        counts = plan.changes[spec.name]
        gone = [r.id for r in incoming if r.id not in local and (spec.name, r.id) in tombs]
        kept = kept_versions(store, spec, gone) if gone else {}
        for record in incoming:
            tomb = tombs.get((spec.name, record.id))
            mine = local.get(record.id)
            if mine is None and record.id in kept:
                record = merge_record(kept[record.id], record, spec.name)[0]
            if mine is None and tomb is not None and record.updated_at <= tomb:
                plan.kept[(spec.name, record.id)] = record
                counts.older += 1
                continue
            if mine is None:
                plan.inserts[spec.name].append(record)
                counts.new += 1
                final_updated[(spec.name, record.id)] = record.updated_at
                continue
            if record.id in matched:
                counts.matched += 1
                holder = mine if matched[record.id] else record
                created = (holder.created_at, holder.created_by)
                mine, record = identity.explicit(mine, created), identity.explicit(record, created)
            if spec.append_only and _facts(mine) != _facts(record):
                raise BundleRefused(
                    f"{name} changes a {spec.model.__name__.lower()} already recorded here"
                    f" ({record.id}): it is never changed, only amended with a date."
                )
            merged, taken, older, conflicts = merge_record(mine, record, spec.name)
            plan.conflicts.extend(conflicts)
            final_updated[(spec.name, record.id)] = merged.updated_at
            final[(spec.name, record.id)] = merged
            if merged != mine:
                plan.updates[spec.name].append(merged)
            if taken:
                counts.updated += 1
            elif older:
                counts.older += 1
            else:
                counts.unchanged += 1
    for tombstone in deleted:
        key = (tombstone.table, tombstone.id)
        updated = final_updated.get(key)
        if updated is None:
            row = store.db.execute(
                f"SELECT updated_at FROM {tombstone.table} WHERE id = ?", [tombstone.id]
            ).fetchone()
            updated = None if row is None else datetime.fromisoformat(row[0].replace("Z", "+00:00"))
        if updated is not None and updated <= tombs[key]:
            plan.deletes.append(key)
            plan.changes[tombstone.table].deleted += 1
            spec = schema.BY_NAME[tombstone.table]
            version = final.get(key) or _local(store, spec, [tombstone.id]).get(tombstone.id)
            if version is not None:
                plan.kept[key] = version
    return plan


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """Write the plan in one transaction: all of it, or none of it, or one sentence."""
    try:
        _apply(store, plan)
    except sqlite3.IntegrityError as error:
        raise cannot_apply(plan) from error


def cannot_apply(plan: ImportPlan) -> BundleRefused:
    """The sentence for a bundle this database's rules refuse (a URN held by two schools)."""
    return BundleRefused(
        "This bundle cannot be applied here: it would give two records the same URN or break"
        " a link between records, so nothing was changed."
    )


def _apply(store: Store, plan: ImportPlan) -> None:
    with store.db.atomic():
        if plan.rekeys:
            # Ids and the references to them change together; checked when all agree again.
            store.db.execute("PRAGMA defer_foreign_keys = ON")
            for table, old, new in plan.rekeys:
                identity.rekey(store, table, old, new)
            store.db.execute("PRAGMA defer_foreign_keys = OFF")
        # Rows from to_rows are SQLite values already, so they go straight to executemany;
        # sqlite-utils' insert_all would inspect every value again and triple the time.
        for spec in schema.TABLES:
            fresh = plan.inserts.get(spec.name, [])
            if fresh:
                columns = list(spec.columns)
                marks = ", ".join("?" * len(columns))
                sql = f"INSERT INTO {spec.name} ({', '.join(columns)}) VALUES ({marks})"
                rows = spec.to_rows(fresh)
                store.db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])
        for spec in schema.TABLES:
            merged = plan.updates.get(spec.name, [])
            if merged:
                columns = [c for c in spec.columns if c != "id"]
                assignments = ", ".join(f"{c} = ?" for c in columns)
                sql = f"UPDATE {spec.name} SET {assignments} WHERE id = ?"
                rows = spec.to_rows(merged)
                store.db.conn.executemany(
                    sql, [[row[c] for c in columns] + [row["id"]] for row in rows]
                )
        for tombstone in plan.tombstones:
            store.db.execute(
                "INSERT INTO tombstones (table_name, record_id, deleted_at) VALUES (?, ?, ?)"
                " ON CONFLICT(table_name, record_id) DO UPDATE SET deleted_at = excluded.deleted_at"
                " WHERE excluded.deleted_at > tombstones.deleted_at",
                [tombstone.table, tombstone.id, iso_utc(tombstone.deleted_at)],
            )
        order = {spec.name: index for index, spec in enumerate(schema.TABLES)}
        for table, record_id in sorted(plan.deletes, key=lambda key: -order[key[0]]):
            try:
                with store.db.atomic():
                    store.db.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
            except sqlite3.IntegrityError:
                plan.kept_in_use += 1  # still referenced here; kept rather than break a link
        for (table, _), version in plan.kept.items():
            keep_version(store, table, version)
        timing.witness(store, plan.latest)
        log(store, plan.conflicts, plan.bundle["bundle_id"])
    rekeyed = [spec.name for spec in schema.TABLES] if plan.rekeys else []
    store.touch(
        "conflicts",
        *rekeyed,
        *plan.inserts,
        *plan.updates,
        *(table for table, _ in plan.deletes),
    )
