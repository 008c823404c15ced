"""Everything that can be added can be changed: people, case studies, support, projects,
proposed moves and actions; deletes leave tombstones and a held record says what holds it."""

from __future__ import annotations

from datetime import date

import pytest

from store import Store, StoreError
from store.enums import (
    ActionStatus,
    CaseStudyStatus,
    MembershipStatus,
    MoveKind,
    MoveStatus,
    PersonRole,
)
from store.errors import RecordInUse
from store.meetings import actions
from store.membership import joining, records
from store.membership.schools import SchoolInUse, delete_school
from store.models import (
    Action,
    CaseStudy,
    Membership,
    Network,
    PartnershipProject,
    PeerReview,
    Person,
    ProjectPartner,
    School,
    SupportExchange,
)


def _tombstoned(store: Store, table: str, record_id: str) -> bool:
    sql = "SELECT count(*) FROM tombstones WHERE table_name = ? AND record_id = ?"
    return bool(store.db.execute(sql, [table, record_id]).fetchone()[0])


@pytest.fixture
def hunts(store: Store) -> tuple[Network, School, School]:
    network = store.networks.add(Network(name="Hunts Area Primary Partnership"))
    a = store.schools.add(School(name="St Mary's"))
    b = store.schools.add(School(name="Wyton"))
    for school in (a, b):
        store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status=MembershipStatus.ACTIVE)
        )
    return network, a, b


def test_a_person_is_edited_field_by_field_and_deleted_with_a_tombstone(store: Store) -> None:
    person = store.people.add(Person(name="Ann Lee", email="ann@school.org.uk"))
    edited = records.update_person(store, person.id, {"role": PersonRole.REVIEWER})
    assert (edited.name, edited.role, edited.email) == ("Ann Lee", "reviewer", "ann@school.org.uk")
    assert set(edited.field_clock) == {"role"}  # only what changed travels as a change
    with pytest.raises(StoreError, match="needs a name"):
        records.update_person(store, person.id, {"name": "  "})
    with pytest.raises(StoreError, match="email"):
        records.update_person(store, person.id, {"email": "not an address"})
    records.delete_person(store, person.id)
    assert store.people.find(person.id) is None and _tombstoned(store, "people", person.id)


