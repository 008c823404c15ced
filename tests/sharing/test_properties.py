"""Property tests: bundles round-trip, imports are idempotent, and databases converge."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store
from store.models import School
from store.sharing import exchange

from ..conftest import TickingClock, frozen_clock
from .helpers import bundle_bytes, data, receive, tombstones

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELDS = ("town", "phone", "head_teacher", "trust")
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=24
).map(str.strip)
names = text.filter(bool)


@st.composite
def schools(draw: st.DrawFn) -> list[School]:
    """A handful of schools with awkward text, markup included."""
    count = draw(st.integers(1, 6))
    return [
        School(
            name=draw(
                st.one_of(
                    names, st.sampled_from(["[bold red]x[/]", "[link=https://e.org]y[/link]"])
                )
            ),
            town=draw(text),
            head_teacher=draw(text),
            ofsted_judgement=draw(st.sampled_from(["good", "outstanding", "requires_improvement"])),
        )
        for _ in range(count)
    ]


@SETTINGS
@given(schools())
def test_export_then_import_into_an_empty_database_gives_equal_data(made: list[School]) -> None:
    source, target = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    for school in made:
        source.schools.add(school)
    receive(target, bundle_bytes(source))
    assert data(target) == data(source)


@SETTINGS
@given(schools(), st.integers(1, 3))
def test_import_is_idempotent(made: list[School], times: int) -> None:
    source, target = Store.memory(clock=TickingClock()), Store.memory(clock=TickingClock())
    for school in made:
        source.schools.add(school)
    raw = bundle_bytes(source)
    receive(target, raw)
    once = data(target)
    for _ in range(times):
        assert not receive(target, raw).changes_anything
    assert data(target) == once


def _network(count: int) -> tuple[list[Store], list[str]]:
    """`count` databases that share three schools.

    Their clocks all stand still at the same moment, so edits made on different laptops
    carry equal times and the tie-break is exercised on every conflict.
    """
    stores = [Store.memory(clock=frozen_clock) for _ in range(count)]
    ids = [stores[0].schools.add(School(name=f"School {n}")).id for n in range(3)]
    shared = bundle_bytes(stores[0])
    for store in stores[1:]:
        receive(store, shared)
    return stores, ids


operation = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 7), st.integers(0, 4), st.sampled_from(FIELDS), text),
    st.tuples(st.just("add"), st.integers(0, 7), names),
    st.tuples(st.just("delete"), st.integers(0, 7), st.integers(0, 4)),
    st.tuples(st.just("send"), st.integers(0, 7), st.integers(0, 7)),
)


def _run(stores: list[Store], ids: list[str], op: tuple) -> None:
    kind, who = op[0], stores[op[1] % len(stores)]
    if kind == "edit":
        school = who.schools.find(ids[op[2] % len(ids)])
        if school is not None:
            who.schools.update(school.model_copy(update={op[3]: op[4]}))
    elif kind == "add":
        ids.append(who.schools.add(School(name=op[2])).id)
    elif kind == "delete":
        target = ids[op[2] % len(ids)]
        if who.schools.find(target) is not None:
            who.schools.delete(target)
    else:
        receive(stores[op[2] % len(stores)], bundle_bytes(who))


def _exchange_all(stores: list[Store], order: list[int]) -> None:
    """Everyone sends a bundle; everyone imports everyone else's, in the drawn order."""
    bundles = [bundle_bytes(store) for store in stores]
    for target in order:
        for source in order:
            if source != target:
                receive(stores[target], bundles[source])


@SETTINGS
@given(st.integers(4, 8), st.lists(operation, max_size=30), st.randoms(use_true_random=False))
def test_databases_that_edit_and_exchange_in_any_order_converge(
    count: int, operations: list[tuple], random
) -> None:
    stores, ids = _network(count)
    for op in operations:
        _run(stores, ids, op)
    order = list(range(count))
    random.shuffle(order)
    _exchange_all(stores, order)
    first = data(stores[0])
    for store in stores[1:]:
        assert data(store) == first
        assert tombstones(store) == tombstones(stores[0])
    present = [row["id"] for row in first["schools"]]
    assert len(present) == len(set(present)) and set(present) <= set(ids)


@SETTINGS
@given(st.integers(4, 8), st.sampled_from(FIELDS), st.randoms(use_true_random=False), st.data())
def test_every_overwritten_value_is_in_a_conflicts_log(
    count: int, field: str, random, draw
) -> None:
    stores, ids = _network(count)
    values = [f"value from laptop {n}" for n in range(count)]
    for store, value in zip(stores, values, strict=True):
        store.schools.update(store.schools.get(ids[0]).model_copy(update={field: value}))
    # Different fields edited on some laptops must all survive, with no conflict.
    others = [f for f in FIELDS if f != field]
    untouched = {}
    for n, store in enumerate(stores):
        if draw.draw(st.booleans()):
            other = others[n % len(others)]
            if other not in untouched:
                untouched[other] = f"only laptop {n}"
                store.schools.update(
                    store.schools.get(ids[1]).model_copy(update={other: untouched[other]})
                )
    order = list(range(count))
    random.shuffle(order)
    _exchange_all(stores, order)
    final = getattr(stores[0].schools.get(ids[0]), field)
    assert all(getattr(store.schools.get(ids[0]), field) == final for store in stores)
    logged = {c.lost_value for store in stores for c in exchange.conflicts(store)}
    assert {v for v in values if v != final} <= logged
    for store, value in zip(stores, values, strict=True):
        if value != final:  # whoever lost their own edit can find it, and restore it, at home
            assert value in {c.lost_value for c in exchange.conflicts(store)}
    assert all(c.record_id == ids[0] for store in stores for c in exchange.conflicts(store))
    for other, value in untouched.items():
        assert all(getattr(store.schools.get(ids[1]), other) == value for store in stores)


def test_an_edit_made_before_a_deletion_survives_when_a_later_edit_brings_the_record_back() -> None:
    """Laptop 2 deletes a school that laptop 1 has just given a phone number, while laptop 0,
    not knowing of the deletion, edits its town twice (the clocks stand still, so only the
    second edit is later than the deletion and brings the school back). Whatever order the
    bundles arrive in, every laptop ends with the school, its town and its phone number: a
    laptop that deleted it keeps the versions it deleted, and merges them back in."""
    operations = [
        ("delete", 2, 0),
        ("edit", 0, 0, "town", "Ely"),
        ("edit", 1, 0, "phone", "01480 123456"),
        ("edit", 0, 0, "town", "St Ives"),
    ]
    for order in list(itertools.permutations(range(4)))[::4]:  # six of the 24 orders
        stores, ids = _network(4)
        for op in operations:
            _run(stores, ids, op)
        _exchange_all(stores, list(order))
        for store in stores:
            school = store.schools.get(ids[0])
            assert (school.town, school.phone) == ("St Ives", "01480 123456"), order
