"""The Sharing screen: export, preview an import, apply it, and restore a conflict's loser."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static

from store import Store
from store.demo.ids import network_id, school_id
from store.sharing import exchange
from store.sharing.bundle import Scope
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.sharing.sharing import SharingScreen

from ..conftest import TickingClock


async def _sharing(pilot) -> SharingScreen:
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SharingScreen)
    return pilot.app.screen


async def _settle(pilot) -> None:
    """Let the pressed button start its worker, then wait for the worker and its results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_export_a_network_with_a_suggested_name(app: SchoolnetApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _sharing(pilot)
        screen.query_one("#kind", Select).value = "network"
        await pilot.pause()
        screen.query_one("#item", Select).value = network_id("hunts")
        await pilot.pause()
        suggested = screen.query_one("#out", Input).value
        assert suggested.endswith(
            "2026-11-23 Hunts Area Primary Partnership from Abbots Ripton CE Primary School"
            ".schoolnet.json"
        )
        target = tmp_path / Path(suggested).name
        screen.query_one("#out", Input).value = str(target)
        screen.query_one("#export", Button).press()
        await _settle(pilot)
        bundle = json.loads(target.read_text())
        assert bundle["scope"]["name"] == "Hunts Area Primary Partnership"
        result = str(screen.query_one("#export-result", Static).render())
        assert result.startswith(f"Wrote {sum(len(v) for v in bundle['records'].values())} records")
        assert "KB" in result
        ledger = screen.query_one("#ledger", DataTable)
        assert str(ledger.get_row_at(0)[1]) == "sent"


async def test_confidential_export_asks_for_a_passphrase(app: SchoolnetApp, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _sharing(pilot)
        screen.query_one("#out", Input).value = str(tmp_path / "all.schoolnet.json")
        screen.query_one("#confidential", Checkbox).value = True
        await pilot.pause()
        screen.query_one("#export", Button).press()
        await pilot.pause()
        assert screen.query_one("#field-out-passphrase").error.startswith("Use a passphrase")
        assert not (tmp_path / "all.schoolnet.json").exists()
        screen.query_one("#out-passphrase", Input).value = "a long passphrase"
        screen.query_one("#export", Button).press()
        await _settle(pilot)
        assert (
            json.loads((tmp_path / "all.schoolnet.json").read_text())["format"]
            == "schoolnet-encrypted-bundle"
        )


async def test_preview_apply_and_restore_a_conflict(app: SchoolnetApp, tmp_path: Path) -> None:
    store = app.store
    colleague_path = tmp_path / "colleague.db"
    colleague = Store.open(colleague_path, clock=TickingClock(store.clock.now))  # type: ignore[attr-defined]
    houghton = school_id("houghton")
    exchange.import_file(colleague, _export(store, tmp_path / "base.schoolnet.json"))
    store.schools.update(store.schools.get(houghton).model_copy(update={"phone": "01480 000001"}))
    colleague.clock.now = store.clock.now + timedelta(seconds=5)  # type: ignore[attr-defined]
    colleague.schools.update(
        colleague.schools.get(houghton).model_copy(update={"phone": "01480 999999"})
    )
    incoming = _export(colleague, tmp_path / "from-colleague.schoolnet.json")
    colleague.close()

    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _sharing(pilot)
        screen.query_one("#tabs").active = "tab-receive"
        await pilot.pause()
        screen.query_one("#in", Input).value = str(incoming)
        screen.query_one("#preview", Button).press()
        await _settle(pilot)
        table = screen.query_one("#preview-table", DataTable)
        rows = {
            str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)]
            for i in range(table.row_count)
        }
        assert rows["schools"][1:] == ["0", "1", str(store.schools.count() - 1), "0", "0"]
        assert store.schools.get(houghton).phone == "01480 000001"  # preview changes nothing
        assert not screen.query_one("#apply", Button).disabled
        screen.query_one("#apply", Button).press()
        await _settle(pilot)
        assert store.schools.get(houghton).phone == "01480 999999"

        screen.query_one("#tabs").active = "tab-conflicts"
        await pilot.pause()
        conflicts = screen.query_one("#conflicts", DataTable)
        assert conflicts.row_count == 1
        row = [str(c) for c in conflicts.get_row_at(0)]
        assert row[1:5] == ["Houghton Primary School", "phone", "01480 999999", "01480 000001"]
        conflicts.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert store.schools.get(houghton).phone == "01480 000001"
        assert str(conflicts.get_row_at(0)[5]) != ""


async def test_a_bad_bundle_is_refused_in_a_dialog(app: SchoolnetApp, tmp_path: Path) -> None:
    bad = tmp_path / "bad.schoolnet.json"
    bad.write_text('{"format": "[bold red]evil[/]"}')
    before = app.store.counts()
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _sharing(pilot)
        screen.query_one("#tabs").active = "tab-receive"
        await pilot.pause()
        screen.query_one("#in", Input).value = str(bad)
        screen.query_one("#preview", Button).press()
        await _settle(pilot)
        assert isinstance(app.screen, MessageScreen)
        text = str(app.screen.query_one("#text", Static).render())
        assert text == "bad.schoolnet.json is a '[bold red]evil[/]' file, not a schoolnet bundle."
        await pilot.press("enter")
        await pilot.pause()
    assert app.store.counts() == before


def _export(store: Store, path: Path) -> Path:
    exchange.export(store, path, Scope("everything"))
    return path


async def test_text_from_a_bundle_is_shown_as_data_everywhere(
    app: SchoolnetApp, tmp_path: Path
) -> None:
    from store.models import Membership, Network, School
    from tui.screens.network.network import NetworkScreen

    sender = Store.open(tmp_path / "sender.db", clock=TickingClock())
    school = sender.schools.add(
        School(name="[bold red]x[/]", town="[link=https://example.org]y[/link]")
    )
    network = sender.networks.add(Network(name="[link=https://example.org]y[/link] network"))
    sender.memberships.add(Membership(network_id=network.id, school_id=school.id, status="active"))
    path = _export(sender, tmp_path / "markup.schoolnet.json")
    sender.close()
    exchange.import_file(app.store, path)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("slash", *"[bold")
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:3:2] == [
            "[bold red]x[/]",
            "[link=https://example.org]y[/link]",
        ]
        app.push_screen(NetworkScreen(network.id))
        await pilot.pause()
        members = app.screen.query_one("#members", DataTable)
        assert str(members.get_row_at(0)[0]) == "[bold red]x[/]"
        title = str(app.screen.query_one("#title", Static).render())
        assert title.startswith("[link=https://example.org]y[/link] network")
        assert app.screen.sub_title == "[link=https://example.org]y[/link] network"
        await pilot.press("h")
        await pilot.pause()
        names = [
            str(r[0])
            for r in (
                app.screen.query_one("#networks", DataTable).get_row_at(i)
                for i in range(app.screen.query_one("#networks", DataTable).row_count)
            )
        ]
        assert "[link=https://example.org]y[/link] network" in names
