"""Adding, changing and deleting schools by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.models import School

if TYPE_CHECKING:
    from store.db import Store


def add_school(store: Store, school: School) -> School:
    """Add a school typed in by the user; a URN already taken is refused with a sentence."""
    return store.schools.add(school)


def update_school(store: Store, school: School) -> School:
    """Save the fields of a school the user changed."""
    return store.schools.update(school)


def delete_school(store: Store, school_id: str) -> None:
    """Delete a school no other record refers to, leaving a tombstone for bundles."""
    store.schools.delete(school_id)
