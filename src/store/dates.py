"""Time helpers: UTC timestamps for records and the English academic year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC, to the microsecond."""
    return datetime.now(UTC)


def academic_year_of(day: date) -> str:
    """The academic year (1 September to 31 August) holding `day`, written `2025/26`."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def academic_year_bounds(year: str) -> tuple[date, date]:
    """First and last day of an academic year written `2025/26`."""
    start = int(year[:4])
    return date(start, 9, 1), date(start + 1, 8, 31)


def is_academic_year(text: str) -> bool:
    """True for a well-formed academic year such as `2025/26`."""
    if len(text) != 7 or text[4] != "/" or not (text[:4] + text[5:]).isdigit():
        return False
    return (int(text[:4]) + 1) % 100 == int(text[5:])


def iso_utc(moment: datetime) -> str:
    """A timestamp in UTC written as pydantic writes them, e.g. `2026-01-15T09:30:00.000000Z`."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
