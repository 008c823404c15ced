"""Turning stored values into text for the screen; text from the database is never markup."""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text


def plain(value: object) -> Text:
    """Text that shows `value` literally, so `[bold]` in a school's name stays as typed."""
    return Text("" if value is None else str(value))


def uk_date(day: date | None) -> str:
    """A date as UK readers write it, e.g. `20 Jan 2027`."""
    return "" if day is None else f"{day.day} {day:%b %Y}"


def uk_datetime(moment: datetime | None) -> str:
    """A meeting time, e.g. `Wed 20 Jan 2027, 09:30`."""
    return "" if moment is None else f"{moment:%a} {uk_date(moment.date())}, {moment:%H:%M}"
