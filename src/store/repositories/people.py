"""People, and finding the person a user is."""

from __future__ import annotations

from store.models import Person
from store.repositories.base import Repository


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
