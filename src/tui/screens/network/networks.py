"""Networks: every network with its kind, size and health; enter opens its page."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from store.membership import networks
from store.membership.health import all_network_health
from store.models import Network
from tui.formatting import plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.form import ask
from tui.screens.network.network import NetworkScreen
from tui.screens.network.network_form import NetworkFormScreen


class NetworksScreen(AreaScreen):
    """The list of networks."""

    SHOWS = frozenset({"networks", "memberships", "schools", "meetings", "people"})
    BINDINGS = [Binding("a", "add", "Create"), Binding("e", "edit", "Edit")]

    def compose_body(self) -> ComposeResult:
        """A hint and the table."""
        yield Static(
            "Enter opens a network; a creates one, e edits the one under the cursor. Health: the"
            " organisation rules every network agrees to.",
            id="hint",
        )
        yield DataTable(id="networks", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, rows, focus."""
        self.sub_title = "Networks"
        self.table.add_columns("Network", "Kind", "Area", "Schools", "Health")
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
        for summary in store.dashboard.networks():
            findings = health[summary.network_id]
            badge = (
                Text(
                    f"⚠ {len(findings)} finding{'s' if len(findings) != 1 else ''}",
                    style="bold yellow",
                )
                if findings
                else Text("✓ meets the rules", style="green")
            )
            table.add_row(
                plain(summary.name),
                summary.kind.label,
                plain(summary.area),
                Text(str(summary.members), justify="right"),
                badge,
                key=summary.network_id,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    @on(DataTable.RowSelected, "#networks")
    def open_network(self, event: DataTable.RowSelected) -> None:
        """Open the chosen network's page."""
        self.app.push_screen(NetworkScreen(str(event.row_key.value)))

    def action_add(self) -> None:
        """Create a network; its page opens once it is saved."""

        def create(network: Network) -> None:
            saved = networks.create_network(self.store, network)
            self.app.push_screen(NetworkScreen(saved.id))

        ask(self, NetworkFormScreen, create, lambda n: f"Created {n.name}.")

    def action_edit(self) -> None:
        """Edit the network under the cursor: name, kind, area, target and leaders."""
        table = self.table
        if table.row_count == 0:
            self.notify("There is no network yet: a creates one.")
            return
        network_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        network = self.store.networks.get(network_id)
        schools = [member.school for member in self.store.networks.members(network_id)]
        people = self.store.people.at_schools(school.id for school in schools)

        def save(edited: Network) -> None:
            networks.update_network(self.store, edited)

        form = lambda: NetworkFormScreen(network, schools, people)  # noqa: E731
        ask(self, form, save, lambda n: f"Saved {n.name}.")

    @property
    def table(self) -> DataTable[object]:
        """The networks table."""
        return self.query_one("#networks", DataTable)
