"""Later schema migrations, kept apart so migrations.py stays a readable size.

MIGRATIONS in store.migrations lists every step in order; these are appended to it.
A migration, once released, is never edited.
"""

from __future__ import annotations

from sqlite_utils import Database

from store.migration_networks import v_network_year
from store.migration_plans import v8_action_plans
from store.migration_records import v_project_pupils_reached
from store.migration_sharing import v_deleted_versions


def _ref(column: str, table: str) -> str:
    return f"{column} TEXT REFERENCES {table}(id)"


def _record_table(name: str, *columns: str) -> str:
    record = (
        "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
        " created_by TEXT NOT NULL DEFAULT ''"
    )
    return f"CREATE TABLE {name} ({record}, {', '.join(columns)});"


def v7_meetings(db: Database) -> None:
    """Meetings end, are cancelled and shared; agenda items have a lead and a time; attendance
    names the member school and any deputy; the improvement board scrutinises plans."""
    for column in (
        "ends_at TEXT",
        "cancelled INTEGER NOT NULL DEFAULT 0",
        "agenda_shared_on TEXT",
        "notes_shared_on TEXT",
    ):
        db.execute(f"ALTER TABLE meetings ADD COLUMN {column}")
    db.execute(f"ALTER TABLE agenda_items ADD COLUMN {_ref('lead_id', 'people')}")
    db.execute("ALTER TABLE agenda_items ADD COLUMN minutes INTEGER")
    db.execute(f"ALTER TABLE attendances ADD COLUMN {_ref('school_id', 'schools')}")
    db.execute("ALTER TABLE attendances ADD COLUMN deputy_name TEXT NOT NULL DEFAULT ''")
    db.execute(
        _record_table(
            "plan_scrutinies",
            "plan_id TEXT NOT NULL REFERENCES action_plans(id)",
            _ref("meeting_id", "meetings"),
            "scrutinised_on TEXT NOT NULL",
            "ratified INTEGER NOT NULL DEFAULT 0",
            "comments TEXT NOT NULL DEFAULT ''",
            "field_clock TEXT NOT NULL DEFAULT '{}'",
        )
    )
    db.execute("CREATE INDEX idx_plan_scrutinies_plan ON plan_scrutinies(plan_id)")
    db.execute("CREATE INDEX idx_plan_scrutinies_meeting ON plan_scrutinies(meeting_id)")
    db.execute("CREATE INDEX idx_actions_meeting ON actions(meeting_id)")
    db.execute("CREATE INDEX idx_attendances_person ON attendances(person_id, meeting_id)")


# Steps 7 onwards, in order, as MIGRATIONS lists them.
LATER_STEPS = [
    v7_meetings,
    v8_action_plans,
    v_project_pupils_reached,
    v_network_year,
    v_deleted_versions,
]
