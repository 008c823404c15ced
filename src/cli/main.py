"""The `schoolnet` command: launch the app, or run a subcommand, on the chosen database."""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import sys
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from store import Store, StoreError, failures
from store.errors import DatabaseUnavailable
from store.paths import DB_ENV, demo_db_path


class _VersionAction(argparse.Action):
    """Print the installed version; looked up only when asked, as the lookup is slow."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        """Print `schoolnet X.Y.Z` and exit."""
        print(f"schoolnet {version('schoolnet')}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The command line: options that work before or after a subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the database file to use (default: ${DB_ENV}, else your user data folder)",
    )
    common.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="use a separate demo database, made and filled on first use; your data is untouched",
    )
    parser = argparse.ArgumentParser(
        prog="schoolnet",
        description="Keep a school improvement network's schools, meetings, plans and peer"
        " reviews on your own computer, and share them by email as bundles.",
        parents=[common],
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo",
        parents=[common],
        help="add the demo data set to the database (running it again adds nothing)",
    )
    check = commands.add_parser(
        "check", parents=[common], help="print each network's health against the rules"
    )
    check.add_argument(
        "--network", metavar="NAME_OR_ID", help="only this network (its name, or its id's start)"
    )
    _list_parsers(commands, common)
    schools = commands.add_parser("schools", parents=[common], help="work with schools")
    school_commands = schools.add_subparsers(
        dest="schools_command", metavar="COMMAND", required=True
    )
    register = school_commands.add_parser(
        "import-gias",
        parents=[common],
        help="add or update schools from a CSV of the DfE register (Get Information about Schools)",
    )
    register.add_argument(
        "file", type=Path, metavar="FILE.csv", help="the CSV downloaded from the register"
    )
    register.add_argument(
        "--include-closed", action="store_true", help="also import closed establishments"
    )
    export = commands.add_parser(
        "export", parents=[common], help="write a bundle to email: everything, or one scope"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the bundle file to write; FILE.eml writes an email draft with it attached",
    )
    which = export.add_mutually_exclusive_group()
    which.add_argument(
        "--network", metavar="NAME_OR_ID", help="only this network (its name, or its id's start)"
    )
    which.add_argument(
        "--review", metavar="ID", help="only this review (`schoolnet reviews list` shows ids)"
    )
    which.add_argument(
        "--meeting", metavar="ID", help="only this meeting (`schoolnet meetings list` shows ids)"
    )
    export.add_argument(
        "--include-confidential",
        action="store_true",
        help="include concerns; the bundle is then encrypted (needs --passphrase-file)",
    )
    export.add_argument("--passphrase-file", type=Path, metavar="F", help=_PASSPHRASE_FILE)
    export.add_argument(
        "--to", action="append", default=[], metavar="ADDRESS",
        help="with -o FILE.eml, who the email draft is for (once per person)",
    )  # fmt: skip
    export.add_argument(
        "--since-last", action="store_true",
        help="only what changed since the last bundle of this scope to the same --to people",
    )  # fmt: skip
    bring = commands.add_parser("import", parents=[common], help="merge a bundle into the database")
    bring.add_argument("file", type=Path, metavar="FILE", help="the bundle file you were sent")
    bring.add_argument(
        "--dry-run", action="store_true", help="show what would change; change nothing"
    )
    bring.add_argument("--passphrase-file", type=Path, metavar="F", help=_PASSPHRASE_FILE)
    restore = commands.add_parser(
        "restore", parents=[common], help="list the backups taken before imports, or restore one"
    )
    restore.add_argument(
        "backup",
        nargs="?",
        metavar="NUMBER_OR_FILE",
        help="a backup's number in the list, or a backup file; leave out to list them",
    )
    restore.add_argument("--yes", action="store_true", help="restore without asking (for scripts)")
    commands.add_parser("schema", parents=[common], help="print the JSON Schema of a bundle")
    for name, what in (
        ("outcomes", "a review's outcomes document (never a concern)"),
        ("scr-letter", "the letter that puts a review team on the host's Single Central Record"),
        ("timetable", "a review's visit timetable, to print"),
    ):
        paper = _paper_parser(commands, common, name, what)
        paper.add_argument("review_id", metavar="REVIEW_ID", help=_REVIEW_ID)
    for name, what in (
        ("agenda", "a meeting's agenda, and record the day it was shared"),
        ("minutes", "a meeting's notes and actions, and record the day they were shared"),
    ):
        paper = _paper_parser(commands, common, name, what)
        paper.add_argument("meeting_id", metavar="MEETING_ID", help=_MEETING_ID)
    for name, what in (
        ("plan", "a network's action plan for a year"),
        ("impact", "a network's impact evaluation of a year's plan, for the board"),
    ):
        paper = _paper_parser(commands, common, name, what)
        paper.add_argument("network", metavar="NETWORK", help="the network's name or id")
        paper.add_argument("--year", required=True, metavar="YEAR", help="e.g. 2025/26")
    calendar = commands.add_parser(
        "calendar",
        parents=[common],
        help="write a network's (or the board's) meetings as an .ics file for Outlook or Google",
    )
    calendar.add_argument("network", metavar="NETWORK", help="the network's name or id")
    calendar.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.ics", help="the file to write"
    )
    return parser


_PASSPHRASE_FILE = "read the passphrase from the first line of this file (else it is asked)"
_REVIEW_ID = "the review's id, or any unique start of it (`schoolnet reviews list` shows them)"
_MEETING_ID = "the meeting's id, or any unique start of it (`schoolnet meetings list` shows them)"


def _list_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """`networks list|add`, `reviews list` and `meetings list`: what there is, with ids."""
    from store.enums import NetworkKind

    networks = commands.add_parser("networks", parents=[common], help="list or add networks")
    network_commands = networks.add_subparsers(
        dest="networks_command", metavar="COMMAND", required=True
    )
    network_commands.add_parser(
        "list", parents=[common], help="every network: id, name, kind and schools"
    )
    add = network_commands.add_parser("add", parents=[common], help="create a network")
    add.add_argument("name", metavar="NAME", help="the network's name, e.g. 'Ely Schools'")
    add.add_argument(
        "--kind",
        required=True,
        metavar="KIND",
        help="one of: " + ", ".join(kind.value for kind in NetworkKind),
    )
    add.add_argument("--area", default="", metavar="AREA", help="where it works, e.g. 'Ely'")
    for name, what in (("reviews", "peer reviews"), ("meetings", "meetings")):
        parent = commands.add_parser(name, parents=[common], help=f"list {what}")
        listing = parent.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
        shown = listing.add_parser(
            "list", parents=[common], help=f"{what} with their ids, network, date and stage"
        )
        shown.add_argument(
            "--network", metavar="NAME_OR_ID", help="only this network's (its name or id's start)"
        )


def _paper_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    name: str,
    what: str,
) -> argparse.ArgumentParser:
    """A subcommand that writes a paper: .html to print, .md for Markdown."""
    paper = commands.add_parser(name, parents=[common], help=f"write {what}")
    paper.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help=".html or .md"
    )
    return paper


def main(argv: Sequence[str] | None = None) -> int:
    """Run schoolnet; returns the process exit code."""
    args = build_parser().parse_args(argv)
    db_path: Path | None = getattr(args, "db", None)
    demo: bool = getattr(args, "demo", False)
    if demo and db_path is None:
        db_path = demo_db_path()
    try:
        if args.command is None:
            return _launch(db_path, demo)
        if args.command == "schema":
            import json

            from store.sharing.bundle import json_schema

            print(json.dumps(json_schema(), indent=2))
            return 0
        store = Store.open(db_path)
        try:
            if demo:
                _prepare_demo(store)
            return _run(store, args)
        except sqlite3.Error as error:  # a read-only database or a full disk, found mid-way
            raise DatabaseUnavailable(failures.cannot("use", store.path, error)) from error
        finally:
            store.close()
    except StoreError as error:
        print(f"schoolnet: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`schoolnet schema | head`): end quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(store: Store, args: argparse.Namespace) -> int:
    from cli import commands

    output: Path | None = getattr(args, "output", None)
    if output is not None:  # every -o: never over the database, its WAL/SHM or backups
        from store.sharing.exchange import refuse_own_files

        refuse_own_files(store, output)
    if args.command == "demo":
        return commands.demo(store)
    if args.command == "check":
        return commands.check(store, args.network)
    if args.command == "schools":
        return commands.import_register(store, args.file, args.include_closed)
    if args.command in ("networks", "reviews", "meetings"):
        return _run_list(store, args)
    if args.command in ("outcomes", "scr-letter", "timetable"):
        return commands.review_paper(store, args.command, args.review_id, args.output)
    if args.command in ("agenda", "minutes"):
        return commands.meeting_paper(store, args.command, args.meeting_id, args.output)
    if args.command == "calendar":
        return commands.calendar(store, args.network, args.output)
    if args.command in ("plan", "impact"):
        return commands.plan_paper(store, args.command, args.network, args.year, args.output)
    from cli import sharing

    if args.command == "export":
        return sharing.export(store, args)
    if args.command == "import":
        return sharing.bring_in(store, args.file, args.dry_run, args.passphrase_file)
    return sharing.restore(store, args.backup, args.yes)


def _run_list(store: Store, args: argparse.Namespace) -> int:
    from cli import lists

    if args.command == "reviews":
        return lists.list_reviews(store, args.network)
    if args.command == "meetings":
        return lists.list_meetings(store, args.network)
    if args.networks_command == "list":
        return lists.list_networks(store)
    return lists.add_network(store, args.name, lists.network_kind(args.kind), args.area)


def _launch(db_path: Path | None, demo: bool) -> int:
    store = Store.open(db_path)
    try:
        if demo:
            _prepare_demo(store)
        from tui.app import SchoolnetApp

        app = SchoolnetApp(store)
        # What start-up built (modules, classes) lives as long as the app: moving it out of
        # the collector's reach keeps full collections, 100-200 ms each with ~180,000
        # objects tracked, from landing in the middle of a key press later.
        gc.freeze()
        app.run()
    finally:
        store.close()
    return 0


def _prepare_demo(store: Store) -> None:
    """Fill the demo database on first use and sign in as the demo head."""
    from store.demo.builder import DEMO_PROFILE, load_demo

    if store.networks.count() == 0:
        load_demo(store)
    if store.profile is None:
        store.save_profile(DEMO_PROFILE)


if __name__ == "__main__":
    sys.exit(main())
