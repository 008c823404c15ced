"""A network's page with its keys: each opens a form, then makes one store call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store import StoreError
from store.dates import academic_year_of
from store.documents.nomination import write_nomination_form
from store.enums import MembershipStatus
from store.membership import joining, networks
from store.membership.health import network_health
from store.membership.health_answers import answer_finding
from store.models import CaseStudy, LeadCriteria, PartnershipProject, Person, SupportExchange
from store.sharing.file_names import paper_file_name
from store.text import os_error_reason
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.dialogs.form import ask
from tui.screens.network.answer_form import AnswerFindingScreen, FindingAnswer
from tui.screens.network.network_forms import (
    LeadCriteriaScreen,
    MoveRequest,
    MoveScreen,
    NominateScreen,
    Nomination,
    SignOff,
    SignOffScreen,
    TermsScreen,
)
from tui.screens.network.record_actions import NetworkRecords
from tui.screens.network.record_forms import (
    CaseStudyScreen,
    PersonScreen,
    ProjectScreen,
    SupportScreen,
)


class NetworkScreen(NetworkRecords):
    """What a user can do on a network's page."""

    def _selected_membership(self) -> str | None:
        membership_id = self.selected_key("members")
        if membership_id is None:
            self.show_tab("tab-members")
            self.notify("Choose a school on the Members tab first.", severity="warning")
        return membership_id

    def action_add_here(self) -> None:
        """Add a record of the kind the current tab shows."""
        tab = self.active_tab
        members = [m.school for m in self.store.networks.members(self.network_id)]
        if tab == "tab-case-studies":
            year = academic_year_of(self.store.today())

            def add_study(study: CaseStudy) -> None:
                networks.add_case_study(self.store, study)

            ask(self, lambda: CaseStudyScreen(members, year), add_study, "Case study added.")
        elif tab == "tab-support":

            def add_support(exchange: SupportExchange) -> None:
                networks.record_support(self.store, self.network_id, exchange)

            today = self.store.today()
            ask(self, lambda: SupportScreen(members, today), add_support, "Support recorded.")
        elif tab == "tab-projects":

            def add_project(data: tuple[PartnershipProject, list[str]]) -> None:
                project, partners = data
                networks.add_project(self.store, self.network_id, project, partners=partners)

            schools = self.store.schools.all()
            ask(
                self, lambda: ProjectScreen(self.network_id, schools), add_project, "Project added."
            )
        elif tab == "tab-people":

            def add_person(person: Person) -> None:
                networks.add_person(self.store, person)

            ask(self, lambda: PersonScreen(members), add_person, "Person added.")
        elif tab == "tab-history":
            self.action_propose_move()
        else:
            self.action_nominate()

    def action_nominate(self) -> None:
        """Nominate a school that is not in the network."""
        current = {
            m.school.id
            for m in self.store.networks.members(self.network_id, active_only=False)
            if m.membership.status not in (MembershipStatus.LEFT, MembershipStatus.REMOVED)
        }
        candidates = [s for s in self.store.schools.all() if s.id not in current]
        coordinator = self.network.coordinator_id
        name = self.store.people.get(coordinator).name if coordinator else self.store.user_name
        today = self.store.today()

        def nominate(nomination: Nomination) -> None:
            networks.nominate_with_contact(
                self.store,
                self.network_id,
                nomination.school_id,
                nominated_by=nomination.nominated_by,
                on=nomination.on,
                contact={
                    "contact_name": nomination.contact_name,
                    "contact_email": nomination.contact_email,
                    "phone": nomination.phone,
                },
            )

        self.show_tab("tab-members")
        ask(self, lambda: NominateScreen(candidates, name, today), nominate, "Nominated.")

    def _sign(
        self,
        expected: MembershipStatus,
        title: str,
        role: str,
        who: str,
        step: Callable[[str, SignOff], object],
    ) -> None:
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        membership = self.store.memberships.get(membership_id)
        school = self.store.schools.get(membership.school_id)
        if membership.status != expected:
            self.notify(
                f"{school.name} is {membership.status.label.lower()}; this step needs a school"
                f" that is {expected.label.lower()}.",
                severity="warning",
                markup=False,
            )
            return
        today = self.store.today()
        ask(
            self,
            lambda: SignOffScreen(f"{title}: {school.name}", role, who, today),
            lambda signed: step(membership_id, signed),
            f"{title}: {school.name}.",
        )

    def action_accept(self) -> None:
        """Record the head's acceptance of a nomination."""
        membership_id = self.selected_key("members")
        head = ""
        if membership_id:
            school_id = self.store.memberships.get(membership_id).school_id
            head = self.store.schools.get(school_id).head_teacher

        def step(mid: str, signed: SignOff) -> None:
            joining.accept(self.store, mid, head=signed.who, on=signed.on)

        self._sign(MembershipStatus.NOMINATED, "Head accepts", "Head teacher", head, step)

    def action_approve(self) -> None:
        """Record the chair's approval; the school becomes a member."""

        def step(mid: str, signed: SignOff) -> None:
            joining.approve(self.store, mid, chair=signed.who, on=signed.on)

        self._sign(MembershipStatus.ACCEPTED, "Chair approves", "Chair", "", step)

    def action_mou_signed(self) -> None:
        """Record when the memorandum of understanding was signed."""
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        membership = self.store.memberships.get(membership_id)
        school = self.store.schools.get(membership.school_id)
        today = self.store.today()

        def record(signed: SignOff) -> None:
            joining.record_mou_signed(self.store, membership_id, signed.on, signed_by=signed.who)

        ask(
            self,
            lambda: SignOffScreen(
                f"MoU signed: {school.name}", "Signed by", school.head_teacher, today
            ),
            record,
            f"MoU signed by {school.name} recorded.",
        )

    def action_export_form(self) -> None:
        """Write the nomination form and MoU of the selected school to a file."""
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        school = self.store.schools.get(self.store.memberships.get(membership_id).school_id)
        suggested = Path.home() / paper_file_name("Nomination and MoU", school.name, suffix=".html")

        def write(path: Path) -> None:
            try:
                write_nomination_form(self.store, membership_id, path)
            except OSError as error:
                raise StoreError(f"Cannot write there: {os_error_reason(error)}.") from error

        ask(self, lambda: ExportPathScreen(suggested), write, lambda path: f"Wrote {path}.")

    def action_propose_move(self) -> None:
        """Propose that a school joins, leaves or is removed."""
        members = [m.school for m in self.store.networks.members(self.network_id)]
        member_ids = {s.id for s in members}
        others = [s for s in self.store.schools.all() if s.id not in member_ids]
        user, today = self.store.user_name, self.store.today()

        def propose(request: MoveRequest) -> None:
            joining.propose_move(
                self.store, self.network_id, request.school_id, request.kind, reason=request.reason,
                on=request.on, proposed_by=request.proposed_by, evidence=request.evidence,
            )  # fmt: skip

        self.show_tab("tab-history")
        ask(
            self,
            lambda: MoveScreen(members, others, user, today),
            propose,
            "Proposed. It takes effect once ratified.",
        )

    def action_ratify(self) -> None:
        """Ratify the selected proposed move for the network leads group."""
        move_id = self.selected_key("moves")
        if move_id is None:
            self.show_tab("tab-history")
            self.notify("There is no proposed move to ratify.", severity="warning")
            return
        move = self.store.membership_moves.get(move_id)
        school = self.store.schools.get(move.school_id)
        change = move.kind.label.lower()
        today = self.store.today()

        def ratify(signed: SignOff) -> None:
            joining.ratify_move(self.store, move_id, by=signed.who, on=signed.on)

        ask(
            self,
            lambda: SignOffScreen(
                f"Ratify: {school.name}, {change}", "Ratified by", "Network leads group", today
            ),
            ratify,
            f"Ratified: {school.name} {change}.",
        )

    def action_edit_terms(self) -> None:
        """Edit the terms of reference."""
        network = self.network
        terms = network.terms_of_reference

        def save(edited: dict[str, str]) -> None:
            networks.save_terms(self.store, self.network_id, edited)

        self.show_tab("tab-terms")
        ask(self, lambda: TermsScreen(terms), save, "Terms of reference saved.", based_on=network)

    def action_lead_criteria(self) -> None:
        """Tick the lead criteria a person meets."""
        person_id = self.selected_key("people")
        if person_id is None:
            self.show_tab("tab-people")
            return
        person = self.store.people.get(person_id)

        def save(criteria: LeadCriteria) -> None:
            networks.save_lead_criteria(self.store, person_id, criteria)

        self.show_tab("tab-people")
        ask(
            self,
            lambda: LeadCriteriaScreen(person.name, person.lead_criteria),
            save,
            f"Saved {person.name}'s criteria.",
            based_on=person,
        )

    def action_answer_finding(self) -> None:
        """Record where support from beyond the network will come from, for this year."""
        self.show_tab("tab-health")
        findings = [f for f in network_health(self.store, self.network_id) if f.capacity]
        if not findings:
            self.notify("No health finding here asks for support capacity from beyond the network.")
            return

        def save(answer: FindingAnswer) -> None:
            answer_finding(self.store, self.network_id, answer.finding, answer.note)

        ask(
            self,
            lambda: AnswerFindingScreen(findings),
            save,
            lambda answer: f"Answered: {answer.finding.label}.",
        )
