"""On a terminal, without --passphrase-file, the CLI asks for the passphrase: twice to
choose one for an export, once to open an import."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.demo.builder import load_demo

PASSPHRASE = "correct horse battery"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    load_demo(store)
    store.close()
    return path


def _terminal(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Pretend stdin is a terminal where the user types `answers`, one per prompt."""
    asked: list[str] = []
    typed: Iterator[str] = iter(answers)

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return next(typed)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", getpass)
    return asked


def test_export_asks_twice_and_import_once(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "with-concerns.schoolnet.json"
    asked = _terminal(monkeypatch, [PASSPHRASE, PASSPHRASE])
    args = ["--db", str(demo_db), "export", "-o", str(out), "--include-confidential"]
    assert main(args) == 0
    assert asked == ["Passphrase: ", "Again: "]
    assert PASSPHRASE not in out.read_text()

    other = tmp_path / "other.db"
    Store.open(other).close()
    asked = _terminal(monkeypatch, [PASSPHRASE])
    assert main(["--db", str(other), "import", str(out)]) == 0
    assert asked == ["Passphrase: "]
    store = Store.open(other)
    assert store.concerns.count() == Store.open(demo_db).concerns.count() > 0
    store.close()


def test_two_different_passphrases_write_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out = tmp_path / "never.schoolnet.json"
    _terminal(monkeypatch, [PASSPHRASE, "correct horse battery!"])
    args = ["--db", str(demo_db), "export", "-o", str(out), "--include-confidential"]
    assert main(args) == 2
    assert "The two passphrases differ" in capsys.readouterr().err
    assert not out.exists()


def test_without_a_terminal_nothing_is_asked(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("asked"))
    out = tmp_path / "never.schoolnet.json"
    args = ["--db", str(demo_db), "export", "-o", str(out), "--include-confidential"]
    assert main(args) == 2
    assert "needs --passphrase-file" in capsys.readouterr().err
