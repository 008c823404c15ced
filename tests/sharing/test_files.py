"""The database and its copies are safe; passphrases; text from bundles printed as text."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.models import Network, School
from store.sharing import crypto
from store.sharing.bundle import Scope, build, checksum, encode


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "mine.db"
    store = Store.open(path)
    store.schools.add(School(name="Houghton Primary School"))
    store.close()
    return path


@pytest.mark.parametrize("target", ["mine.db", "mine.db-wal", "mine.db-shm"])
def test_export_never_writes_over_the_database(
    db: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    assert main(["--db", str(db), "export", "-o", str(db.parent / target)]) == 2
    assert "own database" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_export_never_writes_into_the_backups(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (db.parent / "backups").mkdir()
    assert main(["--db", str(db), "export", "-o", str(db.parent / "backups" / "x.db")]) == 2
    assert "own database" in capsys.readouterr().err


def test_the_database_itself_is_never_opened_as_a_bundle(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "import", str(db), "--dry-run"]) == 2
    assert "own database" in capsys.readouterr().err


def test_a_bundle_is_written_readable_only_by_its_owner(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.schoolnet.json"
    assert main(["--db", str(db), "export", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_cli_refuses_a_passphrase_under_8_characters(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pass.txt").write_text("short\n")
    args = ["--db", str(db), "export", "-o", str(tmp_path / "x.json"), "--include-confidential"]
    assert main([*args, "--passphrase-file", str(tmp_path / "pass.txt")]) == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_the_same_words_typed_on_two_keyboards_open_the_file() -> None:
    composed, decomposed = "caf\u00e9 au lait", "cafe\u0301 au lait"
    envelope = crypto.encrypt(b"secret", composed)
    assert crypto.decrypt(envelope, decomposed) == b"secret"


def test_the_cli_prints_no_control_characters_from_a_bundle(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = Store.memory()
    sender.networks.add(Network(name="Hunts"))
    bundle = build(sender, Scope("everything"))
    bundle["scope"]["name"] = "evil\x1b[2J\x1b]0;pwned\x07\nname"
    bundle["checksum"] = checksum(bundle)
    path = tmp_path / "evil.schoolnet.json"
    path.write_bytes(encode(bundle))
    assert main(["--db", str(db), "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "evilname" in out.replace(" ", "") or "evil name" in out
    assert json.loads(path.read_text())["scope"]["name"].startswith("evil")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from store.demo.builder import load_demo

    path = tmp_path / "demo.db"
    store = Store.open(path)
    load_demo(store)
    store.close()
    return path


PAPERS = [
    ["outcomes", "REVIEW"],
    ["scr-letter", "REVIEW"],
    ["timetable", "REVIEW"],
    ["calendar", "Hunts Area Primary Partnership"],
    ["plan", "Hunts Area Primary Partnership", "--year", "2026/27"],
]


def _paper(command: list[str]) -> list[str]:
    from store.demo.ids import review_id

    return [review_id("hunts-2025-houghton") if a == "REVIEW" else a for a in command]


@pytest.mark.parametrize("command", PAPERS, ids=lambda c: c[0])
@pytest.mark.parametrize("target", ["demo.db", "demo.db-wal", "demo.db-shm", "backups/x.db"])
def test_no_paper_is_written_over_the_database_or_its_backups(
    demo: Path, command: list[str], target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (demo.parent / "backups").mkdir(exist_ok=True)
    before = demo.read_bytes()
    out = demo.parent / target
    assert main(["--db", str(demo), *_paper(command), "-o", str(out)]) == 2
    assert "own database" in capsys.readouterr().err
    assert demo.read_bytes() == before
    assert target == "demo.db" or not out.exists()


@pytest.mark.parametrize("command", PAPERS[:3], ids=lambda c: c[0])
def test_papers_are_written_readable_only_by_their_owner(
    demo: Path, command: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "paper.html"
    assert main(["--db", str(demo), *_paper(command), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
