"""The demo's meetings: each network's leadership group across two years."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from store import models
from store.demo import facts
from store.demo.ids import (
    ANCHOR,
    YEAR_2025,
    YEAR_2026,
    Loader,
    demo_id,
    head_id,
    network_id,
)
from store.enums import ActionSource, ActionStatus, AttendanceStatus, MeetingKind


def add_meetings(loader: Loader, network: facts.DemoNetwork) -> None:
    store = loader.store
    dates = YEAR_2025 + YEAR_2026[: network.meetings_2026_27]
    heads = [head_id(key) for key in network.schools]
    kind = (
        MeetingKind.PARTNERSHIP if network.kind == "cross_sector_partnership" else MeetingKind.SLG
    )
    for number, day in enumerate(dates):
        day = day + timedelta(days=network.weekday_offset)
        meeting_id = demo_id("meeting", network.key, day.isoformat())
        held = day < ANCHOR
        host = next(
            s.name for s in facts.SCHOOLS if s.key == network.schools[number % len(network.schools)]
        )
        loader.put(
            store.meetings,
            models.Meeting(
                id=meeting_id,
                network_id=network_id(network.key),
                title=f"{kind.label} meeting {day:%B %Y}",
                kind=kind,
                starts_at=datetime.combine(day, time(9, 30)),
                place=host,
                notes="Heads reviewed the network data pack and action plan progress."
                if held
                else "",
                decisions="Agreed the moderation calendar and next review dates." if held else "",
            ),
        )
        for position, title in enumerate(
            (facts.AGENDA[0], *(facts.AGENDA[1 + (number + k) % 6] for k in range(3)))
        ):
            loader.put(
                store.agenda_items,
                models.AgendaItem(
                    id=demo_id("agenda", meeting_id, str(position)),
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                ),
            )
        if not held:
            continue
        for index, person in enumerate(heads):
            presence = (
                AttendanceStatus.APOLOGIES
                if index == number % len(heads)
                else AttendanceStatus.DEPUTY
                if index == (number + 2) % len(heads) and number % 3 == 0
                else AttendanceStatus.PRESENT
            )
            loader.put(
                store.attendances,
                models.Attendance(
                    id=demo_id("attendance", meeting_id, person),
                    meeting_id=meeting_id,
                    person_id=person,
                    status=presence,
                ),
            )
        due = day + timedelta(days=28)
        status = (
            ActionStatus.DONE
            if due < ANCHOR - timedelta(days=30)
            else ActionStatus.IN_PROGRESS
            if number % 2
            else ActionStatus.OPEN
        )
        if status == ActionStatus.DONE and number == 4:
            status = ActionStatus.DROPPED
        loader.put(
            store.actions,
            models.Action(
                id=demo_id("action", meeting_id),
                description=facts.MEETING_ACTIONS[number % len(facts.MEETING_ACTIONS)],
                owner_id=heads[number % len(heads)],
                due_on=due,
                status=status,
                source=ActionSource.MEETING,
                network_id=network_id(network.key),
                meeting_id=meeting_id,
            ),
        )
