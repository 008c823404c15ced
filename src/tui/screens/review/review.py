"""A review's page with its keys: each opens a form or asks, then makes one store call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual import on
from textual.widgets import DataTable

from store import Store, StoreError, review_visit, reviews
from store.documents import review_papers
from store.enums import ReviewStyle
from store.meetings import actions
from store.models import Action, OutcomeArea, Person, ReviewSlot
from store.sharing.file_names import paper_file_name
from store.text import os_error_reason
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.date_form import DateScreen
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.dialogs.form import ask
from tui.screens.dialogs.message import MessageScreen
from tui.screens.review.form_data import Amendment, NewAction, TeamMember, Workshop
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
from tui.screens.review.review_page import ReviewPage


class ReviewScreen(ReviewPage):
    """What a user can do on a review's page."""

    def _refuse(self, error: StoreError) -> None:
        self.app.push_screen(MessageScreen("Not possible", str(error)))

    def _do(self, call: Callable[[], object], done: str = "") -> bool:
        """Make one store call; a refusal is shown in a dialog. True when it went through."""
        try:
            call()
        except StoreError as error:
            self._refuse(error)
            return False
        if done:
            self.notify(done, markup=False)
        self.announce_changes()
        return True

    def _editable(self) -> bool:
        """True if the review may change; a locked one says so before any form opens."""
        try:
            reviews.editable(self.store, self.review_id)
        except StoreError as error:
            self._refuse(error)
            return False
        return True

    def _network_people(self) -> tuple[list[Person], dict[str, str]]:
        members = self.store.networks.members(self.review.network_id)
        schools = {m.school.id: m.school.name for m in members}
        return self.store.people.at_schools(schools), schools

    def action_notes(self) -> None:
        """Open visit notes mode; the screen is kept, so coming back to it is instant."""
        from tui.screens.review.notes import NotesScreen

        if not self._editable():
            return
        name = f"notes-{self.review_id}"
        if not self.app.is_screen_installed(name):
            self.app.install_screen(NotesScreen(self.review_id), name)
        self.app.push_screen(name)

    def action_concern(self) -> None:
        """Open the concerns protocol form."""
        from tui.screens.review.concern_form import raise_concern

        raise_concern(self, self.review_id)

    def action_concerns(self) -> None:
        """The confidential list of this review's concerns."""
        from tui.screens.review.concerns import ConcernsScreen

        self.app.push_screen(ConcernsScreen(self.review_id))

    @on(DataTable.RowSelected, "#checklist")
    def checklist_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a checklist step records it as done today."""
        self.tick_step(str(event.row_key.value))

    def tick_step(self, key: str) -> None:
        """Record a checklist step as done today."""
        if key == "outcomes_agreed":
            self.action_agree()
            return
        if not self._editable():
            return
        self._do(lambda: reviews.tick(self.store, self.review_id, key, self.store.today()))

    def _date_step(self) -> None:
        """Back-date or correct the day the selected checklist step was done."""
        key = self.selected_key("checklist")
        if key is None or key == "outcomes_agreed":
            self.notify("The outcomes are dated when they are agreed (g).")
            return
        done = self.review.checklist.get(key, self.store.today())

        def save(on: date) -> None:
            reviews.tick(self.store, self.review_id, key, on)

        title = f"When was this done: {reviews.LABELS[key]}?"
        ask(self, lambda: DateScreen(title, "Done on", done), save, "Date saved.")

    def action_delete_here(self) -> None:
        """Untick the selected checklist step, or delete the selected visit note after asking."""
        tab = self.active_tab
        if tab not in ("tab-overview", "tab-notes"):
            self.notify("del unticks a checklist step (Overview) or deletes a visit note (Notes).")
            return
        if not self._editable():
            return
        if tab == "tab-overview":
            key = self.selected_key("checklist")
            if key is not None:
                self._do(lambda: reviews.untick(self.store, self.review_id, key), "Unticked.")
            return
        note_id = self.selected_key("notes")
        if note_id is None:
            self.notify("There are no visit notes to delete.")
            return
        note = self.store.evidence_notes.get(note_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(lambda: review_visit.delete_note(self.store, note_id), "Note deleted.")

        words = note.text.strip()
        self.app.push_screen(
            ConfirmScreen(
                f"Delete the note taken at {note.noted_at.astimezone():%H:%M on %d %b}?",
                (words[:200] + ("…" if len(words) > 200 else "")) or "(no words)",
                yes="Delete",
            ),
            answered,
        )

    def action_step_status(self) -> None:
        """Move the selected workshop action on: open, in progress, done."""
        self.show_tab("tab-workshop")
        action_id = self.selected_key("actions")
        if action_id is None:
            self.notify("No actions yet: + adds one on the Workshop tab.")
            return
        self._do(lambda: self._status_said(actions.next_status(self.store, action_id)))

    def _status_said(self, action: Action) -> None:
        self.notify(f"{action.description}: {action.status.label.lower()}.", markup=False)

    def action_advance(self) -> None:
        """Move to the next stage."""
        try:
            review = reviews.advance(self.store, self.review_id)
        except StoreError as error:
            self._refuse(error)
            return
        self.notify(f"Now at the {review.stage.label.lower()} stage.")
        self.announce_changes()

    def action_add_here(self) -> None:
        """Add to the current tab: a team member, a timetable slot or a workshop action."""
        if not self._editable():
            return
        people, schools = self._network_people()
        tab = self.active_tab
        today = self.store.today()
        if tab == "tab-team":

            def add_member(member: TeamMember) -> None:
                reviews.add_team_member(
                    self.store, self.review_id, member.person_id, role=member.role,
                    dbs_confirmed=member.dbs_confirmed, dbs_confirmed_on=member.dbs_confirmed_on,
                )  # fmt: skip

            ask(
                self,
                lambda: TeamMemberScreen(self.review_id, people, schools, today),
                add_member,
                "Added to the team.",
            )
        elif tab == "tab-timetable":

            def add_slot(slot: ReviewSlot) -> None:
                reviews.add_slot(self.store, slot)

            starts = self.review.starts_on
            ask(self, lambda: SlotScreen(self.review_id, starts), add_slot, "Slot added.")
        elif tab == "tab-workshop":

            def add_action(action: NewAction) -> None:
                reviews.add_action(
                    self.store, self.review_id, action.description, owner_id=action.owner_id,
                    due_on=action.due_on,
                )  # fmt: skip

            ask(
                self,
                lambda: ActionScreen(people, schools),
                add_action,
                "Action added to the action list.",
            )
        else:
            self.show_tab("tab-team")
            self.notify("+ adds on the Team, Pre-meet & timetable and Workshop tabs.")

    def _save_fields(self, title: str, fields: tuple[tuple[str, str], ...], done: str) -> None:
        review = self.review

        def save(values: dict[str, str]) -> None:
            reviews.save_findings(self.store, self.review_id, **values)

        ask(self, lambda: TextFieldsScreen(review, title, fields), save, done, based_on=review)

    def action_edit_here(self) -> None:
        """Edit what the current tab shows: a step's date, pre-meet, workshop, outcome area."""
        if not self._editable():
            return
        tab = self.active_tab
        if tab == "tab-overview":
            self._date_step()
        elif tab == "tab-timetable":
            self._save_fields("Pre-meet record", PREMEET_FIELDS, "Pre-meet saved.")
        elif tab == "tab-outcomes":
            area_id = self.selected_key("areas")
            if area_id is None:
                self.notify("Draft the outcomes first (d).")
                return
            area = self.store.outcome_areas.get(area_id)
            estimate = self.review.style == ReviewStyle.WITH_ESTIMATES

            def save(edited: OutcomeArea) -> None:
                reviews.save_outcome_area(self.store, edited)

            ask(self, lambda: OutcomeAreaScreen(area, estimate), save, "Saved.", based_on=area)
        else:
            people, schools = self._network_people()
            review = self.review

            def record(workshop: Workshop) -> None:
                reviews.record_workshop(
                    self.store, self.review_id, champion_id=workshop.champion_id,
                    participants=workshop.participants, went_well=workshop.went_well,
                    even_better_if=workshop.even_better_if,
                )  # fmt: skip

            self.show_tab("tab-workshop")
            form = lambda: WorkshopScreen(review, people, schools)  # noqa: E731
            ask(self, form, record, "Workshop saved.", based_on=review)

    def action_findings(self) -> None:
        """Edit the review's strengths, areas for development, excellence and next steps."""
        if not self._editable():
            return
        self.show_tab("tab-outcomes")
        self._save_fields("Findings", FINDINGS_FIELDS, "Findings saved.")

    def action_draft(self) -> None:
        """Draft each focus area's outcomes from its notes."""
        if not self._editable():
            return
        if self._do(lambda: reviews.draft_outcomes(self.store, self.review_id)):
            self.show_tab("tab-outcomes")

    def action_agree(self) -> None:
        """Agree the outcomes and lock the review, after asking."""
        if not self._editable():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(
                    lambda: reviews.agree_outcomes(self.store, self.review_id, self.store.today()),
                    "Outcomes agreed; the review is locked.",
                )

        self.app.push_screen(
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
            self.notify("The review is not locked: edit it directly.")
            return

        def amend(amendment: Amendment) -> None:
            reviews.amend_review(self.store, self.review_id, amendment.text, by=amendment.by)

        user = self.store.user_name
        ask(self, lambda: ReviewAmendmentScreen(user), amend, "Amendment added.")

    def _export(
        self, name: str, title: str, build: Callable[[Store, str], list[review_papers.Block]]
    ) -> None:
        host = self.store.schools.get(self.review.host_school_id).name
        year = self.review.academic_year.replace("/", "-")
        label = {"outcomes": "Outcomes", "scr-letter": "SCR letter", "timetable": "Visit timetable"}
        suggested = Path.home() / paper_file_name(label.get(name, name), host, year, suffix=".html")

        def write(path: Path) -> None:
            try:
                review_papers.write(build(self.store, self.review_id), path)
            except OSError as error:
                raise StoreError(f"Cannot write there: {os_error_reason(error)}.") from error

        form = lambda: ExportPathScreen(suggested, title)  # noqa: E731
        ask(self, form, write, lambda path: f"Wrote {path}.")

    def action_export_outcomes(self) -> None:
        """Write the outcomes document (never a concern)."""
        self._export("outcomes", "Write the outcomes document", review_papers.outcomes)

    def action_export_letter(self) -> None:
        """Write the SCR letter for the host."""
        self._export("scr-letter", "Write the SCR letter", review_papers.scr_letter)

    def action_export_timetable(self) -> None:
        """Write the visit timetable to print."""
        self._export("timetable", "Write the visit timetable", review_papers.timetable)
