"""Read-only summaries across tables, for the dashboard and reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from store.enums import ActionStatus, MembershipStatus, NetworkKind, NetworkPhase, ReviewStage
from store.membership.health import Finding, all_network_health
from store.models import Action
from store.schema import ACTIONS

if TYPE_CHECKING:
    from store.db import Store

_OPEN = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class NetworkSummary:
    """One line of the dashboard: how a network stands today.

    A plain dataclass read from SQL: Home paints before any pydantic validator is built.
    """

    network_id: str
    name: str
    kind: NetworkKind
    area: str
    members: int
    next_meeting: datetime | None
    open_actions: int
    reviews_in_progress: int
    archived_on: date | None = None
    phase: NetworkPhase | None = None


@dataclass(frozen=True)
class HomeFigures:
    """Everything the home dashboard shows, read together."""

    today: date
    networks: list[NetworkSummary]
    # network id -> the rules it breaks (see store.membership.health)
    health: dict[str, list[Finding]]
    # the signed-in person's open actions, soonest due first; none if the profile has no person
    my_actions: list[Action]


class DashboardQueries:
    """The figures the home dashboard shows."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def home(self, today: date | None = None) -> HomeFigures:
        """The networks, their health and my open actions, in one call."""
        day = today or self.store.today()
        profile = self.store.profile
        person_id = profile.person_id if profile else None
        # Plain reads, no transaction: a worker thread may call this while another holds
        # the shared connection's transaction, and savepoints do not nest across threads.
        return HomeFigures(
            today=day,
            networks=self.networks(day),
            health=all_network_health(self.store, day),
            my_actions=self.open_actions_for(person_id) if person_id else [],
        )

    def networks(
        self, today: date | None = None, *, archived: bool = False
    ) -> list[NetworkSummary]:
        """Every network in use (and archived ones if asked) with member count, next meeting,
        open actions and live reviews."""
        day = (today or self.store.today()).isoformat()
        sql = """
            SELECT n.id, n.name, n.kind, n.area, n.archived_on, n.phase,
              (SELECT count(*) FROM memberships m
                WHERE m.network_id = n.id AND m.status = ?) AS members,
              (SELECT min(starts_at) FROM meetings mt
                WHERE mt.network_id = n.id AND mt.starts_at >= ?
                  AND mt.cancelled = 0) AS next_meeting,
              (SELECT count(*) FROM actions a
                WHERE a.network_id = n.id AND a.status IN (?, ?)) AS open_actions,
              (SELECT count(*) FROM peer_reviews r
                WHERE r.network_id = n.id AND r.stage != ?) AS reviews_in_progress
            FROM networks n {where}
            ORDER BY n.name, n.id
        """.format(where="" if archived else "WHERE n.archived_on IS NULL")
        params = [MembershipStatus.ACTIVE.value, day, *_OPEN, ReviewStage.OUTCOMES_AGREED.value]
        return [
            NetworkSummary(
                network_id=row["id"],
                name=row["name"],
                kind=NetworkKind(row["kind"]),
                area=row["area"],
                members=row["members"],
                next_meeting=_moment(row["next_meeting"]),
                open_actions=row["open_actions"],
                reviews_in_progress=row["reviews_in_progress"],
                archived_on=date.fromisoformat(row["archived_on"]) if row["archived_on"] else None,
                phase=NetworkPhase(row["phase"]) if row["phase"] else None,
            )
            for row in self.store.db.query(sql, params)
        ]

    def open_actions_for(self, person_id: str) -> list[Action]:
        """Open or in-progress actions a person owns, soonest due first."""
        sql = (
            "SELECT * FROM actions WHERE owner_id = ? AND status IN (?, ?)"
            " ORDER BY due_on IS NULL, due_on, description, id"
        )
        return [ACTIONS.from_row(row) for row in self.store.db.query(sql, [person_id, *_OPEN])]


def _moment(value: str | None) -> datetime | None:
    """A stored UTC timestamp as an aware datetime."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
