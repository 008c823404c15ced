"""Actions: one list of every action, from meetings, plans and review workshops."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Checkbox, DataTable, Select, Static

from store import StoreError
from store.enums import ActionStatus
from store.meetings import actions
from store.meetings.actions import ActionFilter
from tui.formatting import options, plain, uk_date
from tui.screens.base import AreaScreen

ME = "__me__"
OPEN = "__open__"


class ActionsScreen(AreaScreen):
    """Every action, filtered by network, owner, status and overdue; status changes here."""

    SHOWS = frozenset({"actions", "people", "networks"})
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("d", "status('done')", "Done"),
        Binding("g", "status('in_progress')", "In progress"),
        Binding("o", "status('open')", "Reopen"),
        # Not x or m: those are Sharing and Meetings, from every screen.
        Binding("k", "status('dropped')", "Drop"),
        Binding("y", "mine", "My actions"),
    ]

    def __init__(self, network_id: str | None = None, *, mine: bool = False) -> None:
        super().__init__()
        self.network_id = network_id
        self.mine = mine

    def compose_body(self) -> ComposeResult:
        """Filters, a summary line and the table."""
        store = self.store
        person = store.profile.person_id if store.profile else None
        owners = [("Me", ME)] if person else []
        owners += actions.owners(store)
        statuses = [("Open or in progress", OPEN), *((s.label, s.value) for s in ActionStatus)]
        with Horizontal(id="filters"):
            yield Select(
                options(store.networks.choices()), id="network", prompt="Every network",
                value=self.network_id or Select.NULL,
            )  # fmt: skip
            yield Select(
                options(owners),
                id="owner",
                prompt="Anyone",
                value=ME if self.mine and person else Select.NULL,
            )
            yield Select(statuses, id="status", prompt="Any status", value=OPEN)
            yield Checkbox("Overdue", id="overdue")
        yield Static(id="summary")
        yield DataTable(id="actions", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the actions."""
        self.sub_title = "Actions"
        table = self.query_one("#actions", DataTable)
        for label, width in (("Due", 12), ("Action", 44), ("Owner", 20), ("Network", 24),
                             ("From", 26), ("Status", 12)):  # fmt: skip
            table.add_column(label, width=width)
        self.refresh_data()
        table.focus()

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def filter_changed(self) -> None:
        """A filter changed: list again."""
        if self.is_mounted:
            self.refresh_data()

    def _filter(self) -> ActionFilter:
        def chosen(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else str(value)

        owner = chosen("owner")
        if owner == ME:
            profile = self.store.profile
            owner = profile.person_id if profile else None
        status = chosen("status")
        return ActionFilter(
            network_id=chosen("network"),
            owner_id=owner,
            status=None if status in (None, OPEN) else ActionStatus(str(status)),
            open_only=status == OPEN,
            overdue=self.query_one("#overdue", Checkbox).value,
        )

    def refresh_data(self) -> None:
        """The actions the filters let through, soonest due first; overdue ones in red."""
        today = self.store.today()
        rows = actions.listing(self.store, self._filter(), today)
        table = self.query_one("#actions", DataTable)
        cursor = table.cursor_row
        table.clear()
        overdue = 0
        for row in rows:
            late = row.overdue(today)
            overdue += late
            table.add_row(
                Text(uk_date(row.action.due_on), style="bold red" if late else ""),
                plain(row.action.description),
                plain(row.owner),
                plain(row.network),
                plain(row.origin),
                row.action.status.label,
                key=row.action.id,
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        summary = Text(f"{len(rows)} action{'s' if len(rows) != 1 else ''}", style="bold")
        if overdue:
            summary.append(f", {overdue} overdue", style="bold red")
        summary.append(".  d done, g in progress, o reopen, k drop; y shows only yours.", "dim")
        self.query_one("#summary", Static).update(summary)

    def action_status(self, status: str) -> None:
        """Change the selected action's status."""
        table = self.query_one("#actions", DataTable)
        if table.row_count == 0:
            return
        action_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        try:
            changed = actions.set_status(self.store, action_id, ActionStatus(status))
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"{changed.description}: {changed.status.label.lower()}.", markup=False)
        self.announce_changes()

    def action_mine(self) -> None:
        """Show only the actions of the person using schoolnet, or everyone's again."""
        profile = self.store.profile
        if not (profile and profile.person_id):
            self.notify("Link your profile to a person (press u) to see your own actions.")
            return
        owner = self.query_one("#owner", Select)
        owner.value = Select.NULL if owner.value == ME else ME

    def action_back(self) -> None:
        """Back to where the list was opened from."""
        self.app.pop_screen()
