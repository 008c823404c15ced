"""The Schools list's order: ignoring case, empty values last, ties by name then id."""

from __future__ import annotations

import pytest

from store import Store
from store.models import School

SORTABLE = ("name", "urn", "town", "phase", "sector", "ofsted_judgement", "trust", "ofsted_date")


@pytest.fixture
def schools(store: Store) -> Store:
    """Schools with missing URNs and phases, names differing only in case, shared towns."""
    rows = [
        ("abbey", "100001", "Ely", "primary", "state", "good", "Ouse Trust", "2024-01-10"),
        ("Abbey", None, "ely", None, "state", "good", "", None),
        ("Brook", "100003", "March", "secondary", "independent", "outstanding", "", None),
        ("brook", None, "March", "primary", "state", "requires_improvement", "ouse trust", None),
        ("Cedar", "100002", "Ely", None, "state", "not_yet_inspected", "Fen Trust", "2023-05-01"),
        ("Cedar", "100005", "ELY", "special", "state", "good", "Fen Trust", None),
    ]
    for name, urn, town, phase, sector, judgement, trust, inspected in rows:
        store.schools.add(
            School(
                name=name,
                urn=urn,
                town=town,
                phase=phase,
                sector=sector,
                ofsted_judgement=judgement,
                trust=trust,
                ofsted_date=inspected,
            )
        )
    return store


def _as_it_was(store: Store, column: str, descending: bool) -> list[str]:
    """The order the Schools list had before its sort indexes, written the plain way."""
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT id FROM schools ORDER BY {column} IS NULL,"
        f" {column} COLLATE NOCASE {direction}, name, id"
    )
    return [row["id"] for row in store.db.query(sql)]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", SORTABLE)
def test_order_is_as_it_was(schools: Store, column: str, descending: bool) -> None:
    found = schools.schools.search(order_by=column, descending=descending)
    assert [s.id for s in found] == _as_it_was(schools, column, descending)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_missing_urns_come_last_both_ways(schools: Store, descending: bool) -> None:
    found = schools.schools.search(order_by="urn", descending=descending)
    assert [s.urn for s in found][-2:] == [None, None]
    assert [s.name for s in found][-2:] == ["Abbey", "brook"]


def test_a_search_keeps_the_order(schools: Store) -> None:
    found = schools.schools.search("ely", order_by="town", descending=True, limit=2)
    # Towns equal but for case tie, and names break the tie as stored: capitals first.
    assert [s.name for s in found] == ["Abbey", "Cedar"]
