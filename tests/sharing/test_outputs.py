"""Every `-o`: never over the database, its WAL/SHM or backups; what it writes is private."""

from __future__ import annotations

import argparse
import errno
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from cli.main import build_parser, main
from store import Store
from store.demo.builder import load_demo
from store.demo.ids import network_id, review_id
from store.sharing.exchange import write_private


def _commands_with_output() -> dict[str, list[str]]:
    """Each subcommand that takes -o, with placeholder values for what else it requires."""
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    found: dict[str, list[str]] = {}
    for name, command in commands.choices.items():
        actions = command._actions
        if not any("-o" in action.option_strings for action in actions):
            continue
        argv = [name]
        for action in actions:
            if not action.option_strings:
                argv.append("x")
            elif action.required and "-o" not in action.option_strings:
                argv += [action.option_strings[0], "x"]
        found[name] = argv
    return found


OUTPUT_COMMANDS = _commands_with_output()


def test_the_walk_finds_every_command_that_writes_a_file() -> None:
    expected = {"export", "outcomes", "scr-letter", "timetable", "agenda", "minutes", "plan"}
    assert expected | {"impact", "calendar"} <= set(OUTPUT_COMMANDS)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "mine.db"
    Store.open(path).close()
    (path.parent / "backups").mkdir(mode=0o700)
    (tmp_path / "link.db").symlink_to(path)
    return path


@pytest.mark.parametrize("command", sorted(OUTPUT_COMMANDS))
def test_no_output_is_written_over_the_database_or_its_backups(
    db: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    for target in ("mine.db", "mine.db-wal", "mine.db-shm", "backups/mine-000001.db", "../link.db"):
        out = db.parent / target
        assert main(["--db", str(db), *OUTPUT_COMMANDS[command], "-o", str(out)]) == 2, target
        err = capsys.readouterr().err
        assert "own database or one of its backups" in err and err.count("\n") == 1
        assert db.read_bytes() == before
        assert out.exists() == (target in ("mine.db", "../link.db"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(path)
    load_demo(store)
    store.close()
    return path


@pytest.mark.parametrize(
    ("command", "suffix"),
    [
        (["export"], ".schoolnet.json"),
        (["outcomes", review_id("hunts-2026-st-johns")], ".html"),
        (["scr-letter", review_id("hunts-2026-st-johns")], ".md"),
        (["timetable", review_id("hunts-2026-st-johns")], ".md"),
        (["plan", network_id("hunts"), "--year", "2025/26"], ".html"),
        (["impact", network_id("hunts"), "--year", "2025/26"], ".md"),
        (["calendar", network_id("hunts")], ".ics"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else value,
)
def test_bundles_and_papers_are_readable_by_their_owner_only(
    demo: Path, tmp_path: Path, command: list[str], suffix: str
) -> None:
    out = tmp_path / f"paper{suffix}"
    out.write_text("an older, world-readable copy")
    out.chmod(0o644)
    assert main(["--db", str(demo), *command, "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text() != "an older, world-readable copy"


def test_meeting_papers_are_readable_by_their_owner_only(demo: Path, tmp_path: Path) -> None:
    store = Store.open(demo)
    meeting = store.db.execute("SELECT id FROM meetings ORDER BY starts_at LIMIT 1").fetchone()[0]
    store.close()
    for kind in ("agenda", "minutes"):
        out = tmp_path / f"{kind}.md"
        assert main(["--db", str(demo), kind, meeting, "-o", str(out)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("existing", [False, True])
def test_a_full_disk_leaves_no_cut_short_file(
    demo: Path,
    tmp_path: Path,
    existing: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out" / "all.schoolnet.json"
    out.parent.mkdir()
    if existing:
        out.write_text("last week's bundle")
    real_fdopen = os.fdopen

    class FillsUp:
        """A file on a disk that fills up after its first thousand bytes."""

        def __init__(self, descriptor: int) -> None:
            self.descriptor = descriptor

        def __enter__(self) -> FillsUp:
            return self

        def __exit__(self, *exc: object) -> None:
            os.close(self.descriptor)

        def fileno(self) -> int:
            return self.descriptor

        def write(self, data: bytes) -> int:
            os.write(self.descriptor, data[:1000])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(descriptor: int, *args: Any, **kwargs: Any) -> Any:
        return FillsUp(descriptor) if "wb" in args else real_fdopen(descriptor, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    assert main(["--db", str(demo), "export", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the disk is full: free some space and try again" in err and err.count("\n") == 1
    assert [p.name for p in out.parent.iterdir()] == (["all.schoolnet.json"] if existing else [])
    if existing:
        assert out.read_text() == "last week's bundle"


def test_a_pipe_is_written_through_never_replaced(tmp_path: Path) -> None:
    # As /dev/null or /dev/stdout would be: a rename over it would replace the device itself.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe, 0o644)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_private(pipe, b"a bundle")
    reader.join(timeout=5)
    assert received == [b"a bundle"]
    assert stat.S_ISFIFO(pipe.stat().st_mode) and stat.S_IMODE(pipe.stat().st_mode) == 0o644


def test_a_link_is_written_through_to_its_file(tmp_path: Path) -> None:
    real = tmp_path / "real.schoolnet.json"
    real.write_text("old")
    link = tmp_path / "link.schoolnet.json"
    link.symlink_to(real)
    write_private(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
