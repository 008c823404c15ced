"""Why a record cannot be deleted, with a key for each place that holds it, to go there."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class HeldScreen(ModalScreen[int | None]):
    """The refusal, then "1 Go to ..." buttons; returns the number of the place chosen."""

    DEFAULT_CSS = """
    HeldScreen {
        align: center middle;
    }
    HeldScreen > #held {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    HeldScreen .title {
        text-style: bold;
    }
    HeldScreen #text {
        margin-bottom: 1;
    }
    HeldScreen Button {
        width: 100%;
        margin-top: 0;
    }
    """
    AUTO_FOCUS = "#ok"  # enter stays put; a number (or tab to a button) goes there
    BINDINGS = [
        Binding("escape", "close", "OK"),
        *(Binding(str(n), f"go({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, title: str, message: str, places: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.places = places[:9]

    def compose(self) -> ComposeResult:
        """Title, why, and a button per place."""
        with Vertical(id="held"):
            yield Static(Text(self.title_text), classes="title")
            yield Static(Text(self.message), id="text")
            for number, place in enumerate(self.places):
                yield Button(Text(f"{number + 1}  Go to {place}"), id=f"place-{number}")
            yield Button("OK (esc)", variant="primary", id="ok")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """A place's button goes there; OK closes."""
        button = event.button.id or ""
        self.dismiss(int(button.removeprefix("place-")) if button.startswith("place-") else None)

    def action_go(self, index: int) -> None:
        """A number key goes to that place."""
        if index < len(self.places):
            self.dismiss(index)

    def action_close(self) -> None:
        """Close, staying where the user was."""
        self.dismiss(None)
