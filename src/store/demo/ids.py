"""Stable ids and the loader shared by the demo data builders."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from store import models
from store.db import Store
from store.repositories.base import Repository

_NAMESPACE = uuid.UUID("6f1c1d52-8a0e-4f57-9d0b-5c2f3b8e7a10")
# The data describe the school year as it stood on this day; it fixes which meetings
# were held and which actions are done, so the data set is the same whenever it is made.
ANCHOR = date(2026, 11, 23)
YEAR_2025 = (
    date(2025, 9, 24),
    date(2025, 11, 19),
    date(2026, 1, 21),
    date(2026, 3, 18),
    date(2026, 5, 13),
    date(2026, 7, 8),
)
YEAR_2026 = (
    date(2026, 9, 23),
    date(2026, 11, 18),
    date(2027, 1, 20),
    date(2027, 3, 17),
    date(2027, 5, 12),
    date(2027, 7, 7),
)


def demo_id(*parts: str) -> str:
    """The stable id of a demo record."""
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


class Loader:
    """Adds demo records whose ids are not yet in the database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.added = 0

    def put(self, repo: Repository[Any], record: models.Record) -> None:
        if repo.find(record.id) is None:
            repo.add(record.model_copy(update={"created_by": "schoolnet demo"}))
            self.added += 1


def school_id(key: str) -> str:
    """Id of a demo school."""
    return demo_id("school", key)


def head_id(key: str) -> str:
    """Id of the head of a demo school."""
    return demo_id("head", key)


def network_id(key: str) -> str:
    """Id of a demo network."""
    return demo_id("network", key)


def review_id(key: str) -> str:
    """Id of a demo peer review."""
    return demo_id("review", key)
