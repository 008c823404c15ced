"""How a network's page is drawn: members, health, terms, people, history, support, projects."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Markdown, Static, TabbedContent, TabPane

from store import reviews
from store.dates import uk_date
from store.enums import TERMS_OF_REFERENCE_SECTIONS, MembershipStatus
from store.membership import running
from store.membership.health import network_health, open_findings
from store.membership.lead_criteria import lead_criteria_gaps
from store.models import Network
from store.plans.funding import pounds
from tui.formatting import plain
from tui.screens.tabbed import TabbedPage

TABLES: dict[str, tuple[str, ...]] = {
    "members": ("School", "Role", "Status", "Joined", "MoU signed", "Ofsted", "Trust"),
    "people": ("Name", "Role", "School", "In this network", "Lead criteria"),
    "events": ("Date", "School", "Step", "Signed by", "Reason", "Ratified"),
    "moves": ("Proposed", "School", "Change", "Reason", "Status", "Ratified"),
    "case-studies": ("School", "Year", "Title", "Format", "Status"),
    "balance": ("School", "Hours given", "Hours received", "Balance"),
    "exchanges": ("Date", "Given by", "Received by", "What", "Hours"),
    "projects": ("Project", "Goal", "From", "To", "Pupils reached", "Partners"),
}


class NetworkPage(TabbedPage):
    """Everything about one network, tab by tab; NetworkScreen adds what the keys do."""

    SHOWS = frozenset(
        {
            "networks", "schools", "people", "memberships", "membership_events",
            "membership_moves", "case_studies", "support_exchanges", "partnership_projects",
            "project_partners", "meetings", "network_funding", "health_answers", "peer_reviews",
        }
    )  # fmt: skip
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("plus", "add_here", "Add", key_display="+"),
        Binding("o", "nominate", "Nominate"),
        Binding("a", "accept", "Accept"),
        Binding("v", "approve", "Approve"),
        Binding("g", "mou_signed", "MoU signed"),
        Binding("f", "export_form", "Form"),
        Binding("j", "propose_move", "Move"),
        Binding("t", "ratify", "Ratify"),
        Binding("e", "edit_terms", "Edit ToR"),
        Binding("l", "lead_criteria", "Criteria"),
        Binding("c", "answer_finding", "Answer finding"),
    ]

    def __init__(self, network_id: str) -> None:
        super().__init__()
        self.network_id = network_id

    @property
    def network(self) -> Network:
        """The network shown, as stored now."""
        return self.store.networks.get(self.network_id)

    def compose_body(self) -> ComposeResult:
        """Title, health line and the tabs."""
        yield Static(id="title")
        yield Static(id="health-line")
        with TabbedContent(id="tabs"):
            with TabPane("Members", id="tab-members"):
                yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
            with TabPane("Health", id="tab-health"):
                yield Static(id="findings")
            with TabPane("Terms of reference", id="tab-terms"):
                with VerticalScroll():
                    yield Markdown(id="terms")
            with TabPane("People", id="tab-people"):
                yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with TabPane("History", id="tab-history"):
                yield Static("Proposed moves", classes="table-title")
                yield DataTable(id="moves", cursor_type="row", zebra_stripes=True)
                yield Static("Membership history", classes="table-title")
                yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
            with TabPane("Case studies", id="tab-case-studies"):
                yield DataTable(id="case-studies", cursor_type="row", zebra_stripes=True)
            with TabPane("Support", id="tab-support"), VerticalScroll():
                yield Static(
                    "Hours of school-to-school support given and received within the network."
                    " Principle: an equal level of giving and receiving over time.",
                    classes="table-title",
                )
                yield DataTable(id="balance", cursor_type="row", zebra_stripes=True)
                yield Static(
                    "Support recorded (e edits, d deletes the one under the cursor)",
                    classes="table-title",
                )
                yield DataTable(id="exchanges", cursor_type="row", zebra_stripes=True)
            with TabPane("Projects", id="tab-projects"):
                yield DataTable(id="projects", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Set up columns and fill every tab."""
        for table_id, columns in TABLES.items():
            self.query_one(f"#{table_id}", DataTable).add_columns(*columns)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the network afresh and show it."""
        network = self.network
        self.sub_title = network.name
        self.query_one("#title", Static).update(self._title(network))
        self._health(network)
        self._members()
        self._terms(network)
        self._people(network)
        self._history()
        self._support()
        self._projects()

    def _title(self, network: Network) -> Text:
        """Name, kind, phase and area; this year's funding, reviews and whether archived."""
        title = Text(network.name, style="bold")
        about = [network.kind.label, network.phase.label if network.phase else "", network.area]
        title.append(f"   {', '.join(part for part in about if part)}", style="dim")
        year = running.this_year(self.store)
        funding = running.funding_for(self.store, network.id, year)
        facts = [
            f"Funding {year}: {pounds(funding.amount) if funding else 'not recorded'}",
            f"Reviews: {reviews.progress(self.store, network.id, year)}",
        ]
        if network.archived_on is not None:
            facts.append(f"Archived {uk_date(network.archived_on)}")
        title.append(f"\n{'   '.join(facts)}", style="dim")
        return title

    def _health(self, network: Network) -> None:
        findings = network_health(self.store, network.id)
        left = open_findings(findings)
        line = self.query_one("#health-line", Static)
        answered = len(findings) - len(left)
        also = f", {answered} answered" if answered else ""
        if left:
            line.update(
                Text(
                    f"⚠ {len(left)} health findings{also}: see the Health tab", style="bold yellow"
                )
            )
        elif findings:
            line.update(Text(f"✓ Every health finding answered{also}", style="green"))
        else:
            line.update(Text("✓ Meets every network rule", style="green"))
        text = Text()
        for finding in findings:
            text.append("✓ " if finding.answer else "• ", style="green" if finding.answer else "")
            text.append(f"{finding.rule}: ", style="bold")
            text.append(f"{finding.message}\n")
            if finding.answer:
                text.append(f"  Answered: {finding.answer.note}", style="green")
                text.append(f" ({uk_date(finding.answer.answered_on)}", style="dim")
                by = f", {finding.answer.answered_by}" if finding.answer.answered_by else ""
                text.append(f"{by})\n", style="dim")
            elif finding.capacity:
                text.append("  c answers it with where the support will come from.\n", style="dim")
        self.query_one("#findings", Static).update(text or Text("This network meets every rule."))

    def _members(self) -> None:
        table = self.reset_table("members")
        for member in self.store.networks.members(self.network_id, active_only=False):
            school, membership = member.school, member.membership
            table.add_row(
                plain(school.name),
                membership.role.label,
                membership.status.label,
                uk_date(membership.joined_on),
                uk_date(membership.mou_signed_on),
                school.ofsted_judgement.label,
                plain(school.trust),
                key=membership.id,
            )

    def _terms(self, network: Network) -> None:
        parts = [f"# Terms of reference: {network.name}"]
        for key, label in TERMS_OF_REFERENCE_SECTIONS:
            text = network.terms_of_reference.get(key, "")
            parts.append(f"## {label}\n\n{text or '_Not written yet: press e to write it._'}")
        self.query_one("#terms", Markdown).update("\n\n".join(parts))

    def _people(self, network: Network) -> None:
        table = self.reset_table("people")
        roles = {
            network.lead_id: "Lead",
            network.deputy_lead_id: "Deputy lead",
            network.coordinator_id: "Co-ordinator",
        }
        schools = {m.school.id: m.school.name for m in self.store.networks.members(self.network_id)}
        named = [person_id for person_id in roles if person_id]
        people = {p.id: p for p in self.store.people.at_schools(schools)}
        people |= self.store.people.by_ids(named)
        for person in sorted(people.values(), key=lambda p: (p.id not in roles, p.name)):
            gaps = lead_criteria_gaps(person.lead_criteria)
            table.add_row(
                plain(person.name),
                person.role.label,
                plain(schools.get(person.school_id or "", "")),
                roles.get(person.id, "Head of a member school"),
                "meets" if not gaps else "does not meet",
                key=person.id,
            )

    def _history(self) -> None:
        found = self.store.membership_moves.where(
            network_id=self.network_id, order_by="proposed_on"
        )
        names = {
            school_id: school.name
            for school_id, school in self.store.schools.by_ids(m.school_id for m in found).items()
        }
        moves = self.reset_table("moves")
        for move in found:
            moves.add_row(
                uk_date(move.proposed_on),
                plain(names.get(move.school_id, "")),
                move.kind.label,
                plain(move.reason),
                move.status.label,
                uk_date(move.ratified_on),
                key=move.id,
            )
        events = self.reset_table("events")
        rows = []
        for member in self.store.networks.members(self.network_id, active_only=False):
            for event in self.store.membership_events.where(membership_id=member.membership.id):
                rows.append((event, member.school.name))
        for event, school in sorted(
            rows, key=lambda r: (r[0].occurred_on, r[0].created_at), reverse=True
        ):
            events.add_row(
                uk_date(event.occurred_on),
                plain(school),
                event.status.label,
                plain(event.signed_by),
                plain(event.reason),
                uk_date(event.ratified_on),
                key=event.id,
            )

    def _support(self) -> None:
        members = self.store.networks.members(self.network_id)
        studies = self.reset_table("case-studies")
        for member in members:
            for study in self.store.case_studies.where(
                school_id=member.school.id, order_by="academic_year"
            ):
                studies.add_row(
                    plain(member.school.name),
                    study.academic_year,
                    plain(study.title),
                    study.format.label,
                    study.status.label,
                    key=study.id,
                )
        balance = self.reset_table("balance")
        for row in self.store.networks.support_balance(self.network_id):
            sign = "+" if row.balance > 0 else ""
            balance.add_row(
                plain(row.school.name),
                f"{row.given:g}",
                f"{row.received:g}",
                Text(f"{sign}{row.balance:g}", style="yellow" if abs(row.balance) >= 8 else ""),
                key=row.school.id,
            )
        found = self.store.support_exchanges.where(
            network_id=self.network_id, order_by="occurred_on DESC"
        )
        names = self.store.schools.by_ids(
            [e.giver_school_id for e in found] + [e.receiver_school_id for e in found]
        )
        exchanges = self.reset_table("exchanges")
        for exchange in found:
            giver = names.get(exchange.giver_school_id)
            receiver = names.get(exchange.receiver_school_id)
            exchanges.add_row(
                uk_date(exchange.occurred_on),
                plain(giver.name if giver else ""),
                plain(receiver.name if receiver else ""),
                plain(exchange.description[:50]),
                f"{exchange.hours:g}",
                key=exchange.id,
            )

    def _projects(self) -> None:
        table = self.reset_table("projects")
        for project in self.store.partnership_projects.where(
            network_id=self.network_id, order_by="title"
        ):
            partners = self.store.project_partners.where(project_id=project.id)
            names = self.store.schools.by_ids(p.school_id for p in partners)
            listed = ", ".join(
                f"{names[p.school_id].name} ({names[p.school_id].sector.label.lower()})"
                for p in partners
            )
            table.add_row(
                plain(project.title),
                plain(project.goal),
                uk_date(project.starts_on),
                uk_date(project.ends_on),
                "" if project.pupils_reached is None else str(project.pupils_reached),
                plain(listed),
                key=project.id,
            )

    def action_back(self) -> None:
        """Return to the list of networks."""
        self.app.pop_screen()

    def member_status(self, membership_id: str) -> MembershipStatus:
        """Where a membership stands now."""
        return self.store.memberships.get(membership_id).status
