"""Sending a bundle: to a file or an email draft, to named people, whole or only what changed.

The ledger remembers to whom and what each bundle went (in its `changes` column), so
"only changes since the last bundle to these people" needs no new table.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import schema
from store.dates import uk_date
from store.errors import StoreError
from store.sharing import bundle, email_draft, exchange
from store.sharing.bundle import Scope
from store.sharing.email_draft import DRAFT_SUFFIX, Sender
from store.sharing.file_names import bundle_file_name, sender_label
from store.text import os_error_reason

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class Sent:
    """What was written: a bundle file or an email draft carrying one."""

    path: Path
    size: int
    records: int
    encrypted: bool
    draft: bool
    attachment: str
    since: str | None

    @property
    def over_email_limit(self) -> bool:
        """True when the file is larger than many email services accept."""
        return self.size > bundle.EMAIL_LIMIT


def is_draft(path: Path) -> bool:
    """True when the path names an email draft rather than a bundle file."""
    return path.suffix.lower() == DRAFT_SUFFIX


def sender(store: Store) -> Sender:
    """The user, as an email from them is signed: name, school, and address if known."""
    profile = store.profile
    if profile is None:
        return Sender("")
    person = store.people.find(profile.person_id) if profile.person_id else None
    school = sender_label(store) if profile.school_id else ""
    return Sender(profile.name, school, person.email if person else "")


def last_sent(store: Store, scope: Scope, to: Sequence[str]) -> str | None:
    """When the last bundle covering this scope went to exactly these people, if one did."""
    wanted = sorted(address.lower() for address in to)
    for row in store.db.query(
        "SELECT at, changes FROM bundle_ledger WHERE direction = 'sent' ORDER BY at DESC, id"
    ):
        changes = json.loads(row["changes"])
        if not isinstance(changes, dict) or sorted(changes.get("to", [])) != wanted:
            continue
        kind, ident = changes.get("kind"), changes.get("scope_id")
        if kind == "everything" or (kind == scope.kind and ident == scope.id):
            return str(row["at"])
    return None


def changes_since(data: dict[str, Any], since: str) -> dict[str, Any]:
    """The bundle cut to records changed after `since` and the records they refer to.

    What they refer to comes too, so the smaller bundle still imports on its own, as
    every bundle does; deletions since then travel as well.
    """
    index = {table: {row["id"]: row for row in rows} for table, rows in data["records"].items()}
    keep = {
        table: {ident for ident, row in rows.items() if str(row.get("updated_at", "")) > since}
        for table, rows in index.items()
    }
    pending = [(table, ident) for table, ids in keep.items() for ident in ids]
    while pending:
        table, ident = pending.pop()
        for column, target in schema.BY_NAME[table].references.items():
            ref = index[table][ident].get(column)
            if ref and ref in index.get(target, {}) and ref not in keep[target]:
                keep[target].add(ref)
                pending.append((target, ref))
    cut = dict(data)
    cut["records"] = {
        table: [row for row in data["records"][table] if row["id"] in ids]
        for table, ids in keep.items()
        if ids
    }
    cut["deleted"] = [item for item in data["deleted"] if str(item["deleted_at"]) > since]
    day = uk_date(datetime.fromisoformat(since.replace("Z", "+00:00")).date())
    cut["scope"] = dict(data["scope"]) | {"name": f"{data['scope']['name']}, changes since {day}"}
    cut["checksum"] = bundle.checksum(cut)
    return cut


def export(
    store: Store,
    path: Path,
    scope: Scope,
    *,
    to: Sequence[str] = (),
    since_last: bool = False,
    include_confidential: bool = False,
    passphrase: str | None = None,
) -> Sent:
    """Write a bundle, or an email draft with it attached when the path ends in .eml."""
    if include_confidential and not passphrase:
        raise StoreError("Confidential records are only exported encrypted: give a passphrase.")
    recipients = email_draft.addresses(to)
    exchange.refuse_own_files(store, path)
    since = last_sent(store, scope, recipients) if since_last else None
    data = bundle.build(store, scope, include_confidential=include_confidential)
    if since is not None:
        data = changes_since(data, since)
    raw = bundle.encode(data, passphrase)
    who = sender(store)
    attachment = bundle_file_name(data["scope"]["name"], sender_label(store), store.today())
    if is_draft(path):
        message = email_draft.draft(
            raw, attachment, data, sender=who, to=recipients, when=store.clock(),
            encrypted=passphrase is not None,
        )  # fmt: skip
        raw = email_draft.as_file(message)
    try:
        exchange.write_private(path, raw)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    count = sum(len(items) for items in data["records"].values())
    changes = {"records": count, "to": sorted(a.lower() for a in recipients),
               "kind": scope.kind, "scope_id": scope.id, "since": since}  # fmt: skip
    exchange._ledger(store, "sent", data, str(path), changes)
    return Sent(path, len(raw), count, passphrase is not None, is_draft(path), attachment, since)


def draft_for(store: Store, bundle_path: Path, to: Sequence[str] = ()) -> Path:
    """An email draft beside a bundle file already written, with that file attached."""
    recipients = email_draft.addresses(to)
    try:
        raw = bundle_path.read_bytes()
    except OSError as error:
        raise StoreError(f"Cannot read {bundle_path}: {os_error_reason(error)}.") from None
    encrypted = json.loads(raw).get("format") != bundle.FORMAT
    data = {} if encrypted else json.loads(raw)
    if encrypted:
        entry = next((e for e in exchange.ledger(store) if e.file == str(bundle_path)), None)
        data = {"scope": {"name": entry.scope if entry else bundle_path.name}}
    name = bundle_path.name
    message = email_draft.draft(
        raw, name, data, sender=sender(store), to=recipients, when=store.clock(),
        encrypted=encrypted,
    )  # fmt: skip
    target = bundle_path.with_name(name.removesuffix(bundle.SUFFIX) + DRAFT_SUFFIX)
    try:
        exchange.write_private(target, email_draft.as_file(message))
    except OSError as error:
        raise StoreError(f"Cannot write {target}: {os_error_reason(error)}.") from None
    return target
