"""Answers to the health findings that ask a network for support capacity from beyond it.

Seed 003: a network below 8 schools, or with over 20% of its schools in an Ofsted category,
must identify school-to-school support capacity from beyond it. A network records how it
will, for the academic year; the finding then shows as answered, and asks again next year,
when membership is reviewed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.dates import academic_year_of
from store.enums import CapacityFinding
from store.errors import StoreError
from store.models import HealthAnswer

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class Answer:
    """A recorded answer, as the health check shows it (plain: Home paints from these)."""

    note: str
    answered_on: date
    answered_by: str

    def __str__(self) -> str:
        who = f" by {self.answered_by}" if self.answered_by else ""
        return f"answered {self.answered_on:%d/%m/%Y}{who}: {self.note}"


# The year's answers of network n, as one JSON column of the health check's network query:
# no further query, however many networks are checked.
ANSWERS_COLUMN = """(SELECT json_group_array(json_array(ha.finding, ha.note, ha.answered_on,
    ha.answered_by, ha.updated_at, ha.id))
  FROM health_answers ha WHERE ha.network_id = n.id AND ha.academic_year = :year)"""


def answers_from(column: str | None) -> dict[str, Answer]:
    """The answers in ANSWERS_COLUMN by finding; of two for one finding (both laptops
    answered before exchanging bundles), the one changed last."""
    latest: dict[str, Answer] = {}
    rows = sorted(json.loads(column or "[]"), key=lambda row: (row[4], row[5]))
    for finding, note, day, by, _updated, _id in rows:
        latest[finding] = Answer(note, date.fromisoformat(day), by)
    return latest


def answer_finding(
    store: Store, network_id: str, finding: CapacityFinding, note: str
) -> HealthAnswer:
    """Record, for this academic year, how the network will find support from beyond it.

    Answering again replaces the year's note.
    """
    text = note.strip()
    if not text:
        raise StoreError("Say where the support will come from: a note is needed.")
    store.networks.get(network_id)  # a network that is not there: RecordNotFound
    today = store.today()
    year = academic_year_of(today)
    found = store.health_answers.where(
        network_id=network_id, finding=finding, academic_year=year, order_by="updated_at DESC"
    )
    if found:
        fields = {"note": text, "answered_on": today, "answered_by": store.user_name}
        return store.health_answers.update(found[0].model_copy(update=fields))
    return store.health_answers.add(
        HealthAnswer(
            network_id=network_id,
            finding=finding,
            academic_year=year,
            note=text,
            answered_on=today,
            answered_by=store.user_name,
        )
    )
