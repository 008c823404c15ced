"""Visit notes typed while `schoolnet import` merges a bundle of 50,000 notes (issue 9).

Runs tests/tui/test_notes_during_import.py with SCHOOLNET_IMPORT_NOTES=50000 (the suite
runs the same test with 5,000 notes to stay quick): notes mode types a word every 0.1 s
while the command line imports the bundle into the same database, then checks that the
import finished, that every word typed is in the box and in the database, and that
`PRAGMA integrity_check` says ok. Prints the time taken; exit status is pytest's.

    python bench/notes_during_import.py [--notes 50000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/tui/test_notes_during_import.py"


def main() -> int:
    """Run the test at full size and say how it went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=50_000)
    args = parser.parse_args()
    env = {**os.environ, "SCHOOLNET_IMPORT_NOTES": str(args.notes)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "0", "-q", TEST],
        cwd=ROOT,
        env=env,
        check=False,
    )
    took = time.perf_counter() - start
    verdict = "passed" if done.returncode == 0 else "FAILED"
    print(f"notes typed during a {args.notes:,}-note import: {verdict} in {took:.1f} s")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
