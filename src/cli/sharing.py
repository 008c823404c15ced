"""`schoolnet export`, `import` and `restore`: bundles from the command line."""

from __future__ import annotations

import argparse
import getpass
import sys
import unicodedata
from pathlib import Path

from store import Store, StoreError
from store.dates import uk_date, uk_timestamp
from store.sharing import backups, exchange, sending
from store.sharing.merge import ImportPlan
from store.sharing.parsing import PassphraseNeeded
from store.sharing.safe_text import printable
from store.text import os_error_reason, plural

MIN_PASSPHRASE = 8


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise StoreError(
            f"Cannot read the passphrase file {path}: {os_error_reason(error)}."
        ) from None
    if not text or not text[0].strip():
        raise StoreError(f"The passphrase file {path} is empty.")
    passphrase = text[0].strip()
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(f"A passphrase must be at least {MIN_PASSPHRASE} characters.")
    return passphrase


def _typed_passphrase(*, twice: bool) -> str:
    """A passphrase typed at the terminal, unseen; twice when it is being chosen."""
    passphrase = unicodedata.normalize("NFC", getpass.getpass("Passphrase: "))
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(f"A passphrase must be at least {MIN_PASSPHRASE} characters.")
    if twice and unicodedata.normalize("NFC", getpass.getpass("Again: ")) != passphrase:
        raise StoreError("The two passphrases differ, so nothing was written.")
    return passphrase


def export(store: Store, args: argparse.Namespace) -> int:
    """Write a bundle and say what it holds."""
    if args.network:
        scope = exchange.scope_for(store, "network", args.network)
    elif args.review:
        scope = exchange.scope_for(store, "review", args.review)
    elif args.meeting:
        scope = exchange.scope_for(store, "meeting", args.meeting)
    else:
        scope = exchange.scope_for(store, "everything")
    passphrase = _passphrase(args.passphrase_file)
    if args.include_confidential and passphrase is None and sys.stdin.isatty():
        passphrase = _typed_passphrase(twice=True)
    if args.include_confidential and passphrase is None:
        raise StoreError(
            "--include-confidential needs --passphrase-file: confidential records travel"
            " only encrypted."
        )
    done = sending.export(
        store,
        args.output,
        scope,
        to=args.to,
        since_last=args.since_last,
        include_confidential=args.include_confidential,
        passphrase=passphrase,
    )
    kind = "an encrypted bundle" if done.encrypted else "a bundle"
    size = f"{done.size / 1024:.0f} KB"
    where = (
        f"an email draft, {done.path}, with {done.attachment} attached" if done.draft else done.path
    )
    print(f"Wrote {kind} of {plural(done.records, 'record')} ({scope.name}) to {where}: {size}.")
    if done.since:
        print(
            "Only what changed since the bundle sent to the same people on"
            f" {uk_timestamp(done.since)}."
        )
    if done.draft:
        print("Open the draft in your mail program to check it and send it.")
    if done.encrypted:
        print("Tell the recipient the passphrase another way (phone, in person), never by email.")
    if done.over_email_limit:
        print(
            "It is over 10 MB, more than many email services accept: send a smaller scope"
            " (--network, --review, or --since-last for only what changed since the last"
            " bundle to the same people)."
        )
    return 0


def report(plan: ImportPlan) -> list[str]:
    """Lines saying, per table, what the import does."""
    lines = []
    for table, counts in plan.counts().items():
        lines.append(
            f"  {table}: {counts['new']} new, {counts['updated']} updated, {counts['unchanged']}"
            f" unchanged, {counts['older']} older than ours (skipped), {counts['deleted']} deleted"
            + (f"; {counts['matched']} matched by URN" if counts.get("matched") else "")
        )
    if plan.conflicts:
        lines.append(
            f"  {plural(len(plan.conflicts), 'conflicting value')} kept in the conflicts log"
        )
    return lines


def bring_in(store: Store, path: Path, dry_run: bool, passphrase_file: Path | None) -> int:
    """Import a bundle, or with --dry-run only say what it would do."""
    try:
        plan = exchange.preview(store, path, _passphrase(passphrase_file))
    except PassphraseNeeded:
        if passphrase_file is not None or not sys.stdin.isatty():
            raise
        plan = exchange.preview(store, path, _typed_passphrase(twice=False))
    scope = printable(str(plan.bundle["scope"].get("name", "")))
    if dry_run:
        print(f"Dry run of {path.name} ({scope}): nothing was changed.")
        print("\n".join(report(plan)))
        return 0
    saved = exchange.apply(store, plan, path)
    print(f"Imported {path.name} ({scope}).")
    print("\n".join(report(plan)))
    if plan.kept_in_use:
        print(
            f"  {plural(plan.kept_in_use, 'deleted record')}"
            f" {'was' if plan.kept_in_use == 1 else 'were'} kept because other records here"
            " still use them"
        )
    if saved:
        print(f"The database was backed up first to {saved}.")
    return 0


def restore(store: Store, which: str | None, yes: bool = False) -> int:
    """List backups, or restore one by its number in the list or its path, after asking."""
    kept = backups.list_backups(store)
    if which is None:
        if not kept:
            print("There are no backups yet: one is taken before each import.")
        for number, found in enumerate(kept, start=1):
            when = f"{uk_date(found.taken_at.date())} {found.taken_at:%H:%M:%S}"
            before = f"  before {found.before}" if found.before else ""
            print(f"{number:2}. {when}  {found.size / 1024:.0f} KB  {found.path}{before}")
        return 0
    if which.isdigit():
        index = int(which) - 1
        if not 0 <= index < len(kept):
            raise StoreError(f"There is no backup number {which}; `schoolnet restore` lists them.")
        source = kept[index].path
        what = f"backup {which}"
    else:
        source = Path(which).expanduser()
        what = source.name
    backups.check(source)
    if not yes and not _confirmed(f"Replace everything in the database with {source}? [y/N] "):
        raise StoreError(
            "Nothing was restored: restore replaces the whole database, so confirm it"
            " (run it again with --yes to confirm without being asked)."
        )
    saved = backups.restore(store, source, f"restoring {what}")
    print(f"Restored the database from {source}.")
    print(f"What it held before is backup 1 now ({saved}).")
    return 0


def _confirmed(question: str) -> bool:
    """Ask on the terminal; without one (a script, a pipe) the answer is no."""
    if not sys.stdin.isatty():
        return False
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False
