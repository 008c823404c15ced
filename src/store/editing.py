"""Changing and deleting records as a user does: only the fields they changed, and a deletion
refused with what still holds the record, so they can go there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from store import schema
from store.errors import StoreError
from store.models import Record
from store.sharing.clocks import BOOKKEEPING

if TYPE_CHECKING:
    from store.db import Store
    from store.repositories.base import Repository
    from store.schema import M


def apply_changes(repository: Repository[M], record_id: str, changes: Mapping[str, Any]) -> M:
    """Save the fields the user changed (field -> new value) of one record, validated.

    Fields not named keep their stored value, so an edit made here never undoes a change
    to another field that a bundle brought in meanwhile.
    """
    unknown = set(changes) - set(repository.spec.columns) | (set(changes) & BOOKKEEPING)
    if unknown:
        raise ValueError(f"{repository.spec.name} cannot change {', '.join(sorted(unknown))}")
    old = repository.get(record_id)
    try:
        new = type(old).model_validate({**old.model_dump(), **changes})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]).replace("_", " ")
        raise StoreError(f"The {where} is not right: {first['msg'].lower()}.") from error
    return repository.update(new)


def changed_fields(old: Record, new: Record) -> dict[str, Any]:
    """The data fields whose values differ between two versions of a record: the changes."""
    return {
        name: getattr(new, name)
        for name in type(old).model_fields
        if name not in BOOKKEEPING and getattr(old, name) != getattr(new, name)
    }


@dataclass(frozen=True)
class Holder:
    """A record that refers to another, so the other cannot be deleted yet."""

    table: str
    column: str
    record: Record


def holders(store: Store, table: str, record_id: str) -> list[Holder]:
    """Every record, in any table, that refers to this one."""
    found: list[Holder] = []
    for spec in schema.TABLES:
        for column, target in spec.references.items():
            if target != table:
                continue
            repository: Repository[Record] = store.repository(spec.name)
            found += [Holder(spec.name, column, r) for r in repository.where(**{column: record_id})]
    return found


def joined(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
