"""The frame every area screen shares: header, body, footer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

if TYPE_CHECKING:
    from store import Store


class AreaScreen(Screen[None]):
    """A top-level area: subclasses yield their body from `compose_body`."""

    # Escape leaves a text box, so the one-key area shortcuts work again.
    BINDINGS = [Binding("escape", "leave_field", "Leave field", show=False)]

    def compose(self) -> ComposeResult:
        """Header, the area's body, footer."""
        yield Header()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The area's own widgets."""
        yield from ()

    def action_leave_field(self) -> None:
        """Take the focus out of whatever field has it."""
        self.set_focus(None)

    @property
    def store(self) -> Store:
        """The app's store."""
        return self.app.store  # type: ignore[attr-defined]
