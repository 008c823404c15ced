"""The help screen: every key the app answers to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.areas import AREAS

GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("u", "Your profile: name, school and role"),
    ("ctrl+p", "Command palette: search every command"),
    ("tab / shift+tab", "Move between fields and tables"),
    ("↑ ↓ enter", "Move in a table and open a row"),
    ("? or f1", "This help"),
    ("q or ctrl+q", "Quit"),
)


class HelpScreen(ModalScreen[None]):
    """A list of keys, closed with escape."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        """A table of keys and what they do."""
        with Vertical(id="help"):
            yield Static("Keys", classes="help-title")
            yield DataTable(id="keys", cursor_type="none", show_header=False)
            yield Static("Press escape to close.", classes="help-hint")

    def on_mount(self) -> None:
        """Fill the table from the areas and the general keys."""
        table = self.query_one("#keys", DataTable)
        table.add_columns("Key", "What it does")
        for area in AREAS:
            table.add_row(area.key, f"{area.title}: {area.summary}")
        for key, meaning in GENERAL_KEYS:
            table.add_row(key, meaning)
