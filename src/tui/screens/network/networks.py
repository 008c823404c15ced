"""Networks: every network in use with its kind, phase, size and health; enter opens its page.
Archived networks are out of the way until asked for, and can be brought back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from store.dashboard import NetworkSummary
from store.membership import networks, running
from store.membership.health import Finding, all_network_health, network_health, open_findings
from store.models import Person
from tui.formatting import plain, uk_date
from tui.screens.base import AreaScreen
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.form import ask
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_form import NetworkDraft, NetworkFormScreen


def health_badge(findings: list[Finding]) -> Text:
    """How a network stands by the rules: what is left to act on, or that it is answered."""
    left = len(open_findings(findings))
    if left:
        return Text(f"⚠ {left} finding{'s' if left != 1 else ''}", style="bold yellow")
    if findings:
        return Text("✓ findings answered", style="green")
    return Text("✓ meets the rules", style="green")


class NetworksScreen(AreaScreen):
    """The list of networks."""

    SHOWS = frozenset(
        {"networks", "memberships", "schools", "meetings", "people", "health_answers"}
    )
    BINDINGS = [
        Binding("a", "add", "Create"),
        Binding("e", "edit", "Edit"),
        Binding("d", "archive", "Archive"),
        Binding("d", "unarchive", "Bring back"),
        Binding("z", "show_archived", "Show archived"),
        Binding("z", "hide_archived", "Hide archived"),
    ]

    showing_archived = False

    def __init__(self) -> None:
        super().__init__()
        self._archived: set[str] = set()  # ids of the archived networks listed

    def compose_body(self) -> ComposeResult:
        """A hint and the table."""
        yield Static(
            "Enter opens a network; a creates one, e edits the one under the cursor, d archives"
            " one that has stopped (z shows archived ones, to bring one back). Health: the"
            " organisation rules every network agrees to.",
            id="hint",
        )
        yield DataTable(id="networks", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, rows, focus."""
        self.sub_title = "Networks"
        self.table.add_columns("Network", "Kind", "Phase", "Area", "Schools", "Health")
        self.refresh_rows()
        self.table.focus()

    def refresh_data(self) -> None:
        """Networks, members or meetings changed: show the figures again."""
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Read every network and its health."""
        store = self.store
        health = all_network_health(store)
        table = self.table
        cursor = table.cursor_row
        table.clear()
        self._archived.clear()
        for summary in store.dashboard.networks(archived=self.showing_archived):
            table.add_row(
                *self._row(summary, health.get(summary.network_id)), key=summary.network_id
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.refresh_bindings()

    def _row(self, summary: NetworkSummary, findings: list[Finding] | None) -> list[Text | str]:
        if summary.archived_on is not None:
            self._archived.add(summary.network_id)
            badge = Text(f"archived {uk_date(summary.archived_on)}", style="dim")
        else:
            badge = health_badge(findings or [])
        return [
            plain(summary.name),
            summary.kind.label,
            summary.phase.label if summary.phase else "",
            plain(summary.area),
            Text(str(summary.members), justify="right"),
            badge,
        ]

    @on(DataTable.RowSelected, "#networks")
    def open_network(self, event: DataTable.RowSelected) -> None:
        """Open the chosen network's page."""
        self.app.push_screen(NetworkScreen(str(event.row_key.value)))

    @on(DataTable.RowHighlighted, "#networks")
    def row_moved(self) -> None:
        """Archive or Bring back, whichever the network under the cursor allows."""
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show the one of each pair of keys that applies now."""
        if action in ("show_archived", "hide_archived"):
            return self.showing_archived == (action == "hide_archived")
        if action in ("archive", "unarchive"):
            current = self._current()
            if current is None:
                return action == "archive"
            return (current in self._archived) == (action == "unarchive")
        return True

    def _current(self) -> str | None:
        table = self.table
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_add(self) -> None:
        """Create a network; its page opens once it is saved."""
        year = running.this_year(self.store)
        added: list[Person] = []

        def create(draft: NetworkDraft) -> None:
            saved = networks.create_network(
                self.store, draft.network, people=draft.people, funding=draft.funding
            )
            self.app.push_screen(NetworkScreen(saved.id))

        people = self._me()
        form = lambda: NetworkFormScreen(people=people, year=year, added=added)  # noqa: E731
        ask(self, form, create, lambda d: f"Created {d.network.name}.")

    def action_edit(self) -> None:
        """Edit the network under the cursor: every field, leaders and this year's funding."""
        network_id = self._current()
        if network_id is None:
            self.notify("There is no network yet: a creates one.")
            return
        store = self.store
        network = store.networks.get(network_id)
        schools = [member.school for member in store.networks.members(network_id)]
        people = running.people_of(store, network)
        people += [me for me in self._me() if me.id not in {p.id for p in people}]
        year = running.this_year(store)
        recorded = running.funding_for(store, network_id, year)
        funding = recorded.amount if recorded else None
        added: list[Person] = []

        def save(draft: NetworkDraft) -> None:
            networks.update_network(
                self.store, draft.network, people=draft.people, funding=draft.funding
            )

        form = lambda: NetworkFormScreen(  # noqa: E731
            network, schools, people, year=year, funding=funding, added=added
        )
        ask(self, form, save, lambda d: f"Saved {d.network.name}.", based_on=network)

    def _me(self) -> list[Person]:
        """The signed-in user's person record: who creates a network often leads it."""
        profile = self.store.profile
        me = self.store.people.find(profile.person_id) if profile and profile.person_id else None
        return [me] if me else []

    def action_archive(self) -> None:
        """Archive the network under the cursor, once the user says yes."""
        network_id = self._current()
        if network_id is None:
            self.notify("There is no network yet: a creates one.")
            return
        network = self.store.networks.get(network_id)
        left = len(open_findings(network_health(self.store, network_id)))

        def answered(yes: bool | None) -> None:
            if yes:
                running.archive_network(self.store, network_id)
                self.notify(f"Archived {network.name}. z shows archived networks.", markup=False)
                self.announce_changes()

        detail = (
            "It leaves Home, this list and the health check. Nothing it recorded is deleted,"
            " and z then d brings it back."
        )
        if left:
            detail += f" It has {left} health finding{'s' if left != 1 else ''} open."
        self.app.push_screen(
            ConfirmScreen(f"Archive {network.name}?", detail, yes="Archive"), answered
        )

    def action_unarchive(self) -> None:
        """Bring the archived network under the cursor back into use."""
        network_id = self._current()
        if network_id is None:
            return
        network = running.unarchive_network(self.store, network_id)
        self.notify(f"{network.name} is back in use.", markup=False)
        self.announce_changes()

    def action_show_archived(self) -> None:
        """List archived networks too."""
        self.showing_archived = True
        self.refresh_rows()

    def action_hide_archived(self) -> None:
        """List only the networks in use."""
        self.showing_archived = False
        self.refresh_rows()

    @property
    def table(self) -> DataTable[object]:
        """The networks table."""
        return self.query_one("#networks", DataTable)
