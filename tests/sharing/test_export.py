"""Exported bundles: the format, its checksum, determinism, scopes and confidentiality."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from store import Store, StoreError
from store.demo.builder import load_demo
from store.demo.ids import network_id, review_id
from store.sharing import exchange
from store.sharing.bundle import FORMAT, Scope, build, checksum, read


@pytest.fixture
def demo(file_store: Store) -> Store:
    load_demo(file_store)
    return file_store


def test_bundle_has_the_documented_fields_and_checksum(demo: Store) -> None:
    bundle = build(demo, Scope("everything"))
    assert set(bundle) == {
        "format", "version", "bundle_id", "created_at", "created_by", "scope", "records",
        "deleted", "checksum",
    }  # fmt: skip
    assert (bundle["format"], bundle["version"]) == (FORMAT, 1)
    assert bundle["created_by"]["installation_id"] == demo.installation_id
    body = {k: v for k, v in bundle.items() if k != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert bundle["checksum"] == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert checksum(bundle) == bundle["checksum"]


def test_export_is_deterministic(demo: Store) -> None:
    first, second = build(demo, Scope("everything")), build(demo, Scope("everything"))
    assert first["records"] == second["records"]
    assert json.dumps(first["records"], sort_keys=True) == json.dumps(
        second["records"], sort_keys=True
    )
    for records in first["records"].values():
        ids = [r["id"] for r in records]
        assert ids == sorted(ids)


def test_everything_leaves_out_concerns_unless_asked(demo: Store) -> None:
    assert "concerns" not in build(demo, Scope("everything"))["records"]
    assert (
        len(build(demo, Scope("everything"), include_confidential=True)["records"]["concerns"]) == 1
    )


def test_network_scope_holds_the_network_and_what_it_refers_to(demo: Store) -> None:
    scope = exchange.scope_for(demo, "network", "Hunts Area Primary Partnership")
    records = build(demo, scope)["records"]
    assert [n["id"] for n in records["networks"]] == [network_id("hunts")]
    assert len(records["schools"]) == 8
    assert {m["network_id"] for m in records["memberships"]} == {network_id("hunts")}
    assert {r["network_id"] for r in records["peer_reviews"]} == {network_id("hunts")}
    assert len(records["action_plans"]) == 2  # 2025/26 and 2026/27
    plans = {plan["id"] for plan in records["action_plans"]}
    for table in ("plan_priorities", "plan_scrutinies", "plan_spending"):
        assert records[table] and {r["plan_id"] for r in records[table]} <= plans
    assert len(records["partnership_priorities"]) == 6  # the three each year's priorities answer
    assert "concerns" not in records
    people = {p["id"] for p in records["people"]}
    for attendance in records["attendances"]:
        assert attendance["person_id"] in people


def test_review_scope_brings_its_notes_and_what_they_need(demo: Store) -> None:
    scope = exchange.scope_for(demo, "review", review_id("hunts-2026-st-johns"))
    records = build(demo, scope)["records"]
    assert len(records["peer_reviews"]) == 1
    assert len(records["evidence_notes"]) == 10
    assert {s["id"] for s in records["schools"]} >= {records["peer_reviews"][0]["host_school_id"]}
    assert "concerns" not in records


def test_encrypted_bundle_reveals_nothing_outside(demo: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.schoolnet.json"
    exchange.export(
        demo, path, Scope("everything"), include_confidential=True, passphrase="correct horse"
    )
    envelope = json.loads(path.read_text())
    assert set(envelope) == {"format", "version", "cipher", "kdf", "nonce", "ciphertext"}
    assert envelope["format"] == "schoolnet-encrypted-bundle"
    text = path.read_text()
    for secret in ("Hunts", "Abbots Ripton", "shouting", "safeguarding"):
        assert secret not in text
    opened = read(path, "correct horse")
    assert len(opened["records"]["concerns"]) == 1


def test_confidential_export_needs_a_passphrase(demo: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="only exported encrypted"):
        exchange.export(demo, tmp_path / "x.json", Scope("everything"), include_confidential=True)
    assert not (tmp_path / "x.json").exists()


def test_suggested_file_name() -> None:
    from datetime import datetime

    scope = Scope("network", "x", "Hunts Area Primary Partnership")
    assert exchange.suggested_name(scope, datetime(2026, 11, 23)) == (
        "hunts-area-primary-partnership-2026-11-23.schoolnet.json"
    )


def test_export_is_recorded_in_the_ledger(demo: Store, tmp_path: Path) -> None:
    done = exchange.export(demo, tmp_path / "a.schoolnet.json", Scope("everything"))
    [entry] = exchange.ledger(demo)
    assert (entry.direction, entry.bundle_id, entry.checksum) == (
        "sent",
        done.bundle_id,
        done.checksum,
    )
    assert exchange.unsent_changes(demo) == 0
