"""Render every main screen from the demo data to screenshots/*.svg.

    python scripts/screenshots.py

The clock is frozen at the demo's anchor day so the pictures only change when the
screens do.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from store import Store
from store.demo import ANCHOR, DEMO_PROFILE, load_demo
from tui.app import SchoolnetApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (120, 40)


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, the keys that reach it and the theme."""

    name: str
    keys: Sequence[str] = ()
    theme: str = "textual-dark"


SHOTS = (
    Shot("dashboard"),
    Shot("dashboard-light", theme="textual-light"),
    Shot("help", ["question_mark"]),
    Shot("profile", ["u"]),
    Shot("coming-soon", ["r"]),
    Shot("schools", ["s", "slash", *"hart", "enter"]),
    Shot("school-form", ["s", "e"]),
    Shot("networks", ["n"]),
    Shot("network-members", ["n", "down", "down", "enter"]),
    Shot("network-health", ["n", "down", "enter", "right"]),
    Shot("network-terms", ["n", "down", "down", "down", "down", "enter", "right", "right"]),
)


def _frozen() -> datetime:
    return datetime.combine(ANCHOR, datetime.min.time().replace(hour=10), tzinfo=UTC)


async def take(shot: Shot, db: Path) -> Path:
    """Drive the app to the shot's screen and save an SVG of it."""
    store = Store.open(db, clock=_frozen)
    app = SchoolnetApp(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = shot.theme
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        path = Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT)))
    store.close()
    return path


async def main() -> None:
    """Make a demo database and take every shot from it."""
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        store = Store.open(db, clock=_frozen)
        load_demo(store)
        store.save_profile(DEMO_PROFILE)
        store.close()
        for shot in SHOTS:
            print(await take(shot, db))


if __name__ == "__main__":
    asyncio.run(main())
