"""Bundle export and import against a bare baseline measured in the same run.

For 10,000 and 100,000 records (half schools, half people at those schools):
- export: ours (`exchange.export`: query, build, checksum, JSON, write) against the same
  rows read with bare sqlite3 and written with one `json.dumps`;
- import into an empty database: ours (`exchange.import_file`: read, check the checksum,
  validate every record, check references, plan the merge, back up, write in one
  transaction) against `json.loads` of the same file and a bare `executemany` of its rows.
Goals: a 10,000-record import under 1 s; both within 3x of the baseline.

    python bench/bundles.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from store import Store
from store.models import Person, School
from store.schema import PEOPLE, SCHOOLS
from store.sharing import exchange
from store.sharing.bundle import Scope

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


def measure(count: int, folder: Path) -> dict[str, float]:
    """Time ours and the baseline for one size."""
    source = Store.open(folder / f"source-{count}.db")
    fill(source, count)
    bundle_file = folder / f"all-{count}.schoolnet.json"
    ours_export = timed(lambda: exchange.export(source, bundle_file, Scope("everything")))
    base_export = timed(lambda: baseline_export(source.path, folder / f"base-{count}.json"))
    source.close()
    target = Store.open(folder / f"target-{count}.db")
    ours_import = timed(lambda: exchange.import_file(target, bundle_file))
    assert target.schools.count() + target.people.count() == count
    target.close()
    bare = Store.open(folder / f"bare-{count}.db")  # the same schema, made by schoolnet
    bare.close()
    base_import = timed(lambda: baseline_import(bundle_file, folder / f"bare-{count}.db"))
    return {
        "export": ours_export,
        "export_base": base_export,
        "import": ours_import,
        "import_base": base_import,
    }


def main() -> int:
    """Measure each size and print a table of times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    ok = True
    header = ("records", "export", "baseline", "ratio", "import", "baseline", "ratio")
    print("  ".join(f"{h:>{5 if h == 'ratio' else 8}}" for h in header))
    with tempfile.TemporaryDirectory() as folder:
        for count in args.sizes:
            t = measure(count, Path(folder))
            export_ratio = t["export"] / t["export_base"]
            import_ratio = t["import"] / t["import_base"]
            print(
                f"{count:>8}  {t['export']:>7.2f}s  {t['export_base']:>7.2f}s  {export_ratio:>5.1f}"
                f"  {t['import']:>7.2f}s  {t['import_base']:>7.2f}s  {import_ratio:>5.1f}"
            )
            ok &= export_ratio <= GOAL_RATIO and import_ratio <= GOAL_RATIO
            if count == 10_000:
                ok &= t["import"] < GOAL_IMPORT_10K_S
    print(
        f"goals: 10,000-record import under {GOAL_IMPORT_10K_S:.0f} s;"
        f" both within {GOAL_RATIO:.0f}x of the baseline"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
