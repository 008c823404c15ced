"""Documents to print and sign: the nomination form and memorandum of understanding (seed 000).

Markdown for editing and email, self-contained HTML for printing. Text from the database
is escaped in HTML, so a school's name can never become markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from store.dates import uk_date
from store.enums import MembershipStatus

if TYPE_CHECKING:
    from store.db import Store

MEMBERSHIP_CRITERIA = (
    "are sites of interesting and innovative practice",
    "celebrate ideas, independent thinking, open discussion of educational issues and the"
    " importance of evidence",
    "are committed to the network's principles and priorities",
    "are keen to work in partnership with the network and other schools",
    "are prepared to give due prominence in their publicity to their membership",
    "are prepared to help spread the network's work",
)
SCHOOL_EXPECTATIONS = (
    "actively participate in regional network activity",
    "supply the network with information about relevant activities and developments",
    "prepare one case study per year, in writing or as an audiovisual presentation, showing how"
    " an aspect of the school's work builds on the network's principles and its impact on"
    " children's education",
)
UNSIGNED = "not yet signed"


@dataclass(frozen=True)
class Signature:
    """Who signed a step of the nomination, and when."""

    statement: str
    role: str
    signed_by: str
    on: date | None


@dataclass(frozen=True)
class NominationForm:
    """The filled-in nomination form and MoU for one membership."""

    network: str
    coordinator: str
    school: str
    address: str
    website: str
    head_teacher: str
    contact: str
    email: str
    phone: str
    nominated_on: date | None
    mou_signed_on: date | None
    signatures: tuple[Signature, ...]

    def fields(self) -> list[tuple[str, str]]:
        """The form's fields in the order of the paper form."""
        return [
            ("Date", uk_date(self.nominated_on)),
            ("Name of co-ordinator", self.coordinator),
            ("Network", self.network),
            ("School name", self.school),
            ("School postal address", self.address),
            ("School website", self.website),
            ("Head teacher's name", self.head_teacher),
            ("Proposed contact, if other than the head teacher", self.contact),
            ("Contact email", self.email),
            ("Contact phone number", self.phone),
            ("MoU signed", uk_date(self.mou_signed_on) or UNSIGNED),
        ]


def nomination_form(store: Store, membership_id: str) -> NominationForm:
    """Gather the nomination form of a membership from the store."""
    membership = store.memberships.get(membership_id)
    school = store.schools.get(membership.school_id)
    network = store.networks.get(membership.network_id)
    coordinator = store.people.find(network.coordinator_id) if network.coordinator_id else None
    recorded = store.membership_events.where(membership_id=membership.id)
    events = {event.status: event for event in recorded}

    def signed(status: MembershipStatus) -> tuple[str, date | None]:
        event = events.get(status)
        return (event.signed_by, event.occurred_on) if event else ("", None)

    nominated = signed(MembershipStatus.NOMINATED)
    contact = school.contact_name if school.contact_name != school.head_teacher else ""
    parts = (school.street, school.locality, school.town, school.postcode)
    address = ", ".join(part for part in parts if part)
    return NominationForm(
        network=network.name,
        coordinator=nominated[0] or (coordinator.name if coordinator else ""),
        school=school.name,
        address=address,
        website=school.website,
        head_teacher=school.head_teacher,
        contact=contact,
        email=school.contact_email,
        phone=school.phone,
        nominated_on=nominated[1],
        mou_signed_on=membership.mou_signed_on,
        signatures=(
            Signature(
                "I nominate the school above and confirm that it meets the listed criteria.",
                "Co-ordinator",
                *nominated,
            ),
            Signature(
                "I am happy to accept nomination in accordance with the criteria and"
                " expectations set out above.",
                "Head teacher",
                *signed(MembershipStatus.ACCEPTED),
            ),
            Signature("Approved.", "Chair", *signed(MembershipStatus.APPROVED)),
        ),
    )


def to_markdown(form: NominationForm) -> str:
    """The form as Markdown."""
    lines = [
        f"# Nomination form and memorandum of understanding: {form.network}",
        "",
        "## Membership criteria",
        "",
        "Member schools:",
        "",
        *(f"- {item}" for item in MEMBERSHIP_CRITERIA),
        "",
        "## Expectations",
        "",
        "Schools will:",
        "",
        *(f"- {item}" for item in SCHOOL_EXPECTATIONS),
        "",
        "## Nomination",
        "",
        "| | |",
        "| --- | --- |",
        *(f"| {label} | {_md_cell(value)} |" for label, value in form.fields()),
        "",
        "## Signatures",
        "",
    ]
    for signature in form.signatures:
        who = signature.signed_by or "." * 40
        when = uk_date(signature.on) or UNSIGNED
        lines += [signature.statement, "", f"Signed ({signature.role}): {who}  Date: {when}", ""]
    return "\n".join(lines)


def to_html(form: NominationForm) -> str:
    """The form as a self-contained page ready to print."""
    esc = html.escape
    rows = "\n".join(
        f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>" for label, value in form.fields()
    )
    signatures = "\n".join(
        f"<div class='signature'><p>{esc(s.statement)}</p><p>Signed ({esc(s.role)}):"
        f" <span class='line'>{esc(s.signed_by)}</span> Date:"
        f" <span class='line'>{esc(uk_date(s.on))}</span></p></div>"
        for s in form.signatures
    )
    criteria = "".join(f"<li>{esc(item)}</li>" for item in MEMBERSHIP_CRITERIA)
    expectations = "".join(f"<li>{esc(item)}</li>" for item in SCHOOL_EXPECTATIONS)
    title = esc(f"Nomination form and memorandum of understanding: {form.network}")
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: Georgia, serif; max-width: 42em; margin: 2em auto; line-height: 1.4; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }}
th {{ width: 40%; font-weight: normal; background: #f3f3f3; }}
.signature {{ margin-top: 1.5em; page-break-inside: avoid; }}
.line {{ display: inline-block; min-width: 14em; border-bottom: 1px solid #000; }}
@media print {{ body {{ margin: 0; }} }}
</style></head>
<body>
<h1>{title}</h1>
<h2>Membership criteria</h2><p>Member schools:</p><ul>{criteria}</ul>
<h2>Expectations</h2><p>Schools will:</p><ul>{expectations}</ul>
<h2>Nomination</h2>
<table>
{rows}
</table>
<h2>Signatures</h2>
{signatures}
</body></html>
"""


def write_nomination_form(store: Store, membership_id: str, path: Path) -> Path:
    """Write the form as HTML (.html, .htm) or Markdown (anything else)."""
    form = nomination_form(store, membership_id)
    text = to_html(form) if path.suffix.lower() in (".html", ".htm") else to_markdown(form)
    path.write_text(text, encoding="utf-8")
    return path


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")
