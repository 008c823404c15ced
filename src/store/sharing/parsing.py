"""Reading a bundle file's bytes as JSON, bounded: size, keys, numbers, characters, lengths.

Anything a hostile or broken file could use to crash, hang or fill memory is refused with
one sentence before any of it reaches the models or the database.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.text import os_error_reason

MAX_BYTES = 100 * 1024 * 1024
# Limits well above any real network's data, far below what would hang the app.
MAX_TEXT = 1_000_000  # characters in one value (a long terms of reference is ~50,000)
MAX_LIST = 1_000  # items in one list field, such as a review's focus areas
MAX_RECORDS = 1_000_000  # records of one table in one bundle
MAX_TOMBSTONES = 1_000_000
_INT_RANGE = (-(2**63), 2**63 - 1)  # what SQLite stores as an integer
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
CANONICAL_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class BundleRefused(StoreError):
    """The file is not a bundle this version reads safely; the message says why."""


class PassphraseNeeded(BundleRefused):
    """The bundle is encrypted and no passphrase was given: ask for one, or refuse."""


class _Hostile(ValueError):
    """Raised inside the JSON parser's hooks; becomes a sentence naming the file."""


def read_bounded(path: Path) -> bytes:
    """At most MAX_BYTES of the file, whatever it is (a FIFO, /dev/zero); refuse more."""
    name = path.name
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_BYTES:
            raise BundleRefused(
                f"{name} is {size / 2**20:.0f} MB, over the 100 MB a bundle may be."
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise BundleRefused(f"Cannot read {path}: {os_error_reason(error)}.") from None
    if len(raw) > MAX_BYTES:
        raise BundleRefused(f"{name} is over the 100 MB a bundle may be.")
    return raw


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Hostile(f"has the key {key[:40]!r} twice in one object")
            seen.add(key)
    return found


def _constant(word: str) -> Any:
    raise _Hostile(f"holds {word}, which is not a number")


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > 19:
        raise _Hostile("holds a number too large to store")
    value = int(digits)
    if not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
        raise _Hostile("holds a number too large to store")
    return value


def parse_json(raw: bytes, name: str) -> Any:
    """The JSON value of the bytes, refusing what a bundle never holds."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRefused(f"{name} is not UTF-8 text, so it is not a schoolnet bundle.") from None
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer
        )
    except _Hostile as error:
        raise BundleRefused(f"{name} {error}, so it is not a schoolnet bundle.") from None
    except RecursionError:
        raise BundleRefused(f"{name} is nested too deeply to be a schoolnet bundle.") from None
    except json.JSONDecodeError as error:
        # Cut short: the parser ran off the end, or a string never closed before the end.
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise BundleRefused(
                f"{name} ends too early: the file is incomplete, perhaps cut short in sending."
            ) from None
        raise BundleRefused(f"{name} is not JSON, so it is not a schoolnet bundle.") from None
    if _SURROGATE_ESCAPE.search(text) and not _whole_characters(data):
        raise BundleRefused(f"{name} holds a broken character (half of a UTF-16 pair).")
    return data


def _whole_characters(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def check_lengths(table: str, items: list[Any], name: str) -> None:
    """Refuse a table, record or value longer than any real one, before validating it."""
    if len(items) > MAX_RECORDS:
        raise BundleRefused(f"{name} holds too many {table} records (over {MAX_RECORDS:,}).")
    for item in items:
        for field, value in item.items():
            if isinstance(value, str):
                if len(value) > MAX_TEXT:
                    raise BundleRefused(
                        f"Record {item.get('id')} in {table} is not valid: {field} is too long"
                        f" (over {MAX_TEXT:,} characters)."
                    )
            elif isinstance(value, list | dict) and len(value) > MAX_LIST:
                raise BundleRefused(
                    f"Record {item.get('id')} in {table} is not valid: {field} has too many"
                    f" items (over {MAX_LIST:,})."
                )
