"""A review's concerns, on a screen of their own; the only place they are shown."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from store import review_visit
from store.dates import uk_date
from tui.formatting import plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.form import FormScreen, ask
from tui.screens.review.concern_form import raise_concern

CONFIDENTIAL = (
    "Confidential. Concerns are shown only on this screen. They never appear in an outcomes"
    " document, and go in a bundle only if the sender includes them, encrypted. A recorded"
    " concern is never edited: add a dated amendment (a)."
)


class AmendmentScreen(FormScreen[tuple[str, str]]):
    """A dated amendment: follow-up, outcome, or a correction."""

    TITLE_TEXT = "Add a dated amendment"
    SAVE_LABEL = "Add"

    def __init__(self, user_name: str) -> None:
        super().__init__()
        self.user_name = user_name

    def compose_fields(self) -> ComposeResult:
        """The text and who adds it."""
        yield self.text_input("text", "Amendment (follow-up, outcome or correction)")
        yield self.text_input("by", "By", self.user_name)

    def submit(self) -> tuple[str, str] | None:
        """The amendment and who adds it, if there are words in it."""
        if not self.show_errors({"text": "Write the amendment."} if not self.text("text") else {}):
            return None
        return self.text("text"), self.text("by")


class ConcernsScreen(AreaScreen):
    """The concerns raised in one review, with their amendments."""

    SHOWS = frozenset({"concerns", "concern_amendments"})
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("exclamation_mark,f2", "raise_concern", "Raise a concern", key_display="!"),
        Binding("a", "amend", "Amend"),
    ]

    def __init__(self, review_id: str) -> None:
        super().__init__()
        self.review_id = review_id

    def compose_body(self) -> ComposeResult:
        """The confidentiality note, the list and the selected concern in full."""
        yield Static(Text(CONFIDENTIAL), id="confidential")
        yield DataTable(id="concerns", cursor_type="row")
        with VerticalScroll(id="detail-box"):
            yield Static(id="detail")

    def on_mount(self) -> None:
        """Fill the list."""
        self.sub_title = "Concerns (confidential)"
        self.query_one("#concerns", DataTable).add_columns(
            "When", "Category", "Concerns", "Raised by", "Passed to"
        )
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the review's concerns."""
        table = self.query_one("#concerns", DataTable)
        table.clear()
        for concern in self.store.concerns.where(review_id=self.review_id, order_by="occurred_at"):
            table.add_row(
                f"{concern.occurred_at:%d %b %Y %H:%M}" if concern.occurred_at else "",
                concern.category.label,
                concern.about.label,
                plain(concern.raised_by),
                plain(concern.reported_to),
                key=concern.id,
            )
        if table.row_count:
            self._show(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))
        else:
            self.query_one("#detail", Static).update("No concern has been raised in this review.")

    @on(DataTable.RowHighlighted, "#concerns")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted concern in full."""
        self._show(str(event.row_key.value))

    def _show(self, concern_id: str) -> None:
        concern = self.store.concerns.get(concern_id)
        text = Text()
        text.append("What was seen and heard\n", style="bold")
        text.append(f"{concern.facts}\n\n")
        for label, value in (
            ("Place", concern.place),
            (
                "Passed to",
                f"{concern.reported_to} at {concern.reported_at:%H:%M}"
                if concern.reported_at
                else concern.reported_to,
            ),
            ("Protocol", f"pass to {concern.about.pass_to}"),
            ("Follow-up", concern.follow_up),
            ("Outcome", concern.outcome),
        ):
            if value:
                text.append(f"{label}: ", style="bold")
                text.append(f"{value}\n")
        for amendment in self.store.concern_amendments.where(
            concern_id=concern_id, order_by="amended_on"
        ):
            text.append(
                f"\nAmended {uk_date(amendment.amended_on.date())} by {amendment.amended_by}: ",
                style="bold",
            )
            text.append(amendment.text)
        self.query_one("#detail", Static).update(text)

    def action_raise_concern(self) -> None:
        """Raise another concern."""
        raise_concern(self, self.review_id)

    def action_amend(self) -> None:
        """Add a dated amendment to the selected concern."""
        table = self.query_one("#concerns", DataTable)
        if table.row_count == 0:
            return
        concern_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

        def amend(amendment: tuple[str, str]) -> None:
            text, by = amendment
            review_visit.amend_concern(self.store, concern_id, text, by=by)

        user = self.store.user_name
        ask(self, lambda: AmendmentScreen(user), amend, "Amendment added.")

    def action_back(self) -> None:
        """Back to the review."""
        self.app.pop_screen()
