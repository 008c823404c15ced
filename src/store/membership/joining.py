"""Joining and leaving networks: nomination and MoU (seed 000), moves and ratification (seed 003).

Every step writes a dated membership event, so a membership's history is never lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from store.editing import apply_changes
from store.enums import MemberRole, MembershipStatus, MoveKind, MoveStatus
from store.errors import StoreError
from store.models import Membership, MembershipEvent, MembershipMove

if TYPE_CHECKING:
    from store.db import Store


class MembershipStepRefused(StoreError):
    """A step that does not follow from where the membership stands."""


def nominate(
    store: Store, network_id: str, school_id: str, *, nominated_by: str, on: date
) -> Membership:
    """Nominate a school to a network; it is not a member until approved."""
    if _current(store, network_id, school_id) is not None:
        school = store.schools.get(school_id)
        network = store.networks.get(network_id)
        raise MembershipStepRefused(f"{school.name} is already nominated to or in {network.name}.")
    with store.db.atomic():
        membership = store.memberships.add(
            Membership(
                network_id=network_id, school_id=school_id, status=MembershipStatus.NOMINATED
            )
        )
        _event(store, membership, MembershipStatus.NOMINATED, on, signed_by=nominated_by)
    return membership


def accept(store: Store, membership_id: str, *, head: str, on: date) -> Membership:
    """Record the head teacher's acceptance of the nomination."""
    return _step(
        store, membership_id, MembershipStatus.NOMINATED, MembershipStatus.ACCEPTED, head, on
    )


def approve(store: Store, membership_id: str, *, chair: str, on: date) -> Membership:
    """Record the chair's approval; the school becomes an active member that day."""
    with store.db.atomic():
        approved = _step(
            store, membership_id, MembershipStatus.ACCEPTED, MembershipStatus.APPROVED, chair, on
        )
        active = store.memberships.update(
            approved.model_copy(update={"status": MembershipStatus.ACTIVE, "joined_on": on})
        )
        _event(store, active, MembershipStatus.ACTIVE, on)
    return active


MOU_SIGNED = "Memorandum of understanding signed"


def record_mou_signed(
    store: Store, membership_id: str, on: date, *, signed_by: str = ""
) -> Membership:
    """Record the day the memorandum of understanding was signed, and by whom."""
    membership = store.memberships.get(membership_id)
    _not_ahead(store, on, "The MoU")
    with store.db.atomic():
        updated = store.memberships.update(membership.model_copy(update={"mou_signed_on": on}))
        _event(store, updated, updated.status, on, signed_by=signed_by, reason=MOU_SIGNED)
    return updated


def set_role(store: Store, membership_id: str, role: MemberRole) -> Membership:
    """Make a member school the lead, deputy lead or an ordinary member."""
    membership = store.memberships.get(membership_id)
    return store.memberships.update(membership.model_copy(update={"role": role}))


def propose_move(
    store: Store,
    network_id: str,
    school_id: str,
    kind: MoveKind,
    *,
    reason: str,
    on: date,
    proposed_by: str = "",
    evidence: str = "",
) -> MembershipMove:
    """Propose that a school joins, leaves or is removed from a network."""
    current = _current(store, network_id, school_id)
    active = current is not None and current.status == MembershipStatus.ACTIVE
    school = store.schools.get(school_id)
    network = store.networks.get(network_id)
    if kind == MoveKind.JOIN and active:
        raise MembershipStepRefused(f"{school.name} is already a member of {network.name}.")
    if kind != MoveKind.JOIN and not active:
        raise MembershipStepRefused(f"{school.name} is not a member of {network.name}.")
    if kind == MoveKind.REMOVE and not evidence.strip():
        raise MembershipStepRefused(
            "Removing a school needs the evidence that it is not engaging with the network."
        )
    return store.membership_moves.add(
        MembershipMove(
            network_id=network_id,
            school_id=school_id,
            kind=kind,
            reason=reason,
            evidence=evidence,
            proposed_on=on,
            proposed_by=proposed_by,
        )
    )


def ratify_move(store: Store, move_id: str, *, by: str, on: date) -> Membership:
    """Ratify a proposed move for the network leads group and carry it out."""
    move = _proposed(store, move_id)
    _not_ahead(store, on, "A ratification")
    with store.db.atomic():
        store.membership_moves.update(
            move.model_copy(
                update={"status": MoveStatus.RATIFIED, "ratified_on": on, "ratified_by": by}
            )
        )
        current = _current(store, move.network_id, move.school_id)
        if move.kind == MoveKind.JOIN:
            membership = current or store.memberships.add(
                Membership(network_id=move.network_id, school_id=move.school_id)
            )
            membership = store.memberships.update(
                membership.model_copy(
                    update={"status": MembershipStatus.ACTIVE, "joined_on": on, "left_on": None}
                )
            )
            status = MembershipStatus.ACTIVE
        else:
            assert current is not None  # propose_move checked the school was a member
            status = (
                MembershipStatus.LEFT if move.kind == MoveKind.LEAVE else MembershipStatus.REMOVED
            )
            membership = store.memberships.update(
                current.model_copy(update={"status": status, "left_on": on})
            )
        _event(
            store,
            membership,
            status,
            on,
            signed_by=move.proposed_by,
            reason=move.reason,
            evidence=move.evidence,
            ratified_on=on,
        )
    return membership


