"""The registry of record tables: which model each holds and what it refers to.

Generic code (repositories, bundles, tests) walks this registry, so a table added
here travels everywhere without new code.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pydantic import BaseModel, TypeAdapter

from store import models

if TYPE_CHECKING:
    from typing_extensions import TypeForm

M = TypeVar("M", bound=models.Record)
# One encoder made once: json.dumps with options builds a new encoder on every call.
_encode_json = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
_EMPTY_JSON: dict[type, str] = {dict: "{}", list: "[]"}


def _needs_json(annotation: Any) -> bool:
    """True when a field's values are lists, dicts or models, stored as JSON text."""
    origin = typing.get_origin(annotation)
    if origin in (list, dict):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_needs_json(arg) for arg in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _needs_json(typing.get_args(annotation)[0])
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@dataclass(frozen=True)
class TableSpec(Generic[M]):
    """One record table: its name, model, references and confidentiality."""

    name: str
    model: type[M]
    references: dict[str, str] = field(default_factory=dict)
    confidential: bool = False
    # Once written, a record of an append-only table changes only by a dated amendment.
    append_only: bool = False
    # Identity across laptops: a record is known by its id; a table with a natural key also
    # knows an incoming record by that column (a school by its URN), whoever created it.
    natural_key: str | None = None
    # A column naming a school that is a member of the record's scope: a bundle of that scope
    # carries the school's own records (its people, its case studies), and nothing else of it.
    member_school: str | None = None

    @cached_property
    def json_fields(self) -> frozenset[str]:
        """Fields stored as JSON text."""
        return frozenset(
            name for name, info in self.model.model_fields.items() if _needs_json(info.annotation)
        )

    @cached_property
    def bool_fields(self) -> frozenset[str]:
        """Fields SQLite stores as 0 or 1."""
        return frozenset(
            name for name, info in self.model.model_fields.items() if info.annotation is bool
        )

    @cached_property
    def columns(self) -> tuple[str, ...]:
        """Column names, in model order."""
        return tuple(self.model.model_fields)

    @cached_property
    def list_adapter(self) -> TypeAdapter[list[M]]:
        """Validates and serialises a list of this table's records in one call."""
        # list[self.model] is a type made at run time, which a checker cannot read as a type
        # expression; so build the same alias as a value, and the cast says which type it is.
        return TypeAdapter(cast("TypeForm[list[M]]", types.GenericAlias(list, (self.model,))))

    def to_rows(self, records: list[M]) -> list[dict[str, Any]]:
        """Many records as rows, serialised in one call (much faster than one at a time)."""
        rows = self.list_adapter.dump_python(records, mode="json")
        return [self._sqlite_values(row) for row in rows]

    def to_row(self, record: M) -> dict[str, Any]:
        """The record as a row of SQLite values."""
        return self._sqlite_values(record.model_dump(mode="json"))

    def _sqlite_values(self, row: dict[str, Any]) -> dict[str, Any]:
        for name in self.json_fields:
            value = row[name]
            row[name] = _EMPTY_JSON[type(value)] if not value else _encode_json(value)
        for name in self.bool_fields:
            row[name] = int(row[name])
        return row

    def row_to_json(self, row: dict[str, Any]) -> dict[str, Any]:
        """A stored row as the JSON a bundle carries (what model_dump(mode="json") gives)."""
        data = dict(row)
        for name in self.json_fields:
            if isinstance(data.get(name), str):
                data[name] = json.loads(data[name])
        for name in self.bool_fields:
            data[name] = bool(data[name])
        return data

    def from_row(self, row: dict[str, Any]) -> M:
        """A record from a row read back from SQLite."""
        data = dict(row)
        for name in self.json_fields:
            if isinstance(data.get(name), str):
                data[name] = json.loads(data[name])
        return self.model.model_validate(data)


