"""The file picker: Browse (ctrl+o) beside a path box opens a dialog in a sensible folder
showing only the relevant files; the file chosen goes into the box."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from textual_fspicker import FileOpen
from textual_fspicker.parts import DirectoryNavigation
from textual_fspicker.parts.directory_navigation import DirectoryEntry

from tui.app import SchoolnetApp
from tui.screens.dialogs.message import MessageScreen
from tui.screens.schools.import_register import ImportRegisterScreen

from .test_forms_flow import _open_schools, _register


async def test_pick_the_register_from_downloads(app: SchoolnetApp, private_home: Path) -> None:
    downloads = private_home / "Downloads"
    downloads.mkdir()
    csv = _register(downloads / "edubasealldata20261123.csv", [
        ("120001", "Alder Brook Primary", "Huntingdon"),
    ])  # fmt: skip
    (downloads / "holiday photo.jpg").write_bytes(b"\xff\xd8")
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_schools(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportRegisterScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, FileOpen)
        navigation = picker.query_one(DirectoryNavigation)
        assert navigation.location == downloads
        options = (navigation.get_option_at_index(i) for i in range(navigation.option_count))
        shown = [o.location.name for o in options if isinstance(o, DirectoryEntry)]
        assert csv.name in shown and "holiday photo.jpg" not in shown
        navigation.focus()
        navigation.highlighted = shown.index(csv.name)
        await pilot.press("enter")  # the file's name goes into the picker's box
        await pilot.press("enter")  # and enter there chooses it
        await pilot.pause()
        assert isinstance(app.screen, ImportRegisterScreen)
        assert app.screen.query_one("#path", Input).value == str(csv)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert app.store.schools.by_urn("120001") is not None
