"""File names people can read and every system can write: bundles and papers.

Windows is the strictest: no `<>:"/\\|?*` or control characters, no trailing dot or space,
no device names such as CON, and paths short enough for OneDrive and zip tools. A name is
kept under 100 characters, which leaves room for a long Downloads path.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from store.sharing.bundle import SUFFIX

if TYPE_CHECKING:
    from store.db import Store

MAX_NAME = 99
_FORBIDDEN = frozenset('<>:"/\\|?*')
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)


def safe_file_name(stem: str, suffix: str) -> str:
    """`stem` + `suffix` as a file name safe on Windows, macOS and Linux, under 100 characters.

    Forbidden characters become spaces; a name too long is cut at a word where it can be.
    """
    text = unicodedata.normalize("NFC", stem)
    cleaned = "".join(
        " " if c in _FORBIDDEN or unicodedata.category(c).startswith("C") else c for c in text
    )
    words = " ".join(cleaned.split()).strip(" .")
    room = MAX_NAME - len(suffix)
    if len(words) > room:
        cut = words[:room]
        words = (cut.rsplit(" ", 1)[0] if " " in cut[room // 2 :] else cut).strip(" .")
    if not words or words.split(".")[0].upper() in _DEVICES:
        words = f"schoolnet {words}".strip()[:room]
    return words + suffix


def sender_label(store: Store) -> str:
    """Who a bundle is from, as its file name says it: the user's school, else their name."""
    profile = store.profile
    if profile is None:
        return ""
    if profile.school_id and (school := store.schools.find(profile.school_id)):
        return school.name
    return profile.name


def bundle_file_name(scope_name: str, sender: str, day: date) -> str:
    """E.g. `2026-11-23 Hunts Area Primary Partnership from Abbots Ripton.schoolnet.json`."""
    what = scope_name[:1].upper() + scope_name[1:]  # "everything" starts a name as "Everything"
    stem = f"{day:%Y-%m-%d} {what}" + (f" from {sender}" if sender else "")
    return safe_file_name(stem, SUFFIX)


def paper_file_name(*parts: str, suffix: str) -> str:
    """A paper's name from its words, e.g. `Outcomes Peer review of Abbots Ripton 2025-26.html`."""
    return safe_file_name(" ".join(part for part in parts if part), suffix)
