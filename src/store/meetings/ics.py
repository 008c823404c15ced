"""A network's meetings (or the board's) as an iCalendar file for Outlook and Google Calendar.

Each event's UID is the meeting's id, so importing a later export updates the events
rather than duplicating them; SEQUENCE grows with each edit. Times are UK wall-clock
times in Europe/London; a cancelled meeting goes out as STATUS:CANCELLED.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from store.meetings.planning import listing, years

if TYPE_CHECKING:
    from store.db import Store

LONDON = ZoneInfo("Europe/London")
UID_DOMAIN = "schoolnet"
DEFAULT_LENGTH = timedelta(hours=2)  # a meeting with no end time set


def calendar_bytes(store: Store, network_id: str) -> bytes:
    """Every meeting of the network, in every year, as an .ics file's bytes."""
    from icalendar import Calendar, Event, Timezone  # imported here: only exports need it

    network = store.networks.get(network_id)
    calendar = Calendar()
    calendar.add("prodid", "-//schoolnet//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", network.name)
    calendar.add("x-wr-timezone", "Europe/London")
    meetings = [
        meeting
        for year in sorted(years(store, network_id))
        for meeting in listing(store, network_id, year)
    ]
    if meetings:
        first = min(m.starts_at for m in meetings)
        last = max(m.ends_at or m.starts_at for m in meetings)
        # The zone's rules a year either side, so every event's offset is in the file.
        calendar.add_component(
            Timezone.from_tzid(
                "Europe/London",
                first_date=first.date() - timedelta(days=366),
                last_date=last.date() + timedelta(days=366),
            )
        )
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.id}@{UID_DOMAIN}")
        event.add("dtstamp", meeting.updated_at)
        event.add("created", meeting.created_at)
        event.add("last-modified", meeting.updated_at)
        event.add("sequence", len(meeting.field_clock) and _edits(meeting.field_clock))
        event.add("summary", meeting.title)
        start = meeting.starts_at.replace(tzinfo=LONDON)
        end = (meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH).replace(tzinfo=LONDON)
        event.add("dtstart", start)
        event.add("dtend", end)
        if meeting.place:
            event.add("location", meeting.place)
        event.add("description", f"{meeting.kind.label}, {network.name}.")
        event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _edits(field_clock: dict[str, tuple[str, str]]) -> int:
    """A count that grows with each edit, for SEQUENCE: distinct change times recorded."""
    return len({changed for changed, _ in field_clock.values()})


def write_calendar(store: Store, network_id: str, path: Path) -> Path:
    """Write the network's calendar to path, readable by its owner only, as papers are."""
    from store.sharing.exchange import write_private

    write_private(path, calendar_bytes(store, network_id))
    return path
