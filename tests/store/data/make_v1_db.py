"""Made `schoolnet-v1.db`, a database as schoolnet 0.1 (schema version 1) left it.

Kept for the record; the committed file is the fixture, not this script's output today.
Run: python tests/store/data/make_v1_db.py
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from store.migrations import APPLICATION_ID, MIGRATIONS

TARGET = Path(__file__).with_name("schoolnet-v1.db")
STAMP = "2026-01-15T09:30:00.000000Z"


def main() -> None:
    """Write the v1 database with one school, person, network and membership."""
    TARGET.unlink(missing_ok=True)
    db = Database(sqlite3.connect(TARGET), execute_plugins=False)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    base = {"created_at": STAMP, "updated_at": STAMP, "created_by": "v1 user"}
    school = "11111111-1111-4111-8111-111111111111"
    person = "22222222-2222-4222-8222-222222222222"
    network = "33333333-3333-4333-8333-333333333333"
    db["schools"].insert(
        {
            "id": school,
            "name": "Houghton Primary School",
            "urn": "110000",
            "phase": "primary",
            "sector": "state",
            "ofsted_judgement": "good",
            **base,
        }
    )
    db["people"].insert(
        {
            "id": person,
            "name": "Tom Ashworth",
            "role": "head_teacher",
            "school_id": school,
            "lead_criteria": '{"governing_body_support": true}',
            **base,
        }
    )
    db["networks"].insert(
        {
            "id": network,
            "name": "Hunts Area Primary Partnership",
            "kind": "cluster",
            "lead_id": person,
            "terms_of_reference": '{"meetings": "Six a year."}',
            **base,
        }
    )
    db["memberships"].insert(
        {
            "id": "44444444-4444-4444-8444-444444444444",
            "network_id": network,
            "school_id": school,
            "role": "lead",
            "status": "active",
            "joined_on": "2018-09-01",
            **base,
        }
    )
    db["tombstones"].insert(
        {
            "table_name": "schools",
            "record_id": "55555555-5555-4555-8555-555555555555",
            "deleted_at": STAMP,
        }
    )
    db.conn.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    main()
