"""Render every main screen from the demo data to screenshots/*.svg.

    python scripts/screenshots.py

The clock is frozen at the demo's anchor day so the pictures only change when the
screens do.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.pilot import Pilot

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from store.demo.ids import ANCHOR, school_id
from store.models import School, UserProfile
from store.sharing import exchange, inbox, sending
from store.sharing.bundle import Scope
from tui.app import SchoolnetApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (120, 40)


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, the keys that reach it, the theme and any setup."""

    name: str
    keys: Sequence[str] = ()
    theme: str = "textual-dark"
    then: Callable[[Pilot[None], Path], Awaitable[None]] | None = None


async def _tab(pilot: Pilot[None], tab: str) -> None:
    """Bring a tab of the current screen to the front."""
    pilot.app.screen.query_one("#tabs").active = tab  # type: ignore[attr-defined]
    await pilot.pause()


async def _preview_colleague_bundle(pilot: Pilot[None], folder: Path) -> None:
    """Preview the bundle a colleague sent, with one conflicting edit."""
    screen = pilot.app.screen
    screen.query_one("#tabs").active = "tab-receive"  # type: ignore[attr-defined]
    await pilot.pause()
    screen.query_one("#in").value = str(folder / COLLEAGUE_BUNDLE)  # type: ignore[attr-defined]
    await pilot.click("#preview")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


SHOTS = (
    Shot("dashboard"),
    Shot("dashboard-light", theme="textual-light"),
    Shot("help", ["question_mark"]),
    Shot("profile", ["u"]),
    Shot("schools", ["s", "slash", *"hart", "enter"]),
    Shot("school-form", ["s", "e"]),
    Shot("networks", ["n"]),
    Shot("network-members", ["n", "down", "down", "enter"]),
    Shot("network-health", ["n", "down", "enter", "right"]),
    Shot("network-terms", ["n", "down", "down", "down", "down", "enter", "right", "right"]),
    Shot("reviews", ["r"]),
    Shot("review", ["r", "down", "enter"]),
    Shot("review-outcomes", ["r", "down", "enter"], then=lambda p, f: _tab(p, "tab-outcomes")),
    Shot("notes-mode", ["r", "down", "enter", "v"]),
    Shot("concerns", ["r", "down", "enter", "c"]),
    Shot("meetings", ["m"]),
    Shot("meeting", ["m", "down", "enter"]),
    Shot(
        "meeting-attendance",
        ["m", "down", "enter"],
        then=lambda p, f: _tab(p, "tab-attendance"),
    ),  # fmt: skip
    Shot("actions", ["m", "t"]),
    Shot("plans", ["p"]),
    Shot("plan", ["p", "enter"]),
    Shot("sharing", ["x"], then=lambda p, f: _tab(p, "tab-send")),
    Shot("sharing-preview", ["x"], then=_preview_colleague_bundle),
    Shot("sharing-waiting", ["x"], then=lambda p, f: _tab(p, "tab-receive")),
)
COLLEAGUE_BUNDLE = "from-a-colleague.schoolnet.json"


def _frozen() -> datetime:
    return datetime.combine(ANCHOR, datetime.min.time().replace(hour=10), tzinfo=UTC)


async def take(shot: Shot, db: Path, folder: Path) -> Path:
    """Drive the app to the shot's screen and save an SVG of it."""
    store = Store.open(db, clock=_frozen)
    app = SchoolnetApp(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = shot.theme
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        if shot.then is not None:
            await shot.then(pilot, folder)
        await pilot.pause(0.3)
        path = Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(OUT)))
    store.close()
    return path


async def main() -> None:
    """Make a demo database and take every shot from it."""
    OUT.mkdir(exist_ok=True)
    # A fixed folder, so the file path shown in the sharing shots is the same every time.
    folder = Path(tempfile.gettempdir()) / "schoolnet-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        db = folder / "demo.db"
        store = Store.open(db, clock=_frozen)
        load_demo(store)
        store.save_profile(DEMO_PROFILE)
        store.close()
        _colleague_bundle(db, folder)
        # Bundles waiting in this folder stand for the user's Downloads.
        inbox.downloads_folder = lambda: folder / "Downloads"
        for shot in SHOTS:
            print(await take(shot, db, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _colleague_bundle(db: Path, folder: Path) -> None:
    """A bundle from a colleague's copy of the demo, with edits made there."""
    colleague_db = folder / "colleague.db"
    shutil.copy(db, colleague_db)
    colleague = Store.open(colleague_db, clock=lambda: _frozen() + timedelta(hours=1))
    # Another laptop: its own installation and user.
    colleague.settings.set("installation_id", "7d3e5a10-0c1b-4f4e-9d2a-1f6b8c9e0a42")
    colleague.save_profile(UserProfile(name="Priya Shah", school_id=school_id("houghton")))
    houghton = colleague.schools.get(school_id("houghton"))
    colleague.schools.update(houghton.model_copy(update={"phone": "01480 462200"}))
    colleague.schools.add(School(name="Fenstanton and Hilton Primary School", town="Fenstanton"))
    exchange.export(colleague, folder / COLLEAGUE_BUNDLE, Scope("everything"))
    # What the user's mail program saved to Downloads: an email with a bundle attached, and
    # the attachment of another, already imported in the picture's story or not.
    downloads = folder / "Downloads"
    downloads.mkdir()
    hunts = exchange.scope_for(colleague, "network", "Hunts Area Primary Partnership")
    sending.export(colleague, downloads / "schoolnet bundle from Priya Shah.eml", hunts,
                   to=["claire.whitfield@abbotsripton.cambs.sch.uk"])  # fmt: skip
    name = "2026-11-20 Everything from Houghton Primary School.schoolnet.json"
    exchange.export(colleague, downloads / name, Scope("everything"))
    colleague.close()


if __name__ == "__main__":
    asyncio.run(main())
