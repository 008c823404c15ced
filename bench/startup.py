"""Time to first paint of `schoolnet --demo` against a bare Textual app, in the same run.

Both start in a real terminal (tmux, 120x40) and are timed from launch until their
marker text is on screen: the dashboard's "Hunts Area Primary Partnership", or the
bare app's one line. Runs alternate so machine noise hits both alike.
Goal: ratio of medians <= 1.3.

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOCKET = "schoolnet-bench"
GOAL = 1.3


def tmux(*args: str) -> str:
    """Run a tmux command on the benchmark's private server."""
    result = subprocess.run(
        ["tmux", "-f", "/dev/null", "-L", SOCKET, *args], capture_output=True, text=True
    )
    return result.stdout


def time_to_paint(command: str, marker: str, env: dict[str, str], timeout: float = 20) -> float:
    """Seconds from launching command in tmux until marker is on screen."""
    session = f"bench{os.getpid()}"
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    start = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", f"env {exports} {command}")
    try:
        while time.perf_counter() - start < timeout:
            if marker in tmux("capture-pane", "-p", "-t", session):
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{command!r} did not show {marker!r} within {timeout} s")
    finally:
        tmux("kill-session", "-t", session)


def main() -> int:
    """Measure both, print medians and the ratio; exit 1 if over the goal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("bench/startup.py needs tmux.", file=sys.stderr)
        return 2
    schoolnet = shutil.which("schoolnet") or f"{sys.executable} -m cli"
    with tempfile.TemporaryDirectory() as home:
        env = {"XDG_DATA_HOME": home, "TERM": "xterm-256color"}
        # First use makes and fills the demo database; time the ordinary, later launches.
        time_to_paint(f"{schoolnet} --demo", "Hunts Area", env)
        time_to_paint(f"{sys.executable} {HERE / 'bare_app.py'}", "Bare Textual app ready", env)
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(time_to_paint(f"{schoolnet} --demo", "Hunts Area Primary Partnership", env))
            bare.append(
                time_to_paint(
                    f"{sys.executable} {HERE / 'bare_app.py'}", "Bare Textual app ready", env
                )
            )
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    ratio = ours_median / bare_median
    print(f"runs each:                      {args.runs}")
    print(f"bare Textual app, first paint:  {bare_median * 1000:7.0f} ms (median)")
    print(f"schoolnet --demo, first paint:  {ours_median * 1000:7.0f} ms (median)")
    print(f"ratio:                          {ratio:7.2f}  (goal <= {GOAL})")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
