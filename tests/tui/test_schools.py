"""The Schools screen: find, add, edit and delete schools, as a user would."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from store.demo.ids import network_id, school_id
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.schools.school_form import SchoolFormScreen
from tui.screens.schools.schools import SchoolsScreen

from .conftest import type_text


def _names(app: SchoolnetApp) -> list[str]:
    table = app.screen.query_one("#table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def _open_schools(pilot) -> None:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SchoolsScreen)


async def test_typing_part_of_a_name_narrows_the_table(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        assert len(_names(app)) == app.store.schools.count()
        await pilot.press("slash", *"hart")
        await pilot.pause()
        assert _names(app) == ["Hartford Infant School", "Hartford Junior School"]
        assert str(app.screen.query_one("#count", Static).render()).startswith("2 of 39 schools")
        await pilot.press(*["backspace"] * 4, *"9002")
        await pilot.pause()
        assert len(_names(app)) == 12  # URNs 900201 to 900212: Coventry South


async def test_search_matches_trust_and_town(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("slash", *"three spires")
        await pilot.pause()
        assert _names(app) == ["Canley Ford Primary", "Stoke Heath Primary", "Wyken Croft Primary"]


async def test_sorting_by_a_column(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("o")  # by URN; schools without one come last
        await pilot.pause()
        assert _names(app)[0] == "Radford Park Primary"
        assert str(app.screen.query_one("#count", Static).render()).endswith("sorted by URN ↑")


async def test_bad_urn_is_refused_inline_and_nothing_is_saved(app: SchoolnetApp) -> None:
    before = app.store.schools.count()
    async with app.run_test(size=(120, 60)) as pilot:
        await _open_schools(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SchoolFormScreen)
        form.query_one("#name", Input).value = "Fenstanton Primary School"
        form.query_one("#urn", Input).value = "12345"
        form.query_one("#contact_email", Input).value = "not-an-email"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.field("urn").error == "A URN is six digits."
        assert (
            form.field("contact_email").error == "An email address looks like name@school.org.uk."
        )
        assert form.field("name").error == ""
        assert app.store.schools.count() == before


async def test_duplicate_urn_names_the_other_school(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 60)) as pilot:
        await _open_schools(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "Copy School"
        form.query_one("#urn", Input).value = "900101"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.field("urn").error == "Radford Park Primary already has URN 900101."


async def test_add_find_edit_and_delete_a_school(app: SchoolnetApp) -> None:
    store = app.store
    async with app.run_test(size=(120, 60)) as pilot:
        await _open_schools(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await pilot.click("#name")
        await type_text(pilot, "Fenstanton Primary School")
        form.query_one("#urn", Input).value = "110999"
        form.query_one("#ofsted_date", Input).value = "15 Jan 2026"
        form.query_one("#website", Input).value = "www.fenstanton.example.org.uk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SchoolsScreen)
        school = store.schools.by_urn("110999")
        assert school is not None and school.name == "Fenstanton Primary School"
        assert school.ofsted_date.isoformat() == "2026-01-15"
        assert school.website == "https://www.fenstanton.example.org.uk"
        assert school.created_by == "Claire Whitfield"

        await pilot.press("slash", *"fenst", "enter")
        await pilot.pause()
        assert _names(app) == ["Fenstanton Primary School"]
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#ofsted_date", Input).value == "15 Jan 2026"
        form.query_one("#town", Input).value = "Fenstanton"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.schools.get(school.id).town == "Fenstanton"

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert store.schools.find(school.id) is None
        assert _names(app) == []
        tombstones = list(store.db.query("SELECT record_id FROM tombstones"))
        assert tombstones == [{"record_id": school.id}]


async def test_school_in_a_network_is_not_deleted_and_the_user_goes_there(
    app: SchoolnetApp,
) -> None:
    from tui.screens.dialogs.held import HeldScreen
    from tui.screens.network.network import NetworkScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        schools = app.screen
        await pilot.press("slash")
        await type_text(pilot, "houghton")
        await pilot.press("enter", "d")
        await pilot.pause()
        held = app.screen
        assert isinstance(held, HeldScreen)  # refused at once: no "Delete?" asked first
        assert held.message.startswith(
            "Houghton Primary School is in Hunts Area Primary Partnership and Ouse Valley Schools"
            " Partnership, and has 1 person, "
        )
        assert "1 review, " in held.message
        assert held.places == [
            "Hunts Area Primary Partnership",
            "Ouse Valley Schools Partnership",
            "Review of 4 Feb 2026",
        ]
        await pilot.press("1")  # go to the network that holds it
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        assert app.screen.network_id == network_id("hunts")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is schools
        assert app.store.schools.find(school_id("houghton")) is not None
