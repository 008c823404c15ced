"""The panel an area shows until it is built: what it will do, and what the database holds."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Static

from tui.areas import Area
from tui.screens.base import AreaScreen


class ComingSoonScreen(AreaScreen):
    """An area that arrives in a later release."""

    def __init__(self, area: Area) -> None:
        super().__init__(name=area.mode)
        self.area = area

    def compose_body(self) -> ComposeResult:
        """The area's title, purpose and a plain note that it is not built yet."""
        with Center(), Vertical(id="panel"):
            yield Static(Text(self.area.title), classes="area-title")
            yield Static(Text(self.area.summary))
            yield Static("Coming in a later release.", classes="coming")
            yield Static(id="holding")

    def on_mount(self) -> None:
        """Say how many records of this area the database already holds."""
        self.sub_title = self.area.title
        holding = self.query_one("#holding", Static)
        if self.area.table is None:
            holding.display = False
            return
        count = self.store.counts()[self.area.table]
        holding.update(f"This database holds {count} {self.area.noun}.")
