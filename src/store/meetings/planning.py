"""Planning meetings: one call per user action, and the cadence against six a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Literal

from store.dates import academic_year_bounds, academic_year_of, uk_date
from store.enums import MeetingKind, NetworkKind
from store.errors import StoreError
from store.models import Meeting
from store.schema import MEETINGS

if TYPE_CHECKING:
    from store.db import Store

MEETINGS_PER_YEAR = 6  # seed 003: the leadership group, and the board, meet six times a year
# The kind of meeting the six-a-year rule counts, by the kind of network holding it.
RULED_KIND = {
    NetworkKind.NETWORK: MeetingKind.SLG,
    NetworkKind.CLUSTER: MeetingKind.SLG,
    NetworkKind.IMPROVEMENT_BOARD: MeetingKind.IMPROVEMENT_BOARD,
}


class MeetingRefused(StoreError):
    """A meeting change the rules do not allow, said plainly."""


@dataclass(frozen=True)
class MeetingTimes:
    """When a meeting is: its day, and start and end as UK wall-clock times."""

    day: date
    starts: str  # "09:30"
    ends: str = ""  # "" when no end time is set

    def bounds(self) -> tuple[datetime, datetime | None]:
        """Start and end as datetimes, refusing an end before the start."""
        start = datetime.combine(self.day, parse_time(self.starts))
        end = datetime.combine(self.day, parse_time(self.ends)) if self.ends else None
        if end is not None and end <= start:
            raise MeetingRefused("The meeting must end after it starts.")
        return start, end


def parse_time(text: str) -> time:
    """A time written `9:30`, `09:30`, `0930` or `2pm`/`2.30pm`; MeetingRefused if not one."""
    raw = text.strip().lower().replace(".", ":").replace(" ", "")
    suffix = ""
    if raw.endswith(("am", "pm")):
        raw, suffix = raw[:-2], raw[-2:]
    if ":" in raw:
        hours, _, minutes = raw.partition(":")
    elif raw.isdigit() and len(raw) in (3, 4):
        hours, minutes = raw[:-2], raw[-2:]
    else:
        hours, minutes = raw, "00"
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise MeetingRefused(f"{text!r} is not a time: write it like 09:30 or 2.30pm.")
    hour, minute = int(hours), int(minutes)
    if suffix == "pm" and hour < 12:
        hour += 12
    if suffix == "am" and hour == 12:
        hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise MeetingRefused(f"There is no such time as {text}.")
    return time(hour, minute)


def plan_meeting(
    store: Store,
    *,
    network_id: str,
    title: str,
    kind: MeetingKind,
    times: MeetingTimes,
    place: str = "",
) -> Meeting:
    """Plan a meeting of a network (or of the board)."""
    store.networks.get(network_id)
    starts, ends = times.bounds()
    return store.meetings.add(
        Meeting(
            network_id=network_id,
            title=title,
            kind=kind,
            starts_at=starts,
            ends_at=ends,
            place=place,
        )  # fmt: skip
    )


def update_meeting(
    store: Store,
    meeting_id: str,
    *,
    title: str,
    kind: MeetingKind,
    times: MeetingTimes,
    place: str,
) -> Meeting:
    """Change a meeting's title, kind, date, times or place."""
    meeting = store.meetings.get(meeting_id)
    starts, ends = times.bounds()
    return store.meetings.update(
        meeting.model_copy(
            update={
                "title": title,
                "kind": kind,
                "starts_at": starts,
                "ends_at": ends,
                "place": place,
            }  # fmt: skip
        )
    )


def cancel(store: Store, meeting_id: str, *, cancelled: bool = True) -> Meeting:
    """Cancel a meeting (or restore it): it stays listed, and calendars say CANCELLED."""
    meeting = store.meetings.get(meeting_id)
    return store.meetings.update(meeting.model_copy(update={"cancelled": cancelled}))


def save_decisions(store: Store, meeting_id: str, decisions: str) -> Meeting:
    """Save the decisions the meeting took, one a line."""
    meeting = store.meetings.get(meeting_id)
    return store.meetings.update(meeting.model_copy(update={"decisions": decisions.strip()}))