def reject_move(store: Store, move_id: str, *, by: str, on: date) -> MembershipMove:
    """Record that the network leads group did not ratify a move."""
    move = _proposed(store, move_id)
    _not_ahead(store, on, "A rejection")
    return store.membership_moves.update(
        move.model_copy(
            update={"status": MoveStatus.REJECTED, "ratified_on": on, "ratified_by": by}
        )
    )


def withdraw_move(store: Store, move_id: str, *, by: str, on: date) -> MembershipMove:
    """Record that whoever proposed a move took it back before the leads group decided."""
    move = _proposed(store, move_id)
    _not_ahead(store, on, "A withdrawal")
    return store.membership_moves.update(
        move.model_copy(
            update={"status": MoveStatus.WITHDRAWN, "ratified_on": on, "ratified_by": by}
        )
    )


def update_move(store: Store, move_id: str, changes: Mapping[str, Any]) -> MembershipMove:
    """Change a proposed move's reason, evidence, date or proposer before it is decided."""
    move = _proposed(store, move_id)
    allowed = {"reason", "evidence", "proposed_on", "proposed_by"}
    if set(changes) - allowed:
        raise MembershipStepRefused("Only the reason, evidence, date and proposer can change.")
    if "reason" in changes and not str(changes["reason"]).strip():
        raise MembershipStepRefused("Say why the move is proposed.")
    evidence = changes.get("evidence", move.evidence)
    if move.kind == MoveKind.REMOVE and not str(evidence).strip():
        raise MembershipStepRefused(
            "Removing a school needs the evidence that it is not engaging with the network."
        )
    return apply_changes(store.membership_moves, move_id, changes)


def _proposed(store: Store, move_id: str) -> MembershipMove:
    """The move, refused if the leads group has already decided it or it was withdrawn."""
    move = store.membership_moves.get(move_id)
    if move.status != MoveStatus.PROPOSED:
        raise MembershipStepRefused(f"This move was already {move.status.label.lower()}.")
    return move


def _not_ahead(store: Store, on: date, what: str) -> None:
    """A step is recorded once it has happened: never dated after today."""
    if on > store.today():
        raise MembershipStepRefused(
            f"{what} cannot be dated in the future ({on:%d %b %Y}); today is"
            f" {store.today():%d %b %Y}."
        )


def history(store: Store, membership_id: str) -> list[MembershipEvent]:
    """A membership's events, oldest first."""
    return store.membership_events.where(
        membership_id=membership_id, order_by="occurred_on, created_at"
    )


def _current(store: Store, network_id: str, school_id: str) -> Membership | None:
    """The school's membership of the network that has not ended, if any."""
    for membership in store.memberships.where(network_id=network_id, school_id=school_id):
        if membership.status not in (MembershipStatus.LEFT, MembershipStatus.REMOVED):
            return membership
    return None


def _step(
    store: Store,
    membership_id: str,
    expected: MembershipStatus,
    new: MembershipStatus,
    signed_by: str,
    on: date,
) -> Membership:
    membership = store.memberships.get(membership_id)
    if membership.status != expected:
        raise MembershipStepRefused(
            f"This membership is {membership.status.label.lower()}; it must be"
            f" {expected.label.lower()} to be {new.label.lower()}."
        )
    if not signed_by.strip():
        raise MembershipStepRefused("Say who signed.")
    _not_ahead(store, on, "An approval" if new == MembershipStatus.APPROVED else "An acceptance")
    with store.db.atomic():
        updated = store.memberships.update(membership.model_copy(update={"status": new}))
        _event(store, updated, new, on, signed_by=signed_by)
    return updated


def _event(
    store: Store,
    membership: Membership,
    status: MembershipStatus,
    on: date,
    *,
    signed_by: str = "",
    reason: str = "",
    evidence: str = "",
    ratified_on: date | None = None,
) -> None:
    store.membership_events.add(
        MembershipEvent(
            membership_id=membership.id,
            status=status,
            occurred_on=on,
            signed_by=signed_by,
            reason=reason,
            evidence=evidence,
            ratified_on=ratified_on,
        )
    )
