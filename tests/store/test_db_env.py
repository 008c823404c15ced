"""Odd SCHOOLNET_DB values and unusable paths each get one sentence and exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.main import main


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("x" * 5000, "too long"),
        ("/tmp/" + "d/" * 3000 + "x.db", "too long"),
        ("~nosuchuser/schoolnet.db", "no user called nosuchuser"),
        ("", "blank"),
        ("   ", "blank"),
        ("a\nb.db", "line break or control character"),
    ],
    ids=["long-name", "long-path", "unknown-user", "empty", "spaces", "newline"],
)
def test_odd_schoolnet_db_values_are_one_sentence(
    value: str,
    says: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCHOOLNET_DB", value)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("schoolnet: ") and says in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing made under an odd name


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only files")
def test_a_read_only_database_is_one_sentence_not_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ro.db"
    assert main(["--db", str(db), "check"]) == 0
    db.chmod(0o400)
    tmp_path.chmod(0o500)
    try:
        assert main(["--db", str(db), "demo"]) == 2
    finally:
        tmp_path.chmod(0o700)
    err = capsys.readouterr().err
    assert "not a SQLite database" not in err and err.count("\n") == 1


@pytest.mark.parametrize("value", ["", "~nosuchuser/schoolnet.db", "a\nb.db", "x" * 5000])
def test_the_app_is_not_started_on_an_odd_schoolnet_db(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.app

    def never(self: object) -> None:
        raise AssertionError("the app started")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tui.app.SchoolnetApp, "run", never)
    monkeypatch.setenv("SCHOOLNET_DB", value)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("schoolnet: ") and err.count("\n") == 1


def test_schoolnets_own_data_folder_is_made_private_but_a_chosen_one_is_left(
    tmp_path: Path,
) -> None:
    import stat

    from store import Store
    from store.paths import data_dir

    own = data_dir()
    own.mkdir(parents=True, mode=0o755)
    own.chmod(0o755)  # made by an older version, or by hand
    Store.open().close()
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    chosen = tmp_path / "Documents"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    Store.open(chosen / "network.db").close()
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
