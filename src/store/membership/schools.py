"""Adding, changing and deleting schools by hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.dates import uk_date
from store.editing import Holder, holders, joined
from store.enums import MembershipStatus
from store.errors import RecordInUse
from store.models import Membership, Network, PeerReview, School
from store.text import plural

if TYPE_CHECKING:
    from store.db import Store

# What each kind of record that names a school is, counted in the refusal's "has ..." part.
_HAS: dict[tuple[str, str], tuple[str, str]] = {
    ("peer_reviews", "host_school_id"): ("review", "reviews"),
    ("people", "school_id"): ("person", "people"),
    ("case_studies", "school_id"): ("case study", "case studies"),
    ("support_exchanges", "giver_school_id"): ("record of support", "records of support"),
    ("support_exchanges", "receiver_school_id"): ("record of support", "records of support"),
    ("membership_moves", "school_id"): ("proposed move", "proposed moves"),
    ("attendances", "school_id"): ("meeting attended", "meetings attended"),
    ("review_team_members", "employing_school_id"): (
        "reviewer on a review team",
        "reviewers on review teams",
    ),
    ("project_partners", "school_id"): ("partnership project", "partnership projects"),
}


@dataclass(frozen=True)
class Place:
    """Somewhere the user can go to see what holds a school: a network or a review."""

    kind: str  # "network" or "review"
    record_id: str
    label: str


class SchoolInUse(RecordInUse):
    """A school other records still name; `places` says where to go to see them."""

    def __init__(self, message: str, places: list[Place]) -> None:
        super().__init__(message)
        self.places = places


def add_school(store: Store, school: School) -> School:
    """Add a school typed in by the user; a URN already taken is refused with a sentence."""
    return store.schools.add(school)


def update_school(store: Store, school: School) -> School:
    """Save the fields of a school the user changed."""
    return store.schools.update(school)


def delete_school(store: Store, school_id: str) -> None:
    """Delete a school no other record refers to, leaving a tombstone for bundles.

    A school still named elsewhere is refused with what holds it ("St Mary's is in Hunts
    Area Primary Partnership and has 2 reviews") and the places the user can go to see.
    """
    check_deletable(store, school_id)
    store.schools.delete(school_id)


def check_deletable(store: Store, school_id: str) -> None:
    """Refuse (SchoolInUse) if other records name the school, before anyone is asked."""
    school = store.schools.get(school_id)
    found = holders(store, "schools", school_id)
    if found:
        raise SchoolInUse(_what_holds(store, school, found), _places(store, found))


def _what_holds(store: Store, school: School, found: list[Holder]) -> str:
    memberships = [h.record for h in found if isinstance(h.record, Membership)]
    networks = store.networks.by_ids(m.network_id for m in memberships)
    ended = (MembershipStatus.LEFT, MembershipStatus.REMOVED)
    current = sorted({networks[m.network_id].name for m in memberships if m.status not in ended})
    former = sorted({networks[m.network_id].name for m in memberships} - set(current))
    parts = [f"is in {joined(current)}"] if current else []
    parts += [f"was in {joined(former)}"] if former else []
    parts += [
        f"is the lead school of {h.record.name}" for h in found if isinstance(h.record, Network)
    ]
    counts: dict[tuple[str, str], int] = {}
    for holder in found:
        if not isinstance(holder.record, Membership | Network):
            noun = _HAS.get((holder.table, holder.column), (holder.table, holder.table))
            counts[noun] = counts.get(noun, 0) + 1
    if counts:
        parts.append(f"has {joined([plural(n, one, many) for (one, many), n in counts.items()])}")
    if len(parts) > 1 and any(" and " in part for part in parts):
        said = f"{', '.join(parts[:-1])}, and {parts[-1]}"  # "is in A and B, and has ..."
    else:
        said = joined(parts)
    return f"{school.name} {said}: it cannot be deleted while they name it."


def _places(store: Store, found: list[Holder]) -> list[Place]:
    network_ids: list[str] = []
    reviews: list[Place] = []
    for holder in found:
        record = holder.record
        if isinstance(record, Network):
            network_ids.append(record.id)
        elif isinstance(record, PeerReview):
            label = f"Review of {uk_date(record.starts_on)}" if record.starts_on else "Review"
            reviews.append(Place("review", record.id, label))
        elif isinstance(network_id := getattr(record, "network_id", None), str):
            network_ids.append(network_id)
    networks = sorted(store.networks.by_ids(network_ids).values(), key=lambda n: n.name)
    return [Place("network", n.id, n.name) for n in networks] + reviews
