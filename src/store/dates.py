"""Time helpers: UTC timestamps for records and the English academic year."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def parse_uk_date(text: str) -> date | None:
    """A date written `15/01/2026`, `15-01-2026`, `2026-01-15` or `15 Jan 2026`; None if blank.

    Raises ValueError, with a sentence fit for the user, when the text is not a date.
    """
    text = text.strip()
    if not text:
        return None
    if match := _DMY.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif (match := _WORDS.match(text)) and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
    else:
        raise ValueError("write a date like 15/01/2026, 2026-01-15 or 15 Jan 2026")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"there is no such date as {text}") from None


def uk_date(day: date | None) -> str:
    """A date as UK readers write it, e.g. `15 Jan 2026`; blank for None."""
    return "" if day is None else f"{day.day} {day:%b %Y}"


def uk_timestamp(moment: datetime | str | None) -> str:
    """A stored UTC time as UK readers write it, in UK time: `23 Nov 2026 14:05`."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(_london())
    return f"{uk_date(local.date())} {local:%H:%M}"


def _london() -> tzinfo:
    """Europe/London; UTC where the system has no time-zone data (Windows without tzdata)."""
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:
        return UTC