def test_a_person_who_leads_and_owns_actions_is_not_deleted(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, _, _ = hunts
    person = store.people.add(Person(name="Ann Lee"))
    store.networks.update(network.model_copy(update={"lead_id": person.id}))
    for words in ("Share the phonics audit", "Book the twilight"):
        store.actions.add(Action(description=words, owner_id=person.id))
    with pytest.raises(RecordInUse) as refused:
        records.delete_person(store, person.id)
    assert str(refused.value) == (
        "Ann Lee leads Hunts Area Primary Partnership and owns 2 actions: hand those on first,"
        " then delete Ann Lee."
    )
    assert store.people.find(person.id) is not None


def test_a_case_study_moves_through_its_year_and_is_deleted(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    _, school, _ = hunts
    study = store.case_studies.add(
        CaseStudy(school_id=school.id, academic_year="2026/27", title="Reading")
    )
    edited = records.update_case_study(store, study.id, {"title": "Early reading", "impact": "Up"})
    assert (edited.title, edited.impact, edited.status) == ("Early reading", "Up", "planned")
    steps = [records.next_case_study_status(store, study.id).status for _ in range(4)]
    assert steps == [
        CaseStudyStatus.DRAFTING,
        CaseStudyStatus.SUBMITTED,
        CaseStudyStatus.PUBLISHED,
        CaseStudyStatus.PLANNED,
    ]
    records.delete_case_study(store, study.id)
    assert _tombstoned(store, "case_studies", study.id)


def test_support_is_edited_but_never_given_to_the_giver(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, a, b = hunts
    exchange = store.support_exchanges.add(
        SupportExchange(
            network_id=network.id,
            giver_school_id=a.id,
            receiver_school_id=b.id,
            hours=3,
            occurred_on=date(2026, 10, 1),
        )
    )
    assert records.update_support(store, exchange.id, {"hours": 4.5}).hours == 4.5
    with pytest.raises(StoreError, match="cannot support itself"):
        records.update_support(store, exchange.id, {"receiver_school_id": a.id})
    with pytest.raises(StoreError, match="above 0"):
        records.update_support(store, exchange.id, {"hours": 0})
    records.delete_support(store, exchange.id)
    assert _tombstoned(store, "support_exchanges", exchange.id)


def test_a_project_records_pupils_reached_and_its_partners_change(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, a, b = hunts
    project = store.partnership_projects.add(
        PartnershipProject(network_id=network.id, title="Year 10 enterprise")
    )
    old = store.project_partners.add(ProjectPartner(project_id=project.id, school_id=a.id))
    edited = records.update_project(store, project.id, {"pupils_reached": 40}, partners=[b.id])
    assert edited.pupils_reached == 40
    assert [p.school_id for p in store.project_partners.where(project_id=project.id)] == [b.id]
    assert _tombstoned(store, "project_partners", old.id)
    with pytest.raises(StoreError, match="end before it starts"):
        records.update_project(
            store, project.id, {"starts_on": date(2026, 9, 1), "ends_on": date(2026, 7, 1)}
        )
    with pytest.raises(StoreError, match="pupils reached"):
        records.update_project(store, project.id, {"pupils_reached": -1})
    records.delete_project(store, project.id)
    assert store.project_partners.count(project_id=project.id) == 0
    assert _tombstoned(store, "partnership_projects", project.id)


def test_a_proposed_move_is_edited_withdrawn_and_then_final(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, school, _ = hunts
    move = joining.propose_move(
        store, network.id, school.id, MoveKind.LEAVE, reason="Joining a trust", on=date(2026, 11, 1)
    )
    edited = joining.update_move(store, move.id, {"reason": "Joining a trust in Ely"})
    assert edited.reason == "Joining a trust in Ely"
    withdrawn = joining.withdraw_move(store, move.id, by="Ann Lee", on=date(2026, 11, 2))
    assert (withdrawn.status, withdrawn.ratified_by) == (MoveStatus.WITHDRAWN, "Ann Lee")
    with pytest.raises(joining.MembershipStepRefused, match="already withdrawn"):
        joining.ratify_move(store, move.id, by="Leads", on=date(2026, 11, 3))
    with pytest.raises(joining.MembershipStepRefused, match="already withdrawn"):
        joining.update_move(store, move.id, {"reason": "x"})


def test_no_step_is_dated_in_the_future(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, school, _ = hunts
    tomorrow = date(2026, 11, 24)  # the tests' today is 23 Nov 2026
    move = joining.propose_move(
        store, network.id, school.id, MoveKind.LEAVE, reason="Moving", on=date(2026, 11, 1)
    )
    for step in (joining.ratify_move, joining.reject_move, joining.withdraw_move):
        with pytest.raises(joining.MembershipStepRefused, match="cannot be dated in the future"):
            step(store, move.id, by="Leads", on=tomorrow)
    other = store.schools.add(School(name="Ely"))
    membership = joining.nominate(
        store, network.id, other.id, nominated_by="Ann", on=date(2026, 11, 1)
    )
    joining.accept(store, membership.id, head="Head", on=date(2026, 11, 2))
    with pytest.raises(joining.MembershipStepRefused, match="An approval cannot be dated"):
        joining.approve(store, membership.id, chair="Chair", on=tomorrow)
    assert joining.approve(store, membership.id, chair="Chair", on=date(2026, 11, 23)).status == (
        MembershipStatus.ACTIVE
    )


def test_an_action_steps_through_open_in_progress_done(store: Store) -> None:
    action = store.actions.add(Action(description="Audit phonics"))
    steps = [actions.next_status(store, action.id).status for _ in range(3)]
    assert steps == [ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.OPEN]


def test_a_held_school_says_what_holds_it_and_where_to_go(
    store: Store, hunts: tuple[Network, School, School]
) -> None:
    network, school, _ = hunts
    made = [
        store.peer_reviews.add(
            PeerReview(
                network_id=network.id,
                host_school_id=school.id,
                academic_year="2026/27",
                starts_on=date(2026, 10, day),
            )
        )
        for day in (7, 21)
    ]
    with pytest.raises(SchoolInUse) as refused:
        delete_school(store, school.id)
    assert str(refused.value) == (
        "St Mary's is in Hunts Area Primary Partnership and has 2 reviews: it cannot be deleted"
        " while they name it."
    )
    assert [(p.kind, p.record_id, p.label) for p in refused.value.places] == [
        ("network", network.id, "Hunts Area Primary Partnership"),
        ("review", made[0].id, "Review of 7 Oct 2026"),
        ("review", made[1].id, "Review of 21 Oct 2026"),
    ]
    lone = store.schools.add(School(name="Lone"))
    delete_school(store, lone.id)
    assert _tombstoned(store, "schools", lone.id)
