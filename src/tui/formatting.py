"""Turning stored values into text for the screen; text from the database is never markup."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from rich.text import Text

from store.dates import uk_date

__all__ = ["options", "plain", "uk_date", "uk_datetime"]

V = TypeVar("V")


def plain(value: object) -> Text:
    """Text that shows `value` literally, so `[bold]` in a school's name stays as typed."""
    return Text("" if value is None else str(value))


def options(pairs: Iterable[tuple[object, V]]) -> list[tuple[Text, V]]:
    """Select options whose labels show as typed: Textual reads a str label as markup."""
    return [(plain(label), value) for label, value in pairs]


def uk_datetime(moment: datetime | None) -> str:
    """A meeting time, e.g. `Wed 20 Jan 2027, 09:30`."""
    return "" if moment is None else f"{moment:%a} {uk_date(moment.date())}, {moment:%H:%M}"
