"""A labelled form control with room for an inline error beneath it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static


class FormField(Vertical):
    """Label, control and error line; the form sets or clears the error."""

    DEFAULT_CSS = """
    FormField {
        height: auto;
        margin-bottom: 1;
    }
    FormField > .field-label {
        color: $text-muted;
    }
    FormField > .field-error {
        color: $error;
        height: auto;
        display: none;
    }
    FormField.-invalid > .field-error {
        display: block;
    }
    """

    def __init__(self, label: str, control: Widget, *, field_id: str) -> None:
        super().__init__(id=f"field-{field_id}")
        self.label = label
        self.control = control
        self.field_id = field_id

    def compose(self) -> ComposeResult:
        """The label, the control and the (hidden) error line."""
        yield Label(self.label, classes="field-label")
        yield self.control
        yield Static("", classes="field-error", markup=False)

    def set_error(self, message: str | None) -> None:
        """Show why the value is refused, or clear it with None."""
        self.query_one(".field-error", Static).update(message or "")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        """The error shown, or ""."""
        if not self.has_class("-invalid"):
            return ""
        return str(self.query_one(".field-error", Static).render())
