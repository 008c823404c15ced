"""A database made by an older schoolnet opens and upgrades without loss."""

from __future__ import annotations

import shutil
from pathlib import Path

from store import Store
from store.migrations import SCHEMA_VERSION

V1_FILE = Path(__file__).parent / "data" / "schoolnet-v1.db"


def test_v1_database_upgrades_and_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FILE, path)

    store = Store.open(path)

    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "settings" in store.db.table_names()
    [school] = store.schools.all()
    assert (school.name, school.urn, school.created_by) == (
        "Houghton Primary School",
        "110000",
        "v1 user",
    )
    [person] = store.people.all()
    assert person.lead_criteria.governing_body_support is True
    [network] = store.networks.all()
    assert network.terms_of_reference == {"meetings": "Six a year."}
    assert [m.school.name for m in store.networks.members(network.id)] == [
        "Houghton Primary School"
    ]
    assert list(store.db.query("SELECT record_id FROM tombstones")) == [
        {"record_id": "55555555-5555-4555-8555-555555555555"}
    ]
    assert store.installation_id
    store.close()


def test_upgraded_database_opens_again_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FILE, path)
    Store.open(path).close()
    store = Store.open(path)
    assert store.schools.count() == 1
    store.close()


def test_upgrade_adds_the_list_indexes_and_drops_their_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FILE, path)
    store = Store.open(path)
    indexes = {
        row["name"] for row in store.db.query("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    store.close()
    assert {
        "idx_memberships_network_status",
        "idx_actions_owner_status",
        "idx_actions_review",
        "idx_notes_focus",
        "idx_schools_by_name",
        "idx_schools_by_urn",
        "idx_schools_by_urn_desc",
        "idx_schools_by_sector_desc",
    } <= indexes
    assert {"idx_memberships_network", "idx_actions_owner"}.isdisjoint(indexes)
