"""The concerns protocol form (seed 002): what was seen and heard, and who was told."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Select, Static, TextArea

from store import review_visit
from store.dates import uk_date
from store.enums import ConcernAbout, ConcernCategory
from store.models import Concern
from tui.screens.dialogs.form import FormScreen, ask
from tui.widgets.form_field import FormField

if TYPE_CHECKING:
    from tui.app import SchoolnetApp


class ConcernFormScreen(FormScreen[Concern]):
    """Record a concern; once saved it changes only by dated amendments."""

    TITLE_TEXT = "Raise a concern"
    HINT = (
        "Confidential: kept only on the Concerns screen, never in an outcomes document, and in"
        " a bundle only if you include it and encrypt it. Write what you saw and heard; a"
        " child's own words exactly as said."
    )
    SAVE_LABEL = "Record"
    DEFAULT_CSS = """
    ConcernFormScreen > #form { width: 96; max-width: 100%; }
    ConcernFormScreen TextArea { height: 6; }
    ConcernFormScreen #pass-to { color: $warning; text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, review_id: str, now: datetime, user_name: str) -> None:
        super().__init__()
        self.review_id = review_id
        self.now = now
        self.user_name = user_name

    def compose_fields(self) -> ComposeResult:
        """Category, whom it is about, the facts, when and where, who raised and was told."""
        now = self.now.astimezone()
        yield FormField(
            "Category",
            Select([(c.label, c.value) for c in ConcernCategory], id="category", allow_blank=False,
                   value=ConcernCategory.SAFEGUARDING.value),
            field_id="category",
        )  # fmt: skip
        yield FormField(
            "It concerns",
            Select([(a.label, a.value) for a in ConcernAbout], id="about", allow_blank=False,
                   value=ConcernAbout.CHILD.value),
            field_id="about",
        )  # fmt: skip
        yield Static(id="pass-to")
        yield FormField(
            "What you saw and heard (a child's words verbatim)",
            TextArea(id="facts"),
            field_id="facts",
        )
        yield self.date_input("day", "Date", now.date())
        yield self.text_input("time", "Time", f"{now:%H:%M}", "14:05")
        yield self.text_input("place", "Place")
        yield self.text_input("raised_by", "Raised by", self.user_name)
        yield self.text_input("reported_to", "Passed to (name and role)")
        yield self.text_input("reported_time", "Passed on at (time)", "", "14:20")
        yield self.text_input("follow_up", "Follow-up agreed")

    def on_mount(self) -> None:
        """Say at once whom the protocol says to tell."""
        self._show_pass_to(ConcernAbout.CHILD)

    @on(Select.Changed, "#about")
    def about_changed(self, event: Select.Changed) -> None:
        """The person to tell depends on whom the concern is about."""
        self._show_pass_to(ConcernAbout(str(event.value)))

    def _show_pass_to(self, about: ConcernAbout) -> None:
        self.query_one("#pass-to", Static).update(Text(f"Pass it at once to {about.pass_to}."))

    def _time(self, name: str, errors: dict[str, str], *, required: bool) -> tuple[int, int] | None:
        text = self.text(name)
        if not text:
            if required:
                errors[name] = "Give the time, e.g. 14:05."
            return None
        try:
            moment = datetime.strptime(text.replace(".", ":"), "%H:%M")
        except ValueError:
            errors[name] = "Write the time like 14:05."
            return None
        return moment.hour, moment.minute

    def submit(self) -> Concern | None:
        """The concern, once the facts, the time and who raised it are there."""
        errors: dict[str, str] = {}
        facts = self.query_one("#facts", TextArea).text.strip()
        if not facts:
            errors["facts"] = "Write what you saw and heard."
        day = self.date_field("day", errors)
        at = self._time("time", errors, required=True)
        told = self._time("reported_time", errors, required=False)
        if not self.text("raised_by"):
            errors["raised_by"] = "Say who raised the concern."
        if not self.show_errors(errors) or day is None or at is None:
            return None
        return Concern(
            review_id=self.review_id,
            category=ConcernCategory(str(self.query_one("#category", Select).value)),
            about=ConcernAbout(str(self.query_one("#about", Select).value)),
            facts=facts,
            occurred_at=datetime(day.year, day.month, day.day, *at),
            place=self.text("place"),
            raised_by=self.text("raised_by"),
            reported_to=self.text("reported_to"),
            reported_at=datetime(day.year, day.month, day.day, *told) if told else None,
            follow_up=self.text("follow_up"),
        )


def raise_concern(host: Screen[Any], review_id: str) -> None:
    """Open the concerns protocol form on top of host, and record the concern it gives."""
    store = cast("SchoolnetApp", host.app).store

    def record(concern: Concern) -> None:
        review_visit.raise_concern(store, concern)

    def recorded(concern: Concern) -> str:
        when = uk_date(concern.occurred_at.date()) if concern.occurred_at else "today"
        return f"Concern recorded {when}; see the Concerns screen (c)."

    now, user = store.clock(), store.user_name
    ask(host, lambda: ConcernFormScreen(review_id, now, user), record, recorded)
