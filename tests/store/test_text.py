"""Counts with agreeing nouns, text folded for search, and stored times in UK form."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from store import Store
from store.dates import uk_timestamp
from store.models import School
from store.text import fold, plural


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 schools"), (1, "1 school"), (2, "2 schools"), (-1, "-1 schools")]
)
def test_plural(count: int, text: str) -> None:
    assert plural(count, "school") == text


def test_plural_with_an_irregular_form() -> None:
    assert plural(1, "activity", "activities") == "1 activity"
    assert plural(3, "activity", "activities") == "3 activities"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("St Mary’s", "st mary's"),
        ("St Mary‘s", "st mary's"),
        ("Zoë Brontë", "zoe bronte"),
        ("ÉCOLE Straße", "ecole strasse"),
        ("plain", "plain"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_school_search_treats_apostrophes_and_accents_alike(store: Store) -> None:
    for name, town in (
        ("St Mary’s C of E Primary", "Ely"),
        ("St Mary's RC Primary", "Ely"),
        ("Zoë Hall Academy", "Soham"),
        ("Oak Primary", "Pontefract"),
    ):
        store.schools.add(School(name=name, town=town))

    def names(text: str) -> list[str]:
        return [school.name for school in store.schools.search(text)]

    both = ["St Mary's RC Primary", "St Mary’s C of E Primary"]
    assert names("mary's") == both
    assert names("MARY’S") == both
    assert names("zoe") == ["Zoë Hall Academy"]
    assert names("zoë hall") == ["Zoë Hall Academy"]
    assert names("pont") == ["Oak Primary"]
    assert store.schools.count_matching("mary's") == 2


def test_uk_timestamp_is_uk_time_with_a_uk_date() -> None:
    assert uk_timestamp("2026-11-23T14:05:09.123456Z") == "23 Nov 2026 14:05"
    # British Summer Time: an hour ahead of UTC.
    assert uk_timestamp(datetime(2026, 7, 1, 8, 30, tzinfo=UTC)) == "1 Jul 2026 09:30"
    assert uk_timestamp(None) == ""
    assert uk_timestamp("") == ""


def test_counts_shown_agree_with_their_nouns() -> None:
    from store.membership.health import _categories, _size
    from store.reviews import Progress

    assert str(Progress(done=1, target=1, planned=1)) == "1 of 1 review done"
    assert str(Progress(done=1, target=None, planned=1)) == "1 review done"
    assert str(Progress(done=2, target=8, planned=3)) == "2 of 8 reviews done"
    [one] = _categories(3, 1)
    assert one.message.startswith("1 of 3 schools (33%) is judged requires improvement")
    [size] = _size(1)
    assert "1 school," in size.message and "1 schools" not in size.message


def test_search_finds_an_accented_school_added_after_a_search(store: Store) -> None:
    store.schools.add(School(name="Oak Primary", town="Ely"))
    assert store.schools.count_matching("zoe") == 0
    zoe = store.schools.add(School(name="Zoë Hall Academy", town="Ely"))
    assert [s.name for s in store.schools.search("zoe")] == ["Zoë Hall Academy"]
    store.schools.update(zoe.model_copy(update={"name": "Zoe Hall Academy"}))
    store.schools.add(School(name="Chloë Primary", town="Brontë Green"))
    assert [s.name for s in store.schools.search("bronte")] == ["Chloë Primary"]
