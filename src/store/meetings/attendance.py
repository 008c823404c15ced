"""Who came: for each member school its head, or a deputy with decision-making authority.

For the improvement board, the members are the network leads. A head who misses three
meetings running without sending a deputy is a finding of the network's health check.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.enums import AttendanceStatus, MeetingKind, NetworkKind, PersonRole
from store.meetings.planning import MeetingRefused
from store.models import Attendance

if TYPE_CHECKING:
    from store.db import Store

MISSED_RUN = 3  # meetings running missed with no deputy before the health check says so
MISSED = (AttendanceStatus.APOLOGIES.value, AttendanceStatus.ABSENT.value)


@dataclass(frozen=True)
class Seat:
    """One member expected at a meeting: the person, the school they come for, and how."""

    person_id: str | None  # None when the school has no head recorded
    person: str
    school_id: str | None
    school: str
    attendance: Attendance | None


def seats(store: Store, meeting_id: str) -> list[Seat]:
    """Everyone expected at the meeting, with what was recorded for them, by school name.

    A leadership group expects the head of each member school; the board, the lead of each
    network it oversees. Anyone recorded who is no longer a member is listed too.
    """
    meeting = store.meetings.get(meeting_id)
    recorded = {a.person_id: a for a in store.attendances.where(meeting_id=meeting_id)}
    network = store.networks.find(meeting.network_id) if meeting.network_id else None
    expected: list[tuple[str | None, str, str | None, str]] = []
    if network is not None and network.kind == NetworkKind.IMPROVEMENT_BOARD:
        for row in store.db.query(_BOARD_SQL, [network.id, network.area, network.area]):
            expected.append((row["pid"], row["person"], row["sid"], row["network"]))
    elif network is not None:
        expected = _heads(store, network.id)
    listed = {pid for pid, *_ in expected}
    others = [a for pid, a in recorded.items() if pid not in listed]
    people = store.people.by_ids(a.person_id for a in others)
    schools = store.schools.by_ids(a.school_id or "" for a in others)
    for a in others:
        school = schools.get(a.school_id or "")
        expected.append(
            (a.person_id, people[a.person_id].name, a.school_id, school.name if school else "")
        )
    return [
        Seat(pid, person, sid, school, recorded.get(pid or ""))
        for pid, person, sid, school in expected
    ]


_MEMBERS_SQL = """
SELECT s.id, s.name, s.head_teacher FROM memberships m JOIN schools s ON s.id = m.school_id
WHERE m.network_id = ? AND m.status = 'active' ORDER BY s.name, s.id
"""


def _heads(store: Store, network_id: str) -> list[tuple[str | None, str, str | None, str]]:
    """Each active member school with its head: the person named as its head, else its head
    teacher, else a network lead working there; by school name."""
    schools = store.db.execute(_MEMBERS_SQL, [network_id]).fetchall()
    staff: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    named = {sid: head for sid, _, head in schools}
    for person in store.people.at_schools(named):
        sid = person.school_id or ""
        if person.name == named[sid]:
            rank = 0
        elif person.role == PersonRole.HEAD_TEACHER:
            rank = 1
        elif person.role == PersonRole.NETWORK_LEAD:
            rank = 2
        else:
            continue
        staff[sid].append((rank, person.name, person.id))
    seats: list[tuple[str | None, str, str | None, str]] = []
    for sid, name, _ in schools:
        best = min(staff[sid], default=None)
        seats.append((best[2] if best else None, best[1] if best else "", sid, name))
    return seats


# The lead of each network the board oversees: the other networks of its area (or all).
_BOARD_SQL = """
SELECT n.lead_school_id AS sid, n.name AS network, p.id AS pid, p.name AS person
FROM networks n JOIN people p ON p.id = n.lead_id
WHERE n.id != ? AND n.kind IN ('network', 'cluster') AND (? = '' OR n.area = ?)
ORDER BY n.name, n.id
"""


def record(
    store: Store,
    meeting_id: str,
    person_id: str,
    status: AttendanceStatus,
    *,
    school_id: str | None = None,
    deputy_name: str = "",
) -> Attendance:
    """Record how a member attended; a deputy must be named, with decision-making authority."""
    store.meetings.get(meeting_id)
    deputy_name = deputy_name.strip()
    if status == AttendanceStatus.DEPUTY and not deputy_name:
        raise MeetingRefused("Name the deputy who came with decision-making authority.")
    if status != AttendanceStatus.DEPUTY:
        deputy_name = ""
    found = store.attendances.where(meeting_id=meeting_id, person_id=person_id)
    if found:
        return store.attendances.update(
            found[0].model_copy(
                update={
                    "status": status,
                    "deputy_name": deputy_name,
                    "school_id": school_id or found[0].school_id,
                }  # fmt: skip
            )
        )
    return store.attendances.add(
        Attendance(
            meeting_id=meeting_id,
            person_id=person_id,
            status=status,
            school_id=school_id,
            deputy_name=deputy_name,
        )  # fmt: skip
    )


@dataclass(frozen=True)
class MissedRun:
    """A head who has missed the last meetings running without sending a deputy."""

    network_id: str
    person: str
    school: str
    missed: int


@dataclass
class _Streak:
    """Meetings missed running, counted back from the latest."""

    person: str
    school: str
    missed: int = 0
    running: bool = True


def missed_runs(
    store: Store, today: date, network_id: str | None = None
) -> dict[str, list[MissedRun]]:
    """Per network, each person whose latest MISSED_RUN or more attendances recorded at held
    leadership-group meetings were apologies or absence (no deputy sent); one query."""
    sql = """
        SELECT mt.network_id, a.person_id, a.status, p.name AS person,
          coalesce(s.name, '') AS school
        FROM attendances a
          JOIN meetings mt ON mt.id = a.meeting_id
          JOIN people p ON p.id = a.person_id
          LEFT JOIN schools s ON s.id = coalesce(a.school_id, p.school_id)
        WHERE mt.kind = ? AND mt.cancelled = 0 AND mt.starts_at < ? {only}
        ORDER BY mt.network_id, a.person_id, mt.starts_at DESC
    """
    params: list[str] = [MeetingKind.SLG.value, today.isoformat()]
    if network_id is not None:
        params.append(network_id)
    rows = store.db.execute(
        sql.format(only="AND mt.network_id = ?" if network_id else ""), params
    ).fetchall()
    streaks: dict[tuple[str, str], _Streak] = {}
    for network, person_id, status, person, school in rows:
        streak = streaks.setdefault((network, person_id), _Streak(person, school))
        if streak.running and status in MISSED:
            streak.missed += 1
        else:
            streak.running = False
    found: dict[str, list[MissedRun]] = defaultdict(list)
    for (network, _), streak in streaks.items():
        if streak.missed >= MISSED_RUN:
            found[network].append(MissedRun(network, streak.person, streak.school, streak.missed))
    for runs in found.values():
        runs.sort(key=lambda run: (run.school, run.person))
    return dict(found)
