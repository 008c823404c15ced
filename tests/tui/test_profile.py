"""Who is using schoolnet: asked on first launch, checked inline, editable with `u`."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static

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
        assert app.screen.field("name").error == NAME_REQUIRED
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
        await pilot.press("ctrl+s")
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
        await pilot.pause()  # the line saying who the profile links to changes, and the form
        await pilot.click("#save")
        await pilot.pause()
    school = app.store.schools.add(School(name="New School"))
    assert school.created_by == "Sam Patel"


async def test_the_school_is_found_by_typing_and_namesakes_are_told_apart(tmp_path: Path) -> None:
    from store.models import School

    store = Store.open(tmp_path / "empty.db", clock=TickingClock())
    for urn, town in (("110001", "March"), ("110002", "Ely"), ("110003", "Wisbech")):
        store.schools.add(School(name="St Mary's CofE Primary School", urn=urn, town=town))
    store.schools.add(School(name="Ely College", urn="110004", town="Ely"))
    app = SchoolnetApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)  # asked on first launch
        await type_text(pilot, "Sam Patel")
        await pilot.press("tab")
        await type_text(pilot, "st mary")
        matches = app.screen.query_one("#school-matches", OptionList)
        labels = [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]
        assert labels == [
            "St Mary's CofE Primary School   URN 110002, Ely",
            "St Mary's CofE Primary School   URN 110001, March",
            "St Mary's CofE Primary School   URN 110003, Wisbech",
            "Not linked to a school",
        ]
        line = str(app.screen.query_one("#person-line", Static).render())
        assert "saving adds one" in line
        await pilot.press("enter")  # the first, in Ely
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
    ely = store.schools.by_urn("110002")
    assert ely is not None and store.profile is not None
    assert store.profile.school_id == ely.id
    person = store.people.get(store.profile.person_id or "")
    assert (person.name, person.school_id) == ("Sam Patel", ely.id)
    store.close()
