"""Bare Textual apps the benchmarks measure schoolnet against, in the same run.

- `BareApp`: Header, a DataTable with one row ("Bare Textual app ready") and Footer: the
  first-paint baseline of bench/startup.py (run this file to launch it).
- `BareAreasApp`: two modes, each a screen of Header, a ten-row DataTable and Footer,
  reached by the keys `a` and `b`: the area-switching baseline of bench/areas.py.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

MARKER = "Bare Textual app ready"


class BareApp(App[None]):
    """Header, a one-row table, Footer: what every schoolnet area screen is made of."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """The three widgets."""
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """One row holding the marker the benchmark waits for."""
        table = self.query_one(DataTable)
        table.add_columns("Name", "Kind", "Schools")
        table.add_row(MARKER, "bare", "1")


class BareAreaScreen(Screen[None]):
    """An area of the bare app: Header, a ten-row DataTable, Footer."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.area_title = title

    def compose(self) -> ComposeResult:
        """The three widgets."""
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Ten rows."""
        table = self.query_one(DataTable)
        table.add_columns("Name", "Kind", "Schools")
        for n in range(10):
            table.add_row(f"{self.area_title} row {n}", "bare", str(n))
        table.focus()


class BareAreasApp(App[None]):
    """Two areas as modes, switched by one key each, like schoolnet's areas."""

    MODES = {"a": lambda: BareAreaScreen("Area A"), "b": lambda: BareAreaScreen("Area B")}
    BINDINGS = [
        Binding("a", "go('a')", "Area A"),
        Binding("b", "go('b')", "Area B"),
        Binding("q", "quit", "Quit"),
    ]

    def on_mount(self) -> None:
        """Start in area A."""
        self.switch_mode("a")

    def action_go(self, mode: str) -> None:
        """Switch to an area."""
        if self.current_mode != mode:
            self.switch_mode(mode)


if __name__ == "__main__":
    BareApp().run()
