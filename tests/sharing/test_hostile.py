"""Hostile or broken files are bounded: one sentence, exit 2, the database byte-identical."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.models import Membership, Network, PeerReview, Person, School
from store.sharing import crypto
from store.sharing.bundle import Scope, build, checksum, encode


@pytest.fixture(scope="module")
def good() -> dict:
    """A valid bundle: two schools, a network, a member, a head and a peer review."""
    store = Store.memory()
    first = store.schools.add(School(name="Houghton Primary School", urn="110001"))
    store.schools.add(School(name="Wyton Primary School", urn="110002"))
    network = store.networks.add(Network(name="Hunts"))
    store.memberships.add(Membership(network_id=network.id, school_id=first.id))
    store.people.add(Person(name="Sam Head", school_id=first.id))
    store.peer_reviews.add(
        PeerReview(network_id=network.id, host_school_id=first.id, academic_year="2026/27",
                   focus_areas=["Reading"])
    )  # fmt: skip
    return build(store, Scope("everything"))


def _copy(good: dict) -> dict:
    return json.loads(json.dumps(good))


def _sealed(bundle: dict) -> bytes:
    bundle["checksum"] = checksum(bundle)
    return encode(bundle)


def _edit(change: Callable[[dict], None]) -> Callable[[dict], bytes]:
    def make(good: dict) -> bytes:
        bundle = _copy(good)
        change(bundle)
        return _sealed(bundle)

    return make


def _text_with(good: dict, old: str, new: str) -> bytes:
    """The bundle's text with one piece replaced, and a checksum over what a parser reads."""
    bundle = _copy(good)
    text = encode(bundle).decode()
    assert old in text
    return text.replace(old, new, 1).encode()


def _duplicate_key(good: dict) -> bytes:
    bundle = _copy(good)
    bundle["checksum"] = checksum(bundle)
    text = encode(bundle).decode()
    return text.replace('"format": ', '"format": "schoolnet-bundle", "format": ', 1).encode()


def _school(bundle: dict) -> dict:
    return bundle["records"]["schools"][0]


def _review(bundle: dict) -> dict:
    return bundle["records"]["peer_reviews"][0]


def _raw_number(good: dict, literal: str) -> bytes:
    bundle = _copy(good)
    _school(bundle)["phone"] = "PLACEHOLDER"
    bundle["checksum"] = checksum(bundle)
    return encode(bundle).replace(b'"PLACEHOLDER"', literal.encode())


def _case_ids(bundle: dict) -> None:
    first = _school(bundle)
    twin = dict(bundle["records"]["schools"][1])
    twin["id"] = first["id"].upper()
    bundle["records"]["schools"][1] = twin


def _kdf(n: int, r: int = 8, p: int = 1) -> Callable[[dict], bytes]:
    def make(good: dict) -> bytes:
        envelope = crypto.encrypt(encode(good), "a long passphrase")
        envelope["kdf"] = envelope["kdf"] | {"n": n, "r": r, "p": p}
        return json.dumps(envelope).encode()

    return make


def _skipped_parent(good: dict) -> bytes:
    bundle = _copy(good)
    network = bundle["records"]["networks"][0]
    bundle["records"]["networks"] = bundle["records"]["networks"][1:]
    bundle["deleted"].append({"table": "networks", "id": network["id"],
                              "deleted_at": "2026-11-23T10:00:00.000000Z"})  # fmt: skip
    return _sealed(bundle)


