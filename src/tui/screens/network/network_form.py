"""Create a network, or change one: its name, kind, area, review target and leaders."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select

from store.enums import NetworkKind
from store.models import Network, Person, School
from tui.formatting import options
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField


class NetworkFormScreen(FormScreen[Network]):
    """A new network, or an existing one edited; the page saves what it returns."""

    def __init__(
        self,
        network: Network | None = None,
        schools: list[School] | None = None,
        people: list[Person] | None = None,
    ) -> None:
        super().__init__()
        self.network = network
        self.schools = schools or []  # its member schools, for the lead school
        self.people = people or []  # people at its schools, for its leaders
        self.TITLE_TEXT = f"Edit {network.name}" if network else "Create a network"
        if network is None:
            self.HINT = "Add its schools afterwards on the network's page (o nominates one)."

    def compose_fields(self) -> ComposeResult:
        """Name, kind, area, description and review target; leaders once it has people."""
        network = self.network or Network(name="New network")
        yield self.text_input("name", "Name", network.name if self.network else "")
        yield FormField(
            "Kind",
            Select([(k.label, k.value) for k in NetworkKind], id="kind", allow_blank=False,
                   value=network.kind.value),
            field_id="kind",
        )  # fmt: skip
        yield self.text_input("area", "Area", network.area, "e.g. Huntingdonshire")
        yield self.text_input("description", "Description", network.description)
        target = "" if network.review_target is None else str(network.review_target)
        yield self.text_input("review_target", "Schools to review each year", target, "e.g. 8")
        if self.network is None:
            return
        yield self._choose("lead_school_id", "Lead school", self.schools, network.lead_school_id)
        for name, label in (("lead_id", "Network lead"), ("deputy_lead_id", "Deputy lead"),
                            ("coordinator_id", "Co-ordinator")):  # fmt: skip
            yield self._choose(name, label, self.people, getattr(network, name))

    def _choose(
        self, name: str, label: str, choices: list[School] | list[Person], current: str | None
    ) -> FormField:
        known = {choice.id for choice in choices}
        return FormField(
            label,
            Select(options((c.name, c.id) for c in choices), id=name, prompt="None",
                   value=current if current in known else Select.NULL),
            field_id=name,
        )  # fmt: skip

    def submit(self) -> Network | None:
        """The network as typed, once it has a name and a sensible target."""
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
        if not self.show_errors(errors):
            return None
        update: dict[str, object] = {
            "name": name,
            "kind": NetworkKind(str(self.query_one("#kind", Select).value)),
            "area": self.text("area"),
            "description": self.text("description"),
            "review_target": target,
        }
        if self.network is None:
            return Network.model_validate(update)
        for field in ("lead_school_id", "lead_id", "deputy_lead_id", "coordinator_id"):
            chosen = self.query_one(f"#{field}", Select).value
            update[field] = None if chosen is Select.NULL else str(chosen)
        return self.network.model_copy(update=update)
