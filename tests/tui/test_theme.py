"""The palette finds the light and dark themes, and the choice is remembered."""

from __future__ import annotations

from store import Store
from tui.app import SchoolnetApp

from .conftest import type_text


async def test_the_palette_finds_light_and_the_choice_is_kept(demo_store: Store) -> None:
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "light theme")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
    again = SchoolnetApp(demo_store)
    async with again.run_test(size=(120, 40)):
        assert again.theme == "textual-light"
