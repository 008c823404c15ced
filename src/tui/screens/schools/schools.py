"""Schools: every school, found by typing, sorted by any column, added, edited and deleted."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, ProgressBar, Static

from store.membership import schools
from store.membership.gias import ImportSummary, NotARegisterFile, import_gias
from store.membership.schools import SchoolInUse
from store.models import School
from tui.formatting import plain, plural
from tui.screens.base import AreaScreen
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.form import ask
from tui.screens.dialogs.held import HeldScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.schools.import_register import ImportRegisterScreen, RegisterFile
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
SHOWN_AT_MOST = 100


class SchoolsScreen(AreaScreen):
    """The list of schools with search-as-you-type."""

    SHOWS = frozenset({"schools"})
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("a", "add", "Add"),
        Binding("e,enter", "edit", "Edit", key_display="e"),
        Binding("d", "delete", "Delete"),
        Binding("o", "sort", "Sort"),
        Binding("i", "import_register", "Import register"),
    ]

    class ImportProgress(Message):
        """The import worker has read `done` of `total` rows."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class ImportFinished(Message):
        """The import worker finished: a summary, or the sentence saying why not."""

        def __init__(self, summary: ImportSummary | None, refusal: str) -> None:
            super().__init__()
            self.summary = summary
            self.refusal = refusal

    _keep: str | None = None  # the school to put the cursor on at the next reload

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
            yield ProgressBar(id="import-progress", show_eta=False)
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then rows."""
        self.sub_title = "Schools"
        self.query_one("#import-progress", ProgressBar).display = False
        for label, key in COLUMNS:
            self.table.add_column(label, key=key)
        self.refresh_rows()
        self.table.focus()

    def refresh_data(self) -> None:
        """Schools changed (a form, an import, another window): show them, cursor kept."""
        self.refresh_rows(keep=self.selected_id)

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
        keep, self._keep = self._keep or keep, None  # a school just saved wins
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
        shown = (
            f"{matching} of {plural(total, 'school')}" if text.strip() else plural(total, "school")
        )
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
        by_urn = self.store.schools.by_urn

        def add(school: School) -> None:
            self._keep = schools.add_school(self.store, school).id

        ask(self, lambda: SchoolFormScreen(by_urn), add, lambda school: f"Added {school.name}.")

    def action_edit(self) -> None:
        """Open the form for the school under the cursor."""
        if (school_id := self.selected_id) is None:
            return
        current = self.store.schools.get(school_id)
        by_urn = self.store.schools.by_urn

        def save(school: School) -> None:
            self._keep = schools.update_school(self.store, school).id

        form = lambda: SchoolFormScreen(by_urn, current)  # noqa: E731
        ask(self, form, save, lambda school: f"Saved {school.name}.", based_on=current)

    def action_delete(self) -> None:
        """Delete the school under the cursor, after asking; a school still named elsewhere
        says what holds it, and offers to go there."""
        school_id = self.selected_id
        if school_id is None:
            return
        school = self.store.schools.get(school_id)
        try:
            schools.check_deletable(self.store, school_id)
        except SchoolInUse as held:
            self._held(school.name, held)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                schools.delete_school(self.store, school_id)
            except SchoolInUse as held:  # named meanwhile, by an import or another window
                self._held(school.name, held)
                return
            self.notify(f"Deleted {school.name}.", markup=False)
            self.announce_changes()

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {school.name}?",
                "It goes from this database; a bundle you send later tells others it was deleted.",
                yes="Delete",
            ),
            answered,
        )

    def _held(self, name: str, held: SchoolInUse) -> None:
        """Say what holds the school; a number key opens that network or review."""
        places = held.places

        def chosen(index: int | None) -> None:
            if index is None:
                return
            place = places[index]
            if place.kind == "network":
                from tui.screens.network.network import NetworkScreen

                self.app.push_screen(NetworkScreen(place.record_id))
            else:
                from tui.screens.review.review import ReviewScreen

                self.app.push_screen(ReviewScreen(place.record_id))

        self.app.push_screen(
            HeldScreen(f"{name} cannot be deleted yet", str(held), [p.label for p in places]),
            chosen,
        )

    def action_import_register(self) -> None:
        """Import schools from a DfE register CSV."""
        if self.query_one("#import-progress", ProgressBar).display:
            self.notify("An import is already running; wait for it to finish.")
            return

        def chosen(register: RegisterFile | None) -> None:
            if register is None:
                return
            bar = self.query_one("#import-progress", ProgressBar)
            bar.display = True
            bar.update(total=None, progress=0)
            self.run_import(register)

        self.app.push_screen(ImportRegisterScreen(), chosen)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, register: RegisterFile) -> None:
        """Import in a thread, on a connection of its own (a save made in the app meanwhile
        waits for the import and is never rolled back with it); progress and the result
        come back as messages."""
        try:
            with self.store.separate() as own:
                summary = import_gias(
                    own,
                    register.path,
                    include_closed=register.include_closed,
                    progress=self._post_progress,
                )
        except (NotARegisterFile, OSError) as error:
            self.post_message(self.ImportFinished(None, str(error)))
            return
        self.post_message(self.ImportFinished(summary, ""))

    def _post_progress(self, done: int, total: int) -> None:
        self.post_message(self.ImportProgress(done, total))

    @on(ImportProgress)
    def import_progress(self, message: ImportProgress) -> None:
        """Move the progress bar on."""
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=message.total, progress=message.done)

    @on(ImportFinished)
    def import_finished(self, message: ImportFinished) -> None:
        """Say what the import did, row by row where rows were refused."""
        self.query_one("#import-progress", ProgressBar).display = False
        summary = message.summary
        if summary is None:
            self.app.push_screen(MessageScreen("Not imported", message.refusal))
            return
        text = f"Done: {summary}."
        for refused in summary.refused[:8]:
            text += f"\nRow {refused.row} refused: {refused.reason}"
        if len(summary.refused) > 8:
            text += f"\n… and {len(summary.refused) - 8} more refused rows."
        self.app.push_screen(MessageScreen("DfE register imported", text))
        self.announce_changes()

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
