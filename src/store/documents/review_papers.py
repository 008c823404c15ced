"""A review's documents: the outcomes document, the SCR letter and the visit timetable.

Each is built as a list of blocks, then written as Markdown or as a self-contained,
print-ready HTML page (text escaped). The outcomes document never reads a concern.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from store.dates import uk_date
from store.enums import ReviewStyle
from store.reviews import outcome_areas

if TYPE_CHECKING:
    from store.db import Store


@dataclass(frozen=True)
class Heading:
    """A heading, level 1 to 3."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: list[str]


@dataclass(frozen=True)
class Table:
    """A table whose first row is its header."""

    rows: list[list[str]]


Block: TypeAlias = Heading | Paragraph | Bullets | Table


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


def to_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading(level, text):
                out.append(f"{'#' * level} {text}")
            case Paragraph(text):
                out.append(text)
            case Bullets(items):
                out.append("\n".join(f"- {item}" for item in items))
            case Table(rows):
                cells = [[cell.replace("|", "\\|") for cell in row] for row in rows]
                out.append("\n".join(
                    [f"| {' | '.join(cells[0])} |", "|" + " --- |" * len(cells[0])]
                    + [f"| {' | '.join(row)} |" for row in cells[1:]]
                ))  # fmt: skip
        out.append("")
    return "\n".join(out)


def to_html(blocks: list[Block]) -> str:
    """Blocks as a self-contained page ready to print."""
    esc = html.escape
    body: list[str] = []
    for block in blocks:
        match block:
            case Heading(level, text):
                body.append(f"<h{level}>{esc(text)}</h{level}>")
            case Paragraph(text):
                body.append(f"<p>{esc(text)}</p>")
            case Bullets(items):
                body.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
            case Table(rows):
                head = "".join(f"<th>{esc(cell)}</th>" for cell in rows[0])
                cells = "".join(
                    "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>"
                    for row in rows[1:]
                )
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
    first = blocks[0] if blocks else None
    title = esc(first.text) if isinstance(first, Heading | Paragraph) else "schoolnet"
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 44em; margin: 2em auto; line-height: 1.45; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.2em; margin-top: 1.6em; }} h3 {{ font-size: 1em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }}
@media print {{ body {{ margin: 0; }} h2 {{ page-break-after: avoid; }} }}
</style></head>
<body>
{chr(10).join(body)}
</body></html>
"""


def write(blocks: list[Block], path: Path) -> Path:
    """Write HTML for .html or .htm, Markdown otherwise."""
    text = to_html(blocks) if path.suffix.lower() in (".html", ".htm") else to_markdown(blocks)
    path.write_text(text, encoding="utf-8")
    return path
