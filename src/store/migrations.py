"""Schema migrations, applied in order and recorded in `PRAGMA user_version`.

A migration, once released, is never edited: later changes are new migrations, so a
database made by any older schoolnet upgrades step by step without loss.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from store.migration_steps import LATER_STEPS

# Every record table starts with these; bundles merge on id and updated_at.
_RECORD = (
    "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " created_by TEXT NOT NULL DEFAULT ''"
)


def _table(name: str, *columns: str) -> str:
    return f"CREATE TABLE {name} ({_RECORD}, {', '.join(columns)});"


def _ref(column: str, table: str, *, required: bool = False) -> str:
    null = " NOT NULL" if required else ""
    return f"{column} TEXT{null} REFERENCES {table}(id)"


_V1_TABLES = [
    _table(
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
    _table(
        "people",
        "name TEXT NOT NULL",
        "role TEXT NOT NULL",
        _ref("school_id", "schools"),
        "email TEXT NOT NULL DEFAULT ''",
        "phone TEXT NOT NULL DEFAULT ''",
        "lead_criteria TEXT NOT NULL DEFAULT '{}'",
    ),
    _table(
        "networks",
        "name TEXT NOT NULL",
        "kind TEXT NOT NULL",
        "area TEXT NOT NULL DEFAULT ''",
        "description TEXT NOT NULL DEFAULT ''",
        _ref("lead_school_id", "schools"),
        _ref("lead_id", "people"),
        _ref("deputy_lead_id", "people"),
        _ref("coordinator_id", "people"),
        "review_target INTEGER",
        "terms_of_reference TEXT NOT NULL DEFAULT '{}'",
    ),
    _table(
        "memberships",
        _ref("network_id", "networks", required=True),
        _ref("school_id", "schools", required=True),
        "role TEXT NOT NULL",
        "status TEXT NOT NULL",
        "joined_on TEXT",
        "left_on TEXT",
        "mou_signed_on TEXT",
    ),
    _table(
        "membership_events",
        _ref("membership_id", "memberships", required=True),
        "status TEXT NOT NULL",
        "occurred_on TEXT NOT NULL",
        "signed_by TEXT NOT NULL DEFAULT ''",
        "reason TEXT NOT NULL DEFAULT ''",
        "evidence TEXT NOT NULL DEFAULT ''",
        "ratified_on TEXT",
    ),
    _table(
        "meetings",
        _ref("network_id", "networks"),
        "title TEXT NOT NULL",
        "kind TEXT NOT NULL",
        "starts_at TEXT NOT NULL",
        "place TEXT NOT NULL DEFAULT ''",
        "notes TEXT NOT NULL DEFAULT ''",
        "decisions TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "agenda_items",
        _ref("meeting_id", "meetings", required=True),
        "position INTEGER NOT NULL DEFAULT 0",
        "title TEXT NOT NULL",
        "lead TEXT NOT NULL DEFAULT ''",
        "notes TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "attendances",
        _ref("meeting_id", "meetings", required=True),
        _ref("person_id", "people", required=True),
        "status TEXT NOT NULL",
        "note TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "action_plans",
        _ref("network_id", "networks", required=True),
        "academic_year TEXT NOT NULL",
        "funding_allocated REAL",
        "funding_spent REAL",
        "impact_evaluation TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "plan_priorities",
        _ref("plan_id", "action_plans", required=True),
        "position INTEGER NOT NULL DEFAULT 0",
        "title TEXT NOT NULL",
        "partnership_priority TEXT NOT NULL DEFAULT ''",
        "expected_outcomes TEXT NOT NULL DEFAULT ''",
        "success_criteria TEXT NOT NULL DEFAULT ''",
        "funding_allocated REAL",
        "rag TEXT",
    ),
    _table(
        "peer_reviews",
        _ref("network_id", "networks", required=True),
        _ref("host_school_id", "schools", required=True),
        "academic_year TEXT NOT NULL",
        "style TEXT NOT NULL",
        "stage TEXT NOT NULL",
        "starts_on TEXT",
        "ends_on TEXT",
        _ref("lead_reviewer_id", "people"),
        _ref("improvement_champion_id", "people"),
        "focus_areas TEXT NOT NULL DEFAULT '[]'",
        "hypotheses TEXT NOT NULL DEFAULT ''",
        "strengths TEXT NOT NULL DEFAULT ''",
        "areas_for_development TEXT NOT NULL DEFAULT ''",
        "checklist TEXT NOT NULL DEFAULT '{}'",
    ),
    _table(
        "review_team_members",
        _ref("review_id", "peer_reviews", required=True),
        _ref("person_id", "people", required=True),
        "role TEXT NOT NULL DEFAULT 'reviewer'",
        _ref("employing_school_id", "schools"),
        "dbs_confirmed INTEGER NOT NULL DEFAULT 0",
        "dbs_confirmed_on TEXT",
    ),
    _table(
        "evidence_notes",
        _ref("review_id", "peer_reviews", required=True),
        "noted_at TEXT NOT NULL",
        "focus_area TEXT NOT NULL DEFAULT ''",
        "evidence_type TEXT NOT NULL",
        "text TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "concerns",
        _ref("review_id", "peer_reviews", required=True),
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
    _table(
        "actions",
        "description TEXT NOT NULL",
        _ref("owner_id", "people"),
        "due_on TEXT",
        "status TEXT NOT NULL",
        "source TEXT NOT NULL",
        _ref("network_id", "networks"),
        _ref("meeting_id", "meetings"),
        _ref("priority_id", "plan_priorities"),
        _ref("review_id", "peer_reviews"),
    ),
    _table(
        "case_studies",
        _ref("school_id", "schools", required=True),
        "academic_year TEXT NOT NULL",
        "title TEXT NOT NULL",
        "aspect TEXT NOT NULL DEFAULT ''",
        "impact TEXT NOT NULL DEFAULT ''",
        "format TEXT NOT NULL",
        "status TEXT NOT NULL",
    ),
    _table(
        "support_exchanges",
        _ref("network_id", "networks"),
        _ref("giver_school_id", "schools", required=True),
        _ref("receiver_school_id", "schools", required=True),
        "description TEXT NOT NULL DEFAULT ''",
        "hours REAL NOT NULL DEFAULT 0",
        "occurred_on TEXT NOT NULL",
    ),
    _table(
        "partnership_projects",
        _ref("network_id", "networks", required=True),
        "title TEXT NOT NULL",
        "goal TEXT NOT NULL DEFAULT ''",
        "starts_on TEXT",
        "ends_on TEXT",
        "impact_evidence TEXT NOT NULL DEFAULT ''",
    ),
    _table(
        "project_partners",
        _ref("project_id", "partnership_projects", required=True),
        _ref("school_id", "schools", required=True),
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


def _v1_records(db: Database) -> None:
    """The domain's record tables and tombstones."""
    for statement in _V1_TABLES + _V1_INDEXES:
        db.execute(statement)


