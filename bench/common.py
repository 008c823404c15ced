"""What every benchmark shares: finding moved modules, the cache, timing a repaint, the table.

Timing "from the key press to the end of the repaint" (see `key_to_paint`):

- start: just before the key event is handed to the app's driver, exactly as a real
  terminal driver hands over a key it has read (`Pilot.press` does the same);
- end: the last frame the app writes once it has settled, i.e. the last call of
  `App._display` (what the screen's update timer calls after layout and compositing)
  before the app stays quiet for `QUIET_S` with the wanted screen active and nothing
  left to lay out or repaint. Headless Textual skips turning a frame into terminal
  escape codes, so the probe does that work itself (`CompositorUpdate.render_segments`),
  as a real driver would, before taking the time.

The app is left to paint on its own timer (nothing forces a refresh), so the figure
includes the wait for the next screen update tick (at most 1/60 s), as a user sees it.
Cursor blinking is switched off in benchmark processes so that a blink is never taken
for the end of a repaint.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SRC = ROOT / "src"
QUIET_S = 0.08  # no frame for this long (and nothing pending) means the repaint is over
SETTLE_TIMEOUT_S = 20.0


# Finding things that may move -------------------------------------------------------------


def locate(name: str, *modules: str) -> Any:
    """`name` from the first of `modules` that has it, else from wherever src/ defines it.

    Modules inside src/ are being moved; a benchmark names where it expects a function or
    class, and this falls back to finding its top-level definition under src/.
    """
    for module in modules:
        try:
            found = importlib.import_module(module)
        except ImportError:
            continue
        if hasattr(found, name):
            return getattr(found, name)
    package = modules[0].split(".")[0] if modules else "store"
    pattern = re.compile(rf"^(?:def|class) {re.escape(name)}\b|^{re.escape(name)}\s*[:=]", re.M)
    for path in sorted((SRC / package).rglob("*.py")):
        if pattern.search(path.read_text(encoding="utf-8")):
            dotted = ".".join(path.relative_to(SRC).with_suffix("").parts)
            dotted = dotted.removesuffix(".__init__")
            found = importlib.import_module(dotted)
            if hasattr(found, name):
                return getattr(found, name)
    raise ImportError(f"cannot find {name} in {modules} nor anywhere under src/{package}")


def cache_dir() -> Path:
    """Where built benchmark databases are kept between runs (never in the repository)."""
    base = os.environ.get("SCHOOLNET_BENCH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("SCHOOLNET_BENCH_CACHE"):
        folder = folder / "schoolnet-bench"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# Results ----------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table."""

    what: str
    goal: str
    figure: float
    unit: str  # "ms", "MB", "s" or "x"
    baseline: float | None
    met: bool | None
    runs: int
    baseline_what: str = ""

    @property
    def ratio(self) -> float | None:
        """Figure over baseline."""
        if self.baseline is None or self.baseline == 0:
            return None
        return self.figure / self.baseline


def median(values: Iterable[float]) -> float:
    """The median, refusing an empty list loudly."""
    values = list(values)
    if not values:
        raise ValueError("no measurements")
    return statistics.median(values)


WANTED_RUNS = 10
FEWEST_RUNS = 3
FAR_MISS = 5.0


def enough(samples: list[float], goal: float | None, wanted: int = WANTED_RUNS) -> bool:
    """True when a measurement has run often enough.

    That is `wanted` runs (10 by default), or at least FEWEST_RUNS when the median is
    already over FAR_MISS times the goal: a miss that wide needs no more runs to be sure
    of, and repeating a multi-second operation ten times would blow the suite's time.
    """
    if len(samples) >= wanted:
        return True
    return goal is not None and len(samples) >= FEWEST_RUNS and median(samples) > FAR_MISS * goal


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} ms"


