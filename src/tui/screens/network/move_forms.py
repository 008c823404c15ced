"""Forms for a proposed move before the leads group decides: change its words, or record
that it was rejected or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Select

from store.enums import MoveStatus
from store.models import MembershipMove
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


@dataclass(frozen=True)
class MoveDecision:
    """A proposed move rejected by the leads group or withdrawn by its proposer."""

    status: MoveStatus
    by: str
    on: date


class MoveDecisionScreen(FormScreen[MoveDecision]):
    """Record that a proposed move will not happen, and who said so when."""

    HINT = "A rejected or withdrawn move stays in the history; it changes no membership."
    SAVE_LABEL = "Record"

    def __init__(self, title: str, who: str, today: date) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.who = who
        self.today = today

    def compose_fields(self) -> ComposeResult:
        """Rejected or withdrawn, by whom, when."""
        yield FormField(
            "What happened",
            Select(
                [("The network leads group rejected it", MoveStatus.REJECTED.value),
                 ("Whoever proposed it withdrew it", MoveStatus.WITHDRAWN.value)],
                id="status",
                allow_blank=False,
                value=MoveStatus.REJECTED.value,
            ),
            field_id="status",
        )  # fmt: skip
        yield self.text_input("by", "Recorded by", self.who)
        yield self.date_input("on", "Date", self.today)

    def submit(self) -> MoveDecision | None:
        """Check the fields."""
        errors: dict[str, str] = {}
        if not self.text("by"):
            errors["by"] = "Say who rejected or withdrew it."
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        return MoveDecision(MoveStatus(str(self.query_one("#status", Select).value)),
                            self.text("by"), on)  # fmt: skip


class MoveEditScreen(FormScreen[MembershipMove]):
    """Change a proposed move's reason, evidence, date or proposer."""

    def __init__(self, title: str, move: MembershipMove) -> None:
        super().__init__()
        self.TITLE_TEXT = title
        self.move = move

    def compose_fields(self) -> ComposeResult:
        """Reason, evidence, date, proposer."""
        move = self.move
        yield self.text_input("reason", "Reason", move.reason)
        yield self.text_input("evidence", "Evidence (needed to remove a school)", move.evidence)
        yield self.date_input("on", "Proposed on", move.proposed_on)
        yield self.text_input("proposed_by", "Proposed by", move.proposed_by)

    def submit(self) -> MembershipMove | None:
        """Check the fields; the store checks the rest."""
        errors: dict[str, str] = {}
        if not self.text("reason"):
            errors["reason"] = "Give the reason the network leads group will consider."
        on = self.date_field("on", errors)
        if not self.show_errors(errors) or on is None:
            return None
        return self.move.model_copy(
            update={"reason": self.text("reason"), "evidence": self.text("evidence"),
                    "proposed_on": on, "proposed_by": self.text("proposed_by")}
        )  # fmt: skip
