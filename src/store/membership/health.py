"""Network health: the organisation rules of seeds 000 and 003, each finding a plain sentence.

The rules read plain rows from two queries over every network at once, so checking
hundreds of networks takes milliseconds and grows with the number of members.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.dates import academic_year_bounds, academic_year_of
from store.enums import (
    CapacityFinding,
    MeetingKind,
    MembershipStatus,
    NetworkKind,
    OfstedJudgement,
)
from store.meetings.attendance import MissedRun, missed_runs
from store.membership.health_answers import ANSWERS_COLUMN, Answer, answers_from
from store.membership.lead_criteria import lead_criteria_gaps
from store.models import LeadCriteria
from store.plans import progress
from store.text import plural

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
SPLIT_LABELS = {"trust": "Trust split", "federation": "Federation split"}


@dataclass(frozen=True)
class Finding:
    """One way a network falls short of a rule; some can be answered with a recorded note."""

    rule: str
    message: str
    # Set on the findings that ask for support capacity from beyond the network.
    capacity: CapacityFinding | None = None
    answer: Answer | None = None

    @property
    def open(self) -> bool:
        """True while nothing has answered it."""
        return self.answer is None

    def __str__(self) -> str:
        answered = f" ({self.answer})" if self.answer else ""
        return f"{self.rule}: {self.message}{answered}"


def open_findings(findings: list[Finding]) -> list[Finding]:
    """The findings no recorded answer has dealt with."""
    return [finding for finding in findings if finding.open]


@dataclass(frozen=True)
class _Network:
    """What the rules read about one network, from one row."""

    id: str
    name: str
    kind: str
    lead_id: str | None
    deputy_lead_id: str | None
    lead_name: str | None
    lead_criteria: str | None
    meetings: int
    # The school that a lead, deputy or lead school is, or is at, where it has left.
    lead_left: str | None
    deputy_name: str | None
    deputy_left: str | None
    lead_school_left: str | None
    answers: str | None


# One row per network; the meetings count is a range in the meetings (network, start) index.
_NETWORKS_SQL = """
SELECT n.id, n.name, n.kind, n.lead_id, n.deputy_lead_id,
  p.name AS lead_name, p.lead_criteria,
  (SELECT count(*) FROM meetings mt
    WHERE mt.network_id = n.id AND mt.kind = :slg AND mt.cancelled = 0
      AND mt.starts_at >= :first AND mt.starts_at < :after) AS meetings,
  {left_p} AS lead_left, d.name AS deputy_name, {left_d} AS deputy_left,
  {left_n} AS lead_school_left, {answers} AS answers
FROM networks n LEFT JOIN people p ON p.id = n.lead_id LEFT JOIN people d ON d.id = n.deputy_lead_id
{where}
ORDER BY n.name, n.id
"""
# The name of a school that has left the network and not come back, or NULL.
_LEFT = (
    "(SELECT ls.name FROM memberships ml JOIN schools ls ON ls.id = ml.school_id"
    " WHERE ml.network_id = n.id AND ml.school_id = {0} AND ml.status IN (:left, :removed)"
    " AND NOT EXISTS (SELECT 1 FROM memberships ma WHERE ma.network_id = n.id"
    " AND ma.school_id = {0} AND ma.status = :active) LIMIT 1)"
)

# One row per active membership: sizes, Ofsted shares and trust and federation splits.
_MEMBERS_SQL = """
SELECT m.network_id, n.name, n.kind, s.name, s.trust, s.federation, s.ofsted_judgement
FROM memberships m
  JOIN schools s ON s.id = m.school_id
  JOIN networks n ON n.id = m.network_id
