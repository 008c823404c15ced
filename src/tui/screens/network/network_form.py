"""Create a network, or change one: name, kind, phase, area, review target, this year's
funding and its leaders, who are chosen from its people or added on the spot."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from textual import on
from textual.app import ComposeResult
from textual.widgets import Select

from store import StoreError
from store.enums import NetworkKind, NetworkPhase
from store.models import Network, Person, School
from store.plans.funding import money
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.screens.network.record_forms import PersonScreen
from tui.widgets.form_field import FormField

# The chooser's last option: type in someone who is not in the list yet.
SOMEONE_NEW = "+new"
PEOPLE_FIELDS = (
    ("lead_id", "Network lead"),
    ("deputy_lead_id", "Deputy lead"),
    ("coordinator_id", "Co-ordinator"),
)


@dataclass
class NetworkDraft:
    """What the form gives the page: the network, anyone added on the spot, the funding."""

    network: Network
    people: list[Person] = field(default_factory=list)
    funding: Decimal | None = None


class NetworkFormScreen(FormScreen[NetworkDraft]):
    """A new network, or an existing one edited; the page saves what it returns."""

    def __init__(
        self,
        network: Network | None = None,
        schools: list[School] | None = None,
        people: list[Person] | None = None,
        *,
        year: str = "",
        funding: Decimal | None = None,
        added: list[Person] | None = None,
    ) -> None:
        super().__init__()
        self.network = network
        self.schools = schools or []  # its member schools, for the lead school
        self.people = people or []  # its people, for its leaders
        self.year = year
        self.funding = funding
        # People added on the spot: shared with the page, so a form reopened after a refusal
        # still offers them.
        self.added = added if added is not None else []
        self._chosen: dict[str, str | None] = {}
        self.TITLE_TEXT = f"Edit {network.name}" if network else "Create a network"
        if network is None:
            self.HINT = "Add its schools afterwards on the network's page (o nominates one)."

    def compose_fields(self) -> ComposeResult:
        """Name, kind, phase, area, description, target, funding; lead school and leaders."""
        network = self.network or Network(name="New network")
        yield self.text_input("name", "Name", network.name if self.network else "")
        yield FormField(
            "Kind",
            Select([(k.label, k.value) for k in NetworkKind], id="kind", allow_blank=False,
                   value=network.kind.value),
            field_id="kind",
        )  # fmt: skip
        yield FormField(
            "Phase",
            Select([(p.label, p.value) for p in NetworkPhase], id="phase", prompt="Not set",
                   value=network.phase.value if network.phase else Select.NULL),
            field_id="phase",
        )  # fmt: skip
        yield self.text_input("area", "Area", network.area, "e.g. Huntingdonshire")
        yield self.text_input("description", "Description", network.description)
        target = "" if network.review_target is None else str(network.review_target)
        yield self.text_input("review_target", "Schools to review each year", target, "e.g. 8")
        funding = "" if self.funding is None else f"{self.funding:.2f}"
        yield self.text_input("funding", f"Funding for {self.year} (£)", funding, "e.g. 12000")
        if self.network is not None:
            yield self._choose(
                "lead_school_id", "Lead school", self.schools, network.lead_school_id
            )
        for name, label in PEOPLE_FIELDS:
            yield self._choose(name, label, self._people(), getattr(network, name), new=True)

    def _people(self) -> list[Person]:
        return sorted([*self.people, *self.added], key=lambda p: (p.name.lower(), p.id))

    def _choose(
        self,
        name: str,
        label: str,
        choices: list[School] | list[Person],
        current: str | None,
        *,
        new: bool = False,
    ) -> FormField:
        known = {choice.id for choice in choices}
        pairs = [(c.name, c.id) for c in choices]
        extra = [("+ Someone new…", SOMEONE_NEW)] if new else []
        value = current if current in known else Select.NULL
        self._chosen[name] = current if current in known else None
        return FormField(
            label,
            Select([*options(pairs), *extra], id=name, prompt="None", value=value),
            field_id=name,
        )

    @on(Select.Changed)
    def person_chosen(self, event: Select.Changed) -> None:
        """Choosing "Someone new" opens a small form; the new person is then chosen."""
        select_id = event.select.id or ""
        if select_id not in dict(PEOPLE_FIELDS):
            return
        if event.value != SOMEONE_NEW:
            self._chosen[select_id] = None if event.value is Select.NULL else str(event.value)
            return

        def added(person: Person | None) -> None:
            if person is None:
                previous = self._chosen.get(select_id)
                select = self.query_one(f"#{select_id}", Select)
                select.value = previous if previous else Select.NULL
                return
            self.added.append(person)
            self._offer_people()
            self.query_one(f"#{select_id}", Select).value = person.id

        self.app.push_screen(PersonScreen(self.schools), added)

    def _offer_people(self) -> None:
        pairs = [(p.name, p.id) for p in self._people()]
        for name, _label in PEOPLE_FIELDS:
            select = self.query_one(f"#{name}", Select)
            kept = self._chosen.get(name)
            select.set_options([*options(pairs), ("+ Someone new…", SOMEONE_NEW)])
            select.value = kept if kept else Select.NULL

    def submit(self) -> NetworkDraft | None:
        """The network as typed, once it has a name, a sensible target and an amount."""
        errors: dict[str, str] = {}
        name = self.text("name")
        if not name:
            errors["name"] = "Give the network a name."
        raw_target = self.text("review_target")
        target: int | None = None
        if raw_target:
            if not raw_target.isdigit():
                errors["review_target"] = "A whole number of schools, e.g. 8, or leave it empty."
            else:
                target = int(raw_target)
        funding: Decimal | None = None
        if self.text("funding"):
            try:
                funding = money(self.text("funding"))
            except StoreError as refusal:
                errors["funding"] = str(refusal)
        if not self.show_errors(errors):
            return None
        phase = self.query_one("#phase", Select).value
        update: dict[str, object] = {
            "name": name,
            "kind": NetworkKind(str(self.query_one("#kind", Select).value)),
            "phase": None if phase is Select.NULL else NetworkPhase(str(phase)),
            "area": self.text("area"),
            "description": self.text("description"),
            "review_target": target,
        }
        fields = [*PEOPLE_FIELDS, ("lead_school_id", "")] if self.network else PEOPLE_FIELDS
        for field_name, _label in fields:
            chosen = self.query_one(f"#{field_name}", Select).value
            update[field_name] = None if chosen in (Select.NULL, SOMEONE_NEW) else str(chosen)
        network = (
            Network.model_validate(update)
            if self.network is None
            else self.network.model_copy(update=update)
        )
        named = {network.lead_id, network.deputy_lead_id, network.coordinator_id}
        return NetworkDraft(network, [p for p in self.added if p.id in named], funding)
