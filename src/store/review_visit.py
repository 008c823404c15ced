"""During a review visit: visit notes, typed as they happen, and concerns under the protocol.

Notes save themselves as the reviewer pauses; a concern, once recorded, changes only by
dated amendments (seed 002's concerns protocol).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from store.enums import EvidenceType
from store.errors import StoreError
from store.models import Concern, ConcernAmendment, EvidenceNote
from store.schema import EVIDENCE_NOTES

if TYPE_CHECKING:
    from store.db import Store


class NotesLocked(StoreError):
    """The review is locked, so its notes no longer change."""


# Visit notes ----------------------------------------------------------------------------


def new_note(
    store: Store,
    review_id: str,
    *,
    text: str = "",
    focus_area: str = "",
    evidence_type: EvidenceType = EvidenceType.OTHER,
    at: datetime | None = None,
) -> EvidenceNote:
    """Start a note, timestamped now."""
    _open_for_notes(store, review_id)
    return store.evidence_notes.add(
        EvidenceNote(
            review_id=review_id,
            noted_at=at or store.clock(),
            focus_area=focus_area,
            evidence_type=evidence_type,
            text=text,
        )
    )


def update_note(
    store: Store, note_id: str, *, text: str, focus_area: str, evidence_type: EvidenceType
) -> EvidenceNote:
    """Save a note's words and tags as they now stand."""
    note = store.evidence_notes.get(note_id)
    _open_for_notes(store, note.review_id)
    return store.evidence_notes.update(
        note.model_copy(
            update={"text": text, "focus_area": focus_area, "evidence_type": evidence_type}
        )
    )


def delete_note(store: Store, note_id: str) -> None:
    """Delete a visit note (leaving a tombstone), while the review is not locked."""
    note = store.evidence_notes.get(note_id)
    _open_for_notes(store, note.review_id)
    store.evidence_notes.delete(note_id)


def last_focus_area(store: Store, review_id: str) -> str:
    """The focus area of the note written or changed last, so the next note starts there.

    "" when no note has one, or its focus area is no longer one of the review's.
    """
    row = store.db.execute(
        "SELECT focus_area FROM evidence_notes WHERE review_id = ? AND focus_area != ''"
        " ORDER BY updated_at DESC, noted_at DESC LIMIT 1",
        [review_id],
    ).fetchone()
    areas = store.peer_reviews.get(review_id).focus_areas
    return row[0] if row and row[0] in areas else ""


def _open_for_notes(store: Store, review_id: str) -> None:
    """Notes are evidence behind the agreed outcomes: once locked, they stay as they were."""
    review = store.peer_reviews.get(review_id)
    if review.locked_on is not None:
        raise NotesLocked(
            f"The outcomes were agreed on {review.locked_on:%d %b %Y} and the review is locked:"
            " its visit notes can be read, not changed."
        )


def recent_notes(
    store: Store, review_id: str, focus_area: str | None = None, limit: int = 300
) -> tuple[list[EvidenceNote], int]:
    """The latest notes first (at most `limit`), and how many there are in all."""
    where, params = "review_id = ?", [review_id]
    if focus_area is not None:
        where += " AND focus_area = ?"
        params.append(focus_area)
    rows = store.db.query(
        f"SELECT * FROM evidence_notes WHERE {where} ORDER BY noted_at DESC, id LIMIT {int(limit)}",
        params,
    )
    total = store.db.execute(
        f"SELECT count(*) FROM evidence_notes WHERE {where}", params
    ).fetchone()[0]
    return [EVIDENCE_NOTES.from_row(row) for row in rows], total


def notes(store: Store, review_id: str, focus_area: str | None = None) -> list[EvidenceNote]:
    """A review's notes in the order they were taken, optionally for one focus area."""
    if focus_area is None:
        return store.evidence_notes.where(review_id=review_id, order_by="noted_at")
    return store.evidence_notes.where(
        review_id=review_id, focus_area=focus_area, order_by="noted_at"
    )


# Concerns -------------------------------------------------------------------------------


def raise_concern(store: Store, concern: Concern) -> Concern:
    """Record a concern; from now on it changes only by dated amendments."""
    return store.concerns.add(concern)


def amend_concern(store: Store, concern_id: str, text: str, *, by: str) -> ConcernAmendment:
    """Add a dated amendment: follow-up, outcome or a correction, never an edit."""
    store.concerns.get(concern_id)
    return store.concern_amendments.add(
        ConcernAmendment(concern_id=concern_id, amended_on=store.clock(), amended_by=by, text=text)
    )
