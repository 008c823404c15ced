"""The demo's meetings: each network's leadership group across two years, a role network,
and the improvement board with its scrutiny of the Coventry plans."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from store import models
from store.demo import facts, meeting_facts
from store.demo.ids import (
    ANCHOR,
    YEAR_2025,
    YEAR_2026,
    Loader,
    demo_id,
    head_id,
    network_id,
    school_id,
)
from store.enums import (
    ActionSource,
    ActionStatus,
    AttendanceStatus,
    MeetingKind,
    NetworkKind,
    NetworkPhase,
)


def add_meetings(loader: Loader, network: facts.DemoNetwork) -> None:
    """The network's leadership group meetings in 2025/26 and 2026/27."""
    dates = YEAR_2025 + YEAR_2026[: network.meetings_2026_27]
    kind = (
        MeetingKind.PARTNERSHIP if network.kind == "cross_sector_partnership" else MeetingKind.SLG
    )
    seats = [(head_id(key), school_id(key), key) for key in network.schools]
    for number, day in enumerate(dates):
        day = day + timedelta(days=network.weekday_offset)
        host = next(
            s.name for s in facts.SCHOOLS if s.key == network.schools[number % len(network.schools)]
        )
        cancelled = (network.key, day.isoformat()) == meeting_facts.CANCELLED
        missed = _missed_by(network, number, dates)
        _meeting(loader, network.key, number, day, kind, f"{kind.label} meeting {day:%B %Y}",
                 host, facts.AGENDA[0], facts.AGENDA[1:], seats, facts.MEETING_ACTIONS,
                 cancelled=cancelled, missed=missed)  # fmt: skip
    if network.key == meeting_facts.ROLE_NETWORK[0]:
        _role_network(loader, network)


def _missed_by(network: facts.DemoNetwork, number: int, dates: tuple[date, ...]) -> str | None:
    """The school whose head sent apologies, with no deputy, to the last three held meetings."""
    held = [n for n, d in enumerate(dates) if d + timedelta(days=network.weekday_offset) < ANCHOR]
    if network.key == meeting_facts.MISSED_RUN[0] and number in held[-3:]:
        return meeting_facts.MISSED_RUN[1]
    return None


def _meeting(
    loader: Loader,
    key: str,
    number: int,
    day: date,
    kind: MeetingKind,
    title: str,
    place: str,
    opening: str,
    items: tuple[str, ...],
    seats: list[tuple[str, str, str]],
    actions: tuple[str, ...],
    *,
    cancelled: bool = False,
    missed: str | None = None,
    length: int = 3,
) -> str:
    store = loader.store
    meeting_id = demo_id("meeting", key, day.isoformat())
    held = day < ANCHOR and not cancelled
    loader.put(
        store.meetings,
        models.Meeting(
            id=meeting_id,
            network_id=network_id(key),
            title=title,
            kind=kind,
            starts_at=datetime.combine(day, time(9, 30)),
            ends_at=datetime.combine(day, time(11, 30)),
            place=place,
            notes="Heads reviewed the network data pack and action plan progress." if held else "",
            decisions="Agreed the moderation calendar and next review dates." if held else "",
            cancelled=cancelled,
            agenda_shared_on=day - timedelta(days=7) if day - timedelta(days=7) < ANCHOR else None,
            notes_shared_on=day + timedelta(days=5) if held else None,
        ),
    )
    chosen = (opening, *(items[(number + k) % (len(items) - 1)] for k in range(length)), items[-1])
    for position, item in enumerate(chosen):
        lead = seats[(number + position) % len(seats)][0] if seats else None
        loader.put(
            store.agenda_items,
            models.AgendaItem(
                id=demo_id("agenda", meeting_id, str(position)),
                meeting_id=meeting_id,
                position=position,
                title=item,
                lead_id=lead,
                minutes=meeting_facts.AGENDA_MINUTES[position % len(meeting_facts.AGENDA_MINUTES)],
                notes=meeting_facts.AGENDA_NOTES.get(item, "Discussed; see actions.")
                if held
                else "",
            ),
        )
    if not held or not seats:
        return meeting_id
    for index, (person, school, school_key) in enumerate(seats):
        presence = (
            AttendanceStatus.APOLOGIES
            if school_key == missed or (index == number % len(seats) and missed is None)
            else AttendanceStatus.DEPUTY
            if index == (number + 2) % len(seats) and number % 3 == 0
            else AttendanceStatus.PRESENT
        )
        loader.put(
            store.attendances,
            models.Attendance(
                id=demo_id("attendance", meeting_id, person),
                meeting_id=meeting_id,
                person_id=person,
                school_id=school,
                status=presence,
                deputy_name="Deputy head teacher" if presence == AttendanceStatus.DEPUTY else "",
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
            description=actions[number % len(actions)],
            owner_id=seats[number % len(seats)][0] if seats else None,
            due_on=due,
            status=status,
            source=ActionSource.MEETING,
            network_id=network_id(key),
            meeting_id=meeting_id,
        ),
    )
    return meeting_id


def _role_network(loader: Loader, network: facts.DemoNetwork) -> None:
    """A role network of SENDCos meeting once a term within the network."""
    _, name, days = meeting_facts.ROLE_NETWORK
    for number, day in enumerate(days):
        _meeting(loader, network.key, number, day, MeetingKind.SUBJECT_NETWORK,
                 f"{name} {day:%B %Y}", "Canley Ford Primary School", "Welcome and introductions",
                 (*meeting_facts.ROLE_AGENDA, "Any other business"), [], (), length=2)  # fmt: skip


def add_board(loader: Loader) -> None:
    """The Primary Network Improvement Board: the Coventry network leads, six times a year."""
    store = loader.store
    board = meeting_facts.BOARD
    chair = demo_id("person", "la-officer")
    loader.put(
        store.networks,
        models.Network(
            id=network_id(board.key),
            name=board.name,
            kind=NetworkKind.IMPROVEMENT_BOARD,
            phase=NetworkPhase.PRIMARY,
            area=board.area,
            description=board.description,
            lead_id=chair,
            coordinator_id=chair,
        ),
    )
    led = [n for n in facts.NETWORKS if n.area == board.area and n.kind == "network"]
    seats = [(head_id(n.lead_school), school_id(n.lead_school), n.lead_school) for n in led]
    for number, day in enumerate(YEAR_2025 + YEAR_2026):
        day = day + timedelta(days=board.weekday_offset)
        first, rest = meeting_facts.BOARD_AGENDA[0], meeting_facts.BOARD_AGENDA[1:]
        meeting_id = _meeting(
            loader, board.key, number, day, MeetingKind.IMPROVEMENT_BOARD,
            f"Improvement board {day:%B %Y}", "Coventry Council House", first,
            rest, seats, meeting_facts.BOARD_ACTIONS, length=2,
        )  # fmt: skip
        if (day.year, day.month) == (2026, 10):
            for key, ratified, comments in meeting_facts.RATIFICATIONS:
                plan = demo_id("plan", key, "2026/27")
                loader.put(
                    store.plan_scrutinies,
                    models.PlanScrutiny(
                        id=demo_id("scrutiny", meeting_id, plan),
                        plan_id=plan,
                        meeting_id=meeting_id,
                        scrutinised_on=day,
                        ratified=ratified,
                        comments=comments,
                    ),
                )
