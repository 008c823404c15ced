"""Who is using schoolnet: asked on first launch, checked inline, editable with `u`."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from tui.app import SchoolnetApp
from tui.screens.home.dashboard import DashboardScreen
from tui.screens.profile import NAME_REQUIRED, ProfileScreen

from ..conftest import TickingClock
from .conftest import type_text


async def test_first_launch_asks_and_an_empty_name_is_refused_inline(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new.db", clock=TickingClock())
    load_demo(store)
    app = SchoolnetApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert str(app.screen.query_one("#name-error", Static).render()) == NAME_REQUIRED
        assert store.profile is None
    store.close()


async def test_saving_a_profile_links_the_person_and_shows_their_actions(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new.db", clock=TickingClock())
    load_demo(store)
    app = SchoolnetApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#name")
        await type_text(pilot, "claire whitfield")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert store.profile is not None
        assert store.profile.name == "claire whitfield"
        assert store.profile.person_id == DEMO_PROFILE.person_id
        assert app.screen.query_one("#my-actions", DataTable).row_count > 0
        assert app.sub_title == "claire whitfield"
    store.close()


async def test_u_edits_the_profile_and_escape_keeps_it(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#name", Input).value == "Claire Whitfield"
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.profile == DEMO_PROFILE


async def test_records_made_after_signing_in_say_who_made_them(app: SchoolnetApp) -> None:
    from store.models import School

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        name.value = "Sam Patel"
        await pilot.click("#save")
        await pilot.pause()
    school = app.store.schools.add(School(name="New School"))
    assert school.created_by == "Sam Patel"
