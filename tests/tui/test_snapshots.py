"""Snapshot tests of the main screens, in Textual's dark and light themes."""

from __future__ import annotations

import pytest

from tui.app import SchoolnetApp

SIZE = (120, 40)


def _light(pilot) -> None:
    pilot.app.theme = "textual-light"


class TestDashboard:
    """The home dashboard."""

    def test_dark(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE)

    def test_light(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=_light)


class TestFirstRun:
    """Home on an empty database: the first steps, one key each."""

    def test_empty_home(self, snap_compare, tmp_path) -> None:
        from store import Store

        from ..conftest import TickingClock

        store = Store.open(tmp_path / "empty.db", clock=TickingClock())
        assert snap_compare(SchoolnetApp(store, ask_profile=False), terminal_size=(80, 24))
        store.close()


class TestShell:
    """Help, profile and an area not built yet."""

    def test_help(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])

    def test_profile(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["u"])


class TestSchools:
    """The Schools screen."""

    def test_schools(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["s"])

    def test_schools_filtered(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["s", "slash", *"hart"])


class TestNetwork:
    """The networks list and a network's page."""

    def test_networks(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["n"])

    def test_network_page(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["n", "down", "enter"])

    def test_network_health(self, snap_compare, app: SchoolnetApp) -> None:
        async def health_tab(pilot) -> None:
            await pilot.press("n", "down", "enter")
            await pilot.pause()
            pilot.app.screen.show_tab("tab-health")

        assert snap_compare(app, terminal_size=SIZE, run_before=health_tab)


class TestSharing:
    """The Sharing screen."""

    def test_sharing(self, snap_compare, app: SchoolnetApp, monkeypatch) -> None:
        monkeypatch.setenv("HOME", "/home/head")  # the suggested file name shows the home folder
        assert snap_compare(app, terminal_size=SIZE, press=["x"])

    def test_bundles_waiting(self, snap_compare, app: SchoolnetApp, private_home, tmp_path) -> None:
        """The Receive tab lists a colleague's bundle in Downloads and an email carrying one."""
        from store import Store
        from store.demo.builder import DEMO_PROFILE, load_demo
        from store.sharing import exchange, sending
        from store.sharing.bundle import Scope

        from ..conftest import TickingClock

        downloads = private_home / "Downloads"
        downloads.mkdir()
        colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock())
        load_demo(colleague)
        colleague.save_profile(DEMO_PROFILE.model_copy(update={"name": "Priya Shah"}))
        hunts = exchange.scope_for(colleague, "network", "Hunts Area Primary Partnership")
        exchange.export(colleague, downloads / "2026-11-23 Hunts.schoolnet.json", hunts)
        sending.export(colleague, downloads / "Fwd schoolnet bundle.eml", Scope("everything"))
        colleague.close()

        async def receive(pilot) -> None:
            await pilot.press("x")
            await pilot.pause()
            pilot.app.screen.query_one("#tabs").active = "tab-receive"
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=receive)


async def _open_st_johns(pilot) -> None:
    from textual.widgets import DataTable

    from store.demo.ids import review_id

    await pilot.press("r")
    await pilot.pause()
    table = pilot.app.screen.query_one("#reviews", DataTable)
    table.move_cursor(row=table.get_row_index(review_id("hunts-2026-st-johns")))
    await pilot.press("enter")
    await pilot.pause()


class TestReviews:
    """The reviews list, a review's page and visit notes mode."""

    def test_reviews(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["r"])

    def test_review_page(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=_open_st_johns)

    def test_notes_mode(self, snap_compare, app: SchoolnetApp) -> None:
        async def notes(pilot) -> None:
            await _open_st_johns(pilot)
            await pilot.press("v")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=notes)


async def _open_meeting(pilot) -> None:
    from textual.widgets import DataTable, Select

    from store.demo.ids import demo_id, network_id

    await pilot.press("m")
    await pilot.pause()
    pilot.app.screen.query_one("#network", Select).value = network_id("cov-north")
    await pilot.pause()
    table = pilot.app.screen.query_one("#meetings", DataTable)
    table.move_cursor(row=table.get_row_index(demo_id("meeting", "cov-north", "2026-11-19")))
    await pilot.press("enter")
    await pilot.pause()


class TestMeetings:
    """The meetings list and a meeting's page, at a roomy and a small terminal."""

    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
    def test_meetings(self, snap_compare, app: SchoolnetApp, size: tuple[int, int]) -> None:
        assert snap_compare(app, terminal_size=size, press=["m"])

    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
    def test_meeting(self, snap_compare, app: SchoolnetApp, size: tuple[int, int]) -> None:
        assert snap_compare(app, terminal_size=size, run_before=_open_meeting)


async def _open_plan(pilot) -> None:
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("enter")  # the first network's plan for this year
    await pilot.pause()


class TestPlans:
    """The plans list and a plan's page, at a roomy and a small terminal."""

    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
    def test_plans(self, snap_compare, app: SchoolnetApp, size: tuple[int, int]) -> None:
        assert snap_compare(app, terminal_size=size, press=["p"])

    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x40", "80x24"])
    def test_plan(self, snap_compare, app: SchoolnetApp, size: tuple[int, int]) -> None:
        assert snap_compare(app, terminal_size=size, run_before=_open_plan)


SMALL = (80, 24)


class TestAt80x24:
    """The main screens at the smallest terminal schoolnet promises to be usable in."""

    def test_home(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SMALL)

    def test_network_page(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SMALL, press=["n", "down", "enter"])

    def test_review_page(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SMALL, run_before=_open_st_johns)

    def test_notes_mode(self, snap_compare, app: SchoolnetApp) -> None:
        """The note takes the width; the list is behind ctrl+l."""

        async def notes(pilot) -> None:
            await _open_st_johns(pilot)
            await pilot.press("v")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SMALL, run_before=notes)

    def test_concern_form(self, snap_compare, app: SchoolnetApp) -> None:
        async def concern(pilot) -> None:
            await _open_st_johns(pilot)
            await pilot.press("exclamation_mark")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SMALL, run_before=concern)

    def test_sharing(self, snap_compare, app: SchoolnetApp, monkeypatch) -> None:
        monkeypatch.setenv("HOME", "/home/head")  # the suggested file name shows the home folder
        assert snap_compare(app, terminal_size=SMALL, press=["x"])
