"""A meeting's papers: the agenda before it, and the minutes (notes and actions) after it.

The network lead sets and shares the agenda before each meeting, and shares notes and
actions with every head afterwards (seed 003). Writing either paper records the day it
was shared on the meeting.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from store.dates import uk_date
from store.documents.paper import Block, Bullets, Heading, Paragraph, Table, write
from store.enums import AttendanceStatus
from store.meetings import actions, agenda, attendance, board, planning

if TYPE_CHECKING:
    from store.db import Store

Kind = Literal["agenda", "minutes"]


def _heading(store: Store, meeting_id: str, what: str) -> list[Block]:
    meeting = store.meetings.get(meeting_id)
    network = store.networks.find(meeting.network_id) if meeting.network_id else None
    where = f", {meeting.place}" if meeting.place else ""
    blocks: list[Block] = [
        Heading(1, f"{what}: {meeting.title}"),
        Paragraph(
            f"{network.name + '. ' if network else ''}{meeting.kind.label}."
            f" {planning.when(meeting)}{where}."
        ),
    ]
    if meeting.cancelled:
        blocks.append(Paragraph("This meeting was cancelled."))
    return blocks


def _names(store: Store, ids: list[str | None]) -> dict[str, str]:
    return {pid: person.name for pid, person in store.people.by_ids(i or "" for i in ids).items()}


def agenda_paper(store: Store, meeting_id: str) -> list[Block]:
    """The agenda: each item in order with its lead, the time allowed and when it starts."""
    meeting = store.meetings.get(meeting_id)
    items = agenda.items(store, meeting_id)
    names = _names(store, [item.lead_id for item in items])
    rows = [["", "Item", "Lead", "Time", "From"]]
    start: datetime | None = meeting.starts_at
    for number, item in enumerate(items, start=1):
        rows.append([
            str(number), item.title, names.get(item.lead_id or "", item.lead),
            f"{item.minutes} min" if item.minutes else "",
            f"{start:%H:%M}" if start is not None else "",
        ])  # fmt: skip
        start = start + timedelta(minutes=item.minutes) if start and item.minutes else None
    blocks = _heading(store, meeting_id, "Agenda")
    blocks += [Table(rows)] if items else [Paragraph("No items yet.")]
    expected = [seat.school for seat in attendance.seats(store, meeting_id)]
    if expected:
        blocks += [
            Heading(2, "Members"),
            Paragraph(
                "Heads attend, or send a deputy with decision-making authority: "
                + ", ".join(expected) + "."
            ),
        ]  # fmt: skip
    return blocks


_PRESENCE = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
}


def minutes_paper(store: Store, meeting_id: str) -> list[Block]:
    """The minutes: attendance, the agenda with its notes, decisions, actions (and, for the
    improvement board, the plans it scrutinised)."""
    meeting = store.meetings.get(meeting_id)
    blocks = _heading(store, meeting_id, "Notes and actions")
    rows = [["Member", "Head or lead", "Attendance"]]
    for seat in attendance.seats(store, meeting_id):
        recorded = seat.attendance
        if recorded is None:
            how = "Not recorded"
        elif recorded.status == AttendanceStatus.DEPUTY:
            how = f"Deputy with decision-making authority: {recorded.deputy_name}"
        else:
            how = _PRESENCE[recorded.status]
        rows.append([seat.school, seat.person, how])
    blocks += [Heading(2, "Attendance"), Table(rows)]
    items = agenda.items(store, meeting_id)
    names = _names(store, [item.lead_id for item in items])
    blocks.append(Heading(2, "Agenda and notes"))
    for number, item in enumerate(items, start=1):
        lead = names.get(item.lead_id or "", item.lead)
        blocks.append(Heading(3, f"{number}. {item.title}" + (f" ({lead})" if lead else "")))
        blocks.append(Paragraph(item.notes or "No notes."))
    if meeting.notes:
        blocks += [Heading(3, "Other notes"), Paragraph(meeting.notes)]
    decisions = [line.strip() for line in meeting.decisions.splitlines() if line.strip()]
    blocks += [Heading(2, "Decisions"), Bullets(decisions) if decisions else Paragraph("None.")]
    agreed = actions.for_meeting(store, meeting_id)
    owners = _names(store, [action.owner_id for action in agreed])
    blocks.append(Heading(2, "Actions"))
    if agreed:
        rows = [["Action", "Owner", "Due", "Status"]] + [
            [a.description, owners.get(a.owner_id or "", ""), uk_date(a.due_on), a.status.label]
            for a in agreed
        ]
        blocks.append(Table(rows))
    else:
        blocks.append(Paragraph("None."))
    scrutinies = board.scrutinies_at(store, meeting_id)
    if scrutinies:
        plans = {choice.plan.id: choice.label for choice in board.plans_before(store, meeting_id)}
        rows = [["Action plan", "Ratified", "On", "Comments"]] + [
            [
                plans.get(s.plan_id, ""),
                "Yes" if s.ratified else "No",
                uk_date(s.scrutinised_on),
                s.comments,
            ]  # fmt: skip
            for s in scrutinies
        ]
        blocks += [Heading(2, "Action plans scrutinised"), Table(rows)]
    return blocks


def write_paper(store: Store, meeting_id: str, kind: Kind, path: Path) -> Path:
    """Write the agenda or minutes (.html to print, else Markdown), noting the day shared."""
    build = agenda_paper if kind == "agenda" else minutes_paper
    written = write(build(store, meeting_id), path)
    planning.mark_shared(store, meeting_id, kind, store.today())
    return written
