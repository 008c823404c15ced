"""Typing in an open Select finds an option as search does: ’ and ' alike, accents ignored.

Textual's Select jumps to the option whose label holds what was typed, compared in lower
case only, so `mary's` missed `St Mary’s`. Every Select in the app is Textual's own, so the
overlay's matcher is replaced once, when the app starts, rather than each Select swapped.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets._select import SelectOverlay

from store.text import fold


def _folded_match(overlay: SelectOverlay, query: str) -> int | None:
    """The option whose label holds the query earliest, both folded; None if none does."""
    wanted = fold(query)
    best: int | None = None
    earliest: int | None = None
    for index, option in enumerate(overlay._options):
        prompt = option.prompt
        if isinstance(prompt, Text):
            label = prompt.plain
        elif isinstance(prompt, str):
            label = prompt
        else:
            continue
        at = fold(label).find(wanted)
        if at != -1 and (earliest is None or at < earliest):
            best, earliest = index, at
    return best


def fold_select_search() -> None:
    """Make every Select's type-to-search fold text as the schools search does."""
    setattr(SelectOverlay, "_find_search_match", _folded_match)  # noqa: B010 - a method, replaced
