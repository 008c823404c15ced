"""The figures behind the home dashboard."""

from __future__ import annotations

from datetime import date

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from store.membership.health import all_network_health


def test_network_summaries_on_the_demo_data(store: Store) -> None:
    load_demo(store)
    summaries = {s.name: s for s in store.dashboard.networks(date(2026, 11, 23))}
    hunts = summaries["Hunts Area Primary Partnership"]
    assert hunts.members == 8
    assert hunts.next_meeting is not None and hunts.next_meeting.date() == date(2027, 1, 20)
    assert hunts.reviews_in_progress == 4
    assert hunts.open_actions == store.actions.count(network_id=hunts.network_id, status="open") + (
        store.actions.count(network_id=hunts.network_id, status="in_progress")
    )
    assert summaries["Coventry North Primary Network"].members == 4


def test_next_meeting_is_none_when_nothing_is_planned(store: Store) -> None:
    load_demo(store)
    later = {s.name: s for s in store.dashboard.networks(date(2027, 8, 1))}
    assert later["Hunts Area Primary Partnership"].next_meeting is None


def test_open_actions_for_the_demo_head_soonest_first(store: Store) -> None:
    load_demo(store)
    actions = store.dashboard.open_actions_for(DEMO_PROFILE.person_id or "")
    assert actions, "the demo head owns open actions"
    dues = [a.due_on for a in actions]
    assert dues == sorted(dues)
    assert all(a.status in ("open", "in_progress") for a in actions)


def test_home_reads_every_figure_in_one_call(store: Store) -> None:
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    today = date(2026, 11, 23)
    home = store.dashboard.home(today)
    assert home.today == today
    assert home.networks == store.dashboard.networks(today)
    assert home.health == all_network_health(store, today)
    assert home.my_actions == store.dashboard.open_actions_for(DEMO_PROFILE.person_id or "")
    assert home.my_actions


def test_home_lists_no_actions_without_a_linked_person(store: Store) -> None:
    load_demo(store)
    store.save_profile(DEMO_PROFILE.model_copy(update={"person_id": None}))
    assert store.dashboard.home().my_actions == []
