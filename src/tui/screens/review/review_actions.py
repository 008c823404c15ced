"""What a user can do on a review's page; each action opens a form or calls the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from store import StoreError, reviews
from store.documents import review_papers
from store.enums import ReviewStyle
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.network.network_actions import ExportPathScreen
from tui.screens.review.review_forms import (
    FINDINGS_FIELDS,
    PREMEET_FIELDS,
    ActionScreen,
    OutcomeAreaScreen,
    ReviewAmendmentScreen,
    SlotScreen,
    TeamMemberScreen,
    TextFieldsScreen,
    WorkshopScreen,
)

if TYPE_CHECKING:
    from store import Store
    from store.models import PeerReview, Person


class ReviewActions:
    """Key actions of ReviewScreen, kept apart from how the page is drawn."""

    review_id: str
    store: Store
    review: PeerReview

    # Provided by ReviewScreen and Textual: refresh_data, selected_key, show_tab, active_tab,
    # notify and app. Not declared here, so the mixin cannot shadow them.

    def _after(self, message: str) -> Callable[[object], None]:
        def finished(result: object) -> None:
            if result is not None:
                self.refresh_data()  # type: ignore[attr-defined]
                self.notify(message, markup=False)  # type: ignore[attr-defined]

        return finished

    def _open(self, screen: object, message: str) -> None:
        self.app.push_screen(screen, self._after(message))  # type: ignore[attr-defined]

    def _refuse(self, error: StoreError) -> None:
        self.app.push_screen(MessageScreen("Not possible", str(error)))  # type: ignore[attr-defined]

    def _network_people(self) -> tuple[list[Person], dict[str, str]]:
        review = self.review
        members = self.store.networks.members(review.network_id)
        schools = {m.school.id: m.school.name for m in members}
        return [p for p in self.store.people.all() if p.school_id in schools], schools

    def action_notes(self) -> None:
        """Open visit notes mode; the screen is kept, so coming back to it is instant."""
        from tui.screens.review.notes import NotesScreen

        app = self.app  # type: ignore[attr-defined]
        name = f"notes-{self.review_id}"
        if not app.is_screen_installed(name):
            app.install_screen(NotesScreen(self.review_id), name)
        app.push_screen(name)

    def action_concern(self) -> None:
        """Open the concerns protocol form."""
        from tui.screens.review.concern_form import ConcernFormScreen

        self.app.push_screen(ConcernFormScreen(self.review_id))  # type: ignore[attr-defined]

    def action_concerns(self) -> None:
        """The confidential list of this review's concerns."""
        from tui.screens.review.concerns import ConcernsScreen

        self.app.push_screen(ConcernsScreen(self.review_id))  # type: ignore[attr-defined]

    def tick_step(self, key: str) -> None:
        """Record a checklist step as done today."""
        try:
            if key == "outcomes_agreed":
                self.action_agree()
                return
            reviews.tick(self.store, self.review_id, key, self.store.today())
        except StoreError as error:
            self._refuse(error)
            return
        self.refresh_data()  # type: ignore[attr-defined]

    def action_advance(self) -> None:
        """Move to the next stage."""
        try:
            review = reviews.advance(self.store, self.review_id)
        except StoreError as error:
            self._refuse(error)
            return
        self.refresh_data()  # type: ignore[attr-defined]
        self.notify(f"Now at the {review.stage.label.lower()} stage.")  # type: ignore[attr-defined]

    def action_add_here(self) -> None:
        """Add to the current tab: a team member, a timetable slot or a workshop action."""
        people, schools = self._network_people()
        tab = self.active_tab  # type: ignore[attr-defined]
        if tab == "tab-team":
            self._open(
                TeamMemberScreen(self.review_id, people, schools, self.store.today()),
                "Added to the team.",
            )
        elif tab == "tab-timetable":
            self._open(SlotScreen(self.review_id, self.review.starts_on), "Slot added.")
        elif tab == "tab-workshop":
            self._open(
                ActionScreen(self.review_id, people, schools), "Action added to the action list."
            )
        else:
            self.show_tab("tab-team")  # type: ignore[attr-defined]
            self.notify("+ adds on the Team, Pre-meet & timetable and Workshop tabs.")  # type: ignore[attr-defined]

    def action_edit_here(self) -> None:
        """Edit what the current tab shows: pre-meet, workshop, or the selected outcome area."""
        tab = self.active_tab  # type: ignore[attr-defined]
        if tab == "tab-timetable":
            screen = TextFieldsScreen(self.review_id, "Pre-meet record", PREMEET_FIELDS)
            self._open(screen, "Pre-meet saved.")
        elif tab == "tab-outcomes":
            area_id = self.selected_key("areas")  # type: ignore[attr-defined]
            if area_id is None:
                self.notify("Draft the outcomes first (d).")  # type: ignore[attr-defined]
                return
            area = self.store.outcome_areas.get(area_id)
            estimate = self.review.style == ReviewStyle.WITH_ESTIMATES
            self._open(OutcomeAreaScreen(area, estimate), "Saved.")
        else:
            people, schools = self._network_people()
            self.show_tab("tab-workshop")  # type: ignore[attr-defined]
            self._open(WorkshopScreen(self.review_id, people, schools), "Workshop saved.")

    def action_findings(self) -> None:
        """Edit the review's strengths, areas for development, excellence and next steps."""
        self.show_tab("tab-outcomes")  # type: ignore[attr-defined]
        self._open(TextFieldsScreen(self.review_id, "Findings", FINDINGS_FIELDS), "Findings saved.")

    def action_draft(self) -> None:
        """Draft each focus area's outcomes from its notes."""
        try:
            reviews.draft_outcomes(self.store, self.review_id)
        except StoreError as error:
            self._refuse(error)
            return
        self.show_tab("tab-outcomes")  # type: ignore[attr-defined]
        self.refresh_data()  # type: ignore[attr-defined]

    def action_agree(self) -> None:
        """Agree the outcomes and lock the review, after asking."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                reviews.agree_outcomes(self.store, self.review_id, self.store.today())
            except StoreError as error:
                self._refuse(error)
                return
            self.refresh_data()  # type: ignore[attr-defined]
            self.notify("Outcomes agreed; the review is locked.")  # type: ignore[attr-defined]

        self.app.push_screen(  # type: ignore[attr-defined]
            ConfirmScreen(
                "Agree the outcomes and lock the review?",
                "After this, a change is recorded as a dated amendment.",
                yes="Agree",
            ),
            answered,
        )

    def action_amend(self) -> None:
        """Add a dated amendment to a locked review."""
        if self.review.locked_on is None:
            self.notify("The review is not locked: edit it directly.")  # type: ignore[attr-defined]
            return
        self._open(ReviewAmendmentScreen(self.review_id), "Amendment added.")

    def _export(
        self, name: str, title: str, build: Callable[[Store, str], list[review_papers.Block]]
    ) -> None:
        host = self.store.schools.get(self.review.host_school_id).name
        slug = "-".join("".join(c if c.isalnum() else " " for c in host.lower()).split())
        suggested = (
            Path.home() / f"{name}-{slug}-{self.review.academic_year.replace('/', '-')}.html"
        )

        def write(path: Path) -> None:
            review_papers.write(build(self.store, self.review_id), path)

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {path}.", markup=False)  # type: ignore[attr-defined]

        self.app.push_screen(ExportPathScreen(suggested, write, title), written)  # type: ignore[attr-defined]

    def action_export_outcomes(self) -> None:
        """Write the outcomes document (never a concern)."""
        self._export("outcomes", "Write the outcomes document", review_papers.outcomes)

    def action_export_letter(self) -> None:
        """Write the SCR letter for the host."""
        self._export("scr-letter", "Write the SCR letter", review_papers.scr_letter)

    def action_export_timetable(self) -> None:
        """Write the visit timetable to print."""
        self._export("timetable", "Write the visit timetable", review_papers.timetable)
