"""A form with one date: when a step was done, to back-date or correct it."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult

from tui.screens.dialogs.form import FormScreen


class DateScreen(FormScreen[date]):
    """Ask for one date, pre-filled; the store decides whether the date fits."""

    def __init__(self, title: str, label: str, day: date, hint: str = "") -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.HINT = hint
        self.label = label
        self.day = day

    def compose_fields(self) -> ComposeResult:
        """The date."""
        yield self.date_input("on", self.label, self.day)

    def submit(self) -> date | None:
        """A date, or the reason it is not one."""
        errors: dict[str, str] = {}
        day = self.date_field("on", errors)
        if not self.show_errors(errors):
            return None
        return day
