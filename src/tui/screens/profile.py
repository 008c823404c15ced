"""Who is using schoolnet: asked once, editable any time with `u`.

The school is found by typing (a national register has 25,000, and many St Mary's), and
the profile is linked to the user's person record, or saving creates one.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from store.enums import PersonRole
from store.models import Person, School, UserProfile
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField
from tui.widgets.school_chooser import SchoolChooser

NAME_REQUIRED = "Enter your name as colleagues know it; it is stamped on what you record."


class ProfileScreen(FormScreen[UserProfile]):
    """The user's name, school and role; returns the profile, which the app saves."""

    TITLE_TEXT = "Who is using schoolnet?"
    HINT = "Records you make say who made them, and Home shows your own actions."

    def __init__(
        self,
        current: UserProfile | None,
        school: School | None,
        search: Callable[[str, int], list[School]],
        find_person: Callable[[str, str | None], Person | None],
    ) -> None:
        super().__init__()
        self.current = current
        self.school = school
        self.search = search
        self.find_person = find_person

    def compose_fields(self) -> ComposeResult:
        """Name, school, role, and which person record the profile is linked to."""
        current = self.current
        yield self.text_input("name", "Name", current.name if current else "", "e.g. Sam Patel")
        yield FormField("School", SchoolChooser(self.search, self.school, id="school"),
                        field_id="school")  # fmt: skip
        yield FormField(
            "Role",
            Select([(role.label, role.value) for role in PersonRole], id="role",
                   allow_blank=False,
                   value=(current.role if current else PersonRole.HEAD_TEACHER).value),
            field_id="role",
        )  # fmt: skip
        yield Static(id="person-line")

    def on_mount(self) -> None:
        """Say who the profile links to, as it opens."""
        super().on_mount()
        self._show_person()

    @on(Input.Changed, "#name")
    @on(SchoolChooser.Chosen)
    def _show_person(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        line = self.query_one("#person-line", Static)
        if not name:
            line.update("")
            return
        person = self.find_person(name, self.query_one(SchoolChooser).value)
        if person is not None:
            line.update(Text(f"Linked to the person record of {person.name}.", style="green"))
        else:
            line.update(
                Text(
                    f"No person record for {name} here yet: saving adds one, so actions can be"
                    " given to you.",
                    style="dim",
                )
            )

    def snapshot(self) -> dict[str, object]:
        """The fields, and the school chosen (not a plain input)."""
        values = super().snapshot()
        values.pop("school-search", None)  # typing a search changes nothing until a choice
        return {**values, "school-chosen": self.query_one(SchoolChooser).value}

    def submit(self) -> UserProfile | None:
        """The profile, once it has a name."""
        name = self.text("name")
        if not self.show_errors({} if name else {"name": NAME_REQUIRED}):
            return None
        return UserProfile(
            name=name,
            role=PersonRole(str(self.query_one("#role", Select).value)),
            school_id=self.query_one(SchoolChooser).value,
        )
