"""Sharing: a preview is advice. Leaving the screen drops it; applying merges the bundle
with the database as it is then, so a change made after the preview is kept."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, TabbedContent

from store import Store
from store.demo.ids import school_id
from store.sharing import exchange
from store.sharing.bundle import Scope
from tui.app import SchoolnetApp
from tui.screens.sharing.sharing import SharingScreen

from ..conftest import TickingClock

HOUGHTON = school_id("houghton")


def _colleagues_bundle(store: Store, tmp_path: Path) -> Path:
    """A colleague, a second later than us, changes Houghton's phone and sends it all."""
    first = tmp_path / "ours.schoolnet.json"
    exchange.export(store, first, Scope("everything"))
    colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock(store.clock()))
    exchange.import_file(colleague, first)
    school = colleague.schools.get(HOUGHTON)
    colleague.schools.update(school.model_copy(update={"phone": "01480 999999"}))
    path = tmp_path / "colleague.schoolnet.json"
    exchange.export(colleague, path, Scope("everything"))
    colleague.close()
    return path


async def test_leaving_sharing_drops_the_preview_and_apply_keeps_a_later_edit(
    app: SchoolnetApp, demo_store: Store, tmp_path: Path
) -> None:
    bundle = _colleagues_bundle(demo_store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:

        async def preview() -> SharingScreen:
            await pilot.press("x")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SharingScreen)
            screen.query_one("#tabs", TabbedContent).active = "tab-receive"
            await pilot.pause()
            screen.query_one("#in", Input).value = str(bundle)
            screen.query_one("#preview", Button).press()
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not screen.query_one("#apply", Button).disabled
            return screen

        screen = await preview()
        screen.set_focus(None)
        await pilot.press("h", "x")  # away to Home and back
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#apply", Button).disabled  # the preview was dropped

        screen = await preview()
        # Another window changes the school's town after the preview.
        other = Store.open(demo_store.path or "", clock=TickingClock(demo_store.clock()))
        school = other.schools.get(HOUGHTON)
        other.schools.update(school.model_copy(update={"town": "Houghton Grange"}))
        other.close()
        screen.query_one("#apply", Button).press()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    school = demo_store.schools.get(HOUGHTON)
    assert (school.phone, school.town) == ("01480 999999", "Houghton Grange")
