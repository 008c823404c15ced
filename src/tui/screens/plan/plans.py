"""Action plans: every network's plan for a year, with progress, funding and ratification."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Select, Static

from store.dates import academic_year_of
from store.plans import planning, progress
from store.plans.funding import pounds
from tui.formatting import plural
from tui.screens.base import AreaScreen
from tui.screens.dialogs.form import ask
from tui.screens.plan.partnership import PartnershipScreen
from tui.screens.plan.plan import PlanScreen
from tui.screens.plan.plan_forms import NewPlan, NewPlanScreen

BAR = 10
STATUS_STYLE = {"red": "bold red", "amber": "bold yellow", "green": "bold green", "done": "bold"}


def progress_bar(share: float, width: int = BAR) -> Text:
    """`██████░░░░ 60%`: the share of actions done."""
    filled = round(share * width)
    return Text.assemble(
        ("█" * filled, "green"), ("░" * (width - filled), "dim"), f" {round(share * 100):>3}%"
    )


class PlansScreen(AreaScreen):
    """Every network's action plan for an academic year."""

    SHOWS = frozenset(
        {"action_plans", "plan_priorities", "actions", "plan_spending", "plan_scrutinies",
         "networks"}
    )  # fmt: skip
    BINDINGS = [
        Binding("a", "add", "Start a plan"),
        Binding("c", "city", "City-wide priorities"),
    ]

    def compose_body(self) -> ComposeResult:
        """The year chooser, a summary line and the table."""
        this_year = academic_year_of(self.store.today())
        years = sorted({*progress.years(self.store), this_year}, reverse=True)
        yield Select([(y, y) for y in years], id="year", allow_blank=False, value=this_year)
        yield Static(id="summary")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the year's plans."""
        self.sub_title = "Action plans"
        self.query_one("#plans", DataTable).add_columns(
            "Network", "Red", "Amber", "Green", "Done", "Progress", "Allocated", "Committed",
            "Spent", "Board",
        )  # fmt: skip
        self.refresh_rows()
        self.query_one("#plans").focus()

    def refresh_data(self) -> None:
        """Plans changed: offer every year again, then list."""
        select = self.query_one("#year", Select)
        year = select.value
        this_year = academic_year_of(self.store.today())
        years = sorted({*progress.years(self.store), this_year}, reverse=True)
        with self.prevent(Select.Changed):
            select.set_options([(y, y) for y in years])
            select.value = year if year in years else this_year
        self.refresh_rows()

    @on(Select.Changed, "#year")
    def year_changed(self) -> None:
        """Another year."""
        if self.is_mounted:
            self.refresh_rows()

    @property
    def year(self) -> str:
        """The year chosen."""
        return str(self.query_one("#year", Select).value)

    def refresh_rows(self) -> None:
        """The chosen year's plans."""
        table = self.query_one("#plans", DataTable)
        table.clear()
        rows = progress.listing(self.store, self.year)
        for row in rows:
            counts = row.progress.counts
            scrutiny = row.ratified
            board = "-" if scrutiny is None else ("Ratified" if scrutiny.ratified else "Not yet")
            spent = Text(pounds(row.spent), style="bold red" if row.spent > row.allocated else "")
            table.add_row(
                row.network,
                *(Text(str(counts[s]), style=STATUS_STYLE[s.value]) for s in counts),
                progress_bar(row.progress.share),
                pounds(row.allocated),
                pounds(row.committed),
                spent,
                board,
                key=row.plan.id,
            )
        ratified = sum(1 for row in rows if row.ratified and row.ratified.ratified)
        self.query_one("#summary", Static).update(
            Text(
                f"{plural(len(rows), 'plan')} in {self.year}; {ratified} ratified by the board."
                if rows
                else f"No action plans for {self.year} yet: press a to start one.",
                style="bold",
            )
        )

    @on(DataTable.RowSelected, "#plans")
    def open_plan(self, event: DataTable.RowSelected) -> None:
        """Open a plan's page."""
        self.app.push_screen(PlanScreen(str(event.row_key.value)))

    def action_add(self) -> None:
        """Start a network's plan for the chosen year."""
        networks = self.store.networks.choices()
        year = self.year

        def create(data: NewPlan) -> None:
            plan = planning.create_plan(self.store, data.network_id, data.academic_year)
            self.app.push_screen(PlanScreen(plan.id))

        ask(self, lambda: NewPlanScreen(networks, None, year), create, "Plan started.")

    def action_city(self) -> None:
        """The chosen year's city-wide priorities, to add and edit."""
        self.app.push_screen(PartnershipScreen(self.year))
