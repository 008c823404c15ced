"""Bundles waiting for you: Downloads and added folders, emails carrying a bundle, and
which are imported already (by checksum, from the ledger)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, StoreError
from store.demo.builder import DEMO_PROFILE, load_demo
from store.sharing import exchange, inbox, sending
from store.sharing.bundle import Scope

from ..conftest import TickingClock

HUNTS = "Hunts Area Primary Partnership"


@pytest.fixture
def colleague(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "colleague.db", clock=TickingClock())
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    return store


def test_waiting_bundles_in_downloads_and_added_folders(
    store: Store, colleague: Store, tmp_path: Path, private_home: Path
) -> None:
    downloads = private_home / "Downloads"
    shared = tmp_path / "OneDrive - Hunts"
    downloads.mkdir()
    shared.mkdir()
    hunts = exchange.scope_for(colleague, "network", HUNTS)
    exchange.export(colleague, downloads / "hunts.schoolnet.json", hunts)
    sending.export(colleague, downloads / "saved from outlook.eml", Scope("everything"))
    (downloads / "newsletter.eml").write_bytes(b"Subject: hi\r\n\r\nNo bundle.\r\n")
    (downloads / "notes.txt").write_text("not a bundle")
    exchange.export(colleague, shared / "shared.schoolnet.json", hunts)
    # Our own bundle, saved to Downloads, is not waiting for us.
    exchange.export(store, downloads / "mine.schoolnet.json", Scope("everything"))
    assert {p.name for p in (w.path for w in inbox.waiting(store))} == {
        "hunts.schoolnet.json",
        "saved from outlook.eml",
    }
    assert inbox.waiting_sentence(store).startswith("2 bundles from colleagues not yet imported")
    with pytest.raises(StoreError, match="There is no folder"):
        inbox.add_folder(store, tmp_path / "missing")
    inbox.add_folder(store, shared)
    assert inbox.folders(store) == [downloads, shared]
    found = {w.path.name: w for w in inbox.waiting(store)}
    assert set(found) == {"hunts.schoolnet.json", "saved from outlook.eml", "shared.schoolnet.json"}
    assert (found["hunts.schoolnet.json"].sender, found["hunts.schoolnet.json"].scope) == (
        "Claire Whitfield",
        HUNTS,
    )
    assert found["hunts.schoolnet.json"].size > 1000
    exchange.import_file(store, downloads / "saved from outlook.eml")
    imported = {w.path.name: w.imported for w in inbox.waiting(store)}
    assert imported["saved from outlook.eml"]
    assert not imported["hunts.schoolnet.json"]
    assert inbox.waiting_sentence(store).startswith("2 bundles")
    exchange.import_file(store, shared / "shared.schoolnet.json")
    assert inbox.waiting_sentence(store).startswith("1 bundle from colleagues")
    inbox.remove_folder(store, shared)
    assert inbox.folders(store) == [downloads]
