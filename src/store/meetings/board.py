"""The improvement board (seed 003): the network leads, meeting six times a year, scrutinise,
ratify and review the progress of each network's action plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.enums import NetworkKind
from store.meetings.planning import MeetingRefused
from store.models import ActionPlan, PlanScrutiny
from store.schema import ACTION_PLANS

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class PlanChoice:
    """A plan the board can scrutinise: the plan and its network's name."""

    plan: ActionPlan
    network: str

    @property
    def label(self) -> str:
        """`Coventry South Primary Network, 2026/27`."""
        return f"{self.network}, {self.plan.academic_year}"


def plans_before(store: Store, meeting_id: str) -> list[PlanChoice]:
    """The action plans of the networks a board meeting oversees (its area's, or all)."""
    meeting = store.meetings.get(meeting_id)
    board = store.networks.get(meeting.network_id or "")
    if board.kind != NetworkKind.IMPROVEMENT_BOARD:
        raise MeetingRefused("Only the improvement board scrutinises and ratifies action plans.")
    sql = (
        "SELECT p.*, n.name AS _network FROM action_plans p JOIN networks n ON n.id = p.network_id"
        " WHERE n.id != ? AND (? = '' OR n.area = ?) ORDER BY n.name, p.academic_year, p.id"
    )
    choices = []
    for row in store.db.query(sql, [board.id, board.area, board.area]):
        network = row.pop("_network")
        choices.append(PlanChoice(ACTION_PLANS.from_row(row), network))
    return choices


def record_scrutiny(
    store: Store,
    meeting_id: str,
    plan_id: str,
    *,
    ratified: bool,
    on: date,
    comments: str = "",
) -> PlanScrutiny:
    """Record the board's scrutiny of a plan at a meeting: ratified or not, when, and why."""
    if plan_id not in {choice.plan.id for choice in plans_before(store, meeting_id)}:
        raise MeetingRefused("That plan is not one this board oversees.")
    if not ratified and not comments.strip():
        raise MeetingRefused("Say why the plan is not ratified, so the network can act on it.")
    return store.plan_scrutinies.add(
        PlanScrutiny(
            plan_id=plan_id,
            meeting_id=meeting_id,
            scrutinised_on=on,
            ratified=ratified,
            comments=comments.strip(),
        )  # fmt: skip
    )


def scrutinies_at(store: Store, meeting_id: str) -> list[PlanScrutiny]:
    """The plans a board meeting scrutinised, in the order recorded."""
    return store.plan_scrutinies.where(meeting_id=meeting_id, order_by="created_at")


def scrutinies_of(store: Store, plan_id: str) -> list[PlanScrutiny]:
    """The board's record on one plan, latest first (the plans area shows it)."""
    return store.plan_scrutinies.where(plan_id=plan_id, order_by="scrutinised_on DESC")
