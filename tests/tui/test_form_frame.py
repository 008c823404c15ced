"""The frame every form shares, as a user meets it: typing lands in the first field, Enter
moves on, Save and Cancel stay in view at 80x24, and Escape asks before throwing words away.
"""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input

from store import Store
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.review.concern_form import ConcernFormScreen
from tui.screens.review.review_forms import ReviewSetupScreen
from tui.screens.schools.school_form import SchoolFormScreen
from tui.screens.schools.schools import SchoolsScreen

from .conftest import type_text


async def test_typing_lands_in_the_first_field_and_enter_moves_on(app: SchoolnetApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SchoolFormScreen)
        await type_text(pilot, "Zeta")
        await pilot.press("enter")
        await pilot.pause()
        inputs = list(form.query(Input))
        assert inputs[0].value == "Zeta"
        assert app.focused is not inputs[0]  # Enter moved on, and saved nothing
        assert isinstance(app.screen, SchoolFormScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(
    ("keys", "form_type"),
    [(("r", "a"), ReviewSetupScreen), (("r", "enter", "exclamation_mark"), ConcernFormScreen)],
)
async def test_save_and_cancel_stay_in_view(
    app: SchoolnetApp, size: tuple[int, int], keys: tuple[str, ...], form_type: type
) -> None:
    async with app.run_test(size=size) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        form = app.screen
        assert isinstance(form, form_type)
        screen = form.region
        for button_id in ("save", "cancel"):
            button = form.query_one(f"#{button_id}", Button)
            assert screen.contains_region(button.region), (button_id, button.region, screen)
        footer_keys = {key.key for key in form.query("FooterKey")}
        assert {"escape", "ctrl+s"} <= footer_keys


async def test_escape_asks_only_when_something_was_typed(
    app: SchoolnetApp, demo_store: Store
) -> None:
    before = demo_store.schools.count()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "a")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: it just closes
        await pilot.pause()
        assert isinstance(app.screen, SchoolsScreen)

        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Half a name")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep typing
        await pilot.pause()
        assert isinstance(app.screen, SchoolFormScreen)
        assert app.screen.query(Input).first().value == "Half a name"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SchoolsScreen)
    assert demo_store.schools.count() == before