WHERE m.status = :active AND (n.archived_on IS NULL OR m.network_id = :network) {only}
"""
# For one network: its own members, and others only where they share a trust or federation.
_ITS = (
    "SELECT s2.{0} FROM memberships m2 JOIN schools s2 ON s2.id = m2.school_id"
    " WHERE m2.network_id = :network AND m2.status = :active AND s2.{0} != ''"
)
_ONLY_ITS_OWN = (
    f"AND (m.network_id = :network OR s.trust IN ({_ITS.format('trust')})"
    f" OR s.federation IN ({_ITS.format('federation')}))"
)


def network_health(store: Store, network_id: str, today: date | None = None) -> list[Finding]:
    """Every rule the network breaks today, in a fixed order; asked by id, an archived
    network is checked too."""
    found = _health(store, today or store.today(), network_id)
    if network_id not in found:
        store.networks.get(network_id)  # raises RecordNotFound, saying so plainly
    return found[network_id]


def all_network_health(store: Store, today: date | None = None) -> dict[str, list[Finding]]:
    """Findings for every network in use (not archived), keyed by network id, in name order."""
    return _health(store, today or store.today())


def _health(store: Store, today: date, network_id: str | None = None) -> dict[str, list[Finding]]:
    """Findings for every network, or for the one with network_id: two queries in all."""
    year = academic_year_of(today)
    first, last = academic_year_bounds(year)
    params = {
        "active": MembershipStatus.ACTIVE.value,
        "slg": MeetingKind.SLG.value,
        "first": first.isoformat(),
        "after": f"{last.isoformat()}T99",
        "network": network_id,
        "left": MembershipStatus.LEFT.value,
        "removed": MembershipStatus.REMOVED.value,
        "year": year,
    }
    one = network_id is not None
    networks_sql = _NETWORKS_SQL.format(
        where="WHERE n.id = :network" if one else "WHERE n.archived_on IS NULL",
        left_p=_LEFT.format("p.school_id"),
        left_d=_LEFT.format("d.school_id"),
        left_n=_LEFT.format("n.lead_school_id"),
        answers=ANSWERS_COLUMN,
    )
    networks = [_Network(**row) for row in store.db.query(networks_sql, params)]
    members = _Members(
        store.db.execute(_MEMBERS_SQL.format(only=_ONLY_ITS_OWN if one else ""), params)
    )
    missed = missed_runs(store, today, network_id)
    unevaluated = progress.unevaluated(store, today, network_id)
    return {
        network.id: _answered(
            _check(store, network, members, year)
            + _attendance(missed.get(network.id))
            + _impact(unevaluated.get(network.id)),
            answers_from(network.answers),
        )
        for network in networks
    }


def _answered(findings: list[Finding], answers: dict[str, Answer]) -> list[Finding]:
    return [
        Finding(f.rule, f.message, f.capacity, answers[f.capacity])
        if f.capacity is not None and f.capacity in answers
        else f
        for f in findings
    ]


class _Members:
    """Active members counted per network, and led networks' members by trust and federation."""

    def __init__(self, rows: Iterable[tuple[str, ...]]) -> None:
        self.schools: Counter[str] = Counter()
        self.of_concern: Counter[str] = Counter()
        # (field, group) -> network id -> (network name, names of its schools in the group)
        self._places: dict[tuple[str, str], dict[str, tuple[str, list[str]]]] = {}
        # network id -> (field, group) for each trust and federation its members are in
        self._groups: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._sentences: dict[tuple[str, str], list[tuple[str, frozenset[str], Finding]]] = {}
        for network_id, network_name, kind, school, trust, federation, judgement in rows:
            self.schools[network_id] += 1
            if judgement in CATEGORY_OF_CONCERN:
                self.of_concern[network_id] += 1
            if kind not in LED_NETWORK_KINDS:
                continue
            for key in (("trust", trust), ("federation", federation)):
                if key[1]:
                    places = self._places.setdefault(key, {})
                    places.setdefault(network_id, (network_name, []))[1].append(school)
                    self._groups[network_id].add(key)

    def splits(self, network_id: str) -> list[Finding]:
        """A finding for each other network sharing a trust or federation with this one."""
        findings = []
        groups = self._groups.get(network_id, set())
        for field in SPLIT_LABELS:
            for group in sorted(g for f, g in groups if f == field):
                for name, ids, finding in self._split_sentences(field, group):
                    if network_id not in ids:
                        findings.append(finding)
                    elif len(ids) > 1:  # other networks share this one's name: list theirs
                        places = self._places[field, group]
                        schools = [s for i in ids - {network_id} for s in places[i][1]]
                        findings.append(_split(field, group, name, schools))
        return findings

    def _split_sentences(self, field: str, group: str) -> list[tuple[str, frozenset[str], Finding]]:
        """For each network name the group is in: its ids and the sentence others read."""
        key = (field, group)
        if key not in self._sentences:
            by_name: dict[str, tuple[set[str], list[str]]] = {}
            for network_id, (name, schools) in self._places[key].items():
                ids, names = by_name.setdefault(name, (set(), []))
                ids.add(network_id)
                names.extend(schools)
            self._sentences[key] = [
                (name, frozenset(ids), _split(field, group, name, schools))
                for name, (ids, schools) in sorted(by_name.items())
            ]
        return self._sentences[key]


