"""The `schoolnet` command line: help, version, demo and plain-sentence errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from store import Store


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == "schoolnet 0.1.0"
    help_text = run("--help").stdout
    for word in ("--db", "--demo", "demo"):
        assert word in help_text


def test_demo_twice_through_the_environment_leaves_one_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.db"
    monkeypatch.setenv("SCHOOLNET_DB", str(path))
    assert main(["demo"]) == 0
    first = Store.open(path)
    counts = first.counts()
    first.close()
    assert main(["demo"]) == 0
    again = Store.open(path)
    assert again.counts() == counts
    again.close()
    out = capsys.readouterr().out
    assert "nothing added" in out.splitlines()[-1]


def test_db_option_works_before_and_after_the_command(tmp_path: Path) -> None:
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert main(["--db", str(before), "demo"]) == 0
    assert main(["demo", "--db", str(after)]) == 0
    assert before.exists() and after.exists()


def test_db_option_beats_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHOOLNET_DB", str(tmp_path / "env.db"))
    assert main(["demo", "--db", str(tmp_path / "option.db")]) == 0
    assert (tmp_path / "option.db").exists()
    assert not (tmp_path / "env.db").exists()


def _not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("not a database")
    return path


def _newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    return path


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "file").write_text("x")
    return tmp_path / "file" / "schoolnet.db"


@pytest.mark.parametrize(
    ("make_path", "message"),
    [
        (_not_sqlite, "is not a SQLite database."),
        (_newer, "was written by a newer version of schoolnet"),
        (_under_a_file, "Cannot create the database at"),
    ],
    ids=["not-sqlite", "newer-version", "unreadable-path"],
)
def test_bad_database_gives_one_sentence_and_exit_code_2(
    tmp_path: Path, make_path, message
) -> None:
    path = make_path(tmp_path)
    result = run("--db", str(path), "demo")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("schoolnet: ") and message in line
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_check_reports_the_demo_networks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "check"]) == 0
    out = capsys.readouterr().out
    hunts_at = out.index("Hunts Area Primary Partnership\n")
    assert out[hunts_at:].splitlines()[1] == "  Meets every rule."
    north = out[out.index("Coventry North Primary Network\n") :]
    assert "4 schools, below 5: too small" in north.splitlines()[1]
    assert "3 of 12 schools (25%)" in out


def test_import_gias_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .store.test_gias import row, write

    csv_file = write(
        tmp_path / "register.csv",
        [
            row("120001", "Houghton Primary School"),
            row("12", "Bad URN School"),
            row("120003", "Wyton on the Hill Primary School"),
        ],
        encoding="cp1252",
    )
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "schools", "import-gias", str(csv_file)]) == 0
    captured = capsys.readouterr()
    assert "2 added, 0 updated, 0 unchanged, 0 skipped (closed), 1 refused" in captured.out
    assert "row 3 refused: its URN '12' is not six digits" in captured.err
    assert main(["schools", "import-gias", str(csv_file), "--db", db]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_import_gias_of_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    result = run(
        "--db", str(tmp_path / "x.db"), "schools", "import-gias", str(tmp_path / "nope.csv")
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"schoolnet: There is no file at {tmp_path / 'nope.csv'}."


def test_schema_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    reader = subprocess.Popen(
        f"{sys.executable} -m cli schema | head -1",
        shell=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SCHOOLNET_DB": str(tmp_path / "x.db")},
    )
    out, err = reader.communicate(timeout=60)
    assert out == "{\n"
    assert err == ""


def test_check_on_an_empty_database_says_so(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "empty.db"), "check"]) == 0
    assert capsys.readouterr().out == (
        "This database has no networks yet: open schoolnet and press n to create one.\n"
    )


def test_check_when_every_network_is_archived_says_so(tmp_path: Path, capsys) -> None:
    from store import Store
    from store.membership import networks, running
    from store.models import Network

    store = Store.open(tmp_path / "archived.db")
    running.archive_network(store, networks.create_network(store, Network(name="Old")).id)
    store.close()
    assert main(["--db", str(tmp_path / "archived.db"), "check"]) == 0
    assert "Every network is archived" in capsys.readouterr().out
