"""The command line's lists and ids: networks, reviews and meetings, id prefixes, --demo
on every subcommand, and help text on every option."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cli.main import build_parser, main
from store import Store
from store.paths import default_db_path, demo_db_path


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database file holding the demo data."""
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    return db


def _lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().out.splitlines()


def test_networks_list_shows_short_ids_names_kinds_and_schools(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "networks", "list"]) == 0
    lines = _lines(capsys)
    assert lines[0].split() == ["ID", "NETWORK", "KIND", "SCHOOLS"]
    hunts = next(line for line in lines if "Hunts Area Primary Partnership" in line)
    assert hunts.split()[-3:] == ["Cluster", "8", "schools"]
    board = next(line for line in lines if "Improvement Board" in line)
    assert board.endswith("0 schools")
    store = Store.open(demo_db)
    network = store.networks.by_name("Hunts Area Primary Partnership")
    store.close()
    assert network is not None and hunts.startswith(network.id[:8] + "  ")


def test_networks_add_uses_the_app_s_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "networks", "list"]) == 0
    assert "There are no networks yet" in capsys.readouterr().out
    assert main(["--db", db, "networks", "add", "Ely Schools", "--kind", "alliance-group"]) == 0
    assert capsys.readouterr().out.startswith("Created Ely Schools (alliance group), id ")
    assert main(["networks", "add", "ELY SCHOOLS", "--kind", "cluster", "--db", db]) == 2
    assert capsys.readouterr().err == "schoolnet: There is already a network called Ely Schools.\n"
    assert main(["--db", db, "networks", "add", "Fen", "--kind", "club"]) == 2
    assert capsys.readouterr().err.startswith("schoolnet: There is no kind of network called club")
    assert main(["--db", db, "networks", "add", "  ", "--kind", "cluster"]) == 2
    assert capsys.readouterr().err == "schoolnet: Give the network a name.\n"
    assert main(["--db", db, "networks", "list"]) == 0
    [_, ely] = _lines(capsys)
    assert ely.split()[1:] == ["Ely", "Schools", "Alliance", "group", "0", "schools"]


def test_reviews_and_meetings_lists_show_ids_a_prefix_of_which_works(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "reviews", "list"]) == 0
    reviews = _lines(capsys)
    assert reviews[0].split() == ["ID", "NETWORK", "HOST", "SCHOOL", "YEAR", "STARTS", "STAGE"]
    abbots = next(line for line in reviews if "Abbots Ripton" in line)
    assert "Hunts Area Primary Partnership" in abbots and abbots.endswith("Outcomes agreed")
    paper = tmp_path / "outcomes.md"
    assert main(["--db", demo_db, "outcomes", abbots[:5], "-o", str(paper)]) == 0
    assert "Abbots Ripton" in paper.read_text()
    capsys.readouterr()
    assert (
        main(["--db", demo_db, "meetings", "list", "--network", "hunts area primary partnership"])
        == 0
    )
    meetings = _lines(capsys)[1:]
    assert meetings and all("Hunts Area Primary Partnership" in line for line in meetings)
    first = meetings[0]
    agenda = tmp_path / "agenda.md"
    assert main(["--db", demo_db, "agenda", first[:6], "-o", str(agenda)]) == 0
    title = first.split("  ")[3].strip().rstrip("…")
    assert title and title in agenda.read_text()


def test_an_ambiguous_or_unknown_id_is_one_sentence_and_exit_2(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", demo_db, "meetings", "list"]) == 0
    ids = [line.split()[0] for line in _lines(capsys)[1:]]
    shared = max("0123456789abcdef", key=lambda digit: sum(i.startswith(digit) for i in ids))
    out = str(tmp_path / "a.md")
    assert main(["--db", demo_db, "agenda", shared, "-o", out]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"schoolnet: The id {shared} could be any of {min(ids_of(ids, shared))}")
    assert line.endswith(": give more of it.")
    assert main(["--db", demo_db, "export", "--review", "zz9", "-o", out]) == 2
    assert capsys.readouterr().err == "schoolnet: There is no review with id zz9.\n"


def ids_of(ids: list[str], prefix: str) -> list[str]:
    """The listed ids that start with prefix."""
    return [i for i in ids if i.startswith(prefix)]


@pytest.mark.parametrize("where", ["before", "after"])
def test_demo_applies_to_every_subcommand(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = ["--demo"]
    check = demo + ["check"] if where == "before" else ["check"] + demo
    assert main(check) == 0
    assert "Hunts Area Primary Partnership" in capsys.readouterr().out
    bundle = tmp_path / "hunts.json"
    export = ["export", "--network", "Hunts Area Primary Partnership", "-o", str(bundle)]
    assert main(demo + export if where == "before" else export + demo) == 0
    assert bundle.exists()
    assert demo_db_path().exists()
    assert not default_db_path().exists()  # the user's own database is untouched


def _walk(parser: argparse.ArgumentParser, path: str) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest for choice in action._choices_actions if choice.help}
            for name, sub in action.choices.items():
                assert name in helped, f"{path} {name} has no help text"
                found += _walk(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            found.append((f"{path} {'/'.join(action.option_strings) or action.dest}", action))
    return found


def test_every_option_and_subcommand_has_help_text() -> None:
    actions = _walk(build_parser(), "schoolnet")
    assert len(actions) > 40  # the walk reached the subcommands
    missing = [name for name, action in actions if not action.help]
    assert missing == []
