"""Changing and deleting what a network records: people, case studies, support given, and
partnership projects. Each function is one thing a user does, with its rule said plainly.

Edits take only the fields the user changed (field -> value); deletes leave tombstones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from store.editing import apply_changes, holders, joined
from store.enums import CaseStudyStatus
from store.errors import RecordInUse, StoreError
from store.models import CaseStudy, PartnershipProject, Person, ProjectPartner, SupportExchange
from store.text import plural

if TYPE_CHECKING:
    from store.db import Store

# What a reference to a person means, as a phrase about them (by table and column).
_PERSON_ROLES: dict[tuple[str, str], tuple[str, str]] = {
    ("actions", "owner_id"): ("owns", "action"),
    ("review_team_members", "person_id"): ("is on", "review team"),
    ("peer_reviews", "lead_reviewer_id"): ("is Lead Reviewer of", "review"),
    ("peer_reviews", "improvement_champion_id"): ("is Improvement Champion of", "review"),
    ("attendances", "person_id"): ("is in the attendance of", "meeting"),
    ("agenda_items", "lead_id"): ("leads", "agenda item"),
    ("action_plans", "lead_id"): ("leads", "action plan"),
    ("action_plans", "deputy_id"): ("is deputy lead of", "action plan"),
}
_NETWORK_ROLES = {
    "lead_id": "leads",
    "deputy_lead_id": "is deputy lead of",
    "coordinator_id": "co-ordinates",
}


# People -----------------------------------------------------------------------------------


def update_person(store: Store, person_id: str, changes: Mapping[str, Any]) -> Person:
    """Save the changed fields of a person: name, role, school, email, phone."""
    if "name" in changes and not str(changes["name"]).strip():
        raise StoreError("A person needs a name.")
    return apply_changes(store.people, person_id, changes)


def delete_person(store: Store, person_id: str) -> None:
    """Delete a person nothing refers to; else say what they still hold."""
    check_person_deletable(store, person_id)
    store.people.delete(person_id)


def check_person_deletable(store: Store, person_id: str) -> None:
    """Refuse (RecordInUse), before anyone is asked, to delete a person records still name."""
    person = store.people.get(person_id)
    roles: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for holder in holders(store, "people", person_id):
        if holder.table == "networks":
            roles.append(f"{_NETWORK_ROLES[holder.column]} {getattr(holder.record, 'name', '')}")
        else:
            key = (holder.table, holder.column)
            counts[key] = counts.get(key, 0) + 1
    for (table, column), number in counts.items():
        verb, noun = _PERSON_ROLES.get((table, column), ("is named in", table.replace("_", " ")))
        roles.append(f"{verb} {plural(number, noun)}")
    if roles:
        raise RecordInUse(
            f"{person.name} {joined(roles)}: hand those on first, then delete {person.name}."
        )


# Case studies -----------------------------------------------------------------------------


def update_case_study(store: Store, study_id: str, changes: Mapping[str, Any]) -> CaseStudy:
    """Save the changed fields of a case study, its status through the year among them."""
    if "title" in changes and not str(changes["title"]).strip():
        raise StoreError("A case study needs a title.")
    return apply_changes(store.case_studies, study_id, changes)


def next_case_study_status(store: Store, study_id: str) -> CaseStudy:
    """Move a case study on a step: planned, drafting, submitted, published, then planned."""
    study = store.case_studies.get(study_id)
    order = list(CaseStudyStatus)
    following = order[(order.index(study.status) + 1) % len(order)]
    return apply_changes(store.case_studies, study_id, {"status": following})


def delete_case_study(store: Store, study_id: str) -> None:
    """Delete a case study."""
    store.case_studies.delete(study_id)


# Support given and received ---------------------------------------------------------------


def update_support(store: Store, exchange_id: str, changes: Mapping[str, Any]) -> SupportExchange:
    """Save the changed fields of a record of support; a school never supports itself."""
    exchange = store.support_exchanges.get(exchange_id)
    giver = changes.get("giver_school_id", exchange.giver_school_id)
    receiver = changes.get("receiver_school_id", exchange.receiver_school_id)
    if giver == receiver:
        raise StoreError("A school cannot support itself: choose another school.")
    if "hours" in changes and float(changes["hours"]) <= 0:
        raise StoreError("Give the hours as a number above 0.")
    return apply_changes(store.support_exchanges, exchange_id, changes)


def delete_support(store: Store, exchange_id: str) -> None:
    """Delete a record of support given."""
    store.support_exchanges.delete(exchange_id)


# Partnership projects ---------------------------------------------------------------------


def update_project(
    store: Store,
    project_id: str,
    changes: Mapping[str, Any],
    *,
    partners: list[str] | None = None,
) -> PartnershipProject:
    """Save the changed fields of a project, and its partner schools if they changed."""
    project = store.partnership_projects.get(project_id)
    starts = changes.get("starts_on", project.starts_on)
    ends = changes.get("ends_on", project.ends_on)
    if starts and ends and ends < starts:
        raise StoreError("The project cannot end before it starts.")
    if partners is not None and not partners:
        raise StoreError("A project needs at least one partner school.")
    with store.db.atomic():
        saved = apply_changes(store.partnership_projects, project_id, changes)
        if partners is not None:
            current = {p.school_id: p for p in store.project_partners.where(project_id=project_id)}
            for school_id, partner in current.items():
                if school_id not in partners:
                    store.project_partners.delete(partner.id)
            for school_id in partners:
                if school_id not in current:
                    store.project_partners.add(
                        ProjectPartner(project_id=project_id, school_id=school_id)
                    )
    return saved


def delete_project(store: Store, project_id: str) -> None:
    """Delete a project and its list of partners, leaving tombstones for each."""
    with store.db.atomic():
        for partner in store.project_partners.where(project_id=project_id):
            store.project_partners.delete(partner.id)
        store.partnership_projects.delete(project_id)
