"""Meetings: switch to the Meetings area on a database of 5,000 meetings, and open a meeting
with 30 agenda items and 40 attendees, each timed from key press to the end of the repaint
(bench/common.py `key_to_paint`), against a bare Textual app's switch to a new mode.

The database is the demo plus a network of 40 schools whose heads attend, holding 5,000
meetings over twenty years (each with an agenda item), one of them this year with 30
agenda items and all 40 heads' attendance recorded. Each run is a fresh process.

Goal: 50 ms median for each.

    python bench/meetings.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, attach, cache_dir, dumps, key_to_paint, median, report, run_child

GOAL_MS = 50.0
MEETINGS, ITEMS, ATTENDEES = 5000, 30, 40
TODAY = date(2026, 11, 23)


def build(path: Path) -> str:
    """The benchmark database at path; returns the id of the big meeting."""
    from store import Store
    from store.demo.builder import DEMO_PROFILE, load_demo
    from store.enums import AttendanceStatus, MeetingKind, MembershipStatus
    from store.models import (
        AgendaItem,
        Attendance,
        Meeting,
        Membership,
        Network,
        Person,
        School,
    )  # fmt: skip

    store = Store.open(path)
    load_demo(store)
    network = store.networks.add(Network(name="Aardvark Bench Network"))
    heads = []
    with store.db.atomic():
        for number in range(ATTENDEES):
            school = store.schools.add(School(name=f"Bench School {number:02d}"))
            store.memberships.add(Membership(network_id=network.id, school_id=school.id,
                                             status=MembershipStatus.ACTIVE))  # fmt: skip
            heads.append(store.people.add(Person(name=f"Head {number:02d}", school_id=school.id)))
        start = datetime.combine(TODAY - timedelta(days=365 * 20), time(9, 30))
        meetings = [
            Meeting(network_id=network.id, title=f"Meeting {n}", kind=MeetingKind.SLG,
                    starts_at=start + timedelta(days=n * 365 * 20 // MEETINGS), place="Hall")
            for n in range(MEETINGS)
        ]  # fmt: skip
        big = meetings[-3]
        big.starts_at = datetime.combine(TODAY + timedelta(days=1), time(9, 30))
        _insert(store, "meetings", meetings)
        _insert(store, "agenda_items", [AgendaItem(meeting_id=m.id, title="Welcome")
                                        for m in meetings if m is not big])  # fmt: skip
        _insert(store, "agenda_items", [
            AgendaItem(meeting_id=big.id, position=n, title=f"Item {n}: network data and"
                       " action plan progress", lead_id=heads[n].id, minutes=10)
            for n in range(ITEMS)
        ])  # fmt: skip
        _insert(store, "attendances", [
            Attendance(meeting_id=big.id, person_id=h.id, school_id=h.school_id,
                       status=AttendanceStatus.PRESENT) for h in heads
        ])  # fmt: skip
    store.save_profile(DEMO_PROFILE)
    store.close()
    return big.id


def _insert(store: Any, table: str, records: list[Any]) -> None:
    from store.schema import BY_NAME

    spec = BY_NAME[table]
    rows = spec.to_rows(records)
    columns = list(spec.columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    store.db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])


def database() -> tuple[Path, str]:
    """The cached benchmark database and its big meeting's id, built once."""
    folder = cache_dir()
    path, marker = folder / "meetings.db", folder / "meetings.id"
    if not (path.exists() and marker.exists()):
        path.unlink(missing_ok=True)
        marker.write_text(build(path))
    return path, marker.read_text()


async def _schoolnet(db: Path, meeting_id: str) -> dict[str, Any]:
    from textual.widgets import DataTable, Select

    from bench.common import settle
    from store import Store
    from tui.app import SchoolnetApp

    store = Store.open(db, clock=lambda: datetime.combine(TODAY, time(10)))
    app = SchoolnetApp(store, ask_profile=False)
    attach(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "home" and app.screen.is_mounted)
        switch = await key_to_paint(
            pilot, "m", lambda: app.current_mode == "meetings" and app.screen.is_mounted
        )
        network = store.meetings.get(meeting_id).network_id
        app.screen.query_one("#network", Select).value = network
        await settle(app)
        table = app.screen.query_one("#meetings", DataTable)
        rows = table.row_count
        table.move_cursor(row=table.get_row_index(meeting_id))
        table.focus()
        opened = await key_to_paint(
            pilot, "enter", lambda: type(app.screen).__name__ == "MeetingScreen"
        )
        seats = app.screen.query_one("#attendance", DataTable).row_count
    store.close()
    return {"switch": switch, "open": opened, "rows": rows, "seats": seats}


async def _bare() -> float:
    from bench.bare_app import BareAreasApp
    from bench.common import settle

    app = BareAreasApp()
    attach(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, lambda: app.current_mode == "a" and app.screen.is_mounted)
        return await key_to_paint(pilot, "b", lambda: app.current_mode == "b")


def child(kind: str) -> Any:
    """One fresh-process measurement."""
    if kind == "bare":
        return asyncio.run(_bare())
    source, meeting = database()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "meetings.db"
        shutil.copy(source, db)
        return asyncio.run(_schoolnet(db, meeting))


def run(quick: bool = False, runs: int | None = None) -> list[Row]:
    """The two rows: switch to Meetings, open a big meeting."""
    database()
    wanted = runs or (3 if quick else 5)
    results = [run_child("meetings", "app") for _ in range(wanted)]
    bare = median(run_child("meetings", "bare") for _ in range(wanted))
    what = "bare app, first switch to a new mode (Header, 10-row DataTable, Footer)"
    switch, opened = median(r["switch"] for r in results), median(r["open"] for r in results)
    return [
        Row(f"switch to Meetings, {MEETINGS:,} meetings", f"<= {GOAL_MS:.0f} ms", switch, "ms",
            bare, switch <= GOAL_MS, wanted, what),
        Row(f"open a meeting: {ITEMS} items, {results[0]['seats']} attendees",
            f"<= {GOAL_MS:.0f} ms", opened, "ms", bare, opened <= GOAL_MS, wanted, what),
    ]  # fmt: skip


def main() -> int:
    """Measure and print the rows (or, with --child, one process's figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(dumps(child(args.child)))
        return 0
    return report(run(args.quick, args.runs))


if __name__ == "__main__":
    sys.exit(main())
