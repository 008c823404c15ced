"""Network health: the organisation rules of seeds 000 and 003, each finding a plain sentence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.dates import academic_year_bounds, academic_year_of
from store.enums import MeetingKind, NetworkKind, OfstedJudgement
from store.models import LeadCriteria, Network, School

if TYPE_CHECKING:
    from store.db import Store

# Seed 003's organisation principles are written for local-authority networks and clusters;
# alliance groups have their own size rule (seed 000); partnerships have neither.
LED_NETWORK_KINDS = frozenset({NetworkKind.NETWORK, NetworkKind.CLUSTER})
CATEGORY_OF_CONCERN = frozenset(
    {
        OfstedJudgement.REQUIRES_IMPROVEMENT,
        OfstedJudgement.SERIOUS_WEAKNESSES,
        OfstedJudgement.SPECIAL_MEASURES,
    }
)
TOO_SMALL = 5
NEEDS_OUTSIDE_SUPPORT_BELOW = 8
ALLIANCE_SIZE = (5, 15)
CONCERN_SHARE_LIMIT = 0.20
MEETINGS_PER_YEAR = 6


@dataclass(frozen=True)
class Finding:
    """One way a network falls short of a rule."""

    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.message}"


class _Membership:
    """Who is in which led network, read once for the split rules."""

    def __init__(self, store: Store) -> None:
        self.networks = {n.id: n for n in store.networks.all()}
        self.members: dict[str, list[School]] = {}
        for network in self.networks.values():
            self.members[network.id] = [m.school for m in store.networks.members(network.id)]


def network_health(store: Store, network_id: str, today: date | None = None) -> list[Finding]:
    """Every rule the network breaks today, in a fixed order."""
    return _check(store, store.networks.get(network_id), _Membership(store), today or store.today())


def all_network_health(store: Store, today: date | None = None) -> dict[str, list[Finding]]:
    """Findings for every network, keyed by network id."""
    membership = _Membership(store)
    day = today or store.today()
    return {
        network.id: _check(store, network, membership, day)
        for network in membership.networks.values()
    }


def _check(store: Store, network: Network, membership: _Membership, today: date) -> list[Finding]:
    schools = membership.members[network.id]
    findings: list[Finding] = []
    if network.kind == NetworkKind.ALLIANCE_GROUP:
        low, high = ALLIANCE_SIZE
        if not low <= len(schools) <= high:
            findings.append(
                Finding(
                    "Alliance group size",
                    f"{_schools(len(schools))}, outside the {low} to {high} an alliance group"
                    " should have.",
                )
            )
    if network.kind not in LED_NETWORK_KINDS:
        return findings
    findings += _size(len(schools))
    findings += _categories(schools)
    findings += _splits(network, membership)
    findings += _meetings(store, network, today)
    findings += _leadership(store, network)
    return findings


def _schools(count: int) -> str:
    return f"{count} school" if count == 1 else f"{count} schools"


def _size(count: int) -> list[Finding]:
    if count < TOO_SMALL:
        return [
            Finding(
                "Network size",
                f"{_schools(count)}, below {TOO_SMALL}: too small to have the capacity to"
                " operate as a network.",
            )
        ]
    if count < NEEDS_OUTSIDE_SUPPORT_BELOW:
        return [
            Finding(
                "Network size",
                f"{_schools(count)}, below {NEEDS_OUTSIDE_SUPPORT_BELOW}: the network must"
                " identify school-to-school support capacity from beyond it.",
            )
        ]
    return []


def _categories(schools: list[School]) -> list[Finding]:
    if not schools:
        return []
    concern = sum(school.ofsted_judgement in CATEGORY_OF_CONCERN for school in schools)
    share = concern / len(schools)
    if share <= CONCERN_SHARE_LIMIT:
        return []
    return [
        Finding(
            "Ofsted categories",
            f"{concern} of {len(schools)} schools ({share:.0%}) are judged requires improvement,"
            " serious weaknesses or special measures, more than 20%: the network must identify"
            " support capacity from beyond it.",
        )
    ]


def _splits(network: Network, membership: _Membership) -> list[Finding]:
    findings = []
    for field, label in (("trust", "Trust split"), ("federation", "Federation split")):
        groups = {getattr(s, field) for s in membership.members[network.id] if getattr(s, field)}
        for group in sorted(groups):
            elsewhere: dict[str, list[str]] = defaultdict(list)
            for other_id, schools in membership.members.items():
                other = membership.networks[other_id]
                if other_id == network.id or other.kind not in LED_NETWORK_KINDS:
                    continue
                for school in schools:
                    if getattr(school, field) == group:
                        elsewhere[other.name].append(school.name)
            for other_name, names in sorted(elsewhere.items()):
                listed = ", ".join(sorted(names))
                findings.append(
                    Finding(
                        label,
                        f"{group} has schools here and in {other_name} ({listed});"
                        f" schools in one {field} should stay in the same network.",
                    )
                )
    return findings


def _meetings(store: Store, network: Network, today: date) -> list[Finding]:
    year = academic_year_of(today)
    first, last = academic_year_bounds(year)
    count = store.db.execute(
        "SELECT count(*) FROM meetings WHERE network_id = ? AND kind = ?"
        " AND starts_at >= ? AND starts_at < ?",
        [network.id, MeetingKind.SLG.value, first.isoformat(), f"{last.isoformat()}T99"],
    ).fetchone()[0]
    if count >= MEETINGS_PER_YEAR:
        return []
    return [
        Finding(
            "Meetings",
            f"{count} strategic leadership group meeting{'s' if count != 1 else ''} planned or"
            f" held in {year}; at least {MEETINGS_PER_YEAR} are expected.",
        )
    ]


def _leadership(store: Store, network: Network) -> list[Finding]:
    findings = []
    if network.lead_id is None:
        findings.append(Finding("Leadership", "the network has no lead."))
    else:
        lead = store.people.get(network.lead_id)
        gaps = lead_criteria_gaps(lead.lead_criteria)
        if gaps:
            findings.append(
                Finding(
                    "Lead criteria",
                    f"{lead.name}, the lead, does not meet the network lead criteria: {gaps}.",
                )
            )
    if network.deputy_lead_id is None:
        findings.append(Finding("Leadership", "the network has no named deputy lead."))
    return findings


def lead_criteria_gaps(criteria: LeadCriteria) -> str:
    """What stops a person meeting the lead criteria, or "" if nothing does."""
    gaps = []
    designated = criteria.nle_or_ele or criteria.inspection_trained
    track_record = {
        "good or outstanding Ofsted across the board": criteria.good_or_outstanding,
        "2 years' headship": criteria.two_years_headship,
        "2 years in the current school": criteria.two_years_in_school,
        "evidence of outreach": criteria.outreach_evidence,
    }
    if not designated and not all(track_record.values()):
        missing = [name for name, met in track_record.items() if not met]
        gaps.append(
            f"neither NLE/ELE status nor current inspection training, and no {', '.join(missing)}"
        )
    if not criteria.governing_body_support:
        gaps.append("no full support from the governing body")
    return "; ".join(gaps)
