"""Time to first paint of schoolnet, on the demo and on the large database, against a bare app.

Each program starts in a real terminal (tmux, 120x40) and is timed from the moment tmux
is asked to launch it until its marker text is on the tmux screen (polled every 5 ms):
for schoolnet, the name of the first network in the Home table, so the figure covers
process start, imports, opening the database, building Home, filling its tables and
the terminal showing the first full frame (schoolnet's installed entry point is run by the
same Python as the bare app, not through a pyenv shim); for the bare app (bench/bare_app.py: Header,
a one-row DataTable, Footer), its table row. Runs go bare, demo, large in turn, so machine
noise hits all three alike.

Goals: demo and large each <= 1.3x the bare app's median; large no slower than demo
(taken as <= 1.10x, the run-to-run noise of this measurement).

One private tmux server (its own socket) is kept alive for the whole run by a sleeping
session, so it cannot exit between launches; a launch that fails is retried on a fresh
server.

    python bench/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH, Row, median, report

GOAL = 1.3
GOAL_LARGE_VS_DEMO = 1.10
BARE_MARKER = "Bare Textual app ready"


class Tmux:
    """A private tmux server kept alive by a sleeping session."""

    def __init__(self) -> None:
        self.socket = f"schoolnet-bench-{os.getpid()}"
        self.launches = 0

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-f", "/dev/null", "-L", self.socket, *args],
            capture_output=True,
            text=True,
        )

    def start(self) -> None:
        """Start the server with its keeper session (again, if it has died)."""
        if self("has-session", "-t", "keeper").returncode == 0:
            return
        result = self("new-session", "-d", "-s", "keeper", "-x", "120", "-y", "40", "sleep 86400")
        if result.returncode != 0:
            raise RuntimeError(f"tmux would not start: {result.stderr.strip()}")
        self("set-option", "-g", "remain-on-exit", "on")  # keep a crashed app's last words

    def stop(self) -> None:
        """Kill the server."""
        self("kill-server")

    def time_to_paint(
        self, command: str, marker: str, env: dict[str, str], timeout: float = 30
    ) -> float:
        """Seconds from launching command until marker is on screen; retried once on failure."""
        for attempt in range(3):
            try:
                return self._once(command, marker, env, timeout)
            except _TmuxDied:
                if attempt == 2:
                    raise
                self.stop()
                self.start()
        raise AssertionError("unreachable")

    def _once(self, command: str, marker: str, env: dict[str, str], timeout: float) -> float:
        self.start()
        self.launches += 1
        session = f"run{self.launches}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        start = time.perf_counter()
        launched = self(
            "new-session", "-d", "-s", session, "-x", "120", "-y", "40", f"env {exports} {command}"
        )
        if launched.returncode != 0:
            raise _TmuxDied(launched.stderr)
        screen = ""
        try:
            while time.perf_counter() - start < timeout:
                shot = self("capture-pane", "-p", "-t", session)
                if shot.returncode != 0:
                    raise _TmuxDied(shot.stderr)
                screen = shot.stdout
                if marker in screen:
                    return time.perf_counter() - start
                time.sleep(0.005)
        finally:
            self("kill-session", "-t", session)
        raise RuntimeError(
            f"{command!r} did not show {marker!r} within {timeout} s; the screen was:\n{screen}"
        )


class _TmuxDied(Exception):
    pass


def first_network(db: Path) -> str:
    """The first row of Home's networks table (ordered by name, then id)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name FROM networks ORDER BY name, id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def schoolnet_command() -> str:
    """How to launch schoolnet: its installed entry point run by this Python, else the module.

    Not whatever `schoolnet` is first on PATH: under pyenv that is a shell shim that
    spends a few hundred milliseconds choosing a Python, which the bare app (run as
    `python bare_app.py`) would not pay.
    """
    script = Path(sys.executable).with_name("schoolnet")
    if script.exists():
        return f"{sys.executable} {shlex.quote(str(script))}"
    return f"{sys.executable} -m cli"


def measure(runs: int) -> dict[str, list[float]]:
    """Seconds to first paint of the bare app, schoolnet --demo and schoolnet on the large db."""
    from bench.make_large_db import working_copy

    schoolnet = schoolnet_command()
    bare = f"{sys.executable} {BENCH / 'bare_app.py'}"
    tmux = Tmux()
    times: dict[str, list[float]] = {"bare": [], "demo": [], "large": []}
    with tempfile.TemporaryDirectory() as home:
        env = {"XDG_DATA_HOME": home, "TERM": "xterm-256color"}
        large = working_copy(Path(home))
        tmux.start()
        try:
            # First use makes and fills the demo database; time the ordinary, later launches.
            tmux.time_to_paint(f"{schoolnet} --demo", "Hunts Area", env)
            demo_marker = first_network(Path(home) / "schoolnet" / "demo.db")
            large_marker = first_network(large)
            commands = {
                "bare": (bare, BARE_MARKER),
                "demo": (f"{schoolnet} --demo", demo_marker),
                "large": (f"{schoolnet} --db {shlex.quote(str(large))}", large_marker),
            }
            for command, marker in commands.values():  # warm the OS caches
                tmux.time_to_paint(command, marker, env)
            for _ in range(runs):
                for name, (command, marker) in commands.items():
                    times[name].append(tmux.time_to_paint(command, marker, env))
        finally:
            tmux.stop()
    return times


def run(quick: bool = False, runs: int | None = None) -> list[Row]:
    """The first-paint rows of the results table."""
    if shutil.which("tmux") is None:
        raise RuntimeError("bench/startup.py needs tmux")
    count = runs or (5 if quick else 10)
    times = measure(count)
    bare, demo, large = (median(times[k]) * 1000 for k in ("bare", "demo", "large"))
    bare_what = "bare Textual app (Header, one-row DataTable, Footer), first paint in tmux"
    return [
        Row("first paint, demo db", f"<= {GOAL}x bare", demo, "ms", bare,
            demo / bare <= GOAL, count, bare_what),
        Row("first paint, large db", f"<= {GOAL}x bare", large, "ms", bare,
            large / bare <= GOAL, count, bare_what),
        Row("first paint, large vs demo", f"<= {GOAL_LARGE_VS_DEMO}x demo", large, "ms", demo,
            large / demo <= GOAL_LARGE_VS_DEMO, count,
            "schoolnet --demo (the demo database), first paint in tmux"),
    ]  # fmt: skip


def main() -> int:
    """Measure and print the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="runs of each (default 10)")
    parser.add_argument("--quick", action="store_true", help="5 runs of each")
    args = parser.parse_args()
    return report(run(args.quick, args.runs))


if __name__ == "__main__":
    sys.exit(main())