CASES: dict[str, tuple[Callable[[dict], bytes], str]] = {
    "duplicate-key": (_duplicate_key, "twice"),
    "nan": (lambda g: _raw_number(g, "NaN"), "not a number"),
    "infinity": (lambda g: _raw_number(g, "-Infinity"), "not a number"),
    "huge-int": (lambda g: _raw_number(g, "1" * 30), "too large"),
    "endless-int": (lambda g: _raw_number(g, "9" * 5000), "too large"),
    "lone-surrogate": (
        lambda g: _raw_number(g, '"\\ud800 Houghton"'),
        "broken character",
    ),
    "case-variant-ids": (_edit(_case_ids), "lower-case UUID"),
    "uppercase-tombstone": (
        _edit(
            lambda b: b["deleted"].append(
                {"table": "schools", "id": "ABC", "deleted_at": "2026-11-23T10:00:00.000000Z"}
            )
        ),  # fmt: skip
        "lower-case UUID",
    ),
    "unknown-top-level-key": (_edit(lambda b: b.update(extra=1)), "'extra'"),
    "string-for-int": (
        _edit(
            lambda b: (
                _review(b).update(year_target="5")
                if "year_target" in _review(b)
                else b["records"]["peer_reviews"][0].update(focus_areas="yes")
            )
        ),  # fmt: skip
        "not valid",
    ),
    "string-for-bool": (
        _edit(
            lambda b: (
                b["records"]["memberships"][0].update(mou_signed="yes")
                if "mou_signed" in b["records"]["memberships"][0]
                else b["records"]["people"][0]["lead_criteria"].update(nle_or_ele="yes")
            )
        ),  # fmt: skip
        "not valid",
    ),
    "negative-version": (_edit(lambda b: b.update(version=-1)), "bundle version"),
    "zero-version": (_edit(lambda b: b.update(version=0)), "bundle version"),
    "long-text": (_edit(lambda b: _school(b).update(town="x" * 1_000_001)), "too long"),
    "many-focus-areas": (
        _edit(lambda b: _review(b).update(focus_areas=["Reading"] * 100_001)),
        "too many",
    ),
    "too-many-tombstones": (
        _edit(
            lambda b: b.update(
                deleted=[
                    {
                        "table": "schools",
                        "id": f"00000000-0000-4000-8000-{n:012d}",
                        "deleted_at": "2026-11-23T10:00:00.000000Z",
                    }
                    for n in range(1_001)
                ]
            )
        ),  # fmt: skip
        "too many",
    ),
    "scrypt-huge-n": (_kdf(2**22), "key settings"),
    "scrypt-huge-r": (_kdf(2**15, r=1024), "key settings"),
    "scrypt-tiny-n": (_kdf(2), "key settings"),
    "skipped-parent": (_skipped_parent, "."),
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
    Store.open(path).close()
    return path


def _refused(db: Path, bad: Path, capsys: pytest.CaptureFixture[str], message: str) -> None:
    before = _dump(db)
    # Beside the database, never beside the bundle: that may be /dev/zero.
    passphrase = db.parent / "pass.txt"
    passphrase.write_text("a long passphrase\n")
    args = ["--db", str(db), "import", str(bad), "--passphrase-file", str(passphrase)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("schoolnet: ") and message in line and line.endswith("."), line
    assert _dump(db) == before


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_bundle_is_refused_with_one_sentence(
    case: str,
    good: dict,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("store.sharing.bundle.MAX_TOMBSTONES", 1_000)  # a small file suffices
    make, message = CASES[case]
    bad = tmp_path / "bad.schoolnet.json"
    bad.write_bytes(make(good))
    _refused(db, bad, capsys, message)


def test_reading_dev_zero_stops_after_100_mb(db: Path, capsys) -> None:
    started = time.monotonic()
    _refused(db, Path("/dev/zero"), capsys, "over the 100 MB")
    assert time.monotonic() - started < 60


def test_reading_a_fifo_stops_after_100_mb(db: Path, tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "pipe.schoolnet.json"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as pipe:
                chunk = b" " * 2**20
                while not stop.is_set():
                    pipe.write(chunk)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        _refused(db, fifo, capsys, "over the 100 MB")
    finally:
        stop.set()
        writer.join(timeout=10)


def test_new_encrypted_files_use_n_2_to_the_17() -> None:
    envelope = crypto.encrypt(b"{}", "a long passphrase")
    assert envelope["kdf"]["n"] == 2**17
    assert len(base64.b64decode(envelope["kdf"]["salt"])) == 16
