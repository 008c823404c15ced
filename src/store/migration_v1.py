"""The first schema (migration 1): every record table of the domain, with its indexes.

Kept apart from store.migrations so that file reads as the list of steps. Its helpers
build a record table the same way in every later step. Released migrations never change.
"""

from __future__ import annotations

from sqlite_utils import Database

_RECORD = (
    "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " created_by TEXT NOT NULL DEFAULT ''"
)


def record_table(name: str, *columns: str) -> str:
    return f"CREATE TABLE {name} ({_RECORD}, {', '.join(columns)});"


def ref(column: str, table: str, *, required: bool = False) -> str:
    null = " NOT NULL" if required else ""
    return f"{column} TEXT{null} REFERENCES {table}(id)"


_V1_TABLES = [
    record_table(
        "schools",
        "name TEXT NOT NULL",
        "urn TEXT UNIQUE",
        "phase TEXT",
        "sector TEXT NOT NULL",
        "street TEXT NOT NULL DEFAULT ''",
        "locality TEXT NOT NULL DEFAULT ''",
        "town TEXT NOT NULL DEFAULT ''",
        "postcode TEXT NOT NULL DEFAULT ''",
        "website TEXT NOT NULL DEFAULT ''",
        "phone TEXT NOT NULL DEFAULT ''",
        "head_teacher TEXT NOT NULL DEFAULT ''",
        "contact_name TEXT NOT NULL DEFAULT ''",
        "contact_email TEXT NOT NULL DEFAULT ''",
        "trust TEXT NOT NULL DEFAULT ''",
        "federation TEXT NOT NULL DEFAULT ''",
        "religious_character TEXT NOT NULL DEFAULT ''",
        "local_authority TEXT NOT NULL DEFAULT ''",
        "ofsted_judgement TEXT NOT NULL",
        "ofsted_date TEXT",
    ),
    record_table(
        "people",
        "name TEXT NOT NULL",
        "role TEXT NOT NULL",
        ref("school_id", "schools"),
        "email TEXT NOT NULL DEFAULT ''",
        "phone TEXT NOT NULL DEFAULT ''",
        "lead_criteria TEXT NOT NULL DEFAULT '{}'",
    ),
    record_table(
        "networks",
        "name TEXT NOT NULL",
        "kind TEXT NOT NULL",
        "area TEXT NOT NULL DEFAULT ''",
        "description TEXT NOT NULL DEFAULT ''",
        ref("lead_school_id", "schools"),
        ref("lead_id", "people"),
        ref("deputy_lead_id", "people"),
        ref("coordinator_id", "people"),
        "review_target INTEGER",
        "terms_of_reference TEXT NOT NULL DEFAULT '{}'",
    ),
    record_table(
        "memberships",
        ref("network_id", "networks", required=True),
        ref("school_id", "schools", required=True),
        "role TEXT NOT NULL",
        "status TEXT NOT NULL",
        "joined_on TEXT",
        "left_on TEXT",
        "mou_signed_on TEXT",
    ),
    record_table(
        "membership_events",
        ref("membership_id", "memberships", required=True),
        "status TEXT NOT NULL",
        "occurred_on TEXT NOT NULL",
        "signed_by TEXT NOT NULL DEFAULT ''",
        "reason TEXT NOT NULL DEFAULT ''",
        "evidence TEXT NOT NULL DEFAULT ''",
        "ratified_on TEXT",
    ),
    record_table(
        "meetings",
        ref("network_id", "networks"),
        "title TEXT NOT NULL",
        "kind TEXT NOT NULL",
        "starts_at TEXT NOT NULL",
        "place TEXT NOT NULL DEFAULT ''",
        "notes TEXT NOT NULL DEFAULT ''",
        "decisions TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "agenda_items",
        ref("meeting_id", "meetings", required=True),
        "position INTEGER NOT NULL DEFAULT 0",
        "title TEXT NOT NULL",
        "lead TEXT NOT NULL DEFAULT ''",
        "notes TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "attendances",
        ref("meeting_id", "meetings", required=True),
        ref("person_id", "people", required=True),
        "status TEXT NOT NULL",
        "note TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "action_plans",
        ref("network_id", "networks", required=True),
        "academic_year TEXT NOT NULL",
        "funding_allocated REAL",
        "funding_spent REAL",
        "impact_evaluation TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "plan_priorities",
        ref("plan_id", "action_plans", required=True),
        "position INTEGER NOT NULL DEFAULT 0",
        "title TEXT NOT NULL",
        "partnership_priority TEXT NOT NULL DEFAULT ''",
        "expected_outcomes TEXT NOT NULL DEFAULT ''",
        "success_criteria TEXT NOT NULL DEFAULT ''",
        "funding_allocated REAL",
        "rag TEXT",
    ),
    record_table(
        "peer_reviews",
        ref("network_id", "networks", required=True),
        ref("host_school_id", "schools", required=True),
        "academic_year TEXT NOT NULL",
        "style TEXT NOT NULL",
        "stage TEXT NOT NULL",
        "starts_on TEXT",
        "ends_on TEXT",
        ref("lead_reviewer_id", "people"),
        ref("improvement_champion_id", "people"),
        "focus_areas TEXT NOT NULL DEFAULT '[]'",
        "hypotheses TEXT NOT NULL DEFAULT ''",
        "strengths TEXT NOT NULL DEFAULT ''",
        "areas_for_development TEXT NOT NULL DEFAULT ''",
        "checklist TEXT NOT NULL DEFAULT '{}'",
    ),
    record_table(
        "review_team_members",
        ref("review_id", "peer_reviews", required=True),
        ref("person_id", "people", required=True),
        "role TEXT NOT NULL DEFAULT 'reviewer'",
        ref("employing_school_id", "schools"),
        "dbs_confirmed INTEGER NOT NULL DEFAULT 0",
        "dbs_confirmed_on TEXT",
    ),
    record_table(
        "evidence_notes",
        ref("review_id", "peer_reviews", required=True),
        "noted_at TEXT NOT NULL",
        "focus_area TEXT NOT NULL DEFAULT ''",
        "evidence_type TEXT NOT NULL",
        "text TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "concerns",
        ref("review_id", "peer_reviews", required=True),
        "category TEXT NOT NULL",
        "facts TEXT NOT NULL",
        "occurred_at TEXT",
        "place TEXT NOT NULL DEFAULT ''",
        "raised_by TEXT NOT NULL DEFAULT ''",
        "reported_to TEXT NOT NULL DEFAULT ''",
        "reported_at TEXT",
        "follow_up TEXT NOT NULL DEFAULT ''",
        "outcome TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "actions",
        "description TEXT NOT NULL",
        ref("owner_id", "people"),
        "due_on TEXT",
        "status TEXT NOT NULL",
        "source TEXT NOT NULL",
        ref("network_id", "networks"),
        ref("meeting_id", "meetings"),
        ref("priority_id", "plan_priorities"),
        ref("review_id", "peer_reviews"),
    ),
    record_table(
        "case_studies",
        ref("school_id", "schools", required=True),
        "academic_year TEXT NOT NULL",
        "title TEXT NOT NULL",
        "aspect TEXT NOT NULL DEFAULT ''",
        "impact TEXT NOT NULL DEFAULT ''",
        "format TEXT NOT NULL",
        "status TEXT NOT NULL",
    ),
    record_table(
        "support_exchanges",
        ref("network_id", "networks"),
        ref("giver_school_id", "schools", required=True),
        ref("receiver_school_id", "schools", required=True),
        "description TEXT NOT NULL DEFAULT ''",
        "hours REAL NOT NULL DEFAULT 0",
        "occurred_on TEXT NOT NULL",
    ),
    record_table(
        "partnership_projects",
        ref("network_id", "networks", required=True),
        "title TEXT NOT NULL",
        "goal TEXT NOT NULL DEFAULT ''",
        "starts_on TEXT",
        "ends_on TEXT",
        "impact_evidence TEXT NOT NULL DEFAULT ''",
    ),
    record_table(
        "project_partners",
        ref("project_id", "partnership_projects", required=True),
        ref("school_id", "schools", required=True),
        "contribution TEXT NOT NULL DEFAULT ''",
    ),
    "CREATE TABLE tombstones (table_name TEXT NOT NULL, record_id TEXT NOT NULL,"
    " deleted_at TEXT NOT NULL, PRIMARY KEY (table_name, record_id));",
]

