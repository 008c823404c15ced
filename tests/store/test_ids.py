"""Records named by any unique start of their id, and networks by name or id."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from store import Store, StoreError
from store.ids import find_network, resolve_id
from store.models import Network


def _network(store: Store, name: str, record_id: str) -> Network:
    return store.networks.add(Network(id=record_id, name=name))


@pytest.fixture
def three(store: Store) -> Store:
    """Networks whose ids share their first characters."""
    _network(store, "Ely Schools", "3f0a0000-0000-4000-8000-000000000001")
    _network(store, "March Cluster", "3f0b0000-0000-4000-8000-000000000002")
    _network(store, "Fen Alliance", "a1000000-0000-4000-8000-000000000003")
    return store


def test_a_unique_prefix_or_the_whole_id_names_the_record(three: Store) -> None:
    assert resolve_id(three, "networks", "3f0a") == "3f0a0000-0000-4000-8000-000000000001"
    assert resolve_id(three, "networks", "A1") == "a1000000-0000-4000-8000-000000000003"
    whole = "3f0b0000-0000-4000-8000-000000000002"
    assert resolve_id(three, "networks", whole) == whole


def test_an_ambiguous_prefix_is_one_sentence_naming_the_matches(three: Store) -> None:
    with pytest.raises(StoreError) as refused:
        resolve_id(three, "networks", "3f")
    assert str(refused.value) == (
        "The id 3f could be any of 3f0a0000 (Ely Schools), 3f0b0000 (March Cluster):"
        " give more of it."
    )


@pytest.mark.parametrize("text", ["", "zz", "b", "3f0a%", "3_"])
def test_an_unknown_or_odd_prefix_is_refused(three: Store, text: str) -> None:
    with pytest.raises(StoreError, match=re.escape(f"There is no network with id {text}.")):
        resolve_id(three, "networks", text)


def test_reviews_are_named_in_the_sentence(store: Store) -> None:
    from store.demo.builder import load_demo

    load_demo(store)
    demo_store = store
    ids = [r.id for r in demo_store.peer_reviews.all()]
    first = ids[0]
    assert resolve_id(demo_store, "peer_reviews", first[:12]) == first
    with pytest.raises(StoreError, match=r"^There is no review with id ffff-x\.$"):
        resolve_id(demo_store, "peer_reviews", "ffff-x")
    with pytest.raises(StoreError, match=r"^The id \w could be any of .*\d{4}/\d{2}\)"):
        # One hex digit is shared by many reviews' ids.
        resolve_id(demo_store, "peer_reviews", max("0123456789abcdef", key=_starting(ids)))


def _starting(ids: list[str]) -> Callable[[str], int]:
    return lambda digit: sum(i.startswith(digit) for i in ids)


def test_a_network_by_name_then_by_id(three: Store) -> None:
    assert find_network(three, "ely schools").name == "Ely Schools"
    assert find_network(three, "a1").name == "Fen Alliance"
    with pytest.raises(StoreError, match=r"^There is no network called Nowhere\.$"):
        find_network(three, "Nowhere")
    with pytest.raises(StoreError, match=r"^There is no network called b0\.$"):
        find_network(three, "b0")
    with pytest.raises(StoreError, match="could be any of"):
        find_network(three, "3F")
