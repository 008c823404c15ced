"""Running a network over the years: archiving it, its funding for a year, and the people
its leaders are chosen from.

Each public function is one thing a user does, made in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from store.dates import academic_year_of
from store.errors import StoreError
from store.models import Network, NetworkFunding, Person

if TYPE_CHECKING:
    from store.db import Store


def archive_network(store: Store, network_id: str) -> Network:
    """Archive a network that has stopped: it leaves Home, the lists and the health check."""
    network = store.networks.get(network_id)
    if network.archived_on is not None:
        raise StoreError(f"{network.name} is already archived.")
    return store.networks.update(network.model_copy(update={"archived_on": store.today()}))


def unarchive_network(store: Store, network_id: str) -> Network:
    """Bring an archived network back into use, with everything it recorded."""
    network = store.networks.get(network_id)
    if network.archived_on is None:
        raise StoreError(f"{network.name} is not archived.")
    return store.networks.update(network.model_copy(update={"archived_on": None}))


def funding_for(store: Store, network_id: str, year: str) -> NetworkFunding | None:
    """The network's funding for an academic year, or None if none is recorded.

    Two laptops may each record a year's funding before they exchange bundles: the one
    changed last is the year's figure.
    """
    found = store.network_funding.where(
        network_id=network_id, academic_year=year, order_by="updated_at DESC"
    )
    return found[0] if found else None


def set_funding(store: Store, network_id: str, year: str, amount: Decimal | None) -> None:
    """Record the year's funding; None takes a recorded figure away. Call inside a transaction."""
    current = funding_for(store, network_id, year)
    if amount is None:
        if current is not None:
            store.network_funding.delete(current.id)
    elif current is None:
        store.network_funding.add(
            NetworkFunding(network_id=network_id, academic_year=year, amount=amount)
        )
    elif current.amount != amount:
        store.network_funding.update(current.model_copy(update={"amount": amount}))


def this_year(store: Store) -> str:
    """The academic year today falls in."""
    return academic_year_of(store.today())


def people_of(store: Store, network: Network) -> list[Person]:
    """Who the network's leaders are chosen from: people at its member schools, and whoever
    holds a role now (a co-ordinator from the local authority has no member school)."""
    schools = {member.school.id for member in store.networks.members(network.id)}
    found = {person.id: person for person in store.people.at_schools(schools)}
    named = (network.lead_id, network.deputy_lead_id, network.coordinator_id)
    found |= store.people.by_ids(person_id for person_id in named if person_id)
    return sorted(found.values(), key=lambda person: (person.name.lower(), person.id))


def add_people(store: Store, people: Iterable[Person]) -> None:
    """Add people typed in on the spot in a form. Call inside a transaction."""
    for person in people:
        store.people.add(person)