_V1_INDEXES = [
    "CREATE INDEX idx_people_school ON people(school_id);",
    "CREATE INDEX idx_memberships_network ON memberships(network_id);",
    "CREATE INDEX idx_memberships_school ON memberships(school_id);",
    "CREATE INDEX idx_membership_events_membership ON membership_events(membership_id);",
    "CREATE INDEX idx_meetings_network_start ON meetings(network_id, starts_at);",
    "CREATE INDEX idx_agenda_items_meeting ON agenda_items(meeting_id);",
    "CREATE INDEX idx_attendances_meeting ON attendances(meeting_id);",
    "CREATE INDEX idx_actions_network_status ON actions(network_id, status);",
    "CREATE INDEX idx_actions_owner ON actions(owner_id);",
    "CREATE INDEX idx_plan_priorities_plan ON plan_priorities(plan_id);",
    "CREATE INDEX idx_peer_reviews_network ON peer_reviews(network_id, academic_year);",
    "CREATE INDEX idx_review_team_review ON review_team_members(review_id);",
    "CREATE INDEX idx_evidence_notes_review ON evidence_notes(review_id, noted_at);",
    "CREATE INDEX idx_concerns_review ON concerns(review_id);",
]


def v1_records(db: Database) -> None:
    """The domain's record tables and tombstones."""
    for statement in _V1_TABLES + _V1_INDEXES:
        db.execute(statement)
