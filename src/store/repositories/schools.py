"""Schools, with search-as-you-type."""

from __future__ import annotations

from store.models import School
from store.repositories.base import Repository


class SchoolRepository(Repository[School]):
    """Schools, with search-as-you-type."""

    SEARCHED = ("name", "urn", "town", "trust")

    def search(
        self,
        text: str = "",
        *,
        order_by: str = "name",
        descending: bool = False,
        limit: int | None = None,
    ) -> list[School]:
        """Schools whose name, URN, town or trust contains text (ignoring case), sorted."""
        if order_by not in self.spec.columns:
            raise ValueError(f"schools has no column {order_by}")
        where, params = self._matching(text)
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT * FROM schools{where}"
            f" ORDER BY {order_by} IS NULL, {order_by} COLLATE NOCASE {direction}, name, id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self.spec.from_row(row) for row in self.store.db.query(sql, params)]

    def count_matching(self, text: str = "") -> int:
        """How many schools a search for text finds."""
        where, params = self._matching(text)
        row = self.store.db.execute(f"SELECT count(*) FROM schools{where}", params).fetchone()
        return int(row[0])

    def _matching(self, text: str) -> tuple[str, list[str]]:
        if not text.strip():
            return "", []
        pattern = f"%{_escape_like(text.strip())}%"
        where = " WHERE " + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in self.SEARCHED)
        return where, [pattern] * len(self.SEARCHED)

    def by_urn(self, urn: str) -> School | None:
        """The school with this URN, or None."""
        found = self.where(urn=urn)
        return found[0] if found else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
