"""Every kind of bad bundle is refused with one sentence, exit code 2 and no change at all."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.models import Membership, Network, School
from store.sharing.bundle import Scope, build, checksum, encode
from store.sharing.crypto import encrypt

from ..conftest import TickingClock


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A valid bundle holding a network with one member school."""
    store = Store.memory(clock=TickingClock())
    school = store.schools.add(School(name="Houghton Primary School", urn="110001"))
    network = store.networks.add(Network(name="Hunts"))
    store.memberships.add(Membership(network_id=network.id, school_id=school.id, status="active"))
    return build(store, Scope("everything"))


def _resealed(bundle: dict) -> bytes:
    bundle["checksum"] = checksum(bundle)
    return encode(bundle)


def _copy(good: dict) -> dict:
    return json.loads(json.dumps(good))


def _newer(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["version"] = 2
    return _resealed(bundle)


def _tampered(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["records"]["schools"][0]["name"] = "Changed in transit"
    return encode(bundle)


def _wrong_type(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["records"]["schools"][0]["urn"] = 110001
    return _resealed(bundle)


def _wrong_shape(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["records"]["schools"][0]["ofsted_judgement"] = "terrible"
    return _resealed(bundle)


def _missing_id(good: dict) -> bytes:
    bundle = _copy(good)
    del bundle["records"]["schools"][0]["id"]
    return _resealed(bundle)


def _duplicate(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["records"]["schools"].append(dict(bundle["records"]["schools"][0]))
    return _resealed(bundle)


def _dangling(good: dict) -> bytes:
    bundle = _copy(good)
    del bundle["records"]["schools"]
    return _resealed(bundle)


def _encrypted(good: dict) -> bytes:
    return json.dumps(encrypt(encode(good), "right passphrase")).encode()


CASES: dict[str, tuple[Callable[[dict], bytes], str]] = {
    "not-json": (lambda g: b"Minutes of the meeting on Tuesday", "is not JSON"),
    "truncated": (lambda g: encode(g)[: len(encode(g)) // 2], "ends too early"),
    "json-not-a-bundle": (lambda g: b'{"name": "Hunts"}', "is JSON, but not a schoolnet bundle"),
    "json-array": (lambda g: b"[1, 2, 3]", "is JSON, but not a schoolnet bundle"),
    "other-format": (
        lambda g: b'{"format": "taskwarrior-export"}',
        "is a 'taskwarrior-export' file",
    ),
    "newer-version": (_newer, "was made by a newer schoolnet (bundle version 2"),
    "bad-checksum": (_tampered, "does not match its checksum"),
    "wrong-type": (_wrong_type, "in schools is not valid: urn"),
    "wrong-shape": (_wrong_shape, "in schools is not valid: ofsted_judgement"),
    "missing-id": (_missing_id, "Record 1 of schools in bad.schoolnet.json has no id"),
    "duplicate-ids": (_duplicate, "has two records with id"),
    "dangling-reference": (_dangling, "neither in the bundle nor in this database"),
    "non-utf8": (lambda g: b'{"format": "schoolnet-bundle", "x": "\xff\xfe"}', "is not UTF-8 text"),
    "deep-nesting": (lambda g: b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "encrypted-no-passphrase": (_encrypted, "is encrypted: give its passphrase"),
    "wrong-passphrase": (_encrypted, "the passphrase is wrong"),
}


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "mine.db"
    store = Store.open(path)
    store.schools.add(School(name="Wyton on the Hill Primary School"))
    store.close()
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_bundle_is_refused_and_the_database_is_unchanged(
    case: str, good: dict, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = CASES[case]
    bad = tmp_path / "bad.schoolnet.json"
    bad.write_bytes(make(good))
    before = _dump(db)
    args = ["--db", str(db), "import", str(bad)]
    if case == "wrong-passphrase":
        (tmp_path / "pass.txt").write_text("not the passphrase\n")
        args += ["--passphrase-file", str(tmp_path / "pass.txt")]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("schoolnet: ") and message in line
    assert line.endswith(".")
    assert _dump(db) == before
    assert not (db.parent / "backups").exists()


def test_file_over_100_mb_is_refused_before_reading(db: Path, tmp_path: Path, capsys) -> None:
    big = tmp_path / "huge.schoolnet.json"
    with big.open("wb") as handle:
        handle.truncate(101 * 1024 * 1024)  # sparse: no disk used, never read
    before = _dump(db)
    assert main(["--db", str(db), "import", str(big)]) == 2
    assert "over the 100 MB a bundle may be" in capsys.readouterr().err
    assert _dump(db) == before


def test_dry_run_changes_nothing(good: dict, db: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "good.schoolnet.json"
    path.write_bytes(encode(good))
    before = _dump(db)
    assert main(["--db", str(db), "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "schools: 1 new, 0 updated, 0 unchanged, 0 older than ours (skipped), 0 deleted" in out
    assert _dump(db) == before


def test_refusal_from_the_real_command_has_no_traceback(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.schoolnet.json"
    bad.write_bytes(b"{not json")
    result = subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(db), "import", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == "schoolnet: bad.schoolnet.json is not JSON, so it is not a schoolnet bundle.\n"
    )


@pytest.mark.parametrize("fraction", [0.01, 0.1, 0.33, 0.5, 0.77, 0.9, 0.99])
def test_a_bundle_cut_short_anywhere_says_so(good: dict, tmp_path: Path, fraction: float) -> None:
    from store.sharing.bundle import BundleRefused, read

    raw = encode(good)
    path = tmp_path / "cut.schoolnet.json"
    path.write_bytes(raw[: int(len(raw) * fraction)])
    with pytest.raises(BundleRefused, match="ends too early"):
        read(path)
