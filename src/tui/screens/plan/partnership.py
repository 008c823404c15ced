"""The partnership's city-wide priorities for a year, which network priorities answer."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TextArea

from store.plans.partnership import (
    add_partnership_priority,
    edit_partnership_priority,
    partnership_priorities,
)
from tui.formatting import plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.form import FormScreen, ask
from tui.widgets.form_field import FormField


@dataclass(frozen=True)
class CityPriorityData:
    """A city-wide priority as written in the form."""

    title: str
    description: str


class CityPriorityScreen(FormScreen[CityPriorityData]):
    """A city-wide priority: its title and what it means."""

    TITLE_TEXT = "A city-wide priority"

    def __init__(self, year: str, data: CityPriorityData | None = None) -> None:
        super().__init__()
        self.data = data
        self.TITLE_TEXT = f"{'Edit the' if data else 'A new'} city-wide priority for {year}"

    def compose_fields(self) -> ComposeResult:
        """Title and description."""
        data = self.data
        yield self.text_input("title", "Priority", data.title if data else "")
        area = TextArea(data.description if data else "", id="description", classes="short")
        yield FormField("What it means", area, field_id="description")

    def submit(self) -> CityPriorityData | None:
        """The priority."""
        if not self.show_errors({} if self.text("title") else {"title": "Name the priority."}):
            return None
        return CityPriorityData(
            self.text("title"), self.query_one("#description", TextArea).text.strip()
        )


class PartnershipScreen(AreaScreen):
    """A year's city-wide priorities: a adds one, e or enter edits the one under the cursor."""

    SHOWS = frozenset({"partnership_priorities"})
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, year: str) -> None:
        super().__init__()
        self.year = year

    def compose_body(self) -> ComposeResult:
        """A line saying what these are, then the table."""
        yield Static(id="summary")
        yield DataTable(id="city", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the year's priorities."""
        self.sub_title = f"City-wide priorities {self.year}"
        self.query_one("#city", DataTable).add_columns("#", "Priority", "What it means")
        self.refresh_data()
        self.query_one("#city").focus()

    def refresh_data(self) -> None:
        """The year's priorities, in the order agreed."""
        table = self.query_one("#city", DataTable)
        table.clear()
        found = partnership_priorities(self.store, self.year)
        for number, priority in enumerate(found, start=1):
            table.add_row(
                str(number), plain(priority.title), plain(priority.description), key=priority.id
            )
        self.query_one("#summary", Static).update(
            f"The partnership's priorities for {self.year}; each network's plan answers them"
            " or marks a priority local."
            if found
            else f"No city-wide priorities for {self.year} yet: press a to add one."
        )

    def action_add(self) -> None:
        """Add a city-wide priority for the year."""

        def save(data: CityPriorityData) -> None:
            add_partnership_priority(
                self.store, self.year, title=data.title, description=data.description
            )

        ask(self, lambda: CityPriorityScreen(self.year), save, "City-wide priority added.")

    @on(DataTable.RowSelected, "#city")
    def edit_selected(self) -> None:
        """Enter edits the priority under the cursor."""
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the priority under the cursor."""
        table = self.query_one("#city", DataTable)
        if table.row_count == 0:
            self.notify("Add a priority first (a).")
            return
        priority_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        priority = self.store.partnership_priorities.get(priority_id)
        data = CityPriorityData(priority.title, priority.description)

        def save(data: CityPriorityData) -> None:
            edit_partnership_priority(
                self.store, priority_id, title=data.title, description=data.description
            )

        form = lambda: CityPriorityScreen(self.year, data)  # noqa: E731
        ask(self, form, save, "City-wide priority changed.", based_on=priority)

    def action_back(self) -> None:
        """Back to the plans."""
        self.app.pop_screen()
