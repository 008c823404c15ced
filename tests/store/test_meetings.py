"""Meetings in the store: planning and cadence, agendas, attendance, actions and the board."""

from __future__ import annotations

from datetime import date, time

import pytest

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import demo_id, head_id, network_id
from store.enums import ActionStatus, AttendanceStatus, MeetingKind, NetworkKind
from store.meetings import actions, agenda, attendance, board, planning
from store.meetings.planning import MeetingRefused, MeetingTimes
from store.membership.health import network_health
from store.models import ActionPlan, Network


def _network(store: Store, kind: NetworkKind = NetworkKind.NETWORK) -> str:
    return store.networks.add(Network(name="Test Network", kind=kind)).id


def _plan(store: Store, network: str, day: date, title: str = "SLG") -> str:
    return planning.plan_meeting(
        store, network_id=network, title=title, kind=MeetingKind.SLG,
        times=MeetingTimes(day, "09:30", "11:30"), place="Hall",
    ).id  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", time(9, 30)),
        ("09:30", time(9, 30)),
        ("0930", time(9, 30)),
        ("2pm", time(14)),
        ("2.30pm", time(14, 30)),
        ("12am", time(0)),
        ("16", time(16)),
    ],  # fmt: skip
)
def test_times_are_read_as_people_write_them(text: str, expected: time) -> None:
    assert planning.parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "9:7", "soon", "9:60"])
def test_a_time_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(MeetingRefused):
        planning.parse_time(text)


def test_a_meeting_ending_before_it_starts_is_refused(store: Store) -> None:
    network = _network(store)
    with pytest.raises(MeetingRefused, match="must end after it starts"):
        planning.plan_meeting(
            store, network_id=network, title="SLG", kind=MeetingKind.SLG,
            times=MeetingTimes(date(2026, 10, 1), "11:00", "10:00"),
        )  # fmt: skip


def test_cadence_counts_held_and_planned_but_not_cancelled_meetings(store: Store) -> None:
    network = _network(store)
    days = [date(2026, month, 10) for month in (9, 10, 11, 12)] + [date(2027, 1, 10)]
    ids = [_plan(store, network, day) for day in days]
    assert str(planning.cadence(store, network, "2026/27", date(2026, 11, 23))) == (
        "5 of 6 held or planned in 2026/27"
    )
    planning.cancel(store, ids[0])
    found = planning.cadence(store, network, "2026/27", date(2026, 11, 23))
    assert found.counted == 4
    assert found.reachable
    assert found.warning == "Plan 2 more to meet the rule of 6 a year."


def test_a_year_that_can_no_longer_reach_six_is_warned_of(store: Store) -> None:
    network = _network(store)
    _plan(store, network, date(2026, 3, 1))
    _plan(store, network, date(2026, 5, 1))
    over = planning.cadence(store, network, "2025/26", date(2026, 11, 23))
    assert not over.reachable
    assert over.warning.startswith("2025/26 can no longer reach 6: 4 more would be needed")
    late = planning.cadence(store, network, "2025/26", date(2026, 6, 15))  # Jul, Aug left
    assert not late.reachable and late.months_left == 2


def test_only_led_networks_and_the_board_have_the_six_a_year_rule(store: Store) -> None:
    partnership = _network(store, NetworkKind.CROSS_SECTOR_PARTNERSHIP)
    _plan(store, partnership, date(2026, 10, 1))
    found = planning.cadence(store, partnership, "2026/27", date(2026, 11, 23))
    assert (str(found), found.warning) == ("1 meeting held or planned in 2026/27", "")


def test_listing_and_years_follow_the_academic_year(store: Store) -> None:
    network = _network(store)
    _plan(store, network, date(2026, 8, 31), "Last of 2025/26")
    _plan(store, network, date(2026, 9, 1), "First of 2026/27")
    assert [m.title for m in planning.listing(store, network, "2026/27")] == ["First of 2026/27"]
    assert planning.years(store, network) == ["2026/27", "2025/26"]


def test_build_an_agenda_and_reorder_it(store: Store) -> None:
    meeting = _plan(store, _network(store), date(2026, 12, 1))
    first = agenda.add_item(store, meeting, title="Welcome", minutes=5)
    second = agenda.add_item(store, meeting, title="Data", minutes=30)
    third = agenda.add_item(store, meeting, title="AOB")
    agenda.move_item(store, third.id, "up")
    assert [i.title for i in agenda.items(store, meeting)] == ["Welcome", "AOB", "Data"]
    with pytest.raises(MeetingRefused, match="already at the top"):
        agenda.move_item(store, first.id, "up")
    agenda.remove_item(store, first.id)
    assert [(i.title, i.position) for i in agenda.items(store, meeting)] == [
        ("AOB", 0),
        ("Data", 1),
    ]
    agenda.edit_item(store, second.id, title="Network data", lead_id=None, minutes=25)
    agenda.save_item_notes(store, second.id, "Reading is a strength.")
    assert store.agenda_items.get(second.id).notes == "Reading is a strength."


