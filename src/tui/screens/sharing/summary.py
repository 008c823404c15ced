"""Short texts the Sharing screen shows: sizes, values, ledger totals, matches."""

from __future__ import annotations

from store.sharing.merge import ImportPlan
from store.text import plural


def matched_sentence(plan: ImportPlan) -> str:
    """Say how many incoming schools are ones this database already has, under another id."""
    matched = sum(counts.get("matched", 0) for counts in plan.counts().values())
    return f" {matched} matched by URN: the same schools as yours." if matched else ""


def short(value: object, width: int = 40) -> str:
    """The value as text, cut to `width` characters."""
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def size_text(size: int) -> str:
    """A file size in KB or MB."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 2**20:.1f} MB"


def ledger_changes(changes: dict[str, object]) -> str:
    """What a ledger entry changed, in a few words."""
    if "records" in changes:
        return plural(int(str(changes["records"])), "record")
    totals = {"new": 0, "updated": 0, "deleted": 0}
    for counts in changes.values():
        if isinstance(counts, dict):
            for key in totals:
                totals[key] += int(counts.get(key, 0))
    return ", ".join(f"{v} {k}" for k, v in totals.items())
