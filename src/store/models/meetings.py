"""Meetings, their agendas and attendance, and actions from any source."""

from __future__ import annotations

from datetime import date, datetime

from store.enums import (
    ActionSource,
    ActionStatus,
    AttendanceStatus,
    MeetingKind,
)
from store.models.base import (
    Name,
    Record,
    RecordId,
)


class Meeting(Record):
    """A meeting of a network's leadership group, the improvement board or a subject network."""

    network_id: RecordId | None = None
    title: Name
    kind: MeetingKind = MeetingKind.SLG
    starts_at: datetime
    place: str = ""
    notes: str = ""
    decisions: str = ""


class AgendaItem(Record):
    """An item on a meeting's agenda."""

    meeting_id: RecordId
    position: int = 0
    title: Name
    lead: str = ""
    notes: str = ""


class Attendance(Record):
    """Whether a person came to a meeting."""

    meeting_id: RecordId
    person_id: RecordId
    status: AttendanceStatus = AttendanceStatus.PRESENT
    note: str = ""


class Action(Record):
    """Something someone agreed to do, from a meeting, a plan or a review."""

    description: Name
    owner_id: RecordId | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    source: ActionSource = ActionSource.OTHER
    network_id: RecordId | None = None
    meeting_id: RecordId | None = None
    priority_id: RecordId | None = None
    review_id: RecordId | None = None
