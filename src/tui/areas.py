"""The areas of the app, each reached by one key, the command palette and the help screen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """A top-level area: its mode name, key, title and what it is for."""

    mode: str
    key: str
    title: str
    summary: str
    table: str | None = None
    noun: str = "records"


AREAS: tuple[Area, ...] = (
    Area("home", "h", "Home", "How each of your networks stands today."),
    Area(
        "networks",
        "n",
        "Networks",
        "Networks, members, terms of reference and network health.",
        "networks",
        "networks",
    ),
    Area(
        "schools",
        "s",
        "Schools",
        "Every school, with search, editing and the DfE register import.",
        "schools",
        "schools",
    ),
    Area(
        "meetings",
        "m",
        "Meetings",
        "Meetings with agendas, attendance, notes and actions.",
        "meetings",
        "meetings",
    ),
    Area(
        "plans",
        "p",
        "Action plans",
        "Annual action plans with priorities, RAG and impact.",
        "action_plans",
        "action plans",
    ),
    Area(
        "reviews",
        "r",
        "Reviews",
        "Peer reviews from planning to the outcomes document.",
        "peer_reviews",
        "peer reviews",
    ),
    Area("sharing", "x", "Sharing", "Send and receive work as bundles by email.", None, "bundles"),
)

BY_MODE: dict[str, Area] = {area.mode: area for area in AREAS}