SCHOOLS = TableSpec("schools", models.School, natural_key="urn")
PEOPLE = TableSpec("people", models.Person, {"school_id": "schools"})
NETWORKS = TableSpec(
    "networks",
    models.Network,
    {
        "lead_school_id": "schools",
        "lead_id": "people",
        "deputy_lead_id": "people",
        "coordinator_id": "people",
    },
)
MEMBERSHIPS = TableSpec(
    "memberships",
    models.Membership,
    {"network_id": "networks", "school_id": "schools"},
    member_school="school_id",
)
MEMBERSHIP_EVENTS = TableSpec(
    "membership_events", models.MembershipEvent, {"membership_id": "memberships"}
)
MEMBERSHIP_MOVES = TableSpec(
    "membership_moves", models.MembershipMove, {"network_id": "networks", "school_id": "schools"}
)
MEETINGS = TableSpec("meetings", models.Meeting, {"network_id": "networks"})
AGENDA_ITEMS = TableSpec(
    "agenda_items", models.AgendaItem, {"meeting_id": "meetings", "lead_id": "people"}
)
ATTENDANCES = TableSpec(
    "attendances",
    models.Attendance,
    {"meeting_id": "meetings", "person_id": "people", "school_id": "schools"},
)
PARTNERSHIP_PRIORITIES = TableSpec("partnership_priorities", models.PartnershipPriority)
# rolled_from_id (and an action's carried_from_id) name history that may not travel with
# the record, so they are plain ids, not references a bundle must carry.
ACTION_PLANS = TableSpec(
    "action_plans",
    models.ActionPlan,
    {"network_id": "networks", "lead_id": "people", "deputy_id": "people"},
)
PLAN_PRIORITIES = TableSpec(
    "plan_priorities",
    models.PlanPriority,
    {"plan_id": "action_plans", "partnership_priority_id": "partnership_priorities"},
)
PLAN_SCRUTINIES = TableSpec(
    "plan_scrutinies", models.PlanScrutiny, {"plan_id": "action_plans", "meeting_id": "meetings"}
)
PEER_REVIEWS = TableSpec(
    "peer_reviews",
    models.PeerReview,
    {
        "network_id": "networks",
        "host_school_id": "schools",
        "lead_reviewer_id": "people",
        "improvement_champion_id": "people",
    },
)
REVIEW_TEAM_MEMBERS = TableSpec(
    "review_team_members",
    models.ReviewTeamMember,
    {"review_id": "peer_reviews", "person_id": "people", "employing_school_id": "schools"},
)
EVIDENCE_NOTES = TableSpec("evidence_notes", models.EvidenceNote, {"review_id": "peer_reviews"})
CONCERNS = TableSpec(
    "concerns", models.Concern, {"review_id": "peer_reviews"}, confidential=True, append_only=True
)
CONCERN_AMENDMENTS = TableSpec(
    "concern_amendments",
    models.ConcernAmendment,
    {"concern_id": "concerns"},
    confidential=True,
    append_only=True,
)
REVIEW_SLOTS = TableSpec("review_slots", models.ReviewSlot, {"review_id": "peer_reviews"})
OUTCOME_AREAS = TableSpec("outcome_areas", models.OutcomeArea, {"review_id": "peer_reviews"})
REVIEW_AMENDMENTS = TableSpec(
    "review_amendments", models.ReviewAmendment, {"review_id": "peer_reviews"}, append_only=True
)
ACTIONS = TableSpec(
    "actions",
    models.Action,
    {
        "owner_id": "people",
        "network_id": "networks",
        "meeting_id": "meetings",
        "priority_id": "plan_priorities",
        "review_id": "peer_reviews",
    },
)
PLAN_SPENDING = TableSpec(
    "plan_spending", models.PlanSpending, {"plan_id": "action_plans", "action_id": "actions"}
)
CASE_STUDIES = TableSpec("case_studies", models.CaseStudy, {"school_id": "schools"})
SUPPORT_EXCHANGES = TableSpec(
    "support_exchanges",
    models.SupportExchange,
    {"network_id": "networks", "giver_school_id": "schools", "receiver_school_id": "schools"},
)
PARTNERSHIP_PROJECTS = TableSpec(
    "partnership_projects", models.PartnershipProject, {"network_id": "networks"}
)
NETWORK_FUNDING = TableSpec("network_funding", models.NetworkFunding, {"network_id": "networks"})
HEALTH_ANSWERS = TableSpec("health_answers", models.HealthAnswer, {"network_id": "networks"})
PROJECT_PARTNERS = TableSpec(
    "project_partners",
    models.ProjectPartner,
    {"project_id": "partnership_projects", "school_id": "schools"},
)

# Parents before children, so inserting in this order never breaks a reference.
TABLES: tuple[TableSpec[Any], ...] = (
    SCHOOLS,
    PEOPLE,
    NETWORKS,
    MEMBERSHIPS,
    MEMBERSHIP_EVENTS,
    MEMBERSHIP_MOVES,
    MEETINGS,
    AGENDA_ITEMS,
    ATTENDANCES,
    PARTNERSHIP_PRIORITIES,
    ACTION_PLANS,
    PLAN_PRIORITIES,
    PLAN_SCRUTINIES,
    PEER_REVIEWS,
    REVIEW_TEAM_MEMBERS,
    EVIDENCE_NOTES,
    CONCERNS,
    CONCERN_AMENDMENTS,
    REVIEW_SLOTS,
    OUTCOME_AREAS,
    REVIEW_AMENDMENTS,
    ACTIONS,
    PLAN_SPENDING,
    CASE_STUDIES,
    SUPPORT_EXCHANGES,
    PARTNERSHIP_PROJECTS,
    PROJECT_PARTNERS,
    NETWORK_FUNDING,
    HEALTH_ANSWERS,
)

BY_NAME: dict[str, TableSpec[Any]] = {spec.name: spec for spec in TABLES}

# What a scoped bundle is rooted at, by scope kind (store.sharing.bundle.Scope.kind).
SCOPE_ROOTS: dict[str, str] = {
    "network": "networks",
    "review": "peer_reviews",
    "meeting": "meetings",
}


def dependents(table: str) -> frozenset[str]:
    """Tables whose records refer to `table`, directly or through other records' references."""
    found: set[str] = set()
    frontier = {table}
    while frontier:
        frontier = {
            spec.name
            for spec in TABLES
            if spec.name not in found and frontier & set(spec.references.values())
        }
        found |= frontier
    return frozenset(found)


# Records that belong to no network, review or meeting (schools, people, case studies):
# a scope carries them only as what its records refer to, or as a member school's own.
SHARED: frozenset[str] = frozenset(
    spec.name
    for spec in TABLES
    if not any(spec.name == root or spec.name in dependents(root) for root in SCOPE_ROOTS.values())
)
