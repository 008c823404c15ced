"""`schoolnet export`, `import`, `restore` and `schema` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.demo.builder import load_demo
from store.demo.ids import review_id


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    load_demo(store)
    store.close()
    return path


def test_export_each_scope(demo_db: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_db)]
    assert (
        main(
            [
                *db,
                "export",
                "-o",
                str(tmp_path / "n.json"),
                "--network",
                "Hunts Area Primary Partnership",
            ]
        )
        == 0
    )
    assert "(Hunts Area Primary Partnership)" in capsys.readouterr().out
    assert (
        main(
            [
                *db,
                "export",
                "-o",
                str(tmp_path / "r.json"),
                "--review",
                review_id("hunts-2026-st-johns"),
            ]
        )
        == 0
    )
    review = json.loads((tmp_path / "r.json").read_text())
    assert review["scope"]["kind"] == "review" and "concerns" not in review["records"]
    store = Store.open(demo_db)
    meeting = store.meetings.all(order_by="starts_at")[0]
    store.close()
    assert main([*db, "export", "-o", str(tmp_path / "m.json"), "--meeting", meeting.id]) == 0
    assert (
        json.loads((tmp_path / "m.json").read_text())["records"]["meetings"][0]["id"] == meeting.id
    )


def test_export_of_an_unknown_network_is_one_sentence(
    demo_db: Path, tmp_path: Path, capsys
) -> None:
    assert (
        main(
            ["--db", str(demo_db), "export", "-o", str(tmp_path / "x.json"), "--network", "Nowhere"]
        )
        == 2
    )
    assert capsys.readouterr().err == "schoolnet: There is no network called Nowhere.\n"


def test_confidential_export_needs_a_passphrase_file(demo_db: Path, tmp_path: Path, capsys) -> None:
    args = [
        "--db",
        str(demo_db),
        "export",
        "-o",
        str(tmp_path / "x.json"),
        "--include-confidential",
    ]
    assert main(args) == 2
    assert "--passphrase-file" in capsys.readouterr().err
    (tmp_path / "pass").write_text("a passphrase\n")
    assert main([*args, "--passphrase-file", str(tmp_path / "pass")]) == 0
    target = tmp_path / "target.db"
    assert (
        main(
            [
                "--db",
                str(target),
                "import",
                str(tmp_path / "x.json"),
                "--passphrase-file",
                str(tmp_path / "pass"),
            ]
        )
        == 0
    )
    assert "concerns: 1 new" in capsys.readouterr().out


def test_import_then_restore_the_backup(demo_db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "target.db"
    Store.open(target).close()
    assert main(["--db", str(demo_db), "export", "-o", str(tmp_path / "all.json")]) == 0
    assert main(["--db", str(target), "import", str(tmp_path / "all.json")]) == 0
    assert "backed up first" in capsys.readouterr().out
    assert main(["--db", str(target), "restore"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith(" 1. ")
    assert main(["--db", str(target), "restore", "1", "--yes"]) == 0
    store = Store.open(target)
    assert store.schools.count() == 0  # the backup was taken before the import
    store.close()
    assert main(["--db", str(target), "restore", "9"]) == 2


def test_schema_prints_the_json_schema_of_a_bundle(capsys) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == "SchoolnetBundle"
    assert set(printed["required"]) >= {"format", "bundle_id", "records", "deleted", "checksum"}
    assert "schools" in printed["$defs"]["Records"]["properties"]


def test_outcomes_of_the_demo_review_with_a_concern(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "st-johns.html"
    assert (
        main(
            ["--db", str(demo_db), "outcomes", review_id("hunts-2026-st-johns"), "-o", str(target)]
        )
        == 0
    )
    page = target.read_text()
    assert page.startswith("<!doctype html>")
    assert "Early reading is taught systematically and with fidelity" in page
    store = Store.open(demo_db)
    [concern] = store.concerns.where(review_id=review_id("hunts-2026-st-johns"))
    store.close()
    assert concern.facts not in page
    # Words only the concern uses (the outcomes do mention a "quiet room", for instance).
    for word in ("fridays", "shouting", "anxious", "went quiet", "year 5 classroom", "13:40"):
        assert word not in page.lower()


def test_scr_letter_and_timetable_from_the_command_line(demo_db: Path, tmp_path: Path) -> None:
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "scr-letter",
                review_id("hunts-2026-st-johns"),
                "-o",
                str(tmp_path / "l.md"),
            ]
        )
        == 0
    )
    assert "Single Central Record" in (tmp_path / "l.md").read_text()
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "timetable",
                review_id("hunts-2026-hartford-junior"),
                "-o",
                str(tmp_path / "t.html"),
            ]
        )
        == 0
    )
    assert "Lesson visits: early reading" in (tmp_path / "t.html").read_text()