def _v2_settings(db: Database) -> None:
    """Local settings that never travel in a bundle: who is using schoolnet, installation id."""
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);")


def _v3_membership_moves(db: Database) -> None:
    """Proposals to join, leave or be removed from a network, with their ratification."""
    db.execute(
        _table(
            "membership_moves",
            _ref("network_id", "networks", required=True),
            _ref("school_id", "schools", required=True),
            "kind TEXT NOT NULL",
            "reason TEXT NOT NULL",
            "evidence TEXT NOT NULL DEFAULT ''",
            "proposed_on TEXT NOT NULL",
            "proposed_by TEXT NOT NULL DEFAULT ''",
            "status TEXT NOT NULL",
            "ratified_on TEXT",
            "ratified_by TEXT NOT NULL DEFAULT ''",
        )
    )
    db.execute("CREATE INDEX idx_membership_moves_network ON membership_moves(network_id);")
    db.execute("CREATE INDEX idx_schools_name ON schools(name);")


_V4_RECORD_TABLES = (
    "schools", "people", "networks", "memberships", "membership_events", "membership_moves",
    "meetings", "agenda_items", "attendances", "action_plans", "plan_priorities", "peer_reviews",
    "review_team_members", "evidence_notes", "concerns", "actions", "case_studies",
    "support_exchanges", "partnership_projects", "project_partners",
)  # fmt: skip


def _v4_sharing(db: Database) -> None:
    """Per-field clocks for merging bundles, the conflicts log and the ledger of bundles."""
    for table in _V4_RECORD_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN field_clock TEXT NOT NULL DEFAULT '{{}}'")
    db.execute(
        "CREATE TABLE conflicts (id TEXT PRIMARY KEY, table_name TEXT NOT NULL,"
        " record_id TEXT NOT NULL, field TEXT NOT NULL, kept_value TEXT NOT NULL,"
        " lost_value TEXT NOT NULL, kept_at TEXT NOT NULL, lost_at TEXT NOT NULL,"
        " bundle_id TEXT NOT NULL, logged_at TEXT NOT NULL, restored_at TEXT);"
    )
    db.execute("CREATE INDEX idx_conflicts_record ON conflicts(table_name, record_id);")
    db.execute(
        "CREATE TABLE bundle_ledger (id TEXT PRIMARY KEY, direction TEXT NOT NULL,"
        " bundle_id TEXT NOT NULL, at TEXT NOT NULL, scope TEXT NOT NULL, peer TEXT NOT NULL,"
        " checksum TEXT NOT NULL, changes TEXT NOT NULL, file TEXT NOT NULL DEFAULT '');"
    )


