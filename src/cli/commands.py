"""The subcommands of `schoolnet` that run without the app; each returns an exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from store import Store
from store.errors import StoreError
from store.ids import find_network, resolve_id
from store.text import os_error_reason


def demo(store: Store) -> int:
    """Add the demo data set to the store."""
    from store.demo.builder import load_demo

    added = load_demo(store)
    if added:
        print(f"Added {added} demo records to {store.path}.")
    else:
        print(f"The demo data are already in {store.path}; nothing added.")
    return 0


def check(store: Store, network: str | None) -> int:
    """Print each network's health findings."""
    from store.membership.health import all_network_health, network_health

    if network:
        found = find_network(store, network)
        report = {found.id: network_health(store, found.id)}
    else:
        report = all_network_health(store)
        if not report and store.networks.count():
            print("Every network is archived: in schoolnet, z on the Networks screen lists them.")
            return 0
        if not report:
            print("This database has no networks yet: open schoolnet and press n to create one.")
            return 0
    names = {n.id: n.name for n in store.networks.all()}
    for network_id, findings in sorted(report.items(), key=lambda item: names[item[0]].lower()):
        print(names[network_id])
        if not findings:
            print("  Meets every rule.")
        for finding in findings:
            print(f"  - {finding}")
    return 0


def import_register(store: Store, path: Path, include_closed: bool) -> int:
    """Import schools from a DfE register CSV and print the summary."""
    from store.membership.gias import NotARegisterFile, import_gias

    if not path.is_file():
        raise StoreError(f"There is no file at {path}.")
    try:
        summary = import_gias(store, path, include_closed=include_closed)
    except NotARegisterFile as error:
        raise StoreError(str(error)) from error
    print(f"{path.name}: {summary}.")
    for refused in summary.refused:
        print(f"  row {refused.row} refused: {refused.reason}", file=sys.stderr)
    return 0


def review_paper(store: Store, kind: str, review_id: str, path: Path) -> int:
    """Write one of a review's documents as HTML or Markdown."""
    from store.documents import review_papers

    review_id = resolve_id(store, "peer_reviews", review_id)
    build = {
        "outcomes": review_papers.outcomes,
        "scr-letter": review_papers.scr_letter,
        "timetable": review_papers.timetable,
    }[kind]
    try:
        review_papers.write(build(store, review_id), path)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    print(f"Wrote {path}.")
    return 0


def meeting_paper(store: Store, kind: str, meeting_id: str, path: Path) -> int:
    """Write a meeting's agenda or minutes as HTML or Markdown, noting the day shared."""
    from store.documents.meeting_papers import write_paper

    meeting_id = resolve_id(store, "meetings", meeting_id)
    try:
        write_paper(store, meeting_id, "agenda" if kind == "agenda" else "minutes", path)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    print(f"Wrote {path}.")
    return 0


def calendar(store: Store, network: str, path: Path) -> int:
    """Write a network's meetings as an iCalendar file."""
    from store.meetings.ics import write_calendar

    found = find_network(store, network)
    try:
        write_calendar(store, found.id, path)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    print(f"Wrote {path}.")
    return 0


def plan_paper(store: Store, kind: str, network: str, year: str, path: Path) -> int:
    """Write a network's action plan, or its impact report, for a year as HTML or Markdown."""
    from store.documents.plan_papers import find_plan, write_plan_paper

    plan = find_plan(store, network, year)
    try:
        write_plan_paper(store, plan.id, kind, path)
    except OSError as error:
        raise StoreError(f"Cannot write {path}: {os_error_reason(error)}.") from None
    print(f"Wrote {path}.")
    return 0
