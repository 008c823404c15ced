"""The partnership's city-wide priorities for each year (seed 003), which plans answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.models import PartnershipPriority

if TYPE_CHECKING:
    from store.db import Store


def add_partnership_priority(
    store: Store, academic_year: str, *, title: str, description: str = ""
) -> PartnershipPriority:
    """Add a city-wide priority for a year, after the ones already agreed."""
    position = store.partnership_priorities.count(academic_year=academic_year)
    return store.partnership_priorities.add(
        PartnershipPriority(
            academic_year=academic_year, position=position, title=title, description=description
        )
    )


def partnership_priorities(store: Store, academic_year: str) -> list[PartnershipPriority]:
    """A year's city-wide priorities, in the order agreed."""
    return store.partnership_priorities.where(
        academic_year=academic_year, order_by="position, title"
    )


def edit_partnership_priority(
    store: Store, priority_id: str, *, title: str, description: str = ""
) -> PartnershipPriority:
    """Change a city-wide priority's words; the network priorities linked to it stay linked."""
    priority = store.partnership_priorities.get(priority_id)
    return store.partnership_priorities.update(
        priority.model_copy(update={"title": title, "description": description})
    )
