"""The frame every small modal form shares: title, fields, inline errors, Save and Cancel."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from store import Store, StoreError
from store.dates import parse_uk_date, uk_date
from tui.widgets.form_field import FormField

T = TypeVar("T")


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Subclasses yield fields from `compose_fields` and return a result from `submit`."""

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
    }
    FormScreen > #form {
        width: 80;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    FormScreen .form-title {
        text-style: bold;
        color: $primary;
    }
    FormScreen .form-hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    FormScreen #fields {
        height: auto;
        max-height: 30;
    }
    FormScreen #form-error {
        color: $error;
        height: auto;
    }
    FormScreen #buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    FormScreen #buttons Button {
        margin-left: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]
    TITLE_TEXT = ""
    HINT = ""
    SAVE_LABEL = "Save"

    @property
    def store(self) -> Store:
        """The app's store."""
        return self.app.store  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        """Title, hint, the subclass's fields, then the buttons."""
        with Vertical(id="form"):
            yield Static(self.TITLE_TEXT, classes="form-title", markup=False)
            if self.HINT:
                yield Static(self.HINT, classes="form-hint", markup=False)
            with VerticalScroll(id="fields"):
                yield from self.compose_fields()
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="buttons"):
                yield Button(f"{self.SAVE_LABEL} (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def compose_fields(self) -> ComposeResult:
        """The form's fields."""
        yield from ()

    def submit(self) -> T | None:
        """Validate and act; return the result, or None after showing errors.

        A StoreError raised here is shown under the form, which stays open.
        """
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Submit; close only when the form was accepted and the store agreed."""
        self.query_one("#form-error", Static).update("")
        try:
            result = self.submit()
        except StoreError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        if result is not None:
            self.dismiss(result)

    @on(Input.Submitted)
    def submitted(self) -> None:
        """Enter in a field submits, as in most forms."""
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    # Helpers for subclasses -------------------------------------------------------------

    def field(self, name: str) -> FormField:
        """The field named `name`."""
        return self.query_one(f"#field-{name}", FormField)

    def text(self, name: str) -> str:
        """The stripped text of an Input field."""
        return self.query_one(f"#{name}", Input).value.strip()

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show each error beside its field, clear the rest; True when there were none."""
        for field in self.query(FormField):
            field.set_error(errors.get(field.field_id))
        if errors:
            first = next(f for f in self.query(FormField) if f.field_id in errors)
            first.control.focus()
            first.scroll_visible()
        return not errors

    def date_field(
        self, name: str, errors: dict[str, str], *, required: bool = True
    ) -> date | None:
        """Parse a date field, recording an error if it is not a date."""
        try:
            day = parse_uk_date(self.text(name))
        except ValueError as error:
            errors[name] = f"Not a date: {error}."
            return None
        if day is None and required:
            errors[name] = "Enter a date, e.g. 15/01/2026."
        return day

    def date_input(self, name: str, label: str, day: date | None) -> FormField:
        """A date field pre-filled with `day`."""
        return FormField(
            label,
            Input(value=uk_date(day), placeholder="15/01/2026, 2026-01-15 or 15 Jan 2026", id=name),
            field_id=name,
        )

    def text_input(
        self, name: str, label: str, value: str = "", placeholder: str = ""
    ) -> FormField:
        """A text field."""
        return FormField(label, Input(value=value, placeholder=placeholder, id=name), field_id=name)
