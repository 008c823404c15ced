"""Sharing by email: export and import bundles, the ledger, conflicts and unsent changes."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import uuid
from contextlib import suppress
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import schema
from store.dates import iso_utc
from store.errors import StoreError
from store.ids import find_network, resolve_id
from store.sharing import bundle, received
from store.sharing.backups import backup
from store.sharing.bundle import BundleRefused, Scope
from store.sharing.clocks import local_now
from store.sharing.conflict_log import Conflict
from store.sharing.merge import ImportPlan, apply_plan, cannot_apply, plan_import
from store.sharing.safe_text import printable
from store.text import os_error_reason, slug

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    path: Path
    size: int
    records: int
    bundle_id: str
    checksum: str
    encrypted: bool

    @property
    def over_email_limit(self) -> bool:
        """True when the file is larger than many email services accept."""
        return self.size > bundle.EMAIL_LIMIT


@dataclass(frozen=True)
class LedgerEntry:
    """A bundle sent or received."""

    direction: str
    bundle_id: str
    at: str
    scope: str
    peer: str
    checksum: str
    changes: dict[str, Any]
    file: str


@dataclass(frozen=True, kw_only=True)
class ConflictEntry(Conflict):
    """A conflict as the log keeps it: when it was logged, and restored if it was."""

    id: str
    logged_at: str
    restored_at: str | None


def scope_for(store: Store, kind: str, ref: str | None = None) -> Scope:
    """A scope from what the user named: a network by name or id (or an id's unique start)."""
    if kind == "everything":
        return Scope("everything")
    if kind == "network":
        network = find_network(store, ref or "")
        return Scope("network", network.id, network.name)
    if kind == "meeting":
        meeting = store.meetings.get(resolve_id(store, "meetings", ref or ""))
        return Scope("meeting", meeting.id, meeting.title)
    if kind != "review":
        raise KeyError(kind)
    review = store.peer_reviews.get(resolve_id(store, "peer_reviews", ref or ""))
    school = store.schools.get(review.host_school_id)
    return Scope("review", review.id, f"Peer review of {school.name} {review.academic_year}")


def suggested_name(scope: Scope, day: datetime) -> str:
    """A file name such as `hunts-area-primary-partnership-2026-11-23.schoolnet.json`."""
    return f"{slug(scope.name)}-{day:%Y-%m-%d}{bundle.SUFFIX}"


def export(
    store: Store,
    path: Path,
    scope: Scope,
    *,
    include_confidential: bool = False,
    passphrase: str | None = None,
) -> Exported:
    """Write a bundle for a scope; confidential records only encrypted, and only if asked."""
    if include_confidential and not passphrase:
        raise StoreError("Confidential records are only exported encrypted: give a passphrase.")
    refuse_own_files(store, path)
    data = bundle.build(store, scope, include_confidential=include_confidential)
    raw = bundle.encode(data, passphrase)
    try:
        write_private(path, raw)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    count = sum(len(items) for items in data["records"].values())
    _ledger(store, "sent", data, str(path), {"records": count})
    return Exported(
        path, len(raw), count, data["bundle_id"], data["checksum"], passphrase is not None
    )


def refuse_own_files(store: Store, path: Path) -> None:
    """Refuse a path that is the database, its WAL or SHM, or in its backups folder.

    Checked by name and by inode, without opening the file: opening and closing the database
    file here would drop SQLite's POSIX locks on it, and a later write could corrupt it.
    """
    if store.path is None:
        return
    database = store.path.resolve()
    own = [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    try:
        target = path.expanduser().resolve()
    except (OSError, RuntimeError):
        return
    same = target in own or target.parent == database.parent / "backups"
    if not same and target.exists():
        with suppress(OSError):
            found = target.stat()
            same = any(
                (found.st_dev, found.st_ino) == (o.stat().st_dev, o.stat().st_ino)
                for o in own
                if o.exists()
            )
    if same:
        raise StoreError(
            f"{path} is schoolnet's own database or one of its backups: choose another file."
        )


def write_private(path: Path, raw: bytes) -> None:
    """Write a file readable by its owner only (a bundle or a paper may be confidential).

    Written whole under a temporary name beside it, then renamed: a full disk or a failure
    half way leaves the file as it was (or absent), never a cut-short bundle or an empty one.
    A device or a pipe (/dev/null, /dev/stdout) is written through: never replaced, never
    made private.
    """
    try:
        found = path.stat()  # through a link, to what it points at
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(path, "wb") as handle:
            handle.write(raw)
        return
    target = path.resolve() if path.is_symlink() else path
    partial = target.with_name(f".schoolnet-{uuid.uuid4().hex[:12]}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(raw)
        os.replace(partial, target)
    except BaseException:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def preview(store: Store, path: Path, passphrase: str | None = None) -> ImportPlan:
    """Read, check and plan an import without changing anything (the dry run).

    On a connection of its own, as `apply` is, so a worker thread previewing never shares
    the UI's connection.
    """
    refuse_own_files(store, path)
    data = received.read(path, passphrase)
    with store.separate() as own:
        return plan_import(own, data, path.name)


def apply(store: Store, plan: ImportPlan, path: Path) -> Path | None:
    """Back up the database, then apply the bundle of a previewed import in one transaction.

    The preview is advice: the import is planned again inside its own write transaction
    (BEGIN IMMEDIATE), against the database as it is then, so an edit made after the
    preview is merged like any other local change (it wins, or the value it beats goes to
    the conflicts log) and is never turned back. `plan` is updated to what was applied.
    The import runs on a connection of its own (`Store.separate`), so a write the UI
    makes meanwhile waits for it and is never rolled back with it.
    """
    scope = printable(str(plan.bundle["scope"].get("name", "")))
    before = f"importing {printable(path.name)} ({scope})"
    with store.separate() as own:
        saved = backup(own, before) if own.path is not None else None
        try:
            with own.db.atomic():
                fresh = plan_import(own, plan.bundle, path.name, plan.parsed)
                apply_plan(own, fresh)
                _ledger(own, "received", fresh.bundle, str(path), fresh.counts())
        except sqlite3.IntegrityError as error:
            raise cannot_apply(plan) from error
    for name in fields(ImportPlan):
        setattr(plan, name.name, getattr(fresh, name.name))
    return saved


def import_file(store: Store, path: Path, passphrase: str | None = None) -> ImportPlan:
    """Check, plan, back up and apply a bundle file."""
    plan = preview(store, path, passphrase)
    apply(store, plan, path)
    return plan


def _ledger(store: Store, direction: str, data: dict[str, Any], file: str, changes: Any) -> None:
    by = data.get("created_by", {})
    peer = f"{by.get('name') or 'unnamed'} ({by.get('installation_id', '?')[:8]})"
    store.db.execute(
        "INSERT INTO bundle_ledger (id, direction, bundle_id, at, scope, peer, checksum, changes,"
        " file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            str(uuid.uuid4()), direction, data["bundle_id"], iso_utc(local_now(store)),
            data["scope"].get("name", ""), peer if direction == "received" else "you",
            data["checksum"], json.dumps(changes, sort_keys=True), file,
        ],
    )  # fmt: skip
    store.touch("bundle_ledger")


def ledger(store: Store) -> list[LedgerEntry]:
    """Bundles sent and received, newest first."""
    return [
        LedgerEntry(
            row["direction"],
            row["bundle_id"],
            row["at"],
            row["scope"],
            row["peer"],
            row["checksum"],
            json.loads(row["changes"]),
            row["file"],
        )  # fmt: skip
        for row in store.db.query("SELECT * FROM bundle_ledger ORDER BY at DESC, id")
    ]


def unsent_changes(store: Store) -> int:
    """Records changed here since the last bundle this database sent."""
    row = store.db.execute("SELECT max(at) FROM bundle_ledger WHERE direction = 'sent'").fetchone()
    since = row[0] or ""
    # Records merged in from others count too: they have not been passed on from here either.
    counts = [f"SELECT count(*) FROM {spec.name} WHERE updated_at > ?" for spec in schema.TABLES]
    counts.append("SELECT count(*) FROM tombstones WHERE deleted_at > ?")
    return sum(int(store.db.execute(sql, [since]).fetchone()[0]) for sql in counts)


def conflicts(store: Store) -> list[ConflictEntry]:
    """The conflicts log, newest first."""
    return [
        ConflictEntry(
            row["table_name"],
            row["record_id"],
            row["field"],
            json.loads(row["kept_value"]),
            json.loads(row["lost_value"]),
            row["kept_at"],
            row["lost_at"],
            id=row["id"],
            logged_at=row["logged_at"],
            restored_at=row["restored_at"],
        )  # fmt: skip
        for row in store.db.query(
            "SELECT * FROM conflicts ORDER BY logged_at DESC, table_name, field, id"
        )
    ]


def restore_conflict(store: Store, conflict_id: str) -> None:
    """Put the losing value back, as a new local edit that will travel in the next bundle."""
    entry = next((c for c in conflicts(store) if c.id == conflict_id), None)
    if entry is None:
        raise StoreError("That conflict is not in the log.")
    repo = store.repository(entry.table)
    record = repo.find(entry.record_id)
    if record is None:
        raise StoreError("The record of that conflict has since been deleted.")
    restored = type(record).model_validate(record.model_dump() | {entry.field: entry.lost_value})
    with store.db.atomic():
        repo.update(restored, based_on=record)
        store.db.execute(
            "UPDATE conflicts SET restored_at = ? WHERE id = ?",
            [iso_utc(store.clock()), conflict_id],
        )
    store.touch("conflicts")


def record_label(store: Store, table: str, record_id: str) -> str:
    """A short human name for a record: its name or title, else the start of its id."""
    spec = schema.BY_NAME.get(table)
    if spec is None:
        return record_id[:8]
    for column in ("name", "title", "description"):
        if column in spec.columns:
            row = store.db.execute(
                f"SELECT {column} FROM {table} WHERE id = ?", [record_id]
            ).fetchone()
            if row is not None:
                return str(row[0])
    return record_id[:8]


def scope_choices(store: Store) -> dict[str, list[tuple[str, str]]]:
    """What can be exported on its own: networks, reviews and meetings, as (label, id)."""
    schools = {s.id: s.name for s in store.schools.all()}
    reviews = [
        (f"{schools.get(r.host_school_id, '?')} {r.academic_year} ({r.stage.label.lower()})", r.id)
        for r in store.peer_reviews.all(order_by="starts_on DESC")
    ]
    networks = {n.id: n.name for n in store.networks.all()}
    meetings = [
        (f"{m.starts_at:%d %b %Y}: {networks.get(m.network_id or '', '')} {m.title}", m.id)
        for m in store.meetings.all(order_by="starts_at DESC")
    ]
    return {
        "network": [(name, network_id) for network_id, name in networks.items()],
        "review": reviews,
        "meeting": meetings,
    }


__all__ = [
    "BundleRefused",
    "Scope",
    "export",
    "import_file",
    "preview",
    "apply",
    "ledger",
    "conflicts",
]
