"""Schools, with search-as-you-type."""

from __future__ import annotations

from functools import cached_property

from store.models import School
from store.repositories.base import Repository
from store.text import FOLD, fold


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
        """Schools whose name, URN, town or trust contains text, as fold() compares, sorted."""
        if order_by not in self.spec.columns:
            raise ValueError(f"schools has no column {order_by}")
        where, params = self._matching(text)
        # A search reads every school whatever the order (LIKE '%text%' cannot use an index),
        # and sorting the matches beats walking a sort index to find them: for a word few
        # schools contain, 7 to 18 ms against 30 to 60 ms over 25,000. Without a search, the
        # list reads the first rows of the index its order matches (migration 6).
        table = "schools NOT INDEXED" if where else "schools"
        sql = f"SELECT * FROM {table}{where} ORDER BY {self._sort(order_by, descending)}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self.spec.from_row(row) for row in self.store.db.query(sql, params)]

    def _sort(self, column: str, descending: bool) -> str:
        """Ignoring case, NULLs last, ties by name: in the terms of a sort index."""
        if descending:  # NULL sorts below every value, so it comes last here anyway
            return f"{column} COLLATE NOCASE DESC, name, id"
        nulls_last = f"({column} IS NULL), " if column in self._nullable else ""
        return f"{nulls_last}{column} COLLATE NOCASE, name, id"

    @cached_property
    def _nullable(self) -> frozenset[str]:
        """The columns that may hold NULL."""
        info = self.store.db.execute("PRAGMA table_info(schools)").fetchall()
        return frozenset(name for _, name, _, notnull, _, pk in info if not notnull and not pk)

    def count_matching(self, text: str = "") -> int:
        """How many schools a search for text finds."""
        where, params = self._matching(text)
        row = self.store.db.execute(f"SELECT count(*) FROM schools{where}", params).fetchone()
        return int(row[0])

    def _matching(self, text: str) -> tuple[str, list[str]]:
        if not text.strip():
            return "", []
        pattern = f"%{_escape_like(fold(text.strip()))}%"
        # Registered per search rather than at open, on whichever connection this store has.
        self.store.db.conn.create_function(FOLD, 1, fold, deterministic=True)
        # The query is folded here; a stored value only where it holds a character beyond
        # ASCII (more bytes than characters: St Mary’s, Zoë), so the Python function runs
        # on the few rows that need it: about 5 ms more over 25,000 schools, not 20.
        clauses = [f"{c} LIKE ?1 ESCAPE '\\'" for c in self.SEARCHED]
        clauses += [
            f"(length(CAST({c} AS BLOB)) > length({c}) AND {FOLD}({c}) LIKE ?1 ESCAPE '\\')"
            for c in self.SEARCHED
            if c != "urn"
        ]
        return " WHERE " + " OR ".join(clauses), [pattern]

    def by_urn(self, urn: str) -> School | None:
        """The school with this URN, or None."""
        found = self.where(urn=urn)
        return found[0] if found else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
