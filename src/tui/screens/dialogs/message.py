"""A dialog that tells the user one thing, such as why a bundle was refused."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class MessageScreen(ModalScreen[None]):
    """A title, a sentence and OK; text is shown as data, never as markup."""

    DEFAULT_CSS = """
    MessageScreen {
        align: center middle;
    }
    MessageScreen > #message {
        width: 72;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    MessageScreen .title {
        text-style: bold;
    }
    MessageScreen #buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    """
    BINDINGS = [Binding("escape,enter", "dismiss", "OK")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        """Title, message, OK."""
        with Vertical(id="message"):
            yield Static(Text(self.title_text), classes="title")
            yield Static(Text(self.message), id="text")
            with Horizontal(id="buttons"):
                yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self) -> None:
        """Close."""
        self.dismiss(None)
