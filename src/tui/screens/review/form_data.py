"""What the review forms hand back to the page: plain data, for one store call each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.enums import ReviewStyle


@dataclass(frozen=True)
class ReviewSetup:
    """What the set-up form gathers for `reviews.create`."""

    host_school_id: str
    starts_on: date
    ends_on: date | None
    style: ReviewStyle
    focus_areas: list[str]
    hypotheses: str
    lead_reviewer_id: str | None


@dataclass(frozen=True)
class TeamMember:
    """A reviewer to add, with the DBS confirmation the host's SCR needs."""

    person_id: str
    role: str
    dbs_confirmed: bool
    dbs_confirmed_on: date | None


@dataclass(frozen=True)
class Workshop:
    """The improvement workshop as recorded."""

    champion_id: str | None
    participants: str
    went_well: str
    even_better_if: str


@dataclass(frozen=True)
class NewAction:
    """A workshop action for the shared action list."""

    description: str
    owner_id: str
    due_on: date | None


@dataclass(frozen=True)
class Amendment:
    """A dated amendment's words and who made it."""

    text: str
    by: str
