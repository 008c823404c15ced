"""The form naming the lead and deputy who own a plan, chosen from the network's people."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Select

from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


@dataclass(frozen=True)
class LeadsData:
    """The plan's lead and deputy; None where nobody is named."""

    lead_id: str | None
    deputy_id: str | None


class LeadsScreen(FormScreen[LeadsData]):
    """Choose the plan's lead and deputy from the network's people."""

    TITLE_TEXT = "Who owns this plan"
    HINT = "The lead and the deputy are chosen from the people at the network's schools."

    def __init__(self, people: list[tuple[str, str]], data: LeadsData) -> None:
        super().__init__()
        self.people, self.data = people, data

    def _chooser(self, name: str, label: str, value: str | None) -> FormField:
        choices = [("Not named", ""), *self.people]
        return FormField(
            label,
            Select(options(choices), id=name, value=value or "", allow_blank=False),
            field_id=name,
        )

    def compose_fields(self) -> ComposeResult:
        """Lead, then deputy."""
        yield self._chooser("lead", "Lead", self.data.lead_id)
        yield self._chooser("deputy", "Deputy", self.data.deputy_id)

    def submit(self) -> LeadsData | None:
        """The two people chosen."""
        lead = str(self.query_one("#lead", Select).value) or None
        deputy = str(self.query_one("#deputy", Select).value) or None
        errors = {}
        if lead is not None and lead == deputy:
            errors["deputy"] = "Choose someone other than the lead."
        if not self.show_errors(errors):
            return None
        return LeadsData(lead, deputy)
