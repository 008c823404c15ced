"""The lists and the dashboard read through indexes, so they stay quick on a whole register.

Each test runs the store calls a screen makes, records the SQL they send, and reads
SQLite's plan for each statement (EXPLAIN QUERY PLAN). Over the demo data every plan is
quick; the plan is what shows whether it stays quick over 25,000 schools and 50,000 notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from store import Store, review_visit, reviews
from store.demo.builder import DEMO_PROFILE, load_demo
from store.demo.ids import network_id, review_id

# Tables that grow with a local authority's data: reading one whole is what these tests
# rule out.
BIG = {"schools", "memberships", "meetings", "peer_reviews", "evidence_notes", "actions"}
# The columns the Schools screen offers to sort by (tui/screens/schools/schools.py).
SORTABLE = ("name", "urn", "town", "phase", "sector", "ofsted_judgement", "trust")
_NOT_ALIASES = {"WHERE", "ON", "JOIN", "LEFT", "INNER", "ORDER", "GROUP", "LIMIT", "NOT", "USING"}


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    return store


def statements(store: Store, work: Callable[[], Any]) -> list[str]:
    """The SELECT statements `work` sends, with their parameters filled in."""
    sent: list[str] = []
    store.db.conn.set_trace_callback(sent.append)
    try:
        work()
    finally:
        store.db.conn.set_trace_callback(None)
    found = [sql.strip() for sql in sent if sql.lstrip().upper().startswith("SELECT")]
    assert found, "the work sent no query"
    return found


def plan(store: Store, sql: str) -> list[str]:
    """SQLite's plan for a statement, one line per step."""
    return [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}")]


def _tables(sql: str) -> dict[str, str]:
    """Each name a table goes by in the statement (itself, or its alias) -> the table."""
    names = {}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql, re.I):
        names[table] = table
        if alias and alias.upper() not in _NOT_ALIASES:
            names[alias] = table
    return names


def whole_reads(store: Store, sql: str) -> Iterator[str]:
    """The big tables the statement reads row by row, without an index."""
    tables = _tables(sql)
    for step in plan(store, sql):
        scanned = re.fullmatch(r"SCAN (\w+)", step)
        if scanned and tables.get(scanned[1], scanned[1]) in BIG:
            yield f"{step} in: {sql}"


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", SORTABLE)
def test_schools_list_reads_the_first_rows_of_an_index(
    demo: Store, column: str, descending: bool
) -> None:
    [sql] = statements(
        demo, lambda: demo.schools.search(order_by=column, descending=descending, limit=300)
    )
    steps = plan(demo, sql)
    assert steps[0].startswith(f"SCAN schools USING INDEX idx_schools_by_{column}"), steps
    # Ties on the sort column and name are put in id order as they come; no full sort.
    assert "USE TEMP B-TREE FOR ORDER BY" not in steps, steps


def test_a_search_reads_the_schools_once_and_sorts_its_matches(demo: Store) -> None:
    # On purpose: LIKE '%text%' cannot use an index, and walking a sort index to find
    # a rare word's few matches is several times slower than one pass and a sort.
    # (Once after schools change, a search also reads which schools need folding.)
    sent = statements(demo, lambda: demo.schools.search("hart", limit=300))
    [sql] = [statement for statement in sent if "ORDER BY" in statement]
    assert plan(demo, sql) == ["SCAN schools", "USE TEMP B-TREE FOR ORDER BY"]


def test_dashboard_figures_use_indexes(demo: Store) -> None:
    sent = statements(demo, lambda: demo.dashboard.home())
    # Network health reads each active membership once, for all networks together.
    member_pass = [sql for sql in sent if re.match(r"SELECT[^(]*\bFROM memberships\b", sql)]
    found = [
        problem for sql in sent if sql not in member_pass for problem in whole_reads(demo, sql)
    ]
    assert found == []
    [members] = member_pass
    assert "SCAN m" in plan(demo, members)


def test_my_open_actions_use_the_owner_and_status_index(demo: Store) -> None:
    person = DEMO_PROFILE.person_id or ""
    [sql] = statements(demo, lambda: demo.dashboard.open_actions_for(person))
    steps = plan(demo, sql)
    assert steps[0].startswith("SEARCH actions USING INDEX idx_actions_owner_status"), steps


def test_reviews_list_uses_indexes(demo: Store) -> None:
    hunts = network_id("hunts")

    def reviews_list() -> None:
        reviews.years(demo)
        reviews.listing(demo, hunts, "2026/27")
        reviews.progress(demo, hunts, "2026/27")

    found = [p for sql in statements(demo, reviews_list) for p in whole_reads(demo, sql)]
    assert found == []


def test_notes_lists_use_indexes(demo: Store) -> None:
    rid = review_id("hunts-2026-st-johns")
    focus = demo.peer_reviews.get(rid).focus_areas[0]

    def notes_lists() -> None:
        review_visit.recent_notes(demo, rid)
        review_visit.recent_notes(demo, rid, focus)
        review_visit.notes(demo, rid)
        review_visit.notes(demo, rid, focus)

    sent = statements(demo, notes_lists)
    assert [p for sql in sent for p in whole_reads(demo, sql)] == []
    focused = [sql for sql in sent if "focus_area =" in sql]
    assert all("idx_notes_focus" in " ".join(plan(demo, s)) for s in focused)


def test_a_reviews_actions_use_an_index(demo: Store) -> None:
    rid = review_id("hunts-2026-st-johns")
    [sql] = statements(demo, lambda: demo.actions.where(review_id=rid, order_by="due_on"))
    assert plan(demo, sql)[0].startswith("SEARCH actions USING INDEX idx_actions_review"), sql


def test_the_check_finds_a_whole_table_read(demo: Store) -> None:
    sql = "SELECT * FROM actions a WHERE a.description LIKE '%x%' ORDER BY a.due_on"
    assert list(whole_reads(demo, sql)) == [f"SCAN a in: {sql}"]