def mark_shared(
    store: Store, meeting_id: str, paper: Literal["agenda", "minutes"], on: date
) -> Meeting:
    """Record the day the agenda, or the notes and actions, went to every member."""
    meeting = store.meetings.get(meeting_id)
    field = "agenda_shared_on" if paper == "agenda" else "notes_shared_on"
    return store.meetings.update(meeting.model_copy(update={field: on}))


def status(meeting: Meeting, now: datetime) -> str:
    """Held, Planned or Cancelled, as the list shows it."""
    if meeting.cancelled:
        return "Cancelled"
    return "Held" if meeting.starts_at < now else "Planned"


def listing(store: Store, network_id: str, year: str) -> list[Meeting]:
    """A network's meetings in an academic year (1 September to 31 August), by start."""
    first, last = academic_year_bounds(year)
    sql = (
        "SELECT * FROM meetings WHERE network_id = ? AND starts_at >= ? AND starts_at < ?"
        " ORDER BY starts_at, id"
    )
    rows = store.db.query(sql, [network_id, first.isoformat(), f"{last.isoformat()}T99"])
    return [MEETINGS.from_row(row) for row in rows]


def years(store: Store, network_id: str | None = None) -> list[str]:
    """Academic years with meetings (of one network, if given), newest first."""
    where, params = ("WHERE network_id = ?", [network_id]) if network_id else ("", [])
    sql = f"SELECT min(starts_at), max(starts_at) FROM meetings {where}"
    first, last = store.db.execute(sql, params).fetchone()
    if first is None:
        return []
    start, end = (
        int(academic_year_of(date.fromisoformat(first[:10]))[:4]),
        int(academic_year_of(date.fromisoformat(last[:10]))[:4]),
    )
    return [f"{y}/{(y + 1) % 100:02d}" for y in range(end, start - 1, -1)]


@dataclass(frozen=True)
class Cadence:
    """Meetings the rule counts in a year, held or planned, against the six expected."""

    year: str
    counted: int  # held or planned, not cancelled, of the kind the rule counts
    target: int | None  # None where no six-a-year rule applies (partnerships, alliances)
    reachable: bool  # False once the year can no longer reach the target
    months_left: int

    def __str__(self) -> str:
        if self.target is None:
            noun = "meeting" if self.counted == 1 else "meetings"
            return f"{self.counted} {noun} held or planned in {self.year}"
        return f"{self.counted} of {self.target} held or planned in {self.year}"

    @property
    def warning(self) -> str:
        """A sentence when the year falls short of the rule, else ""."""
        if self.target is None or self.counted >= self.target:
            return ""
        short = self.target - self.counted
        if not self.reachable:
            return (
                f"{self.year} can no longer reach {self.target}: {short} more would be needed"
                f" and {self.months_left} month{'s' if self.months_left != 1 else ''} remain."
            )
        return f"Plan {short} more to meet the rule of {self.target} a year."


def cadence(store: Store, network_id: str, year: str, today: date | None = None) -> Cadence:
    """How a network's year stands against six meetings.

    The rule counts leadership-group meetings (board meetings for the board), held or
    planned and not cancelled. A year can still reach six while enough months remain,
    taking at most one such meeting a month, as networks meet.
    """
    day = today or store.today()
    network = store.networks.get(network_id)
    kind = RULED_KIND.get(network.kind)
    first, last = academic_year_bounds(year)
    sql = (
        "SELECT count(*) FROM meetings WHERE network_id = ? AND starts_at >= ? AND starts_at < ?"
        " AND cancelled = 0" + (" AND kind = ?" if kind else "")
    )
    params: list[str] = [network_id, first.isoformat(), f"{last.isoformat()}T99"]
    if kind:
        params.append(kind.value)
    counted = int(store.db.execute(sql, params).fetchone()[0])
    if day > last:
        months_left = 0
    elif day < first:
        months_left = 12
    else:  # the months after this one, up to August
        months_left = (last.year - day.year) * 12 + last.month - day.month
    target = MEETINGS_PER_YEAR if kind else None
    reachable = target is None or counted + months_left >= target
    return Cadence(year, counted, target, reachable, months_left)


def when(meeting: Meeting) -> str:
    """`Wed 24 Sep 2025, 09:30 to 11:30`."""
    text = f"{meeting.starts_at:%a} {uk_date(meeting.starts_at.date())}, {meeting.starts_at:%H:%M}"
    if meeting.ends_at is not None:
        text += f" to {meeting.ends_at:%H:%M}"
    return text
