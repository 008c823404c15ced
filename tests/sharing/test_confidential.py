"""Concerns travel only encrypted, and stay append-only across laptops."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from store import Store
from store.demo.builder import load_demo
from store.sharing.bundle import Scope, build, checksum, encode

PASSPHRASE = "a long passphrase"


@pytest.fixture(scope="module")
def demo_bundle() -> dict[str, Any]:
    """Everything from the demo, concerns included."""
    store = Store.memory()
    load_demo(store)
    return build(store, Scope("everything"), include_confidential=True)


@pytest.fixture
def db(tmp_path: Path, demo_bundle: dict[str, Any]) -> Path:
    """A database that already holds the demo's concern, brought in encrypted."""
    path = tmp_path / "mine.db"
    store = Store.open(path)
    store.close()
    _import(path, tmp_path, demo_bundle, encrypted=True)
    return path


def _import(db: Path, tmp_path: Path, bundle: dict[str, Any], *, encrypted: bool) -> int:
    bundle = json.loads(json.dumps(bundle))
    bundle["bundle_id"] = bundle["bundle_id"][:-4] + "0000"
    bundle["checksum"] = checksum(bundle)
    path = tmp_path / "in.schoolnet.json"
    path.write_bytes(encode(bundle, PASSPHRASE if encrypted else None))
    args = ["--db", str(db), "import", str(path)]
    if encrypted:
        (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
        args += ["--passphrase-file", str(tmp_path / "pass.txt")]
    return main(args)


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _refused(db: Path, capsys: pytest.CaptureFixture[str], code: int, words: str) -> None:
    assert code == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("schoolnet: ") and words in line, line


def test_a_plain_bundle_cannot_add_a_concern(
    tmp_path: Path, demo_bundle: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "empty.db"
    Store.open(db).close()
    before = _dump(db)
    code = _import(db, tmp_path, demo_bundle, encrypted=False)
    _refused(db, capsys, code, "only from an encrypted bundle")
    assert _dump(db) == before


def test_a_plain_bundle_cannot_delete_a_concern(
    db: Path, tmp_path: Path, demo_bundle: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    bundle = json.loads(json.dumps(demo_bundle))
    concern = bundle["records"].pop("concerns")[0]
    bundle["records"].pop("concern_amendments", None)
    bundle["deleted"].append(
        {"table": "concerns", "id": concern["id"], "deleted_at": "2026-11-23T09:00:00.000000Z"}
    )
    before = _dump(db)
    _refused(db, capsys, _import(db, tmp_path, bundle, encrypted=False), "encrypted")
    assert _dump(db) == before


def test_an_encrypted_bundle_cannot_delete_a_concern(
    db: Path, tmp_path: Path, demo_bundle: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    bundle = json.loads(json.dumps(demo_bundle))
    concern = bundle["records"].pop("concerns")[0]
    bundle["records"].pop("concern_amendments", None)
    bundle["deleted"].append(
        {"table": "concerns", "id": concern["id"], "deleted_at": "2026-11-23T09:00:00.000000Z"}
    )
    before = _dump(db)
    _refused(db, capsys, _import(db, tmp_path, bundle, encrypted=True), "never deleted")
    assert _dump(db) == before


def test_an_encrypted_bundle_cannot_rewrite_a_concern(
    db: Path, tmp_path: Path, demo_bundle: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    bundle = json.loads(json.dumps(demo_bundle))
    concern = bundle["records"]["concerns"][0]
    concern["facts"] = "Nothing happened."
    concern["field_clock"] = {"facts": ["2026-11-23T09:00:00.000000Z", concern["created_at"]]}
    concern["updated_at"] = "2026-11-23T09:00:00.000000Z"
    before = _dump(db)
    _refused(db, capsys, _import(db, tmp_path, bundle, encrypted=True), "never changed")
    assert _dump(db) == before


def test_an_encrypted_bundle_may_add_an_amendment(
    db: Path, tmp_path: Path, demo_bundle: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    bundle = json.loads(json.dumps(demo_bundle))
    concern = bundle["records"]["concerns"][0]
    amendment = {
        "id": "00000000-0000-4000-8000-000000000001",
        "created_at": "2026-11-23T09:00:00.000000Z",
        "updated_at": "2026-11-23T09:00:00.000000Z",
        "created_by": "Claire",
        "field_clock": {},
        "concern_id": concern["id"],
        "amended_on": "2026-11-23T09:00:00.000000Z",
        "amended_by": "Claire",
        "text": "The DSL called back.",
    }
    bundle["records"].setdefault("concern_amendments", []).append(amendment)
    assert _import(db, tmp_path, bundle, encrypted=True) == 0
    store = Store.open(db)
    assert store.concern_amendments.find(amendment["id"]) is not None
    store.close()
