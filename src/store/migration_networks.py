"""A migration step: a network's phase and archiving, its funding per academic year, and its
recorded answers to the health findings that ask for support capacity from beyond it.
A migration, once released, is never edited.
"""

from __future__ import annotations

from sqlite_utils import Database

_RECORD = (
    "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " created_by TEXT NOT NULL DEFAULT '', field_clock TEXT NOT NULL DEFAULT '{}'"
)
_NETWORK = "network_id TEXT NOT NULL REFERENCES networks(id)"


def v_network_year(db: Database) -> None:
    """Networks gain a phase and an archived date; funding and health answers per year."""
    db.execute("ALTER TABLE networks ADD COLUMN phase TEXT")
    db.execute("ALTER TABLE networks ADD COLUMN archived_on TEXT")
    # Pounds and pence as text, never a float, as plan funding is kept.
    db.execute(
        f"CREATE TABLE network_funding ({_RECORD}, {_NETWORK}, academic_year TEXT NOT NULL,"
        " amount TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')"
    )
    db.execute(
        f"CREATE TABLE health_answers ({_RECORD}, {_NETWORK}, finding TEXT NOT NULL,"
        " academic_year TEXT NOT NULL, note TEXT NOT NULL, answered_on TEXT NOT NULL,"
        " answered_by TEXT NOT NULL DEFAULT '')"
    )
    db.execute(
        "CREATE INDEX idx_network_funding_network ON network_funding(network_id, academic_year)"
    )
    db.execute("CREATE INDEX idx_health_answers_year ON health_answers(academic_year, network_id)")
