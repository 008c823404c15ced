"""Turning stored values into text for the screen; text from the database is never markup."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from rich.text import Text

from store.dates import uk_date, uk_timestamp
from store.text import plural

__all__ = [
    "ledger_with",
    "options",
    "plain",
    "plural",
    "uk_date",
    "uk_datetime",
    "uk_timestamp",
]

V = TypeVar("V")


def plain(value: object) -> Text:
    """Text that shows `value` literally, so `[bold]` in a school's name stays as typed.

    Cut short by a narrow table column or chooser, it ends in `…`, so the cut shows.
    """
    return Text("" if value is None else str(value), overflow="ellipsis")


def options(pairs: Iterable[tuple[object, V]]) -> list[tuple[Text, V]]:
    """Select options whose labels show as typed: Textual reads a str label as markup."""
    return [(plain(label), value) for label, value in pairs]


def uk_datetime(moment: datetime | None) -> str:
    """A meeting time, e.g. `Wed 20 Jan 2027, 09:30`."""
    return "" if moment is None else f"{moment:%a} {uk_date(moment.date())}, {moment:%H:%M}"


def ledger_with(direction: str, peer: str) -> str:
    """Who a ledger entry's bundle was exchanged with, as far as this copy knows.

    A received bundle names its sender; a sent one goes to whoever it was emailed to, which
    schoolnet never sees (older ledgers stored `you` there: the sender, not the other side).
    """
    return peer if direction == "received" else "—"
