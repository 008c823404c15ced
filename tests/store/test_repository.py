"""Adding, reading, updating and deleting records through the typed repositories."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from store import Store
from store.errors import DuplicateValue, InvalidReference, RecordInUse, RecordNotFound
from store.models import Membership, Network, School, UserProfile

from ..conftest import FROZEN_NOW


def test_add_stamps_times_and_author(store: Store) -> None:
    store.save_profile(UserProfile(name="Sam Patel"))
    school = store.schools.add(School(name="Houghton Primary School", urn="110000"))
    assert school.created_at == school.updated_at
    assert school.created_at > FROZEN_NOW
    assert school.created_by == "Sam Patel"
    assert store.schools.get(school.id) == school


def test_update_bumps_updated_at_only(store: Store) -> None:
    school = store.schools.add(School(name="Houghton"))
    changed = store.schools.update(school.model_copy(update={"town": "Houghton"}))
    reread = store.schools.get(school.id)
    assert reread.town == "Houghton"
    assert reread.created_at == school.created_at
    assert reread.updated_at == changed.updated_at > school.updated_at


def test_delete_leaves_a_tombstone(store: Store) -> None:
    school = store.schools.add(School(name="Houghton"))
    store.schools.delete(school.id)
    assert store.schools.find(school.id) is None
    rows = list(store.db.query("SELECT table_name, record_id FROM tombstones"))
    assert rows == [{"table_name": "schools", "record_id": school.id}]


def test_get_of_missing_record_says_so(store: Store) -> None:
    with pytest.raises(RecordNotFound, match="No schools record has id"):
        store.schools.get("11111111-1111-4111-8111-111111111111")


def test_duplicate_urn_is_refused_in_plain_words(store: Store) -> None:
    store.schools.add(School(name="One", urn="123456"))
    with pytest.raises(DuplicateValue, match="Another school already has urn 123456."):
        store.schools.add(School(name="Two", urn="123456"))
    assert store.schools.count() == 1


def test_reference_to_missing_record_is_refused(store: Store) -> None:
    school = store.schools.add(School(name="One"))
    with pytest.raises(InvalidReference):
        store.memberships.add(
            Membership(network_id="11111111-1111-4111-8111-111111111111", school_id=school.id)
        )
    assert store.memberships.count() == 0


def test_record_in_use_cannot_be_deleted(store: Store) -> None:
    school = store.schools.add(School(name="One"))
    network = store.networks.add(Network(name="Hunts"))
    store.memberships.add(Membership(network_id=network.id, school_id=school.id, status="active"))
    with pytest.raises(RecordInUse):
        store.schools.delete(school.id)
    assert store.schools.find(school.id) is not None
    assert store.db.execute("SELECT count(*) FROM tombstones").fetchone()[0] == 0


def test_where_and_count_filter_by_columns(store: Store) -> None:
    store.schools.add(School(name="B", town="Huntingdon"))
    store.schools.add(School(name="A", town="Huntingdon"))
    store.schools.add(School(name="C", town="Coventry"))
    assert [s.name for s in store.schools.where(town="Huntingdon")] == ["A", "B"]
    assert store.schools.count(town="Coventry") == 1
    with pytest.raises(ValueError):
        store.schools.where(no_such_column=1)


def test_json_and_date_fields_round_trip(store: Store) -> None:
    network = store.networks.add(
        Network(name="Hunts", terms_of_reference={"finance": "£2,000 a year", "meetings": "6"})
    )
    assert store.networks.get(network.id).terms_of_reference == {
        "finance": "£2,000 a year",
        "meetings": "6",
    }
    school = store.schools.add(School(name="A", ofsted_date=date(2023, 3, 15)))
    assert store.schools.get(school.id).ofsted_date == date(2023, 3, 15)


@pytest.mark.parametrize("urn", ["12345", "1234567", "12a456"])
def test_models_refuse_a_malformed_urn(urn: str) -> None:
    with pytest.raises(ValidationError, match="six digits"):
        School(name="A", urn=urn)


def test_members_lists_active_schools_by_name(store: Store) -> None:
    network = store.networks.add(Network(name="Hunts"))
    for name, status in [("Wyton", "active"), ("Abbots Ripton", "active"), ("Left", "left")]:
        school = store.schools.add(School(name=name))
        store.memberships.add(Membership(network_id=network.id, school_id=school.id, status=status))
    assert [m.school.name for m in store.networks.members(network.id)] == ["Abbots Ripton", "Wyton"]
    assert len(store.networks.members(network.id, active_only=False)) == 3


def test_update_stamps_only_the_changed_fields(store: Store) -> None:
    school = store.schools.add(School(name="Houghton", town="Huntingdon"))
    assert school.field_clock == {}
    changed = store.schools.update(school.model_copy(update={"town": "Houghton"}))
    [(field, (at, replaced))] = changed.field_clock.items()
    assert field == "town"
    assert replaced == school.created_at.isoformat().replace("+00:00", "Z")
    assert at > replaced
    assert store.schools.get(school.id).field_clock == changed.field_clock


def test_saving_without_changes_stamps_nothing(store: Store) -> None:
    school = store.schools.add(School(name="Houghton"))
    assert store.schools.update(school) == school
    assert store.schools.get(school.id).updated_at == school.updated_at


def test_a_local_edit_is_stamped_after_a_value_from_a_faster_clock(store: Store) -> None:
    school = store.schools.add(School(name="Houghton"))
    future = "2099-01-01T00:00:00.000000Z"
    store.db.execute(
        "UPDATE schools SET field_clock = ? WHERE id = ?",
        [f'{{"town": ["{future}", ""]}}', school.id],
    )
    edited = store.schools.update(store.schools.get(school.id).model_copy(update={"town": "Ely"}))
    assert edited.field_clock["town"] == ("2099-01-01T00:00:00.000001Z", future)
