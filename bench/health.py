"""Network health for 250 and 500 networks, and whether it grows linearly.

On copies of the large database built with enough extra networks to make 250 and 500 in
all with the demo's own (bench/make_large_db.py `--networks`), times
`all_network_health(store, today)`: every rule for every network, the call the
Networks screen and Home make on every visit (reading the networks, their members, this
year's meetings and the leads). Growth is the 500-network median over the 250-network
median: 2.0 is linear.

Baseline, in the same run: the same inputs read with bare sqlite3 (networks, active
members with their trust, federation and Ofsted judgement, this year's leadership
meetings per network, the leads' criteria) and every rule's figure computed with plain
dicts in one pass (size, share in an Ofsted category, trust and federation splits via an
index of where each trust's schools are, meetings, leadership).

Goals: 500 networks <= 50 ms; growth <= 2.2x (linear, with 10% for noise).

    python bench/health.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, enough, locate, median, report

GOAL_MS = 50.0
GOAL_GROWTH = 2.2
SIZES = (250, 500)
TODAY = date(2026, 11, 23)
LED = ("network", "cluster")
CONCERN = ("requires_improvement", "serious_weaknesses", "special_measures")


def bare_health(conn: sqlite3.Connection, today: date) -> dict[str, int]:
    """Each network's number of broken rules, from bare SQL and dicts (the baseline)."""
    start = today.year if today.month >= 9 else today.year - 1
    first, last = date(start, 9, 1), date(start + 1, 8, 31)
    networks = conn.execute("SELECT id, kind, lead_id, deputy_lead_id FROM networks").fetchall()
    members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    for network_id, trust, federation, judgement, kind in conn.execute(
        "SELECT m.network_id, s.trust, s.federation, s.ofsted_judgement, n.kind"
        " FROM memberships m JOIN schools s ON s.id = m.school_id"
        " JOIN networks n ON n.id = m.network_id WHERE m.status = 'active'"
    ):
        members[network_id].append((trust, federation, judgement))
        if kind in LED:
            for field, group in (("trust", trust), ("federation", federation)):
                if group:
                    where[(field, group)].add(network_id)
    meetings = dict(
        conn.execute(
            "SELECT network_id, count(*) FROM meetings WHERE kind = 'slg' AND starts_at >= ?"
            " AND starts_at < ? GROUP BY network_id",
            [first.isoformat(), f"{last.isoformat()}T99"],
        ).fetchall()
    )
    criteria = {
        person_id: json.loads(raw)
        for person_id, raw in conn.execute(
            "SELECT id, lead_criteria FROM people WHERE id IN (SELECT lead_id FROM networks)"
        )
    }
    findings = {}
    for network_id, kind, lead_id, deputy_id in networks:
        schools = members[network_id]
        count = 0
        if kind == "alliance_group":
            count += not 5 <= len(schools) <= 15
        if kind in LED:
            count += len(schools) < 8
            concern = sum(judgement in CONCERN for _, _, judgement in schools)
            count += bool(schools) and concern / len(schools) > 0.2
            for index, field in enumerate(("trust", "federation")):
                for group in {school[index] for school in schools if school[index]}:
                    count += len(where[(field, group)] - {network_id})
            count += meetings.get(network_id, 0) < 6
            lead = criteria.get(lead_id or "")
            count += lead is None or not all(lead.values())
            count += deputy_id is None
        findings[network_id] = count
    return findings


def measure(db: Path, wanted: int) -> tuple[list[float], list[float], int]:
    """Milliseconds for all_network_health and for the bare baseline; the network count."""
    from store import Store

    health = locate("all_network_health", "store.membership.health", "store.rules")
    store = Store.open(db)
    conn = sqlite3.connect(db)
    ours: list[float] = []
    bare: list[float] = []
    health(store, TODAY)  # warm: first use builds pydantic validators
    while not enough(ours, GOAL_MS, wanted) or len(bare) < wanted:
        start = time.perf_counter()  # ours and the baseline in turn, so noise hits both alike
        result = health(store, TODAY)
        ours.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        bare_health(conn, TODAY)
        bare.append((time.perf_counter() - start) * 1000)
    conn.close()
    store.close()
    return ours, bare, len(result)


def run(quick: bool = False) -> list[Row]:
    """The network-health rows of the results table."""
    from bench.make_large_db import NETWORKS, large_db, working_copy

    wanted = 5 if quick else 10
    conn = sqlite3.connect(f"file:{large_db()}?mode=ro", uri=True)
    demo_networks = conn.execute("SELECT count(*) FROM networks").fetchone()[0] - NETWORKS
    conn.close()
    results: dict[int, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            db = working_copy(Path(folder), size - demo_networks)
            results[size] = measure(db, wanted)
    (s250, b250, n250), (s500, b500, n500) = results[250], results[500]
    t250, t500, base250, base500 = median(s250), median(s500), median(b250), median(b500)
    growth, bare_growth = t500 / t250, base500 / base250
    bare_what = "the same rules over bare sqlite3 reads and dicts, one pass"
    return [
        Row(f"network health, {n500} networks", f"<= {GOAL_MS:.0f} ms", t500, "ms", base500,
            t500 <= GOAL_MS, len(s500), bare_what),
        Row(f"network health, {n250} networks", "-", t250, "ms", base250, None, len(s250),
            bare_what),
        Row(f"network health growth {n250}->{n500}", f"<= {GOAL_GROWTH}x (linear 2.0)", growth,
            "x", bare_growth, growth <= GOAL_GROWTH, min(len(s250), len(s500)),
            "growth of the bare baseline over the same sizes"),
    ]  # fmt: skip


def main() -> int:
    """Measure and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 runs instead of 10")
    args = parser.parse_args()
    return report(run(args.quick))


if __name__ == "__main__":
    sys.exit(main())
