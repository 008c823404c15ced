"""Answer a health finding that asks for support capacity from beyond the network."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from store.enums import CapacityFinding
from store.membership.health import Finding
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


@dataclass(frozen=True)
class FindingAnswer:
    """Which finding, and the note that answers it."""

    finding: CapacityFinding
    note: str


class AnswerFindingScreen(FormScreen[FindingAnswer]):
    """The findings that can be answered, and where the support will come from."""

    TITLE_TEXT = "Answer a health finding"
    HINT = (
        "Say where school-to-school support will come from beyond the network (a teaching"
        " school hub, a partner network, a trust). The answer holds for this academic year."
    )

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = {f.capacity: f for f in findings if f.capacity is not None}

    def compose_fields(self) -> ComposeResult:
        """The finding, and the note (the current answer, if any)."""
        first = next(iter(self.findings.values()))
        yield FormField(
            "Finding",
            Select(
                [(f"{f.rule}{' (answered)' if f.answer else ''}", c.value)
                 for c, f in self.findings.items()],
                id="finding", allow_blank=False, value=first.capacity,
            ),
            field_id="finding",
        )  # fmt: skip
        note = first.answer.note if first.answer else ""
        yield self.text_input("note", "Where the support will come from", note)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Show the chosen finding's current answer, to change it."""
        found = self.findings.get(CapacityFinding(str(event.value)))
        if found is not None and found.answer is not None:
            self.query_one("#note", Input).value = found.answer.note

    def submit(self) -> FindingAnswer | None:
        """The finding and the note, once there is a note."""
        if not self.show_errors({} if self.text("note") else {"note": "Write the note."}):
            return None
        finding = CapacityFinding(str(self.query_one("#finding", Select).value))
        return FindingAnswer(finding, self.text("note"))
