"""Clock rules for bundles: every stamp a real UTC time, none more than a day ahead.

A laptop whose clock is years ahead would otherwise win every concurrent edit for ever and
pass that on through every re-export. So a bundle dated more than a day after this
computer's time is refused, naming its sender; anything less is accepted, and the highest
stamp seen is remembered (`clocks.local_now`), so an edit made here afterwards still wins.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from store.dates import iso_utc
from store.sharing.bundle import BundleRefused, Tombstone
from store.sharing.clocks import HIGHEST_SEEN
from store.sharing.safe_text import printable

if TYPE_CHECKING:
    from store.db import Store

AHEAD = timedelta(hours=24)
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def is_stamp(value: object) -> bool:
    """True for a UTC time written as schoolnet writes clocks: `2026-11-23T10:00:00.000000Z`."""
    if not isinstance(value, str) or not _STAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00")) + timedelta(days=1)
    except (ValueError, OverflowError):
        return False
    return True


def latest(
    data: dict[str, Any], records: dict[str, list[Any]], deleted: list[Tombstone], name: str
) -> str:
    """The latest stamp anywhere in a bundle; refuse any clock that is not a real time."""
    try:
        made = datetime.fromisoformat(str(data["created_at"]).replace("Z", "+00:00"))
        if made.tzinfo is None:
            raise ValueError
    except ValueError:
        raise BundleRefused(
            f"{name} has no valid created_at, so it is not a whole bundle."
        ) from None
    moments = [made]
    stamps = [""]
    for table, items in records.items():
        for record in items:
            moments.append(max(record.created_at, record.updated_at))
            for field, (changed, replaced) in record.field_clock.items():
                if not is_stamp(changed) or not (replaced == "" or is_stamp(replaced)):
                    raise BundleRefused(
                        f"Record {record.id} in {table} is not valid: the time {field} changed"
                        " is not a real UTC time."
                    )
                stamps.append(changed)
    moments.extend(tombstone.deleted_at for tombstone in deleted)
    try:
        return max(max(stamps), iso_utc(max(moments)))
    except (ValueError, OverflowError):
        raise BundleRefused(f"{name} holds a time that is not a real date.") from None


def refuse_future(store: Store, data: dict[str, Any], stamp: str, name: str) -> None:
    """Refuse a bundle dated more than a day after this computer's time."""
    limit = iso_utc(store.clock() + AHEAD)
    if stamp <= limit:
        return
    sender = printable(str(data["created_by"].get("name") or ""))[:80] or "its sender"
    raise BundleRefused(
        f"{name} is dated {stamp[:10]}, more than a day ahead of this computer's clock:"
        f" ask {sender} to check their computer's date (or check this one's), then send it again."
    )


def witness(store: Store, stamp: str) -> None:
    """Remember the latest stamp an import brought, so later local edits are stamped after it."""
    seen = store.settings.get(HIGHEST_SEEN) or ""
    if stamp > seen:
        store.settings.set(HIGHEST_SEEN, stamp)
