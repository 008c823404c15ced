"""Sharing by email on screen: a bundle waiting in Downloads is previewed with one key and
applied, then shows 'imported'; Email it writes a draft and says where it is when no mail
program opens it; typing a path or an address never fires a shortcut; Home's count; a
shared folder added to the places looked in."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import cast

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static, TabbedContent
from textual_fspicker import SelectDirectory
from textual_fspicker.parts import DirectoryNavigation
from textual_fspicker.parts.directory_navigation import DirectoryEntry

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from store.sharing import exchange, sending
from tui.app import SchoolnetApp
from tui.screens.sharing.sharing import SharingScreen

from ..conftest import TickingClock
from .conftest import type_text

HUNTS = "Hunts Area Primary Partnership"


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_pick_a_waiting_bundle_preview_and_apply(
    app: SchoolnetApp, private_home: Path, tmp_path: Path
) -> None:
    downloads = private_home / "Downloads"
    downloads.mkdir()
    colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock())
    load_demo(colleague)
    colleague.save_profile(DEMO_PROFILE.model_copy(update={"name": "Priya Shah"}))
    hunts = colleague.networks.by_name(HUNTS)
    assert hunts is not None
    colleague.networks.update(hunts.model_copy(update={"name": "Hunts Partnership"}))
    scope = exchange.scope_for(colleague, "network", "Hunts Partnership")
    exchange.export(colleague, downloads / "from priya.schoolnet.json", scope)
    colleague.close()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SharingScreen)
        # A bundle waits, so Sharing opens on the Receive tab.
        assert screen.query_one("#tabs", TabbedContent).active == "tab-receive"
        waiting = screen.query_one("#waiting", DataTable)
        row = [str(cell) for cell in waiting.get_row_at(0)]
        assert row[:2] == ["Priya Shah", "Hunts Partnership"]
        assert row[4:] == ["not imported", "from priya.schoolnet.json"]
        assert app.focused is waiting
        await pilot.press("enter")  # one key previews
        await _settle(pilot)
        summary = str(screen.query_one("#preview-summary", Static).render())
        assert summary.startswith("from priya.schoolnet.json: Hunts Partnership, from Priya")
        assert screen.query_one("#apply", Button).has_focus
        await pilot.press("enter")  # and Apply import, focused, applies it
        await _settle(pilot)
        assert str(screen.query_one("#preview-summary", Static).render()).startswith("Imported.")
        assert app.store.networks.by_name("Hunts Partnership") is not None
        assert str(waiting.get_row_at(0)[4]) == "imported"


async def test_email_it_writes_a_draft_and_says_where(
    app: SchoolnetApp, tmp_path: Path, no_mail_program: list[Path]
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        # Typed paths and addresses are text: q, x, n and s fire no shortcut in them.
        out, to = screen.query_one("#out", Input), screen.query_one("#to", Input)
        out.focus()
        out.value = ""
        typist = cast("Pilot[object]", pilot)
        await type_text(typist, str(tmp_path / "quiz for sam x.schoolnet.json"))
        to.focus()
        await type_text(typist, "quinn.sx@example.org.uk")
        assert app.is_running and app.screen is screen
        assert out.value == str(tmp_path / "quiz for sam x.schoolnet.json")
        screen.query_one("#export", Button).press()
        await _settle(pilot)
        email = screen.query_one("#email", Button)
        assert not email.disabled
        email.press()
        await _settle(pilot)
        [draft] = no_mail_program
        assert draft.suffix == ".eml" and draft.parent == tmp_path
        said = str(screen.query_one("#export-result", Static).render())
        assert said.startswith(f"No mail program opened it. The draft is saved as {draft}")
        message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
        assert (message["To"], message["X-Unsent"]) == ("quinn.sx@example.org.uk", "1")
        [attachment] = list(message.iter_attachments())
        assert attachment.get_filename() == "quiz for sam x.schoolnet.json"


async def test_home_says_how_many_bundles_wait(
    demo_store: Store, private_home: Path, tmp_path: Path
) -> None:
    downloads = private_home / "Downloads"
    downloads.mkdir()
    colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock())
    load_demo(colleague)
    scope = exchange.scope_for(colleague, "network", HUNTS)
    exchange.export(colleague, downloads / "one.schoolnet.json", scope)
    sending.export(colleague, downloads / "two.eml", scope, to=["me@example.org.uk"])
    colleague.close()
    app = SchoolnetApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        welcome = str(app.screen.query_one("#welcome", Static).render())
        assert "2 bundles from colleagues not yet imported (press x)." in welcome


async def test_add_a_shared_folder_to_look_in(
    app: SchoolnetApp, private_home: Path, tmp_path: Path
) -> None:
    shared = private_home / "OneDrive - Hunts"
    shared.mkdir()
    colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock())
    load_demo(colleague)
    exchange.export(
        colleague, shared / "hunts.schoolnet.json", exchange.scope_for(colleague, "network", HUNTS)
    )
    colleague.close()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#tabs", TabbedContent).active = "tab-receive"
        await pilot.pause()
        assert not screen.query_one("#waiting", DataTable).display
        passphrase = screen.query_one("#in-passphrase", Input)
        passphrase.focus()
        await type_text(cast("Pilot[object]", pilot), "quick brown fox sings x n")
        assert app.is_running and app.screen is screen
        assert passphrase.value == "quick brown fox sings x n"
        screen.query_one("#add-folder", Button).press()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SelectDirectory)
        navigation = picker.query_one(DirectoryNavigation)
        options = [navigation.get_option_at_index(i) for i in range(navigation.option_count)]
        names = [o.location.name for o in options if isinstance(o, DirectoryEntry)]
        navigation.focus()
        navigation.highlighted = names.index(shared.name)
        await pilot.press("enter")  # into the folder
        await pilot.pause()
        await pilot.click("#select")
        await pilot.pause()
        assert app.screen is screen
        waiting = screen.query_one("#waiting", DataTable)
        assert waiting.display and str(waiting.get_row_at(0)[5]) == "hunts.schoolnet.json"
        assert "~/OneDrive - Hunts" in str(screen.query_one("#folders", Static).render())
