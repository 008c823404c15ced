"""People, and finding the person a user is."""

from __future__ import annotations

from collections.abc import Iterable

from store.models import Person
from store.repositories.base import Repository
from store.sql import query_in


class PeopleRepository(Repository[Person]):
    """People, and finding the person a user is."""

    def matching(self, name: str, school_id: str | None) -> Person | None:
        """The person with this name (ignoring case), at this school if one is given."""
        sql = "SELECT * FROM people WHERE lower(name) = lower(?)"
        params: list[str] = [name.strip()]
        if school_id:
            sql += " AND school_id = ?"
            params.append(school_id)
        row = next(self.store.db.query(sql + " ORDER BY id LIMIT 1", params), None)
        return None if row is None else self.spec.from_row(row)

    def at_schools(self, school_ids: Iterable[str]) -> list[Person]:
        """People whose school is one of these, by name."""
        sql = "SELECT * FROM people WHERE school_id IN ({marks})"
        found = [self.spec.from_row(row) for row in query_in(self.store.db, sql, set(school_ids))]
        return sorted(found, key=lambda person: (person.name, person.id))
