"""Documents to print and sign: the nomination form and memorandum of understanding (seed 000).

Markdown for editing and email, self-contained HTML for printing, both by the shared
renderer (store.documents.paper), so a school's name can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from store.dates import uk_date
from store.documents import paper
from store.documents.paper import Block, Bullets, Heading, Paragraph, Table
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


def blocks(form: NominationForm) -> list[Block]:
    """The form as a paper: criteria, expectations, the nomination and its signatures."""
    out: list[Block] = [
        Heading(1, f"Nomination form and memorandum of understanding: {form.network}"),
        Heading(2, "Membership criteria"),
        Paragraph("Member schools:"),
        Bullets(list(MEMBERSHIP_CRITERIA)),
        Heading(2, "Expectations"),
        Paragraph("Schools will:"),
        Bullets(list(SCHOOL_EXPECTATIONS)),
        Heading(2, "Nomination"),
        Table([["", ""], *([label, value] for label, value in form.fields())]),
        Heading(2, "Signatures"),
    ]
    for signature in form.signatures:
        who = signature.signed_by or "." * 40
        when = uk_date(signature.on) or UNSIGNED
        out += [
            Paragraph(signature.statement),
            Paragraph(f"Signed ({signature.role}): {who}  Date: {when}"),
        ]
    return out


def to_markdown(form: NominationForm) -> str:
    """The form as Markdown."""
    return paper.to_markdown(blocks(form))


def to_html(form: NominationForm) -> str:
    """The form as a self-contained page ready to print."""
    return paper.to_html(blocks(form))


def write_nomination_form(store: Store, membership_id: str, path: Path) -> Path:
    """Write the form as HTML (.html, .htm) or Markdown (anything else)."""
    return paper.write(blocks(nomination_form(store, membership_id)), path)
