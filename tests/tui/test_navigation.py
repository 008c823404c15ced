"""Every area is one key away, from the footer and from the command palette."""

from __future__ import annotations

import pytest

from tui.app import SchoolnetApp, screen_class
from tui.areas import AREAS
from tui.screens.help import HelpScreen, help_text
from tui.screens.home.dashboard import DashboardScreen

from .conftest import type_text


async def test_app_opens_on_the_dashboard(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "home"
        assert isinstance(app.screen, DashboardScreen)


@pytest.mark.parametrize("area", [a for a in AREAS if a.mode != "home"], ids=lambda a: a.mode)
async def test_area_key_switches_screen_and_h_comes_home(app: SchoolnetApp, area) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(area.key)
        await pilot.pause()
        assert app.current_mode == area.mode
        assert type(app.screen) is screen_class(area.mode)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_every_area_key_in_a_row(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            assert app.current_mode == area.mode


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_and_closes(app: SchoolnetApp, key: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app.screen, width=200)
        assert all(f"{area.title}: {area.summary}" in shown for area in AREAS)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_command_palette_goes_to_an_area(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "go to reviews")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "reviews"


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_quits(app: SchoolnetApp, key: str) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_escape_leaves_a_text_box_so_area_keys_work_again(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "slash", "n")  # "n" is typed into the search box...
        await pilot.pause()
        assert app.current_mode == "schools"
        await pilot.press("escape", "n")  # ...until escape leaves the box
        await pilot.pause()
        assert app.current_mode == "networks"
