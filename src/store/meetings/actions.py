"""The one list of actions, from meetings, action plans and review workshops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.dates import uk_date
from store.enums import ActionSource, ActionStatus
from store.models import Action
from store.schema import ACTIONS

if TYPE_CHECKING:
    from store.db import Store

OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def add_meeting_action(
    store: Store,
    meeting_id: str,
    *,
    description: str,
    owner_id: str | None,
    due_on: date | None,
    status: ActionStatus = ActionStatus.OPEN,
) -> Action:
    """An action agreed at a meeting, on the same list as plans' and reviews' actions."""
    meeting = store.meetings.get(meeting_id)
    return store.actions.add(
        Action(
            description=description,
            owner_id=owner_id,
            due_on=due_on,
            status=status,
            source=ActionSource.MEETING,
            network_id=meeting.network_id,
            meeting_id=meeting_id,
        )  # fmt: skip
    )


def edit_action(
    store: Store,
    action_id: str,
    *,
    description: str,
    owner_id: str | None,
    due_on: date | None,
    status: ActionStatus,
) -> Action:
    """Change an action's words, owner, due date or status."""
    action = store.actions.get(action_id)
    return store.actions.update(
        action.model_copy(
            update={
                "description": description,
                "owner_id": owner_id,
                "due_on": due_on,
                "status": status,
            }  # fmt: skip
        )
    )


def set_status(store: Store, action_id: str, status: ActionStatus) -> Action:
    """Mark an action open, in progress, done or dropped."""
    action = store.actions.get(action_id)
    return store.actions.update(action.model_copy(update={"status": status}))


# The order space steps through: what a head ticking off their own work goes through.
_NEXT = {
    ActionStatus.OPEN: ActionStatus.IN_PROGRESS,
    ActionStatus.IN_PROGRESS: ActionStatus.DONE,
    ActionStatus.DONE: ActionStatus.OPEN,
    ActionStatus.DROPPED: ActionStatus.OPEN,
}


def next_status(store: Store, action_id: str) -> Action:
    """Move an action on a step: open, in progress, done, then open again."""
    action = store.actions.get(action_id)
    return store.actions.update(action.model_copy(update={"status": _NEXT[action.status]}))


@dataclass(frozen=True)
class ActionFilter:
    """Which actions the list shows; None or False means any."""

    network_id: str | None = None
    owner_id: str | None = None
    status: ActionStatus | None = None
    open_only: bool = False
    overdue: bool = False


@dataclass(frozen=True)
class ActionRow:
    """One line of the actions list, with the names it shows."""

    action: Action
    owner: str
    network: str
    origin: str  # "Meeting 24 Sep 2025", "Plan: Improve writing", "Review of Houghton"

    def overdue(self, today: date) -> bool:
        """Due before today and not done or dropped."""
        due = self.action.due_on
        return due is not None and due < today and self.action.status in OPEN


_LIST_SQL = """
SELECT a.*, coalesce(p.name, '') AS _owner, coalesce(n.name, '') AS _network,
  mt.title AS _meeting, mt.starts_at AS _meeting_at, pr.title AS _priority,
  s.name AS _host
FROM actions a
  LEFT JOIN people p ON p.id = a.owner_id
  LEFT JOIN networks n ON n.id = a.network_id
  LEFT JOIN meetings mt ON mt.id = a.meeting_id
  LEFT JOIN plan_priorities pr ON pr.id = a.priority_id
  LEFT JOIN peer_reviews r ON r.id = a.review_id
  LEFT JOIN schools s ON s.id = r.host_school_id
{where}
ORDER BY a.due_on IS NULL, a.due_on, a.description, a.id
"""


def listing(store: Store, chosen: ActionFilter, today: date | None = None) -> list[ActionRow]:
    """Every action the filter lets through, soonest due first, with names, in one query."""
    clauses: list[str] = []
    params: list[str] = []
    if chosen.network_id:
        clauses.append("a.network_id = ?")
        params.append(chosen.network_id)
    if chosen.owner_id:
        clauses.append("a.owner_id = ?")
        params.append(chosen.owner_id)
    if chosen.status is not None:
        clauses.append("a.status = ?")
        params.append(chosen.status.value)
    if chosen.open_only or chosen.overdue:
        clauses.append("a.status IN (?, ?)")
        params += [status.value for status in OPEN]
    if chosen.overdue:
        clauses.append("a.due_on < ?")
        params.append((today or store.today()).isoformat())
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = []
    for row in store.db.query(_LIST_SQL.format(where=where), params):
        owner, network = row.pop("_owner"), row.pop("_network")
        meeting, at = row.pop("_meeting"), row.pop("_meeting_at")
        priority, host = row.pop("_priority"), row.pop("_host")
        action = ACTIONS.from_row(row)
        if meeting is not None:
            origin = f"Meeting {uk_date(date.fromisoformat(at[:10]))}"
        elif priority is not None:
            origin = f"Plan: {priority}"
        elif host is not None:
            origin = f"Review of {host}"
        else:
            origin = action.source.label
        rows.append(ActionRow(action, owner, network, origin))
    return rows


def owners(store: Store) -> list[tuple[str, str]]:
    """(name, id) of everyone who owns an action, by name: for the owner filter."""
    sql = (
        "SELECT DISTINCT p.name, p.id FROM actions a JOIN people p ON p.id = a.owner_id"
        " ORDER BY p.name, p.id"
    )
    return [(str(name), str(pid)) for name, pid in store.db.execute(sql).fetchall()]


def for_meeting(store: Store, meeting_id: str) -> list[Action]:
    """The actions agreed at a meeting, soonest due first."""
    return store.actions.where(meeting_id=meeting_id, order_by="due_on, description")