def _split(field: str, group: str, other_name: str, schools: list[str]) -> Finding:
    return Finding(
        SPLIT_LABELS[field],
        f"{group} has schools here and in {other_name} ({', '.join(sorted(schools))});"
        f" schools in one {field} should stay in the same network.",
    )


def _check(store: Store, network: _Network, members: _Members, year: str) -> list[Finding]:
    findings: list[Finding] = []
    schools = members.schools[network.id]
    if network.kind == NetworkKind.ALLIANCE_GROUP:
        low, high = ALLIANCE_SIZE
        if not low <= schools <= high:
            findings.append(
                Finding(
                    "Alliance group size",
                    f"{_schools(schools)}, outside the {low} to {high} an alliance"
                    " group should have.",
                )
            )
    if network.kind not in LED_NETWORK_KINDS:
        return findings
    findings += _size(schools)
    findings += _categories(schools, members.of_concern[network.id])
    findings += members.splits(network.id)
    findings += _meetings(network.meetings, year)
    findings += _leadership(store, network)
    return findings


def _attendance(runs: list[MissedRun] | None) -> list[Finding]:
    return [
        Finding(
            "Attendance",
            f"{run.person}, head of {run.school or 'a member school'}, has missed {run.missed}"
            " leadership group meetings running without sending a deputy with decision-making"
            " authority.",
        )
        for run in runs or []
    ]


def _impact(years: list[str] | None) -> list[Finding]:
    """Seed 003: each network evaluates its plan's impact each year and shares it."""
    sentence = progress.unevaluated_sentence
    return [Finding("Impact evaluation", sentence(year)) for year in years or []]


def _schools(count: int) -> str:
    return plural(count, "school")


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
                CapacityFinding.SIZE,
            )
        ]
    return []


def _categories(count: int, concern: int) -> list[Finding]:
    if not count:
        return []
    share = concern / count
    if share <= CONCERN_SHARE_LIMIT:
        return []
    return [
        Finding(
            "Ofsted categories",
            f"{concern} of {plural(count, 'school')} ({share:.0%})"
            f" {'is' if concern == 1 else 'are'} judged requires improvement,"
            " serious weaknesses or special measures, more than 20%: the network must identify"
            " support capacity from beyond it.",
            CapacityFinding.OFSTED_CATEGORIES,
        )
    ]


def _meetings(count: int, year: str) -> list[Finding]:
    if count >= MEETINGS_PER_YEAR:
        return []
    return [
        Finding(
            "Meetings",
            f"{count} strategic leadership group meeting{'s' if count != 1 else ''} planned or"
            f" held in {year}; at least {MEETINGS_PER_YEAR} are expected.",
        )
    ]


def _leadership(store: Store, network: _Network) -> list[Finding]:
    findings = []
    if network.lead_id is None:
        findings.append(Finding("Leadership", "the network has no lead."))
    else:
        if network.lead_name is None:
            store.people.get(network.lead_id)  # a lead who is not there: RecordNotFound
        gaps = lead_criteria_gaps(LeadCriteria.model_validate_json(network.lead_criteria or "{}"))
        if gaps:
            findings.append(
                Finding(
                    "Lead criteria",
                    f"{network.lead_name}, the lead, does not meet the network lead criteria:"
                    f" {gaps}.",
                )
            )
    if network.deputy_lead_id is None:
        findings.append(Finding("Leadership", "the network has no named deputy lead."))
    for name, role, school in (
        (network.lead_name, "the lead", network.lead_left),
        (network.deputy_name, "the deputy lead", network.deputy_left),
    ):
        if school is not None:
            findings.append(
                Finding(
                    "Leadership",
                    f"{name}, {role}, is at {school}, which has left the network: choose"
                    f" who leads from a member school.",
                )
            )
    if network.lead_school_left is not None:
        findings.append(
            Finding("Leadership", f"{network.lead_school_left}, the lead school, has left the"
                    " network.")
        )  # fmt: skip
    return findings
