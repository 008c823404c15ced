"""A review's documents: the outcomes document, the SCR letter and the visit timetable.

Each is built as a list of blocks, written by the shared renderer (store.documents.paper)
as Markdown or print-ready HTML. The outcomes document never reads a concern.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.dates import uk_date
from store.documents.paper import (
    Block,
    Bullets,
    Heading,
    Paragraph,
    Table,
    to_html,
    to_markdown,
    write,
)
from store.enums import ReviewStyle
from store.reviews import outcome_areas

if TYPE_CHECKING:
    from store.db import Store


def _people(store: Store) -> dict[str, str]:
    return {p.id: p.name for p in store.people.all()}


def outcomes(store: Store, review_id: str) -> list[Block]:
    """The outcomes document: findings per focus area, excellence, next steps, actions."""
    review = store.peer_reviews.get(review_id)
    host = store.schools.get(review.host_school_id)
    names = _people(store)
    lead = names.get(review.lead_reviewer_id or "", "")
    champion = names.get(review.improvement_champion_id or "", "")
    dates = uk_date(review.starts_on) + (
        f" to {uk_date(review.ends_on)}"
        if review.ends_on and review.ends_on != review.starts_on
        else ""
    )
    blocks: list[Block] = [
        Heading(1, f"Peer review outcomes: {host.name}"),
        Paragraph(
            f"Review {review.academic_year}, visit {dates}. Lead Reviewer: {lead or 'not named'}."
            f" Improvement Champion: {champion or 'not named'}.",
        ),  # fmt: skip
    ]
    if review.locked_on:
        blocks.append(Paragraph(f"Outcomes agreed on {uk_date(review.locked_on)}."))
    if review.strengths:
        blocks += [Heading(2, "Strengths"), Bullets(_lines(review.strengths))]
    if review.areas_for_development:
        blocks += [
            Heading(2, "Areas for development"),
            Bullets(_lines(review.areas_for_development)),
        ]
    for area in outcome_areas(store, review_id):
        blocks.append(Heading(2, area.focus_area))
        for title, text in (
            ("What went well", area.went_well),
            ("Even better if", area.even_better_if),
            ("Areas for development", area.areas_for_development),
        ):
            if text:
                blocks += [Heading(3, title), Bullets(_lines(text))]
        if review.style == ReviewStyle.WITH_ESTIMATES and area.estimate:
            blocks += [Heading(3, "Estimate"), Paragraph(area.estimate)]
    if review.area_of_excellence:
        blocks += [Heading(2, "Area of excellence"), Paragraph(review.area_of_excellence)]
    if review.next_steps:
        blocks += [Heading(2, "Next steps"), Bullets(_lines(review.next_steps))]
    actions = store.actions.where(review_id=review_id, order_by="due_on")
    if actions:
        rows = [["Action", "Owner", "Due"]] + [
            [a.description, names.get(a.owner_id or "", ""), uk_date(a.due_on)] for a in actions
        ]
        blocks += [Heading(2, "Actions agreed at the improvement workshop"), Table(rows)]
    amendments = store.review_amendments.where(review_id=review_id, order_by="amended_on")
    if amendments:
        blocks.append(Heading(2, "Amendments after agreement"))
        blocks.append(
            Bullets(
                [f"{uk_date(a.amended_on.date())}, {a.amended_by}: {a.text}" for a in amendments],
            )
        )
    return blocks


def scr_letter(store: Store, review_id: str) -> list[Block]:
    """The letter that lets the host add the review team to its Single Central Record."""
    review = store.peer_reviews.get(review_id)
    host = store.schools.get(review.host_school_id)
    schools = {s.id: s.name for s in store.schools.all()}
    names = _people(store)
    roles = {p.id: p.role.label for p in store.people.all()}
    rows = [["Name", "Role", "Employing school", "Employer holds a DBS check", "Confirmed on"]]
    for member in store.review_team_members.where(review_id=review_id, order_by="role"):
        rows.append([
            names.get(member.person_id, ""),
            f"{member.role.capitalize()} ({roles.get(member.person_id, '')})",
            schools.get(member.employing_school_id or "", ""),
            "Yes" if member.dbs_confirmed else "Not yet confirmed",
            uk_date(member.dbs_confirmed_on),
        ])  # fmt: skip
    return [
        Heading(1, f"Peer review team: details for the Single Central Record of {host.name}"),
        Paragraph(f"Dear {host.head_teacher or 'Head teacher'},"),
        Paragraph(
            f"The following colleagues will visit {host.name} for its peer review on"
            f" {uk_date(review.starts_on)}. Each employing school confirms that it holds an"
            " enhanced DBS check for its staff named below, so that you can record the"
            " visitors on your Single Central Record.",
        ),
        Table(rows),
        Paragraph("Please contact the Lead Reviewer with any question before the visit."),
    ]


def timetable(store: Store, review_id: str) -> list[Block]:
    """The visit timetable, to print for staff."""
    review = store.peer_reviews.get(review_id)
    host = store.schools.get(review.host_school_id)
    rows = [["Day", "Time", "Activity", "Who", "Where"]]
    for slot in store.review_slots.where(review_id=review_id, order_by="day, starts_at"):
        rows.append([uk_date(slot.day), slot.starts_at, slot.activity, slot.who, slot.location])
    return [Heading(1, f"Peer review visit timetable: {host.name}"), Table(rows)]


def _lines(text: str) -> list[str]:
    return [line.strip().removeprefix("- ").strip() for line in text.splitlines() if line.strip()]


__all__ = [
    "Block", "Bullets", "Heading", "Paragraph", "Table", "outcomes", "scr_letter", "timetable",
    "to_html", "to_markdown", "write",
]  # fmt: skip
