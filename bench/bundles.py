"""Bundle export and import against a bare baseline measured in the same run.

For 10,000 and 100,000 records (half schools, half people at those schools):
- export: ours (`exchange.export`: query, build, checksum, JSON, write) against the same
  rows read with bare sqlite3 and written with one `json.dumps`;
- import into an empty database: ours (`exchange.import_file`: read, check the checksum,
  validate every record, check references, plan the merge, back up, write in one
  transaction) against `json.loads` of the same file and a bare `executemany` of its rows.
Goals: a 10,000-record import under 1 s; both within 3x of the baseline.
Each figure is the median of `--runs` runs: 10 at 10,000 records, 3 at 100,000 (where one
export and import take some 15 s). `python -m bench` runs 10,000 only, to keep the whole
suite within five minutes; run this file alone for 100,000.

    python bench/bundles.py [--sizes 10000 100000] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, locate, median, report
from store import Store
from store.models import Person, School
from store.schema import PEOPLE, SCHOOLS

GOAL_IMPORT_10K_S = 1.0
GOAL_RATIO = 3.0


def fill(store: Store, count: int) -> None:
    """Half schools, half people at them, written straight in (this is set-up, not timed)."""
    schools = [
        School(name=f"School {n}", urn=f"{100000 + n}", town="Huntingdon", phone="01480 000000")
        for n in range(count // 2)
    ]
    people = [
        Person(name=f"Head {n}", school_id=schools[n].id, email=f"head{n}@example.org.uk")
        for n in range(count - len(schools))
    ]
    with store.db.atomic():
        store.db["schools"].insert_all((SCHOOLS.to_row(s) for s in schools), batch_size=1000)
        store.db["people"].insert_all((PEOPLE.to_row(p) for p in people), batch_size=1000)


def timed(action) -> float:  # type: ignore[no-untyped-def]
    """Seconds an action takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def baseline_export(db: Path, out: Path) -> None:
    """Bare sqlite3 rows, one json.dumps, one write."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {
        table: [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("schools", "people")
    }
    out.write_text(json.dumps(rows), encoding="utf-8")
    conn.close()


def baseline_import(bundle_file: Path, db: Path) -> None:
    """json.loads of the bundle and a bare executemany of its rows into the same schema."""
    data = json.loads(bundle_file.read_text(encoding="utf-8"))
    conn = sqlite3.connect(db)
    with conn:
        for table in ("schools", "people"):
            rows = data["records"][table]
            columns = list(rows[0])
            marks = ",".join("?" * len(columns))
            conn.executemany(
                f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})",
                [
                    [json.dumps(r[c]) if isinstance(r[c], dict | list) else r[c] for c in columns]
                    for r in rows
                ],
            )
    conn.close()


def measure(count: int, folder: Path, runs: int) -> dict[str, list[float]]:
    """Time ours and the baseline for one size, `runs` times each."""
    export = locate("export", "store.sharing.exchange", "store.sharing")
    import_file = locate("import_file", "store.sharing.exchange", "store.sharing")
    scope = locate("Scope", "store.sharing.bundle", "store.bundle")
    source = Store.open(folder / f"source-{count}.db")
    fill(source, count)
    bundle_file = folder / f"all-{count}.schoolnet.json"
    times: dict[str, list[float]] = {"export": [], "export_base": [], "import": [],
                                     "import_base": []}  # fmt: skip
    for _ in range(runs):
        times["export"].append(timed(lambda: export(source, bundle_file, scope("everything"))))
        times["export_base"].append(
            timed(lambda: baseline_export(source.path, folder / f"base-{count}.json"))
        )
    source.close()
    for run in range(runs):
        target = Store.open(folder / f"target-{count}-{run}.db")
        times["import"].append(timed(lambda t=target: import_file(t, bundle_file)))
        assert target.schools.count() + target.people.count() == count
        target.close()
        bare_db = folder / f"bare-{count}-{run}.db"
        Store.open(bare_db).close()  # the same schema, made by schoolnet
        times["import_base"].append(timed(lambda b=bare_db: baseline_import(bundle_file, b)))
        for path in folder.glob(f"*-{count}-{run}.db*"):
            path.unlink()
        for path in (folder / "backups").glob("*"):
            path.unlink()
    return times


def run(quick: bool = False, sizes: tuple[int, ...] = (10_000,), runs: int | None = None,
        large_runs: int = 3) -> list[Row]:  # fmt: skip
    """The bundle rows of the results table (10,000 records unless told otherwise)."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            n = runs or (5 if quick else 10 if count <= 10_000 else large_runs)
            t = {k: median(v) * 1000 for k, v in measure(count, Path(folder), n).items()}
            export_ok = t["export"] <= GOAL_RATIO * t["export_base"]
            import_ok = t["import"] <= GOAL_RATIO * t["import_base"]
            goal = f"<= {GOAL_RATIO:.0f}x base"
            import_goal = goal
            if count == 10_000:
                import_ok &= t["import"] < GOAL_IMPORT_10K_S * 1000
                import_goal = f"< {GOAL_IMPORT_10K_S:.0f} s, {goal}"
            rows += [
                Row(f"bundle export, {count:,} records", goal, t["export"] / 1000, "s",
                    t["export_base"] / 1000, export_ok, n,
                    "bare sqlite3 rows, one json.dumps, one write"),
                Row(f"bundle import, {count:,} records", import_goal, t["import"] / 1000, "s",
                    t["import_base"] / 1000, import_ok, n,
                    "json.loads and a bare executemany of the same rows"),
            ]  # fmt: skip
    return rows


def main() -> int:
    """Measure each size and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="10,000 records, 5 runs")
    args = parser.parse_args()
    sizes = (10_000,) if args.quick else tuple(args.sizes)
    return report(run(args.quick, sizes, args.runs))


if __name__ == "__main__":
    sys.exit(main())
