"""Schema migrations, applied in order and recorded in `PRAGMA user_version`.

A migration, once released, is never edited: later changes are new migrations, so a
database made by any older schoolnet upgrades step by step without loss.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from store.migration_steps import LATER_STEPS
from store.migration_v1 import record_table, ref, v1_records

# Every record table starts with these; bundles merge on id and updated_at.


def _v2_settings(db: Database) -> None:
    """Local settings that never travel in a bundle: who is using schoolnet, installation id."""
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);")


def _v3_membership_moves(db: Database) -> None:
    """Proposals to join, leave or be removed from a network, with their ratification."""
    db.execute(
        record_table(
            "membership_moves",
            ref("network_id", "networks", required=True),
            ref("school_id", "schools", required=True),
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
        record_table(
            "concern_amendments",
            ref("concern_id", "concerns", required=True),
            "amended_on TEXT NOT NULL",
            "amended_by TEXT NOT NULL DEFAULT ''",
            "text TEXT NOT NULL",
            clock,
        )
    )
    db.execute(
        record_table(
            "review_slots",
            ref("review_id", "peer_reviews", required=True),
            "day TEXT NOT NULL",
            "starts_at TEXT NOT NULL",
            "activity TEXT NOT NULL",
            "who TEXT NOT NULL DEFAULT ''",
            "location TEXT NOT NULL DEFAULT ''",
            clock,
        )
    )
    db.execute(
        record_table(
            "outcome_areas",
            ref("review_id", "peer_reviews", required=True),
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
        record_table(
            "review_amendments",
            ref("review_id", "peer_reviews", required=True),
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
    v1_records,
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
