"""Migration: a partnership project records how many pupils it reached (seed 004's "40 Year 10
pupils"), and a proposed move can be withdrawn (a status, so no column is needed).

A migration, once released, is never edited.
"""

from __future__ import annotations

from sqlite_utils import Database


def v_project_pupils_reached(db: Database) -> None:
    """Partnership projects gain pupils_reached, blank until known."""
    db.execute("ALTER TABLE partnership_projects ADD COLUMN pupils_reached INTEGER")
