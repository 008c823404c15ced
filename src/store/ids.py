"""Records named on the command line: by their id, or any unique start of it.

People copy the short ids `schoolnet reviews list` prints (`3f0a12bc`), so every command that
takes an id takes any prefix that names exactly one record, and an ambiguous one is refused
with a sentence naming the matches.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store import schema
from store.errors import StoreError

if TYPE_CHECKING:
    from store.db import Store
    from store.models import Network

SHORT = 8  # characters of an id the lists print: unique in practice, short enough to type
_MOST_NAMED = 5

# What each table's records are called in a sentence, and how a match is described.
_WHAT = {"networks": "network", "peer_reviews": "review", "meetings": "meeting"}
_LABELS = {
    "networks": "name",
    "meetings": "title",
    "peer_reviews": "(SELECT name FROM schools WHERE schools.id = host_school_id)"
    " || ' ' || academic_year",
}
_ID_TEXT = re.compile(r"^[0-9a-f-]+$")


def resolve_id(store: Store, table: str, text: str) -> str:
    """The id of the one record of `table` whose id is, or starts with, `text`.

    Raises StoreError with one sentence when none does, or when several do (naming them).
    """
    if table not in schema.BY_NAME:
        raise KeyError(table)
    what = _WHAT.get(table, table.replace("_", " "))
    prefix = text.strip().lower()
    if not prefix or not _ID_TEXT.match(prefix):
        raise StoreError(f"There is no {what} with id {text}.")
    label = _LABELS.get(table, "''")
    # The hyphen and hex digits are not LIKE wildcards, so the prefix needs no escaping.
    rows = store.db.execute(
        f"SELECT id, {label} FROM {table} WHERE id LIKE ? ORDER BY id LIMIT ?",
        [f"{prefix}%", _MOST_NAMED + 1],
    ).fetchall()
    if not rows:
        raise StoreError(f"There is no {what} with id {text}.")
    if len(rows) == 1 or rows[0][0] == prefix:
        return str(rows[0][0])
    named = [f"{row[0][:SHORT]} ({row[1]})" if row[1] else row[0][:SHORT] for row in rows]
    more = " and more" if len(rows) > _MOST_NAMED else ""
    raise StoreError(
        f"The id {text} could be any of {', '.join(named[:_MOST_NAMED])}{more}: give more of it."
    )


def find_network(store: Store, text: str) -> Network:
    """The network with this name (ignoring case), else this id or unique start of an id."""
    network = store.networks.by_name(text)
    if network is not None:
        return network
    prefix = text.strip().lower()
    if not prefix or not _ID_TEXT.match(prefix):
        raise StoreError(f"There is no network called {text}.")
    found = store.db.execute(
        "SELECT count(*) FROM networks WHERE id LIKE ?", [f"{prefix}%"]
    ).fetchone()[0]
    if not found:
        raise StoreError(f"There is no network called {text}.")
    return store.networks.get(resolve_id(store, "networks", prefix))
