"""Meetings, their agendas and attendance, and actions from any source."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from store.enums import (
    ActionSource,
    ActionStatus,
    AttendanceStatus,
    MeetingKind,
    Rag,
)
from store.models.base import (
    Name,
    Record,
    RecordId,
)
from store.models.plans import Money


class Meeting(Record):
    """A meeting of a network's leadership group, the improvement board or a subject network."""

    network_id: RecordId | None = None
    title: Name
    kind: MeetingKind = MeetingKind.SLG
    # Wall-clock times in the UK (Europe/London), as people write them on an agenda.
    starts_at: datetime
    ends_at: datetime | None = None
    place: str = ""
    notes: str = ""
    decisions: str = ""
    cancelled: bool = False
    agenda_shared_on: date | None = None
    notes_shared_on: date | None = None


class AgendaItem(Record):
    """An item on a meeting's agenda."""

    meeting_id: RecordId
    position: int = 0
    title: Name
    lead: str = ""
    lead_id: RecordId | None = None
    minutes: int | None = Field(default=None, ge=1, le=600)
    notes: str = ""


class Attendance(Record):
    """Whether a person came to a meeting."""

    meeting_id: RecordId
    person_id: RecordId
    status: AttendanceStatus = AttendanceStatus.PRESENT
    note: str = ""
    # The member school the person came for (a head for their school, a lead for a network).
    school_id: RecordId | None = None
    # Who came instead, when status is deputy: someone with decision-making authority.
    deputy_name: str = ""


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
    # A plan's action also has a start, a red/amber/green rating while open, and a cost;
    # one carried over from last year's plan names the action it continues.
    starts_on: date | None = None
    rag: Rag | None = None
    cost: Money | None = None
    carried_from_id: RecordId | None = None


class PlanScrutiny(Record):
    """The improvement board's scrutiny of a network's action plan: ratified or not, and why."""

    plan_id: RecordId
    meeting_id: RecordId | None = None
    scrutinised_on: date
    ratified: bool = False
    comments: str = ""
