"""Choose one school among tens of thousands: type part of its name, URN or town.

Only a few matches are ever asked of the store (a LIMIT), so the chooser opens at once on
a national register. Each match shows its URN and town: there are many St Mary's.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.models import School

# How many matches the list shows; typing more narrows them.
SHOWN = 6
NO_SCHOOL = ""


def school_label(school: School) -> Text:
    """The school's name as typed, then its URN and town to tell namesakes apart."""
    label = Text(school.name)
    details = [part for part in (f"URN {school.urn}" if school.urn else "", school.town) if part]
    if details:
        label.append(f"   {', '.join(details)}", style="dim")
    return label


class SchoolChooser(Vertical):
    """A search box over a short list of matching schools; the choice shows above them."""

    DEFAULT_CSS = """
    SchoolChooser {
        height: auto;
    }
    SchoolChooser > OptionList {
        height: auto;
        max-height: 7;
        border: none;
        padding: 0;
    }
    SchoolChooser > .chosen {
        height: auto;
    }
    """
    BINDINGS = [
        Binding("down", "move(1)", "Next match", show=False),
        Binding("up", "move(-1)", "Previous match", show=False),
    ]

    class Chosen(Message):
        """A school was chosen, or none (the id is then None)."""

        def __init__(self, school_id: str | None) -> None:
            super().__init__()
            self.school_id = school_id

    def __init__(
        self,
        search: Callable[[str, int], list[School]],
        current: School | None = None,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
    ) -> None:
        super().__init__(id=id)
        self.search = search
        self.value: str | None = current.id if current else None
        self._current = current

    def compose(self) -> ComposeResult:
        """What is chosen, the search box, and the matches."""
        yield Static(self._chosen_text(self._current), classes="chosen")
        yield Input(
            placeholder="Type part of a name, URN or town; ↓ and enter choose",
            id=f"{self.id}-search",
        )
        options = OptionList(id=f"{self.id}-matches")
        options.can_focus = False  # the search box keeps the keys; ↓ and ↑ move in the list
        yield options

    def on_mount(self) -> None:
        """Offer 'no school' until something is typed."""
        self._show([])

    @staticmethod
    def _chosen_text(school: School | None) -> Text:
        if school is None:
            return Text("Not linked to a school", style="dim")
        text = Text("Chosen: ", style="bold")
        return text + school_label(school)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        """Ask the store for the first few matches."""
        event.stop()
        text = event.value.strip()
        self._show(self.search(text, SHOWN) if text else [])

    def _show(self, schools: list[School]) -> None:
        self._found = {school.id: school for school in schools}
        matches = self.query_one(OptionList)
        matches.clear_options()
        typed = bool(self.query_one(Input).value.strip())
        matches.display = typed
        if not typed:
            return  # nothing asked yet: enter keeps the choice and moves on
        matches.add_options(
            [Option(school_label(school), id=school.id) for school in schools]
            + [Option(Text("Not linked to a school", style="italic"), id=NO_SCHOOL)]
        )
        matches.highlighted = 0

    def action_move(self, step: int) -> None:
        """Move the highlight through the matches."""
        matches = self.query_one(OptionList)
        if matches.option_count:
            current = matches.highlighted or 0
            matches.highlighted = max(0, min(matches.option_count - 1, current + step))

    @on(Input.Submitted)
    def choose_highlighted(self, event: Input.Submitted) -> None:
        """Enter chooses the highlighted match, then the form moves on."""
        event.stop()
        matches = self.query_one(OptionList)
        if matches.display and matches.highlighted is not None:
            self._choose(matches.get_option_at_index(matches.highlighted).id)
        self.screen.focus_next()

    @on(OptionList.OptionSelected)
    def clicked(self, event: OptionList.OptionSelected) -> None:
        """A click on a match chooses it."""
        event.stop()
        self._choose(event.option.id)

    def _choose(self, school_id: str | None) -> None:
        school = self._found.get(school_id or "")
        self.value = school.id if school else None
        self._current = school
        self.query_one(".chosen", Static).update(self._chosen_text(school))
        self.post_message(self.Chosen(self.value))
