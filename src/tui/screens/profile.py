"""Who is using schoolnet: asked once, editable any time with `u`."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from store.enums import PersonRole
from store.models import UserProfile
from tui.formatting import options

NAME_REQUIRED = "Enter your name as colleagues know it; it is stamped on what you record."


class ProfileScreen(ModalScreen[UserProfile | None]):
    """A form for the user's name, school and role; returns the saved profile."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: UserProfile | None, schools: list[tuple[str, str]]) -> None:
        super().__init__()
        self.current = current
        self.schools = schools

    def compose(self) -> ComposeResult:
        """Name, school and role fields with Save and Cancel."""
        current = self.current
        with Vertical(id="profile"):
            yield Static("Who is using schoolnet?", classes="form-title")
            yield Static(
                "Records you make say who made them, and Home shows your own actions.",
                classes="form-hint",
            )
            yield Label("Name")
            yield Input(
                value=current.name if current else "", id="name", placeholder="e.g. Sam Patel"
            )
            yield Static("", id="name-error", classes="field-error")
            yield Label("School")
            yield Select(
                options(self.schools),
                id="school",
                prompt="Not linked to a school",
                value=current.school_id if current and current.school_id else Select.NULL,
            )
            yield Label("Role")
            yield Select(
                [(role.label, role.value) for role in PersonRole],
                id="role",
                allow_blank=False,
                value=(current.role if current else PersonRole.HEAD_TEACHER).value,
            )
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#name")
    def save(self) -> None:
        """Validate and return the profile, or show why not beside the field."""
        school = self.query_one("#school", Select).value
        try:
            profile = UserProfile(
                name=self.query_one("#name", Input).value,
                role=PersonRole(str(self.query_one("#role", Select).value)),
                school_id=None if school is Select.NULL else str(school),
            )
        except ValidationError:
            error = self.query_one("#name-error", Static)
            error.update(NAME_REQUIRED)
            self.query_one("#name", Input).focus()
            return
        self.dismiss(profile)

    @on(Input.Changed, "#name")
    def clear_error(self) -> None:
        """Hide the error once the user types."""
        self.query_one("#name-error", Static).update("")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
