"""The frame every small modal form shares: title, fields, inline errors, Save and Cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from datetime import date
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Select, SelectionList, Static, TextArea

from store import Store, StoreError
from store.dates import parse_uk_date, uk_date
from store.models import Record
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.widgets.footer import SteadyFooter
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
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    FormScreen .form-title {
        text-style: bold;
        color: $primary;
    }
    FormScreen .form-hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    /* As tall as the fields, up to what the screen leaves (fit_fields), then they scroll. */
    FormScreen #fields {
        height: auto;
    }
    FormScreen #form-error {
        dock: bottom;
        color: $error;
        height: auto;
    }
    /* Docked: whatever the height of the fields, which scroll, the buttons stay in view. */
    FormScreen #buttons {
        dock: bottom;
        height: auto;
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

    def __init__(self) -> None:
        super().__init__()
        # What the user typed, kept at Save so a refusal can reopen the form as it was.
        self.values: dict[str, object] = {}
        self._restore: tuple[dict[str, object], str] | None = None
        # The fields as the form opened, to tell whether Escape would throw anything away.
        self._opened_with: dict[str, object] | None = None

    def compose(self) -> ComposeResult:
        """Title, hint, the subclass's fields, then the buttons."""
        with Vertical(id="form"):
            yield Static(self.TITLE_TEXT, classes="form-title", markup=False)
            if self.HINT:
                yield Static(self.HINT, classes="form-hint", markup=False)
            fields = VerticalScroll(id="fields")
            fields.can_focus = False  # the first field takes the focus, not its container
            with fields:
                yield from self.compose_fields()
            with Horizontal(id="buttons"):
                yield Button(f"{self.SAVE_LABEL} (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")
            yield Static("", id="form-error", markup=False)
        yield SteadyFooter()

    def compose_fields(self) -> ComposeResult:
        """The form's fields."""
        yield from ()

    def on_resize(self) -> None:
        """Fit the fields to the new height, once the form is laid out for it."""
        self.call_after_refresh(self.fit_fields)

    def fit_fields(self) -> None:
        """Let the fields take what the screen leaves, and scroll within it.

        Textual does not shrink a box of `height: auto` to fit its parent: at 80x24 a long
        form's last fields ran on below the screen's edge, out of reach.
        """
        form = self.query_one("#form")
        fields = self.query_one("#fields")
        chrome = form.styles.gutter.height + sum(
            child.outer_size.height + child.styles.margin.height
            for child in form.children
            if child is not fields and child.display
        )
        footer = sum(footer.outer_size.height for footer in self.query(SteadyFooter))
        room = max(3, self.size.height - footer - chrome)
        fields.styles.max_height = room

    def submit(self) -> T | None:
        """Validate; return the form's data, or None after showing what is wrong.

        A form never writes: the page that opened it makes the one store call.
        """
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Close with the form's data once every field is valid."""
        self.query_one("#form-error", Static).update("")
        result = self.submit()
        if result is not None:
            self.values = self.snapshot()
            self.dismiss(result)

    def snapshot(self) -> dict[str, object]:
        """The value of every field, by widget id."""
        values: dict[str, object] = {}
        for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
            if widget.id is None:
                continue
            if isinstance(widget, TextArea):
                values[widget.id] = widget.text
            elif isinstance(widget, SelectionList):
                values[widget.id] = list(widget.selected)
            elif isinstance(widget, Input | Select | Checkbox):
                values[widget.id] = widget.value
        return values

    def restore(self, values: dict[str, object], error: str) -> None:
        """Open with these values and this refusal shown, as the user left it."""
        self._restore = (values, error)

    def on_mount(self) -> None:
        """Put the cursor in the first field, and put back what was typed before a refusal."""
        first = next((w for w in self.query_one("#fields").query("*") if w.focusable), None)
        if first is not None:
            first.focus()  # so the first words typed land in the form, not nowhere
        self.call_after_refresh(self._remember_opening)
        if self._restore is None:
            return
        values, error = self._restore
        for widget_id, value in values.items():
            widget = self.query_one(f"#{widget_id}")
            if isinstance(widget, TextArea):
                widget.load_text(str(value))
            elif isinstance(widget, SelectionList):
                widget.deselect_all()
                for item in value if isinstance(value, list) else []:
                    widget.select(item)
            elif isinstance(widget, Input | Select | Checkbox):
                widget.value = value
        self.query_one("#form-error", Static).update(error)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line box moves to the next field; it never saves half a form."""
        event.stop()
        self.focus_next()

    def _remember_opening(self) -> None:
        # A reopened form holds what the user typed: leaving it throws that away.
        self._opened_with = {} if self._restore is not None else self.snapshot()

    @property
    def changed(self) -> bool:
        """True when a field differs from how the form opened."""
        return self._opened_with is not None and self.snapshot() != self._opened_with

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving; if something was typed, ask first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Throw away what you typed?", "Nothing in this form is saved.",
                          yes="Throw away"),
            answered,
        )  # fmt: skip

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


def ask(
    host: Screen[Any],
    make: Callable[[], FormScreen[T]],
    save: Callable[[T], object],
    done: str | Callable[[T], str],
    *,
    based_on: Record | Sequence[Record | None] | None = None,
) -> None:
    """Open a form; on Save make the page's one store call with its data.

    If the store refuses, the form opens again as the user left it, with the store's
    sentence under it; nothing typed is lost. On success, screens hear what changed.

    An edit form passes `based_on`, the record(s) as read when the form was made (the ones
    it shows). The store call then runs inside `store.editing(...)`: it saves only the
    fields the user changed from those versions, so what an import or another window
    wrote meanwhile stays, and a field changed both here and there keeps the user's value
    and logs the other in the conflicts log (Repository.update).
    """
    opened = [based_on] if isinstance(based_on, Record) else list(based_on or [])

    store: Store | None = getattr(host.app, "store", None)

    def open_form(values: dict[str, object] | None, error: str) -> None:
        form = make()
        if values is not None:
            form.restore(values, error)

        def finished(data: T | None) -> None:
            if data is None:
                return
            try:
                with store.editing(*opened) if store is not None else nullcontext():
                    save(data)
            except StoreError as refusal:
                open_form(form.values, str(refusal))
                return
            host.notify(done if isinstance(done, str) else done(data), markup=False)
            announce = getattr(host.app, "announce_changes", None)
            if announce is not None:
                announce()

        host.app.push_screen(form, finished)

    open_form(None, "")
