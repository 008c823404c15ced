"""Schools: every school, found by typing, sorted by any column, added, edited and deleted."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Static

from store.errors import RecordInUse
from store.models import School
from tui.formatting import plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.schools.import_register import ImportRegisterScreen
from tui.screens.schools.school_form import SchoolFormScreen

# (column label, store column) in the order shown; `o` cycles through them.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Name", "name"),
    ("URN", "urn"),
    ("Town", "town"),
    ("Phase", "phase"),
    ("Sector", "sector"),
    ("Ofsted", "ofsted_judgement"),
    ("Trust", "trust"),
)


# Filling a table with thousands of rows costs more than a keystroke can afford; a search
# narrows far faster than anyone scrolls.
SHOWN_AT_MOST = 300


class SchoolsScreen(AreaScreen):
    """The list of schools with search-as-you-type."""

    CSS_PATH = "schools.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("a", "add", "Add"),
        Binding("e,enter", "edit", "Edit", key_display="e"),
        Binding("d", "delete", "Delete"),
        Binding("o", "sort", "Sort"),
        Binding("i", "import_register", "Import register"),
    ]

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.sort_column = "name"
        self.descending = False

    def compose_body(self) -> ComposeResult:
        """Search box, count line and the table."""
        with Vertical(id="schools"):
            with Horizontal(id="search-row"):
                yield Input(placeholder="Type part of a name, URN, town or trust", id="search")
            yield Static(id="count")
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then rows."""
        self.sub_title = "Schools"
        for label, key in COLUMNS:
            self.table.add_column(label, key=key)
        self.refresh_rows()
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Show changes made elsewhere, e.g. by an import."""
        if self.is_mounted:
            self.refresh_rows()

    @on(Input.Changed, "#search")
    def search_changed(self) -> None:
        """Narrow the table as the user types."""
        self.refresh_rows()

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        """Enter in the search box moves to the results."""
        self.table.focus()

    def refresh_rows(self, keep: str | None = None) -> None:
        """Read the matching schools and show them, keeping the cursor on `keep` if given."""
        text = self.query_one("#search", Input).value
        schools = self.store.schools.search(
            text, order_by=self.sort_column, descending=self.descending, limit=SHOWN_AT_MOST
        )
        table = self.table
        table.clear()
        for school in schools:
            # Row keys are school ids, so the cursor and the actions follow the record.
            table.add_row(*_row(school), key=school.id)
        total = self.store.schools.count()
        matching = self.store.schools.count_matching(text) if text.strip() else total
        arrow = "↓" if self.descending else "↑"
        label = dict((key, lbl) for lbl, key in COLUMNS)[self.sort_column]
        shown = f"{matching} of {total} schools" if text.strip() else f"{total} schools"
        if matching > len(schools):
            shown += f" (showing the first {len(schools)}: type more to narrow)"
        self.query_one("#count", Static).update(f"{shown}, sorted by {label} {arrow}")
        if keep:
            for index, school in enumerate(schools):
                if school.id == keep:
                    table.move_cursor(row=index)

    @property
    def selected_id(self) -> str | None:
        """The id of the school under the cursor."""
        table = self.table
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#search", Input).focus()

    def action_sort(self) -> None:
        """Sort by the next column; a second press on the last column reverses."""
        keys = [key for _, key in COLUMNS]
        index = keys.index(self.sort_column)
        self.sort_column = keys[(index + 1) % len(keys)]
        self.refresh_rows(keep=self.selected_id)

    @on(DataTable.HeaderSelected)
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Clicking a column header sorts by it; clicking again reverses."""
        column = str(event.column_key.value)
        self.descending = not self.descending if column == self.sort_column else False
        self.sort_column = column
        self.refresh_rows(keep=self.selected_id)

    def action_add(self) -> None:
        """Open an empty school form."""
        self.app.push_screen(SchoolFormScreen(), self._saved)

    def action_edit(self) -> None:
        """Open the form for the school under the cursor."""
        if (school_id := self.selected_id) is not None:
            self.app.push_screen(SchoolFormScreen(self.store.schools.get(school_id)), self._saved)

    def _saved(self, school: School | None) -> None:
        if school is not None:
            self.refresh_rows(keep=school.id)
            self.notify(f"Saved {school.name}.", markup=False)

    def action_delete(self) -> None:
        """Delete the school under the cursor, after asking."""
        school_id = self.selected_id
        if school_id is None:
            return
        school = self.store.schools.get(school_id)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.schools.delete(school_id)
            except RecordInUse:
                self.notify(
                    f"{school.name} is still in a network or other records; remove those first.",
                    severity="error",
                    markup=False,
                )
                return
            self.refresh_rows()
            self.notify(f"Deleted {school.name}.", markup=False)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {school.name}?",
                "It goes from this database; a bundle you send later tells others it was deleted.",
                yes="Delete",
            ),
            answered,
        )

    def action_import_register(self) -> None:
        """Import schools from a DfE register CSV."""
        self.app.push_screen(ImportRegisterScreen(), lambda _: self.refresh_rows())

    @property
    def table(self) -> DataTable[object]:
        """The schools table."""
        return self.query_one("#table", DataTable)


def _row(school: School) -> tuple[object, ...]:
    return (
        plain(school.name),
        school.urn or "",
        plain(school.town),
        school.phase.label if school.phase else "",
        school.sector.label,
        school.ofsted_judgement.label,
        plain(school.trust),
    )
