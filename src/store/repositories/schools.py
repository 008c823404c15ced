"""Schools, with search-as-you-type."""

from __future__ import annotations

from functools import cached_property

from store.models import School
from store.repositories.base import Repository
from store.text import FOLD, fold


class SchoolRepository(Repository[School]):
    """Schools, with search-as-you-type."""

    SEARCHED = ("name", "urn", "town", "trust")
    _accented: tuple[tuple[int, int], list[str] | None] | None = None

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
        clauses = [f"{c} LIKE ?1 ESCAPE '\\'" for c in self.SEARCHED]
        folded = " OR ".join(f"{FOLD}({c}) LIKE ?1 ESCAPE '\\'" for c in _FOLDED)
        accented = self._accented_ids()
        if accented is None:
            clauses.append(f"(({_ACCENTED}) AND ({folded}))")
            return " WHERE " + " OR ".join(clauses), [pattern]
        if accented:
            # Only schools whose text is beyond ASCII need folding: few, usually none.
            marks = ", ".join(f"?{n}" for n in range(2, len(accented) + 2))
            clauses.append(f"(id IN ({marks}) AND ({folded}))")
        return " WHERE " + " OR ".join(clauses), [pattern, *accented]

    def _accented_ids(self) -> list[str] | None:
        """Ids of schools with a searched value beyond ASCII (St Mary’s, Zoë); None if many.

        Read again only when schools change, so a keystroke's search checks no row's bytes:
        over 25,000 schools that check alone costs about 5 ms.
        """
        version = self.store.version_of(frozenset({"schools"}))
        if self._accented is None or self._accented[0] != version:
            rows = self.store.db.execute(
                f"SELECT id FROM schools WHERE {_ACCENTED} LIMIT {_MOST_ACCENTED + 1}"
            ).fetchall()
            ids = [str(row[0]) for row in rows]
            self._accented = (version, None if len(ids) > _MOST_ACCENTED else ids)
        return self._accented[1]

    def by_urn(self, urn: str) -> School | None:
        """The school with this URN, or None."""
        found = self.where(urn=urn)
        return found[0] if found else None


_FOLDED = ("name", "town", "trust")  # the URN is digits: nothing to fold
# More bytes than characters: a value holding something beyond ASCII.
_ACCENTED = " OR ".join(f"length(CAST({c} AS BLOB)) > length({c})" for c in _FOLDED)
_MOST_ACCENTED = 900  # bound parameters in one query stay well under SQLite's limit


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