def table(rows: list[Row]) -> str:
    """The rows as one aligned plain-text table, with the baselines explained below."""
    header = ("what", "goal", "figure", "baseline", "ratio", "runs", "met")
    lines = [
        (
            r.what,
            r.goal,
            _fmt(r.figure, r.unit),
            _fmt(r.baseline, r.unit),
            "-" if r.ratio is None else f"{r.ratio:.2f}",
            str(r.runs),
            {True: "yes", False: "NO", None: "-"}[r.met],
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    right = {2, 3, 4, 5}

    def render(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [render(header), render(tuple("-" * w for w in widths))]
    out += [render(line) for line in lines]
    notes = [f"  {r.what}: {r.baseline_what}" for r in rows if r.baseline_what]
    if notes:
        out += ["", "baselines (measured in the same run):", *notes]
    return "\n".join(out)


def report(rows: list[Row]) -> int:
    """Print the table; exit status 1 if any goal was missed."""
    print(table(rows))
    return 0 if all(r.met is not False for r in rows) else 1


# Running a measurement in a fresh process -------------------------------------------------


def run_child(module: str, *args: str, timeout: float = 600) -> Any:
    """Run `python -m bench.<module> --child ...` and return the JSON it prints last."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(SRC)])}
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", "--child", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.{module} child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    On Linux, getrusage's ru_maxrss survives fork and exec: a child started by a parent
    that once held 300 MB reports at least 300 MB. The kernel's VmHWM (the high-water
    mark of this process image's resident set) has no such inheritance, so it is used
    when /proc offers it, and ru_maxrss otherwise (macOS, where it is in bytes).
    """
    import resource

    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# Key press to end of repaint --------------------------------------------------------------


def quiet_cursors() -> None:
    """Stop cursors blinking in this process, so a blink is never taken for a repaint."""
    from textual.widgets import Input, TextArea

    Input._toggle_cursor = lambda self: None  # type: ignore[method-assign]
    TextArea._toggle_cursor_blink_visible = lambda self: None  # type: ignore[method-assign]


class PaintProbe:
    """Notes the time of every frame the app writes, rendering it as a terminal driver would."""

    def __init__(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        self.app = app
        self.frames: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count:
                return
            if app.is_headless:  # a real driver turns the frame into escape codes
                if isinstance(renderable, CompositorUpdate):
                    renderable.render_segments(app.console)
                else:
                    app.console._render_buffer(app.console.render(renderable))
            self.frames.append(time.perf_counter())

        app._display = display


def attach(app: Any) -> PaintProbe:
    """Attach a paint probe to an app before it runs."""
    quiet_cursors()
    probe = PaintProbe(app)
    app._bench_probe = probe
    return probe


def _pending(app: Any) -> bool:
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._repaint_required
        or screen._scroll_required
        or screen._recompose_required
        or screen._dirty_widgets
        or app._batch_count
    )


async def settle(
    app: Any,
    ready: Callable[[], bool] = lambda: True,
    frames: int = 0,
    timeout: float = SETTLE_TIMEOUT_S,
) -> None:
    """Wait until `ready()`, more than `frames` frames were written, nothing is pending and
    no frame came for QUIET_S."""
    probe: PaintProbe = app._bench_probe
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.004)
        if len(probe.frames) <= frames:
            continue
        now = time.perf_counter()
        if ready() and not _pending(app) and now - probe.frames[-1] >= QUIET_S:
            return
    raise TimeoutError("the app did not settle (frames kept coming or it never got ready)")


async def key_to_paint(
    pilot: Any, key: str, ready: Callable[[], bool] = lambda: True, *, settle_first: bool = True
) -> float:
    """Milliseconds from handing `key` to the app until the last frame of the repaint."""
    app = pilot.app
    probe: PaintProbe = app._bench_probe
    if settle_first:
        await settle(app)
    count = len(probe.frames)
    start = time.perf_counter()
    await pilot.press(key)
    await settle(app, ready, frames=count)
    return (probe.frames[-1] - start) * 1000


async def call_to_paint(app: Any, action: Callable[[], Any], ready: Callable[[], bool]) -> float:
    """Milliseconds from calling `action` (e.g. a timer's callback) to the end of the repaint."""
    probe: PaintProbe = app._bench_probe
    await settle(app)
    count = len(probe.frames)
    start = time.perf_counter()
    result = action()
    if asyncio.iscoroutine(result):
        await result
    await settle(app, ready, frames=count)
    return (probe.frames[-1] - start) * 1000


def dumps(data: Any) -> str:
    """JSON on one line, for a child process to hand its figures back."""
    return json.dumps(data, separators=(",", ":"))
