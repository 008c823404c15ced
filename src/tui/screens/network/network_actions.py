"""What a user can do on a network's page; each action opens a form that calls the store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from store.dates import academic_year_of
from store.documents.nomination import write_nomination_form
from store.enums import MembershipStatus
from store.membership import joining
from store.models import (
    CaseStudy,
    LeadCriteria,
    PartnershipProject,
    Person,
    ProjectPartner,
    School,
    SupportExchange,
)
from tui.screens.dialogs.form import FormScreen
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
from tui.screens.network.record_forms import (
    CaseStudyScreen,
    PersonScreen,
    ProjectScreen,
    SupportScreen,
)

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from store import Store
    from store.models import Network


class ExportPathScreen(FormScreen[Path]):
    """Ask where to write a document; .html gives a printable page, .md gives Markdown."""

    TITLE_TEXT = "Export the nomination form and MoU"
    HINT = "Ends in .html for a page to print and sign, or .md for Markdown."
    SAVE_LABEL = "Export"

    def __init__(self, suggested: Path, write: Callable[[Path], None], title: str = "") -> None:
        super().__init__()
        if title:
            self.TITLE_TEXT = title
        self.suggested = suggested
        self.write = write

    def compose_fields(self) -> ComposeResult:
        """The file path."""
        yield self.text_input("path", "File", str(self.suggested))

    def submit(self) -> Path | None:
        """Write the file, or say why not beside the field."""
        raw = self.text("path")
        if not raw:
            self.show_errors({"path": "Give a file name."})
            return None
        path = Path(raw).expanduser()
        if not path.parent.is_dir():
            self.show_errors({"path": f"There is no folder {path.parent}."})
            return None
        try:
            self.write(path)
        except OSError as error:
            self.show_errors({"path": f"Cannot write there: {error.strerror or error}."})
            return None
        return path


class NetworkActions:
    """Key actions of NetworkScreen, kept apart from how the page is drawn."""

    network_id: str
    store: Store
    network: Network

    # Provided by NetworkScreen and Textual's Screen: refresh_data, selected_key, show_tab,
    # notify and app. Not declared here, so the mixin cannot shadow them.

    def _user(self) -> str:
        return self.store.user_name

    def _done(self, message: str) -> Callable[[object], None]:
        def finished(result: object) -> None:
            if result is not None:
                self.refresh_data()
                self.notify(message, markup=False)

        return finished

    def _open(self, screen: object, message: str) -> None:
        self.app.push_screen(screen, self._done(message))  # type: ignore[attr-defined]

    def _selected_membership(self) -> str | None:
        membership_id = self.selected_key("members")
        if membership_id is None:
            self.show_tab("tab-members")
            self.notify("Choose a school on the Members tab first.", severity="warning")
        return membership_id

    def action_add_here(self) -> None:
        """Add a record of the kind the current tab shows."""
        tab = self.query_one("#tabs").active  # type: ignore[attr-defined]
        members = [m.school for m in self.store.networks.members(self.network_id)]
        if tab == "tab-case-studies":
            year = academic_year_of(self.store.today())

            def add_study(study: CaseStudy) -> None:
                self.store.case_studies.add(study)

            self._open(CaseStudyScreen(members, year, add_study), "Case study added.")
        elif tab == "tab-support":

            def add_support(exchange: SupportExchange) -> None:
                self.store.support_exchanges.add(
                    exchange.model_copy(update={"network_id": self.network_id})
                )

            self._open(SupportScreen(members, self.store.today(), add_support), "Support recorded.")
        elif tab == "tab-projects":

            def add_project(project: PartnershipProject, partners: list[str]) -> None:
                with self.store.db.atomic():
                    saved = self.store.partnership_projects.add(
                        project.model_copy(update={"network_id": self.network_id})
                    )
                    for school_id in partners:
                        self.store.project_partners.add(
                            ProjectPartner(project_id=saved.id, school_id=school_id)
                        )

            schools = self.store.schools.all()
            self._open(ProjectScreen(schools, add_project), "Project added.")
        elif tab == "tab-people":

            def add_person(person: Person) -> None:
                self.store.people.add(person)

            self._open(PersonScreen(members, add_person), "Person added.")
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
        name = self.store.people.get(coordinator).name if coordinator else self._user()

        def apply(nomination: Nomination) -> None:
            school = self.store.schools.get(nomination.school_id)
            contact = {
                key: value
                for key, value in (
                    ("contact_name", nomination.contact_name),
                    ("contact_email", nomination.contact_email),
                    ("phone", nomination.phone),
                )
                if value
            }
            with self.store.db.atomic():
                if contact:
                    self.store.schools.update(school.model_copy(update=contact))
                joining.nominate(
                    self.store, self.network_id, school.id, nominated_by=nomination.nominated_by,
                    on=nomination.on,
                )  # fmt: skip

        self.show_tab("tab-members")
        self._open(NominateScreen(candidates, name, self.store.today(), apply), "Nominated.")

    def _sign(
        self, expected: MembershipStatus, title: str, role: str, who: str, step: callable
    ) -> None:  # type: ignore[valid-type]
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
        screen = SignOffScreen(
            f"{title}: {school.name}",
            role,
            who or "",
            self.store.today(),
            lambda signed: step(membership_id, signed),
        )
        self._open(screen, f"{title}: {school.name}.")

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

        def apply(signed: SignOff) -> None:
            joining.record_mou_signed(self.store, membership_id, signed.on, signed_by=signed.who)

        screen = SignOffScreen(
            f"MoU signed: {school.name}",
            "Signed by",
            school.head_teacher,
            self.store.today(),
            apply,
        )
        self._open(screen, f"MoU signed by {school.name} recorded.")

    def action_export_form(self) -> None:
        """Write the nomination form and MoU of the selected school to a file."""
        membership_id = self._selected_membership()
        if membership_id is None:
            return
        school = self.store.schools.get(self.store.memberships.get(membership_id).school_id)
        slug = "".join(c if c.isalnum() else "-" for c in school.name.lower()).strip("-")
        suggested = Path.home() / f"nomination-{slug}.html"

        def write(path: Path) -> None:
            write_nomination_form(self.store, membership_id, path)

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {path}.", markup=False)

        self.app.push_screen(ExportPathScreen(suggested, write), written)  # type: ignore[attr-defined]

    def action_propose_move(self) -> None:
        """Propose that a school joins, leaves or is removed."""
        members = [m.school for m in self.store.networks.members(self.network_id)]
        member_ids = {s.id for s in members}
        others: list[School] = [s for s in self.store.schools.all() if s.id not in member_ids]

        def apply(request: MoveRequest) -> None:
            joining.propose_move(
                self.store, self.network_id, request.school_id, request.kind, reason=request.reason,
                on=request.on, proposed_by=request.proposed_by, evidence=request.evidence,
            )  # fmt: skip

        self.show_tab("tab-history")
        screen = MoveScreen(members, others, self._user(), self.store.today(), apply)
        self._open(screen, "Proposed. It takes effect once ratified.")

    def action_ratify(self) -> None:
        """Ratify the selected proposed move for the network leads group."""
        move_id = self.selected_key("moves")
        if move_id is None:
            self.show_tab("tab-history")
            self.notify("There is no proposed move to ratify.", severity="warning")
            return
        move = self.store.membership_moves.get(move_id)
        school = self.store.schools.get(move.school_id)

        def apply(signed: SignOff) -> None:
            joining.ratify_move(self.store, move_id, by=signed.who, on=signed.on)

        screen = SignOffScreen(
            f"Ratify: {school.name}, {move.kind.label.lower()}",
            "Ratified by",
            "Network leads group",
            self.store.today(),
            apply,
        )
        self._open(screen, f"Ratified: {school.name} {move.kind.label.lower()}.")

    def action_edit_terms(self) -> None:
        """Edit the terms of reference."""
        network = self.network

        def apply(terms: dict[str, str]) -> None:
            self.store.networks.update(
                self.network.model_copy(update={"terms_of_reference": terms})
            )

        self.show_tab("tab-terms")
        self._open(TermsScreen(network.terms_of_reference, apply), "Terms of reference saved.")

    def action_lead_criteria(self) -> None:
        """Tick the lead criteria a person meets."""
        person_id = self.selected_key("people")
        if person_id is None:
            self.show_tab("tab-people")
            return
        person = self.store.people.get(person_id)

        def apply(criteria: LeadCriteria) -> None:
            self.store.people.update(
                self.store.people.get(person_id).model_copy(update={"lead_criteria": criteria})
            )

        self.show_tab("tab-people")
        self._open(
            LeadCriteriaScreen(person.name, person.lead_criteria, apply),
            f"Saved {person.name}'s criteria.",
        )
