"""Migration 8: action plans (seed 003) in full.

City-wide priorities; a plan's lead and deputy, the funding rules kept with it in pounds and
pence (text, never a float) and its impact evaluation; measurable success criteria and an
evaluation per priority; plan actions' start, rating, cost and carry-over; spending.
A migration, once released, is never edited.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

_RECORD = (
    "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " created_by TEXT NOT NULL DEFAULT '', field_clock TEXT NOT NULL DEFAULT '{}'"
)
_TEXT = "TEXT NOT NULL DEFAULT ''"


def v8_action_plans(db: Database) -> None:
    """Partnership priorities, plan funding rules and evaluations, plan actions, spending."""
    db.execute(
        f"CREATE TABLE partnership_priorities ({_RECORD}, academic_year TEXT NOT NULL,"
        f" position INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, description {_TEXT})"
    )
    for column in (
        "lead_id TEXT REFERENCES people(id)",
        "deputy_id TEXT REFERENCES people(id)",
        "base_per_school TEXT NOT NULL DEFAULT '0.00'",
        "category_weights TEXT NOT NULL DEFAULT '{}'",
        "school_counts TEXT NOT NULL DEFAULT '{}'",
        "lead_allowance TEXT NOT NULL DEFAULT '0.00'",
        "rolled_from_id TEXT",
        f"impact_evidence {_TEXT}",
        f"impact_next_steps {_TEXT}",
        "evaluated_on TEXT",
    ):
        db.execute(f"ALTER TABLE action_plans ADD COLUMN {column}")
    # An allocation written before the rules were kept comes through whole, as one amount.
    db.execute(
        "UPDATE action_plans SET lead_allowance = printf('%.2f', funding_allocated)"
        " WHERE funding_allocated IS NOT NULL"
    )
    for column in ("funding_allocated", "funding_spent"):
        db.execute(f"ALTER TABLE action_plans DROP COLUMN {column}")

    for column in (
        "partnership_priority_id TEXT REFERENCES partnership_priorities(id)",
        "criteria TEXT NOT NULL DEFAULT '[]'",
        f"impact_changed {_TEXT}",
        f"impact_evidence {_TEXT}",
        f"impact_next_steps {_TEXT}",
    ):
        db.execute(f"ALTER TABLE plan_priorities ADD COLUMN {column}")
    # Success criteria written as one text become one criterion each, to add a baseline to.
    rows = db.execute(
        "SELECT id, success_criteria FROM plan_priorities WHERE success_criteria != ''"
    )
    for priority_id, text in rows.fetchall():
        criteria = json.dumps([{"measure": text[:200], "baseline": "", "target": "", "result": ""}])
        db.execute("UPDATE plan_priorities SET criteria = ? WHERE id = ?", [criteria, priority_id])
    for column in ("partnership_priority", "success_criteria", "funding_allocated", "rag"):
        db.execute(f"ALTER TABLE plan_priorities DROP COLUMN {column}")

    for column in ("starts_on TEXT", "rag TEXT", "cost TEXT", "carried_from_id TEXT"):
        db.execute(f"ALTER TABLE actions ADD COLUMN {column}")
    db.execute(
        f"CREATE TABLE plan_spending ({_RECORD},"
        " plan_id TEXT NOT NULL REFERENCES action_plans(id),"
        " action_id TEXT NOT NULL REFERENCES actions(id), activity TEXT NOT NULL,"
        f" amount TEXT NOT NULL, spent_on TEXT NOT NULL, note {_TEXT})"
    )
    db.execute("CREATE INDEX idx_plan_spending_plan ON plan_spending(plan_id)")
    db.execute("CREATE INDEX idx_plan_spending_action ON plan_spending(action_id)")
    db.execute("CREATE INDEX idx_actions_priority ON actions(priority_id)")
    db.execute("CREATE INDEX idx_action_plans_year ON action_plans(academic_year, network_id)")
    db.execute(
        "CREATE INDEX idx_partnership_priorities_year ON partnership_priorities(academic_year)"
    )
