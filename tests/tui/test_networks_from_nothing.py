"""A head on an empty database creates a network, then changes it, by keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from store import Store
from store.enums import CapacityFinding, MembershipStatus, NetworkPhase
from store.membership import networks, running
from store.models import Membership, Network, School
from tui.app import SchoolnetApp
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.network.answer_form import AnswerFindingScreen
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_form import NetworkFormScreen
from tui.screens.network.networks import NetworksScreen
from tui.screens.network.record_forms import PersonScreen

from ..conftest import TickingClock
from .conftest import type_text


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A database with nothing in it, as on a head's first day."""
    store = Store.open(tmp_path / "empty.db", clock=TickingClock())
    yield store
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_create_a_network_on_an_empty_database_then_edit_it(
    empty_store: Store, size: tuple[int, int]
) -> None:
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")  # on an empty database, Home's n creates the first network
        await pilot.pause()
        assert isinstance(app.screen, NetworkFormScreen)
        await type_text(pilot, "Fenland Cluster")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Fenland")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        [network] = empty_store.networks.all()
        assert (network.name, network.area, network.review_target) == (
            "Fenland Cluster",
            "Fenland",
            None,  # no target is imposed on a network that has not set one
        )

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NetworksScreen)
        assert app.screen.query_one("#networks", DataTable).row_count == 1
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        form.query_one("#review_target", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_store.networks.get(network.id).review_target == 6


async def test_a_second_network_of_the_same_name_is_refused_and_kept(empty_store: Store) -> None:
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("n", "a"):  # Home's first step, then Networks' own key
            await pilot.press(key)
            await pilot.pause()
            await type_text(pilot, "Fenland Cluster")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.pause()
            if isinstance(app.screen, NetworkScreen):
                await pilot.press("escape")
                await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        assert form.query_one("#name", Input).value == "Fenland Cluster"
        error = str(form.query_one("#form-error", Static).render())
        assert error == "There is already a network called Fenland Cluster."
        assert empty_store.networks.count() == 1


async def test_a_network_with_phase_funding_and_a_lead_added_on_the_spot_is_archived_and_back(
    empty_store: Store,
) -> None:
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Fenland Cluster")
        await pilot.press("tab", "tab", "enter", "down", "down", "enter")  # phase: Primary
        await pilot.press("tab")
        await type_text(pilot, "Fenland")
        await pilot.press("tab", "tab")
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "12,000")
        await pilot.press("tab", "enter", "down", "enter")  # lead: + Someone new…
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        await type_text(pilot, "Asha Khan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NetworkFormScreen)
        assert empty_store.people.count() == 0  # nothing is saved before the network is
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        [network] = empty_store.networks.all()
        assert network.phase == NetworkPhase.PRIMARY
        assert network.review_target == 8
        assert empty_store.people.get(network.lead_id or "").name == "Asha Khan"
        funding = running.funding_for(empty_store, network.id, "2026/27")
        assert funding is not None and funding.amount == Decimal("12000.00")
        title = str(app.screen.query_one("#title", Static).render())
        assert "Primary, Fenland" in title and "Funding 2026/27: £12,000.00" in title

        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#networks", DataTable)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert empty_store.networks.get(network.id).archived_on is not None
        assert table.row_count == 0  # out of the way
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query_one("#networks", DataTable).row_count == 0  # and off Home
        await pilot.press("n", "z")
        await pilot.pause()
        assert table.row_count == 1
        assert "archived" in str(table.get_row_at(0)[5])
        await pilot.press("d")  # on an archived network, d brings it back
        await pilot.pause()
        assert empty_store.networks.get(network.id).archived_on is None
        assert "finding" in str(table.get_row_at(0)[5])


async def test_a_finding_asking_for_outside_capacity_is_answered(empty_store: Store) -> None:
    network = networks.create_network(empty_store, Network(name="Six Schools"))
    for n in range(6):
        school = empty_store.schools.add(School(name=f"School {n}"))
        empty_store.memberships.add(
            Membership(network_id=network.id, school_id=school.id, status=MembershipStatus.ACTIVE)
        )
    app = SchoolnetApp(empty_store, ask_profile=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, AnswerFindingScreen)
        await pilot.press("tab")
        await type_text(pilot, "Ely Teaching School Hub gives 20 days")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
        findings = str(app.screen.query_one("#findings", Static).render())
        assert "✓ Network size" in findings
        assert "Answered: Ely Teaching School Hub gives 20 days" in findings
        [answer] = empty_store.health_answers.all()
        assert answer.finding == CapacityFinding.SIZE
