"""Turning stored values into text for the screen; text from the database is never markup."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from store.dates import uk_date

__all__ = ["plain", "uk_date", "uk_datetime"]


def plain(value: object) -> Text:
    """Text that shows `value` literally, so `[bold]` in a school's name stays as typed."""
    return Text("" if value is None else str(value))


def uk_datetime(moment: datetime | None) -> str:
    """A meeting time, e.g. `Wed 20 Jan 2027, 09:30`."""
    return "" if moment is None else f"{moment:%a} {uk_date(moment.date())}, {moment:%H:%M}"