def _v5_peer_review(db: Database) -> None:
    """Pre-meet, workshop and outcomes on reviews; timetables, outcome areas, amendments."""
    for column in ("premeet_context", "premeet_evidence", "premeet_logistics",
                   "workshop_participants", "workshop_went_well", "workshop_even_better_if",
                   "area_of_excellence", "next_steps"):  # fmt: skip
        db.execute(f"ALTER TABLE peer_reviews ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE peer_reviews ADD COLUMN locked_on TEXT")
    db.execute("ALTER TABLE concerns ADD COLUMN about TEXT NOT NULL DEFAULT 'child'")
    clock = "field_clock TEXT NOT NULL DEFAULT '{}'"
    db.execute(
        _table(
            "concern_amendments",
            _ref("concern_id", "concerns", required=True),
            "amended_on TEXT NOT NULL",
            "amended_by TEXT NOT NULL DEFAULT ''",
            "text TEXT NOT NULL",
            clock,
        )
    )
    db.execute(
        _table(
            "review_slots",
            _ref("review_id", "peer_reviews", required=True),
            "day TEXT NOT NULL",
            "starts_at TEXT NOT NULL",
            "activity TEXT NOT NULL",
            "who TEXT NOT NULL DEFAULT ''",
            "location TEXT NOT NULL DEFAULT ''",
            clock,
        )
    )
    db.execute(
        _table(
            "outcome_areas",
            _ref("review_id", "peer_reviews", required=True),
            "position INTEGER NOT NULL DEFAULT 0",
            "focus_area TEXT NOT NULL",
            "went_well TEXT NOT NULL DEFAULT ''",
            "even_better_if TEXT NOT NULL DEFAULT ''",
            "areas_for_development TEXT NOT NULL DEFAULT ''",
            "estimate TEXT NOT NULL DEFAULT ''",
            clock,
        )
    )
    db.execute(
        _table(
            "review_amendments",
            _ref("review_id", "peer_reviews", required=True),
            "amended_on TEXT NOT NULL",
            "amended_by TEXT NOT NULL DEFAULT ''",
            "text TEXT NOT NULL",
            clock,
        )
    )
    indexes = (
        "concern_amendments(concern_id)",
        "review_slots(review_id, day, starts_at)",
        "outcome_areas(review_id, position)",
        "review_amendments(review_id)",
    )
    for table in indexes:
        db.execute(f"CREATE INDEX idx_{table.split('(')[0]} ON {table};")


def _v6_list_indexes(db: Database) -> None:
    """Indexes the lists and the dashboard need for a local authority's data."""
    db.execute("DROP INDEX idx_memberships_network")  # a prefix of the new one
    db.execute("CREATE INDEX idx_memberships_network_status ON memberships(network_id, status)")
    db.execute("DROP INDEX idx_actions_owner")  # a prefix of the new one
    db.execute("CREATE INDEX idx_actions_owner_status ON actions(owner_id, status)")
    db.execute("CREATE INDEX idx_actions_review ON actions(review_id)")
    db.execute("CREATE INDEX idx_notes_focus ON evidence_notes(review_id, focus_area, noted_at)")
    # The Schools list's sorts, term for term as SchoolRepository.search orders: NULLs last
    # when ascending (descending puts them last anyway), and a descending index where going
    # back through the ascending one would sort all of one value's schools (every state one).
    for column in ("name", "urn", "town", "phase", "sector", "ofsted_judgement", "trust"):
        nulls = f"({column} IS NULL), " if column in ("urn", "phase") else ""
        ascending = f"{nulls}{column} COLLATE NOCASE, name"
        db.execute(f"CREATE INDEX idx_schools_by_{column} ON schools({ascending})")
        if column in ("urn", "phase", "sector", "ofsted_judgement"):
            descending = f"{column} COLLATE NOCASE DESC, name"
            db.execute(f"CREATE INDEX idx_schools_by_{column}_desc ON schools({descending})")


MIGRATIONS: list[Callable[[Database], None]] = [
    _v1_records,
    _v2_settings,
    _v3_membership_moves,
    _v4_sharing,
    _v5_peer_review,
    _v6_list_indexes,
    *LATER_STEPS,
]
SCHEMA_VERSION = len(MIGRATIONS)

# "SCNT": marks the file as schoolnet's, so another program's SQLite file is not mistaken for one.
APPLICATION_ID = 0x53434E54


def migrate(db: Database) -> int:
    """Bring the database up to SCHEMA_VERSION, each step in its own transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return SCHEMA_VERSION