def test_a_deputy_must_be_named_and_attendance_is_one_record_per_person(store: Store) -> None:
    load_demo(store)
    meeting = _plan(store, network_id("cov-north"), date(2026, 12, 31))
    seats = attendance.seats(store, meeting)
    assert [s.school for s in seats] == sorted(s.school for s in seats)
    head = seats[0]
    assert head.person_id is not None
    with pytest.raises(MeetingRefused, match="Name the deputy"):
        attendance.record(store, meeting, head.person_id, AttendanceStatus.DEPUTY)
    attendance.record(store, meeting, head.person_id, AttendanceStatus.DEPUTY,
                      school_id=head.school_id, deputy_name="Sam Patel, deputy head")  # fmt: skip
    attendance.record(store, meeting, head.person_id, AttendanceStatus.PRESENT)
    (only,) = store.attendances.where(meeting_id=meeting)
    assert (only.status, only.deputy_name) == (AttendanceStatus.PRESENT, "")


def test_three_meetings_missed_running_with_no_deputy_is_a_health_finding(store: Store) -> None:
    load_demo(store)
    findings = [str(f) for f in network_health(store, network_id("cov-south"), date(2026, 11, 23))]
    assert (
        "Attendance: Neil Foster, head of Binley Park Primary, has missed 3 leadership group"
        " meetings running without sending a deputy with decision-making authority."
    ) in findings
    # Sending a deputy to the latest meeting breaks the run.
    latest = demo_id("meeting", "cov-south", "2026-11-17")
    attendance.record(store, latest, head_id("binley-park"), AttendanceStatus.DEPUTY,
                      deputy_name="Deputy head teacher")  # fmt: skip
    findings = [f.rule for f in network_health(store, network_id("cov-south"), date(2026, 11, 23))]
    assert "Attendance" not in findings


def test_actions_list_filters_by_network_owner_status_and_overdue(store: Store) -> None:
    load_demo(store)
    today = date(2026, 11, 23)
    everything = actions.listing(store, actions.ActionFilter(), today)
    mine = actions.listing(store, actions.ActionFilter(owner_id=head_id("houghton")), today)
    assert mine and all(row.action.owner_id == head_id("houghton") for row in mine)
    overdue = actions.listing(store, actions.ActionFilter(overdue=True), today)
    assert overdue and all(row.overdue(today) for row in overdue)
    assert len(overdue) < len(everything)
    north = actions.listing(store, actions.ActionFilter(network_id=network_id("cov-north")), today)
    assert {row.network for row in north} == {"Coventry North Primary Network"}
    origins = {row.origin.split(" ")[0] for row in everything}
    assert {"Meeting", "Plan:", "Review"} <= origins
    done = actions.set_status(store, overdue[0].action.id, ActionStatus.DONE)
    assert done.status == ActionStatus.DONE
    again = actions.listing(store, actions.ActionFilter(overdue=True), today)
    assert len(again) == len(overdue) - 1


def test_the_board_ratifies_plans_of_the_networks_it_oversees(store: Store) -> None:
    load_demo(store)
    meeting = demo_id("meeting", "improvement-board", "2027-01-28")
    # The demo has each network's 2025/26 plan too (the plans area); this year's are these.
    choices = [c for c in board.plans_before(store, meeting) if c.plan.academic_year == "2026/27"]
    assert [c.network for c in choices] == [
        "Coventry East Primary Network", "Coventry North Primary Network",
        "Coventry South Primary Network",
    ]  # fmt: skip
    north = choices[1].plan.id
    with pytest.raises(MeetingRefused, match="Say why"):
        board.record_scrutiny(store, meeting, north, ratified=False, on=date(2027, 1, 28))
    board.record_scrutiny(store, meeting, north, ratified=True, on=date(2027, 1, 28),
                          comments="Targets now measurable.")  # fmt: skip
    record = board.scrutinies_of(store, north)
    assert [(s.ratified, s.scrutinised_on) for s in record] == [
        (True, date(2027, 1, 28)), (False, date(2026, 10, 1)),
    ]  # fmt: skip
    other = store.action_plans.add(
        ActionPlan(network_id=network_id("hunts"), academic_year="2026/27")
    )
    with pytest.raises(MeetingRefused, match="not one this board oversees"):
        board.record_scrutiny(store, meeting, other.id, ratified=True, on=date(2027, 1, 28))


def test_board_seats_are_the_network_leads(store: Store) -> None:
    load_demo(store)
    meeting = demo_id("meeting", "improvement-board", "2026-11-26")
    assert [(s.person, s.school) for s in attendance.seats(store, meeting)] == [
        ("Lucy Adams", "Coventry East Primary Network"),
        ("Janet Hughes", "Coventry North Primary Network"),
        ("Helen Carter", "Coventry South Primary Network"),
    ]


def test_sharing_the_agenda_and_minutes_records_the_day(store: Store) -> None:
    meeting = _plan(store, _network(store), date(2026, 12, 1))
    planning.mark_shared(store, meeting, "agenda", date(2026, 11, 24))
    planning.mark_shared(store, meeting, "minutes", date(2026, 12, 3))
    saved = store.meetings.get(meeting)
    assert (saved.agenda_shared_on, saved.notes_shared_on) == (
        date(2026, 11, 24),
        date(2026, 12, 3),
    )


def test_a_meetings_bundle_carries_its_agenda_attendance_actions_and_scrutinies(
    store: Store,
) -> None:
    from store.sharing.bundle import Scope, build

    load_demo(store)
    meeting = demo_id("meeting", "improvement-board", "2026-10-01")
    records = build(store, Scope("meeting", meeting, "board"))["records"]
    assert [r["id"] for r in records["meetings"]] == [meeting]
    for table in ("agenda_items", "attendances", "actions", "plan_scrutinies"):
        assert records[table] and all(r["meeting_id"] == meeting for r in records[table])
    assert len(records["plan_scrutinies"]) == 3
