"""Home: how each network stands today, and the user's own open actions."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Static, TabbedContent
from textual.widgets.data_table import ColumnKey

from store.dashboard import NetworkSummary
from store.membership.health import open_findings
from store.sharing import inbox
from tui.formatting import plain, uk_date
from tui.screens.base import EVERY_TABLE, AreaScreen


def _first_steps() -> Text:
    text = Text()
    text.append("Nothing is recorded here yet. Start with one of these:\n\n", style="bold")
    for key, what in (
        ("n", "Create a network: its name, kind and leaders; add its schools after."),
        ("i", "Import schools from a GIAS file (the DfE register of schools, as CSV)."),
        ("b", "Import a bundle a colleague sent you (a .schoolnet.json file)."),
    ):
        text.append(f"  {key}  ", style="bold reverse")
        text.append(f" {what}\n")
    text.append("\nOr look around with made-up data first: quit (q) and run ")
    text.append("schoolnet --demo", style="bold")
    text.append(", which keeps its own database and leaves this one as it is.")
    return text


FIRST_STEPS = _first_steps()


def _next_meeting(moment: datetime | None) -> str:
    return "none planned" if moment is None else uk_date(moment.date())


class DashboardScreen(AreaScreen):
    """The home dashboard."""

    SHOWS = EVERY_TABLE
    BINDINGS = [
        Binding("d", "done", "Action done"),
        Binding("space", "step_status", "Action status", key_display="space"),
        Binding("t", "actions", "All actions"),
        # On an empty database: the first steps, one key each (n here creates a network).
        Binding("n", "first_step('networks')", "Create a network"),
        Binding("i", "first_step('schools')", "Import schools"),
        Binding("b", "first_step('sharing')", "Import a bundle"),
    ]
    first_run = False

    def compose_body(self) -> ComposeResult:
        """Welcome line, the networks table and my actions."""
        with VerticalScroll(id="dashboard"):
            yield Static(id="welcome")
            yield Static(FIRST_STEPS, id="first-run")
            yield Label("Networks", classes="section-title", id="networks-title")
            yield Static(
                "Schools: active members. Actions: open or in progress. Reviews: under way."
                " Health: rules broken (see Networks).",
                classes="legend",
                id="networks-legend",
            )
            yield DataTable(id="networks", cursor_type="row", zebra_stripes=True)
            yield Label("My open actions", classes="section-title")
            yield DataTable(id="my-actions", cursor_type="row", zebra_stripes=True)
            yield Static(id="no-actions")

    def on_mount(self) -> None:
        """Set up the tables' columns and fill them."""
        self.networks_table.add_columns(
            "Network", "Kind", "Schools", "Next meeting", "Actions", "Reviews", "Health"
        )
        self.actions_table.add_column("Due", width=11)
        self.actions_table.add_column("Action", key="action")
        self.actions_table.add_column("Status", width=11)
        self.refresh_data()

    def on_resize(self) -> None:
        """Fit the actions to the screen once the tables have their new size."""
        self.call_after_refresh(self._fit_action_column)

    def _fit_action_column(self) -> None:
        """The action's words take the width the date and status leave, and no more, so
        the status is never pushed past the edge of the screen."""
        column = self.actions_table.columns.get(ColumnKey("action"))
        if column is not None:
            # Each of the three columns has a cell's padding on either side.
            column.width = max(20, self.actions_table.size.width - 11 - 11 - 8)
            column.auto_width = False
            self.actions_table.refresh()

    def refresh_data(self) -> None:
        """Read the figures from the store and show them."""
        store = self.store
        figures = store.dashboard.home()
        today = figures.today
        self.query_one("#welcome", Static).update(self._welcome_text())
        self._show_first_steps(not figures.networks and store.networks.count() == 0)
        table = self.networks_table
        table.clear()
        for summary in figures.networks:
            findings = len(open_findings(figures.health.get(summary.network_id, [])))
            badge = (
                Text(f"⚠ {findings}", style="bold yellow") if findings else Text("✓", style="green")
            )
            table.add_row(*self._network_row(summary), badge, key=summary.network_id)
        profile = store.profile
        actions = figures.my_actions
        mine = self.actions_table
        kept, row = self._selected_action(), mine.cursor_row
        mine.clear()
        for action in actions:
            overdue = action.due_on is not None and action.due_on < today
            due = Text(uk_date(action.due_on), style="bold red" if overdue else "")
            mine.add_row(due, plain(action.description), action.status.label, key=action.id)
        # The cursor stays on the action just changed, or (ticked off, so gone) on the next.
        if kept is not None and kept in mine.rows:
            mine.move_cursor(row=mine.get_row_index(kept), animate=False)
        elif actions:
            mine.move_cursor(row=min(row, len(actions) - 1), animate=False)
        self.actions_table.display = bool(actions)
        hint = self.query_one("#no-actions", Static)
        hint.display = not actions
        hint.update(
            "No open actions are yours."
            if profile and profile.person_id
            else "Link your profile to a person (press u) to see your own actions here."
        )

    def _show_first_steps(self, first_run: bool) -> None:
        """On an empty database the first steps stand where the networks will be."""
        self.first_run = first_run
        self.query_one("#first-run").display = first_run
        for widget_id in ("#networks-title", "#networks-legend", "#networks"):
            self.query_one(widget_id).display = not first_run
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The first steps' keys answer only on an empty database (else n is Networks),
        where they take the footer's room from the action keys, which have nothing to act on."""
        if action == "first_step":
            return self.first_run
        if action in ("done", "step_status", "actions"):
            return not self.first_run
        return True

    async def action_first_step(self, mode: str) -> None:
        """Go to the area that takes the first step, and start it there."""
        await self.app.switch_mode(mode)
        screen = self.app.screen
        if mode == "networks":
            await screen.run_action("add")
        elif mode == "schools":
            await screen.run_action("import_register")
        else:
            screen.query_one("#tabs", TabbedContent).active = "tab-receive"
            screen.query_one("#in").focus()

    def _welcome_text(self) -> Text:
        store = self.store
        today = store.today()
        profile = store.profile
        text = Text()
        if profile:
            text.append(profile.name, style="bold")
            text.append(f", {profile.role.label.lower()}")
            if profile.school_id and (school := store.schools.find(profile.school_id)):
                text.append(f", {school.name}")
            text.append("   ")
        text.append(f"{today:%A} {uk_date(today)}", style="dim")
        if waiting := inbox.waiting_sentence(store):
            text.append(f"\n{waiting}", style="bold yellow")
        return text

    def _selected_action(self) -> str | None:
        table = self.actions_table
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_done(self) -> None:
        """Tick off the selected one of my open actions."""
        from store.enums import ActionStatus
        from store.meetings.actions import set_status

        action_id = self._selected_action()
        if not self.actions_table.display or action_id is None:
            self.notify("You have no open actions to tick off.")
            return
        done = set_status(self.store, action_id, ActionStatus.DONE)
        self.notify(f"Done: {done.description}.", markup=False)
        self.announce_changes()

    def action_step_status(self) -> None:
        """Move the selected one of my actions on: open, in progress, then done (and off)."""
        from store.meetings.actions import next_status

        action_id = self._selected_action()
        if not self.actions_table.display or action_id is None:
            self.notify("You have no open actions.")
            return
        changed = next_status(self.store, action_id)
        self.notify(f"{changed.description}: {changed.status.label.lower()}.", markup=False)
        self.announce_changes()

    def action_actions(self) -> None:
        """Every action, filtered to mine to begin with."""
        from tui.screens.meeting.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(mine=True))

    @staticmethod
    def _network_row(summary: NetworkSummary) -> tuple[Text | str, ...]:
        return (
            plain(summary.name),
            summary.kind.label,
            Text(str(summary.members), justify="right"),
            _next_meeting(summary.next_meeting),
            Text(str(summary.open_actions), justify="right"),
            Text(str(summary.reviews_in_progress), justify="right"),
        )

    @property
    def networks_table(self) -> DataTable[Text | str]:
        """The table of networks."""
        return self.query_one("#networks", DataTable)

    @property
    def actions_table(self) -> DataTable[Text | str]:
        """The table of my open actions."""
        return self.query_one("#my-actions", DataTable)
