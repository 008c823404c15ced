"""Changing and deleting what a network's page lists: people, case studies, support given,
projects and proposed moves. Each key opens a form or asks, then makes one store call."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding

from store import StoreError
from store.editing import changed_fields
from store.enums import MoveStatus
from store.membership import joining, records
from store.models import (
    CaseStudy,
    MembershipMove,
    PartnershipProject,
    Person,
    School,
    SupportExchange,
)
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.form import ask
from tui.screens.dialogs.message import MessageScreen
from tui.screens.network.move_forms import MoveDecision, MoveDecisionScreen, MoveEditScreen
from tui.screens.network.network_page import NetworkPage
from tui.screens.network.record_forms import (
    CaseStudyScreen,
    PersonScreen,
    ProjectScreen,
    SupportScreen,
)

# The table each tab edits and deletes in.
EDITED = {
    "tab-people": "people",
    "tab-case-studies": "case-studies",
    "tab-support": "exchanges",
    "tab-projects": "projects",
    "tab-history": "moves",
}


class NetworkRecords(NetworkPage):
    """e edits and d deletes the record under the cursor of the tab in front."""

    BINDINGS = [
        Binding("e", "edit_here", "Edit"),
        Binding("d,delete", "delete_here", "Delete", key_display="d"),
        Binding("space", "step_status", "Status", key_display="space"),
        Binding("w", "decide_move", "Reject/withdraw"),
    ]

    def _selected(self, tab: str) -> str | None:
        record_id = self.selected_key(EDITED[tab])
        if record_id is None:
            self.notify("There is nothing here yet: + adds one.")
        return record_id

    def _schools_for(self, also: str | None = None) -> list[School]:
        """The member schools, and `also` if the record names a school no longer a member."""
        schools = [m.school for m in self.store.networks.members(self.network_id)]
        if also and all(s.id != also for s in schools) and (extra := self.store.schools.find(also)):
            schools.append(extra)
        return schools

    # Editing -----------------------------------------------------------------------------

    def action_edit_terms(self) -> None:
        """Edit the terms of reference: NetworkScreen opens the form."""
        raise NotImplementedError

    def action_edit_here(self) -> None:
        """Edit the record under the cursor; on other tabs, the terms of reference."""
        tab = self.active_tab
        if tab not in EDITED:
            self.action_edit_terms()
            return
        record_id = self._selected(tab)
        if record_id is None:
            return
        if tab == "tab-people":
            self._edit_person(record_id)
        elif tab == "tab-case-studies":
            self._edit_case_study(record_id)
        elif tab == "tab-support":
            self._edit_support(record_id)
        elif tab == "tab-projects":
            self._edit_project(record_id)
        else:
            self._edit_move(record_id)

    def _edit_person(self, person_id: str) -> None:
        person = self.store.people.get(person_id)
        schools = self._schools_for(person.school_id)

        def save(edited: Person) -> None:
            records.update_person(self.store, person_id, changed_fields(person, edited))

        ask(self, lambda: PersonScreen(schools, person), save, "Saved.", based_on=person)

    def _edit_case_study(self, study_id: str) -> None:
        study = self.store.case_studies.get(study_id)
        schools = self._schools_for(study.school_id)

        def save(edited: CaseStudy) -> None:
            records.update_case_study(self.store, study_id, changed_fields(study, edited))

        form = lambda: CaseStudyScreen(schools, study.academic_year, study)  # noqa: E731
        ask(self, form, save, "Case study saved.", based_on=study)

    def _edit_support(self, exchange_id: str) -> None:
        exchange = self.store.support_exchanges.get(exchange_id)
        schools = self._schools_for(exchange.giver_school_id)
        schools += [s for s in self._schools_for(exchange.receiver_school_id) if s not in schools]
        today = self.store.today()

        def save(edited: SupportExchange) -> None:
            records.update_support(self.store, exchange_id, changed_fields(exchange, edited))

        form = lambda: SupportScreen(schools, today, exchange)  # noqa: E731
        ask(self, form, save, "Support saved.", based_on=exchange)

    def _edit_project(self, project_id: str) -> None:
        project = self.store.partnership_projects.get(project_id)
        partners = [p.school_id for p in self.store.project_partners.where(project_id=project_id)]
        schools = self.store.schools.all()

        def save(data: tuple[PartnershipProject, list[str]]) -> None:
            edited, chosen = data
            records.update_project(
                self.store, project_id, changed_fields(project, edited),
                partners=chosen if set(chosen) != set(partners) else None,
            )  # fmt: skip

        form = lambda: ProjectScreen(self.network_id, schools, project, partners)  # noqa: E731
        ask(self, form, save, "Project saved.", based_on=project)

    def _edit_move(self, move_id: str) -> None:
        move = self.store.membership_moves.get(move_id)
        if move.status != MoveStatus.PROPOSED:
            self._refuse(f"This move was already {move.status.label.lower()}; it stays as it was.")
            return
        school = self.store.schools.get(move.school_id).name

        def save(edited: MembershipMove) -> None:
            joining.update_move(self.store, move_id, changed_fields(move, edited))

        title = f"Change the proposal: {school}, {move.kind.label.lower()}"
        ask(self, lambda: MoveEditScreen(title, move), save, "Proposal saved.", based_on=move)

    # Deleting ----------------------------------------------------------------------------

    def action_delete_here(self) -> None:
        """Delete the record under the cursor, after asking."""
        tab = self.active_tab
        if tab not in EDITED or tab == "tab-history":
            self.notify(
                "d deletes a person, case study, record of support or project; a proposed move"
                " is rejected or withdrawn (w)."
            )
            return
        record_id = self._selected(tab)
        if record_id is None:
            return
        if tab == "tab-people":  # someone still named elsewhere: said before anything is asked
            try:
                records.check_person_deletable(self.store, record_id)
            except StoreError as held:
                self._refuse(str(held))
                return
        what, delete = self._deletion(tab, record_id)

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(lambda: delete(record_id), f"Deleted {what}.")

        self.app.push_screen(
            ConfirmScreen(
                f"Delete {what}?",
                "It goes from this database; a bundle you send later tells others it was deleted.",
                yes="Delete",
            ),
            answered,
        )

    def _deletion(self, tab: str, record_id: str) -> tuple[str, Callable[[str], None]]:
        store = self.store
        if tab == "tab-people":
            return store.people.get(record_id).name, lambda rid: records.delete_person(store, rid)
        if tab == "tab-case-studies":
            title = store.case_studies.get(record_id).title
            return f"the case study {title}", lambda rid: records.delete_case_study(store, rid)
        if tab == "tab-support":
            exchange = store.support_exchanges.get(record_id)
            what = f"{exchange.hours:g} hours of support ({exchange.occurred_on:%d %b %Y})"
            return what, lambda rid: records.delete_support(store, rid)
        title = store.partnership_projects.get(record_id).title
        return f"the project {title} and its partner list", lambda rid: records.delete_project(
            store, rid
        )

    # Statuses ----------------------------------------------------------------------------

    def action_step_status(self) -> None:
        """Move the selected case study on: planned, drafting, submitted, published."""
        if self.active_tab != "tab-case-studies":
            self.show_tab("tab-case-studies")
            self.notify("space moves the case study under the cursor on a status.")
            return
        study_id = self._selected("tab-case-studies")
        if study_id is None:
            return

        def step() -> None:
            study = records.next_case_study_status(self.store, study_id)
            self.notify(f"{study.title}: {study.status.label.lower()}.", markup=False)

        self._do(step)

    def action_decide_move(self) -> None:
        """Record that the selected proposed move was rejected or withdrawn."""
        self.show_tab("tab-history")
        move_id = self.selected_key("moves")
        if move_id is None:
            self.notify("There is no proposed move.")
            return
        move = self.store.membership_moves.get(move_id)
        if move.status != MoveStatus.PROPOSED:
            self._refuse(f"This move was already {move.status.label.lower()}.")
            return
        school = self.store.schools.get(move.school_id).name
        change = move.kind.label.lower()
        today, user = self.store.today(), self.store.user_name

        def decide(decision: MoveDecision) -> None:
            step = (
                joining.reject_move
                if decision.status == MoveStatus.REJECTED
                else (joining.withdraw_move)
            )
            step(self.store, move_id, by=decision.by, on=decision.on)

        ask(
            self,
            lambda: MoveDecisionScreen(f"Will not go ahead: {school}, {change}", user, today),
            decide,
            lambda decision: f"{school}, {change}: {decision.status.label.lower()}.",
        )

    # Helpers -----------------------------------------------------------------------------

    def _refuse(self, sentence: str) -> None:
        self.app.push_screen(MessageScreen("Not possible", sentence))

    def _do(self, call: Callable[[], object], done: str = "") -> bool:
        """Make one store call; a refusal is shown in a dialog. True when it went through."""
        try:
            call()
        except StoreError as error:
            self._refuse(str(error))
            return False
        if done:
            self.notify(done, markup=False)
        self.announce_changes()
        return True
