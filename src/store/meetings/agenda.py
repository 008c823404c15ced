"""A meeting's agenda: items in order, each with a lead and the time allowed, and its notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from store.meetings.planning import MeetingRefused
from store.models import AgendaItem

if TYPE_CHECKING:
    from store.db import Store


def items(store: Store, meeting_id: str) -> list[AgendaItem]:
    """The agenda in order."""
    return store.agenda_items.where(meeting_id=meeting_id, order_by="position")


def add_item(
    store: Store,
    meeting_id: str,
    *,
    title: str,
    lead_id: str | None = None,
    minutes: int | None = None,
) -> AgendaItem:
    """Add an item at the end of the agenda."""
    store.meetings.get(meeting_id)
    row = store.db.execute(
        "SELECT max(position) FROM agenda_items WHERE meeting_id = ?", [meeting_id]
    ).fetchone()
    position = 0 if row[0] is None else int(row[0]) + 1
    return store.agenda_items.add(
        AgendaItem(
            meeting_id=meeting_id,
            position=position,
            title=title,
            lead_id=lead_id,
            minutes=minutes,
        )  # fmt: skip
    )


def edit_item(
    store: Store, item_id: str, *, title: str, lead_id: str | None, minutes: int | None
) -> AgendaItem:
    """Change an item's title, lead or time allowed."""
    item = store.agenda_items.get(item_id)
    return store.agenda_items.update(
        item.model_copy(update={"title": title, "lead_id": lead_id, "minutes": minutes})
    )


def move_item(store: Store, item_id: str, direction: Literal["up", "down"]) -> AgendaItem:
    """Swap an item with the one above or below it."""
    item = store.agenda_items.get(item_id)
    agenda = items(store, item.meeting_id)
    index = next(i for i, other in enumerate(agenda) if other.id == item_id)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(agenda):
        raise MeetingRefused(f"This item is already at the {'top' if target < 0 else 'bottom'}.")
    agenda[index], agenda[target] = agenda[target], agenda[index]
    with store.db.atomic():
        _renumber(store, agenda)
    return store.agenda_items.get(item_id)


def remove_item(store: Store, item_id: str) -> None:
    """Take an item off the agenda; the others close up."""
    item = store.agenda_items.get(item_id)
    with store.db.atomic():
        store.agenda_items.delete(item_id)
        _renumber(store, items(store, item.meeting_id))


def save_item_notes(store: Store, item_id: str, notes: str) -> AgendaItem:
    """Save the notes taken on an item, as they now stand (autosaved as the user pauses)."""
    item = store.agenda_items.get(item_id)
    return store.agenda_items.update(item.model_copy(update={"notes": notes}))


def _renumber(store: Store, agenda: list[AgendaItem]) -> None:
    for position, item in enumerate(agenda):
        if item.position != position:
            store.agenda_items.update(item.model_copy(update={"position": position}))
