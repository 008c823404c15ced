"""Bundles waiting for you: bundle files and emails carrying one, in Downloads and in the
folders the user adds (a partnership's shared OneDrive folder, say).

Each is read once per change of the file (its size and time), so listing a folder again is
only a look at the folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from store.errors import StoreError
from store.sharing.bundle import FORMAT, SUFFIX
from store.sharing.crypto import ENCRYPTED_FORMAT
from store.sharing.email_draft import DRAFT_SUFFIX, attached_bundle
from store.sharing.parsing import parse_json, read_bounded
from store.sharing.safe_text import printable

if TYPE_CHECKING:
    from store.db import Store

FOLDERS_SETTING = "inbox_folders"
_Key = tuple[str, int, int]
_read: dict[_Key, _Facts | None] = {}


def downloads_folder() -> Path:
    """The user's Downloads folder, where a mail program saves attachments.

    The one place the real folder is found: tests replace this function.
    """
    return Path(platformdirs.user_downloads_dir())


@dataclass(frozen=True)
class _Facts:
    sender: str
    installation_id: str
    scope: str
    created_at: str
    checksum: str
    encrypted: bool


@dataclass(frozen=True)
class Waiting:
    """A bundle found in a watched folder, and whether it is in this database already."""

    path: Path
    sender: str
    scope: str
    created_at: str
    size: int
    encrypted: bool
    imported: bool


def added_folders(store: Store) -> list[Path]:
    """The folders the user added to look in, beside Downloads."""
    raw = store.settings.get(FOLDERS_SETTING)
    return [Path(item) for item in json.loads(raw)] if raw else []


def folders(store: Store) -> list[Path]:
    """Every folder looked in: Downloads first, then the ones added."""
    found = [downloads_folder()]
    found += [folder for folder in added_folders(store) if folder not in found]
    return found


def add_folder(store: Store, folder: Path) -> None:
    """Look in this folder too."""
    folder = folder.expanduser()
    if not folder.is_dir():
        raise StoreError(f"There is no folder {folder}.")
    kept = added_folders(store)
    if folder not in kept and folder != downloads_folder():
        kept.append(folder)
    store.settings.set(FOLDERS_SETTING, json.dumps([str(item) for item in kept]))
    store.touch("settings")


def remove_folder(store: Store, folder: Path) -> None:
    """Stop looking in a folder the user added."""
    kept = [item for item in added_folders(store) if item != folder]
    store.settings.set(FOLDERS_SETTING, json.dumps([str(item) for item in kept]))
    store.touch("settings")


def _facts_of(path: Path) -> _Facts | None:
    """Who sent the bundle in a file and what it holds, or None if it carries none."""
    try:
        raw = read_bounded(path)
        if path.suffix.lower() == DRAFT_SUFFIX:
            raw = attached_bundle(raw, path.name)[1]
        data: Any = parse_json(raw, path.name)
    except StoreError:
        return None
    if not isinstance(data, dict):
        return None
    if data.get("format") == ENCRYPTED_FORMAT:
        return _Facts("encrypted", "", "encrypted: needs its passphrase", "", "", True)
    if data.get("format") != FORMAT:
        return None
    by, scope = data.get("created_by"), data.get("scope")
    by = by if isinstance(by, dict) else {}
    scope = scope if isinstance(scope, dict) else {}
    return _Facts(
        printable(str(by.get("name") or "someone unnamed"))[:80],
        str(by.get("installation_id", "")),
        printable(str(scope.get("name", "")))[:120],
        str(data.get("created_at", "")),
        str(data.get("checksum", "")),
        False,
    )


def _candidates(folder: Path) -> list[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    names = (SUFFIX, DRAFT_SUFFIX)
    return [e for e in entries if e.name.lower().endswith(names) and e.is_file()]


def waiting(store: Store) -> list[Waiting]:
    """Bundles from colleagues in the watched folders, newest first, each marked imported
    when the ledger has received its checksum (or, encrypted, that very file)."""
    received = {
        row["checksum"]
        for row in store.db.query("SELECT checksum FROM bundle_ledger WHERE direction = 'received'")
    }
    files = {
        row["file"]: row["direction"]
        for row in store.db.query("SELECT file, direction FROM bundle_ledger")
    }
    me = store.installation_id
    found: list[Waiting] = []
    for folder in folders(store):
        for path in _candidates(folder):
            try:
                stat = path.stat()
            except OSError:
                continue
            key = (str(path), stat.st_size, stat.st_mtime_ns)
            if key not in _read:
                if len(_read) > 1000:  # files come and go over a long session
                    _read.clear()
                _read[key] = _facts_of(path)
            facts = _read[key]
            if facts is None or facts.installation_id == me or files.get(str(path)) == "sent":
                continue
            imported = (
                files.get(str(path)) == "received"
                if facts.encrypted
                else facts.checksum in received
            )
            when = facts.created_at or datetime.fromtimestamp(stat.st_mtime).isoformat()
            found.append(
                Waiting(path, facts.sender, facts.scope, when, stat.st_size,
                        facts.encrypted, imported)
            )  # fmt: skip
    return sorted(found, key=lambda item: (item.created_at, str(item.path)), reverse=True)


def waiting_sentence(store: Store) -> str:
    """`2 bundles from colleagues not yet imported`, or "" when there are none."""
    count = sum(1 for item in waiting(store) if not item.imported)
    if not count:
        return ""
    return f"{count} bundle{'s' if count != 1 else ''} from colleagues not yet imported (press x)."
