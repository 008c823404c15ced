"""A network's own records: its terms, people and their lead criteria, case studies,
support given and received, and partnership projects (seeds 000, 003 and 004).

Each function is one thing a user does, made in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from store.errors import StoreError
from store.membership import joining, running
from store.models import (
    CaseStudy,
    LeadCriteria,
    Membership,
    Network,
    PartnershipProject,
    Person,
    ProjectPartner,
    SupportExchange,
)

if TYPE_CHECKING:
    from store.db import Store


class Unchanged:
    """Stands for a value the caller leaves as it is."""


UNCHANGED = Unchanged()


def create_network(
    store: Store,
    network: Network,
    *,
    people: Sequence[Person] = (),
    funding: Decimal | None = None,
) -> Network:
    """Create a network, with anyone added on the spot as its leaders and this year's
    funding; a name another network has is refused with a sentence."""
    _name_free(store, network)
    with store.db.atomic():
        running.add_people(store, people)
        saved = store.networks.add(network)
        running.set_funding(store, saved.id, running.this_year(store), funding)
    return saved


def update_network(
    store: Store,
    network: Network,
    *,
    people: Sequence[Person] = (),
    funding: Decimal | None | Unchanged = UNCHANGED,
) -> Network:
    """Save the fields of a network the user changed, anyone added on the spot, and this
    year's funding (None takes it away)."""
    _name_free(store, network)
    with store.db.atomic():
        running.add_people(store, people)
        saved = store.networks.update(network)
        if not isinstance(funding, Unchanged):
            running.set_funding(store, saved.id, running.this_year(store), funding)
    return saved


def _name_free(store: Store, network: Network) -> None:
    other = store.networks.by_name(network.name)
    if other is not None and other.id != network.id:
        raise StoreError(f"There is already a network called {other.name}.")


def add_case_study(store: Store, study: CaseStudy) -> CaseStudy:
    """Record a member school's case study."""
    return store.case_studies.add(study)


def record_support(store: Store, network_id: str, exchange: SupportExchange) -> SupportExchange:
    """Record support one school gave another within the network."""
    return store.support_exchanges.add(exchange.model_copy(update={"network_id": network_id}))


def add_project(
    store: Store, network_id: str, project: PartnershipProject, *, partners: list[str]
) -> PartnershipProject:
    """Add a partnership project with the schools taking part."""
    with store.db.atomic():
        saved = store.partnership_projects.add(
            project.model_copy(update={"network_id": network_id})
        )
        for school_id in partners:
            store.project_partners.add(ProjectPartner(project_id=saved.id, school_id=school_id))
    return saved


def add_person(store: Store, person: Person) -> Person:
    """Add a person: a head, deputy, co-ordinator or anyone else the network works with."""
    return store.people.add(person)


def save_terms(store: Store, network_id: str, terms: dict[str, str]) -> Network:
    """Save the network's terms of reference, section by section."""
    network = store.networks.get(network_id)
    return store.networks.update(network.model_copy(update={"terms_of_reference": terms}))


def save_lead_criteria(store: Store, person_id: str, criteria: LeadCriteria) -> Person:
    """Record which of the lead criteria a person meets."""
    person = store.people.get(person_id)
    return store.people.update(person.model_copy(update={"lead_criteria": criteria}))


def nominate_with_contact(
    store: Store,
    network_id: str,
    school_id: str,
    *,
    nominated_by: str,
    on: date,
    contact: dict[str, str],
) -> Membership:
    """Nominate a school, first saving the contact details the nomination gave."""
    kept = {key: value for key, value in contact.items() if value}
    with store.db.atomic():
        if kept:
            school = store.schools.get(school_id)
            store.schools.update(school.model_copy(update=kept))
        return joining.nominate(store, network_id, school_id, nominated_by=nominated_by, on=on)
