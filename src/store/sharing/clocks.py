"""Per-field clocks: when each field of a record last changed, and what that change replaced.

Times are UTC ISO strings with microseconds, so comparing the strings compares the times.
A local edit is always stamped later than the value it replaces, even if this computer's
clock is behind the one that wrote that value.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from store.dates import iso_utc
from store.models import Record

if TYPE_CHECKING:
    from store.db import Store

# Fields every record has that are not merged as data.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "created_by", "field_clock"})
Stamp = tuple[str, str]


def data_fields(record: Record) -> list[str]:
    """The fields of a record that hold its data."""
    return [name for name in type(record).model_fields if name not in BOOKKEEPING]


def stamp_of(record: Record, field: str) -> Stamp:
    """[changed_at, replaced] for a field; unchanged fields date from the record's creation."""
    changed_at, replaced = record.field_clock.get(field, (iso_utc(record.created_at), ""))
    return (changed_at, replaced)


def after(stamp: str, now: datetime) -> str:
    """`now`, or a microsecond after `stamp` if that is later."""
    candidate = iso_utc(now)
    if candidate > stamp:
        return candidate
    bumped = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(microseconds=1)
    return iso_utc(bumped)


def stamp_changes(old: Record, new: Record, now: datetime) -> tuple[dict[str, Stamp], datetime]:
    """The field clock of `new` after a local edit of `old`, and its updated_at."""
    clock = dict(old.field_clock)
    latest = iso_utc(now)
    for field in data_fields(new):
        if getattr(old, field) != getattr(new, field):
            current = stamp_of(old, field)[0]
            changed = after(current, now)
            clock[field] = (changed, current)
            latest = max(latest, changed)
    updated = datetime.fromisoformat(latest.replace("Z", "+00:00"))
    return clock, max(updated, old.updated_at)


# The settings key under which the latest stamp an import brought is kept.
HIGHEST_SEEN = "clock_highest_seen"


def local_now(store: Store) -> datetime:
    """A hybrid logical clock: this computer's time, but never before a stamp already seen.

    So an edit made here after an import is stamped after everything the import brought,
    even when the sender's clock was ahead of ours.
    """
    now = store.clock()
    seen = store.settings.get(HIGHEST_SEEN)
    if seen and seen >= iso_utc(now):
        return datetime.fromisoformat(seen.replace("Z", "+00:00")) + timedelta(microseconds=1)
    return now
