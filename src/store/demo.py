"""Fill a database with the demo data set; running it again adds nothing.

Every demo record has an id derived from a stable key (uuid5), and a record whose id
is already present is left alone, so the demo can be loaded any number of times.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from . import demo_data as d
from . import models as m
from .db import Store
from .enums import PersonRole
from .repository import Repository

_NAMESPACE = uuid.UUID("6f1c1d52-8a0e-4f57-9d0b-5c2f3b8e7a10")
# The data describe the school year as it stood on this day; it fixes which meetings
# were held and which actions are done, so the data set is the same whenever it is made.
ANCHOR = date(2026, 11, 23)
_YEAR_2025 = (
    date(2025, 9, 24),
    date(2025, 11, 19),
    date(2026, 1, 21),
    date(2026, 3, 18),
    date(2026, 5, 13),
    date(2026, 7, 8),
)
_YEAR_2026 = (
    date(2026, 9, 23),
    date(2026, 11, 18),
    date(2027, 1, 20),
    date(2027, 3, 17),
    date(2027, 5, 12),
    date(2027, 7, 7),
)
_CHECKLIST_BY_STAGE = {
    "planned": ("mou_signed",),
    "pre_meet": ("mou_signed", "scr_letter_sent", "concerns_protocol_shared"),
    "visit": (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
    ),
    "workshop": (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
    ),
    "outcomes_agreed": (
        "mou_signed",
        "scr_letter_sent",
        "concerns_protocol_shared",
        "timetable_shared",
        "pre_meet_held",
        "workshop_held",
        "outcomes_agreed",
    ),
}


def demo_id(*parts: str) -> str:
    """The stable id of a demo record."""
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


@dataclass(frozen=True)
class DemoReview:
    """A peer review in the demo."""

    key: str
    network: str
    host: str
    year: str
    stage: str
    starts_on: date
    lead: str
    team: tuple[str, ...]
    champion: str | None = None


REVIEWS = (
    DemoReview(
        "hunts-2025-hartford-infant",
        "hunts",
        "hartford-infant",
        "2025/26",
        "outcomes_agreed",
        date(2025, 11, 12),
        "stukeley-meadows",
        ("houghton",),
        "st-annes",
    ),
    DemoReview(
        "hunts-2025-houghton",
        "hunts",
        "houghton",
        "2025/26",
        "outcomes_agreed",
        date(2026, 2, 4),
        "abbots-ripton",
        ("wyton",),
        "hartford-junior",
    ),
    DemoReview(
        "hunts-2025-stukeley",
        "hunts",
        "stukeley-meadows",
        "2025/26",
        "outcomes_agreed",
        date(2026, 5, 6),
        "hartford-junior",
        ("st-johns",),
        "abbots-ripton",
    ),
    DemoReview(
        "hunts-2026-abbots-ripton",
        "hunts",
        "abbots-ripton",
        "2026/27",
        "outcomes_agreed",
        date(2026, 10, 7),
        "stukeley-meadows",
        ("st-annes",),
        "houghton",
    ),
    DemoReview(
        "hunts-2026-st-johns",
        "hunts",
        "st-johns",
        "2026/27",
        "workshop",
        date(2026, 11, 11),
        "abbots-ripton",
        ("hartford-infant", "wyton"),
        "stukeley-meadows",
    ),
    DemoReview(
        "hunts-2026-hartford-junior",
        "hunts",
        "hartford-junior",
        "2026/27",
        "visit",
        date(2026, 11, 25),
        "houghton",
        ("st-annes",),
    ),
    DemoReview(
        "hunts-2026-wyton",
        "hunts",
        "wyton",
        "2026/27",
        "pre_meet",
        date(2027, 1, 13),
        "hartford-infant",
        ("stukeley-meadows",),
    ),
    DemoReview(
        "hunts-2026-st-annes",
        "hunts",
        "st-annes",
        "2026/27",
        "planned",
        date(2027, 2, 10),
        "wyton",
        (),
    ),
    DemoReview(
        "south-2026-binley-park",
        "cov-south",
        "binley-park",
        "2026/27",
        "planned",
        date(2027, 3, 3),
        "earlsdon-vale",
        ("finham-brook",),
    ),
)
CONCERN_REVIEW = "hunts-2026-st-johns"


class _Loader:
    """Adds demo records whose ids are not yet in the database."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.added = 0

    def put(self, repo: Repository[Any], record: m.Record) -> None:
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


DEMO_PROFILE = m.UserProfile(
    name="Claire Whitfield",
    role=PersonRole.HEAD_TEACHER,
    school_id=demo_id("school", "abbots-ripton"),
    person_id=demo_id("head", "abbots-ripton"),
)


def load_demo(store: Store) -> int:
    """Add the demo data set to the store; returns how many records were new."""
    loader = _Loader(store)
    with store.db.atomic():
        _schools_and_people(loader)
        for network in d.NETWORKS:
            _network(loader, network)
        _move(loader)
        for review in REVIEWS:
            _review(loader, review)
        _concern(loader)
        _case_studies(loader)
        _support(loader)
        _projects(loader)
    return loader.added


def _schools_and_people(loader: _Loader) -> None:
    store = loader.store
    leads = {n.lead_school: n for n in d.NETWORKS}
    deputies = {n.deputy_school for n in d.NETWORKS}
    for school in d.SCHOOLS:
        loader.put(
            store.schools,
            m.School(
                id=school_id(school.key),
                name=school.name,
                urn=school.urn,
                phase=school.phase,
                sector=school.sector,
                town=school.town,
                head_teacher=school.head,
                contact_name=school.head,
                contact_email=f"head@{school.key}.example.org.uk",
                website=f"https://{school.key}.example.org.uk",
                trust=school.trust,
                federation=school.federation,
                religious_character=school.religious_character,
                local_authority=school.local_authority if school.sector == "state" else "",
                ofsted_judgement=school.ofsted,
                ofsted_date=date(2023, 3, 15) if school.ofsted != "not_yet_inspected" else None,
            ),
        )
        lead_of = leads.get(school.key)
        criteria = m.LeadCriteria()
        if lead_of is not None or school.key in deputies:
            meets = lead_of is None or lead_of.lead_meets_criteria
            criteria = m.LeadCriteria(
                good_or_outstanding=True,
                two_years_headship=True,
                two_years_in_school=True,
                outreach_evidence=True,
                governing_body_support=meets,
            )
        loader.put(
            store.people,
            m.Person(
                id=head_id(school.key),
                name=school.head,
                role=PersonRole.NETWORK_LEAD if lead_of else PersonRole.HEAD_TEACHER,
                school_id=school_id(school.key),
                email=f"head@{school.key}.example.org.uk",
                lead_criteria=criteria,
            ),
        )
    loader.put(
        store.people,
        m.Person(
            id=demo_id("person", "coordinator"),
            name="Dr Helen Marsh",
            role=PersonRole.COORDINATOR,
            email="helen.marsh@alliance.example.org.uk",
        ),
    )
    loader.put(
        store.people,
        m.Person(
            id=demo_id("person", "la-officer"),
            name="Priya Shah",
            role=PersonRole.LA_OFFICER,
            email="priya.shah@coventry.example.gov.uk",
        ),
    )


_TERMS = {
    "purpose_and_principles": "Working in the best interest of all pupils; open and transparent"
    " sharing of information; an equal level of giving and receiving of support over time.",
    "roles": "Every head joins the strategic leadership group. The network lead sets agendas"
    " and shares notes and actions; the deputy lead stands in when the lead cannot attend.",
    "membership": "Proposals to join or leave go to the network leads group for ratification.",
    "information_sharing": "Heads share performance information honestly; data stay within"
    " the network unless all heads agree.",
    "finance": "School improvement funding is spent only on activity every network must do.",
    "meetings": "At least six strategic leadership group meetings each academic year.",
    "network_activity": "Moderation, peer review and support where a need is identified.",
}


def _coordinator_for(network: d.DemoNetwork) -> str:
    if network.kind == "alliance_group":
        return demo_id("person", "coordinator")
    if network.area == "Coventry":
        return demo_id("person", "la-officer")
    return head_id(network.lead_school)


def _network(loader: _Loader, network: d.DemoNetwork) -> None:
    store = loader.store
    net_id = network_id(network.key)
    loader.put(
        store.networks,
        m.Network(
            id=net_id,
            name=network.name,
            kind=network.kind,
            area=network.area,
            description=network.description,
            lead_school_id=school_id(network.lead_school),
            lead_id=head_id(network.lead_school),
            deputy_lead_id=head_id(network.deputy_school) if network.deputy_school else None,
            coordinator_id=_coordinator_for(network),
            review_target=network.review_target,
            terms_of_reference=_TERMS if network.kind in ("network", "cluster") else {},
        ),
    )
    joined = date(2018, 9, 1) if network.key == "hunts" else date(2023, 9, 1)
    for key in network.schools:
        # Henley Green joined East when it moved from North (see _move).
        moved = (network.key, key) == ("cov-east", "henley-green")
        role = (
            "lead"
            if key == network.lead_school
            else "deputy_lead"
            if key == network.deputy_school
            else "member"
        )
        _membership(
            loader,
            network,
            key,
            role,
            date(2025, 10, 15) if moved else joined,
            ("nominated", "accepted", "approved", "active"),
        )
    for key in network.pending:
        _membership(loader, network, key, "member", date(2026, 10, 5), ("nominated", "accepted"))
    _meetings(loader, network)
    _plan(loader, network)


def _membership(
    loader: _Loader,
    network: d.DemoNetwork,
    key: str,
    role: str,
    joined: date,
    steps: tuple[str, ...],
) -> str:
    store = loader.store
    member_id = demo_id("membership", network.key, key)
    active = steps[-1] == "active"
    loader.put(
        store.memberships,
        m.Membership(
            id=member_id,
            network_id=network_id(network.key),
            school_id=school_id(key),
            role=role,
            status=steps[-1],
            joined_on=joined if active else None,
            mou_signed_on=joined - timedelta(days=14) if active else None,
        ),
    )
    signers = {
        "nominated": "Dr Helen Marsh" if network.kind == "alliance_group" else "Network lead",
        "accepted": next(s.head for s in d.SCHOOLS if s.key == key),
        "approved": "Chair of the alliance"
        if network.kind == "alliance_group"
        else "Network leads group",
        "active": "",
    }
    for offset, step in enumerate(steps):
        loader.put(
            store.membership_events,
            m.MembershipEvent(
                id=demo_id("membership-event", network.key, key, step),
                membership_id=member_id,
                status=step,
                occurred_on=joined - timedelta(days=7 * (len(steps) - 1 - offset)),
                signed_by=signers[step],
            ),
        )
    return member_id


def _move(loader: _Loader) -> None:
    """Henley Green moved from Coventry North to Coventry East in October 2025."""
    store = loader.store
    north = next(n for n in d.NETWORKS if n.key == "cov-north")
    member_id = demo_id("membership", "cov-north", "henley-green")
    loader.put(
        store.memberships,
        m.Membership(
            id=member_id,
            network_id=network_id("cov-north"),
            school_id=school_id("henley-green"),
            status="left",
            joined_on=date(2023, 9, 1),
            left_on=date(2025, 10, 15),
            mou_signed_on=date(2023, 8, 18),
        ),
    )
    loader.put(
        store.membership_events,
        m.MembershipEvent(
            id=demo_id("membership-event", north.key, "henley-green", "left"),
            membership_id=member_id,
            status="left",
            occurred_on=date(2025, 10, 15),
            signed_by="Martin Cole",
            ratified_on=date(2025, 10, 15),
            reason="Asked to join Coventry East, where its nearest partner schools are.",
        ),
    )


def _meetings(loader: _Loader, network: d.DemoNetwork) -> None:
    store = loader.store
    dates = _YEAR_2025 + _YEAR_2026[: network.meetings_2026_27]
    heads = [head_id(key) for key in network.schools]
    kind = "partnership" if network.kind == "cross_sector_partnership" else "slg"
    for number, day in enumerate(dates):
        day = day + timedelta(days=network.weekday_offset)
        meeting_id = demo_id("meeting", network.key, day.isoformat())
        held = day < ANCHOR
        host = next(
            s.name for s in d.SCHOOLS if s.key == network.schools[number % len(network.schools)]
        )
        loader.put(
            store.meetings,
            m.Meeting(
                id=meeting_id,
                network_id=network_id(network.key),
                title=f"{'Partnership' if kind == 'partnership' else 'Strategic leadership group'}"
                f" meeting {day:%B %Y}",
                kind=kind,
                starts_at=datetime.combine(day, time(9, 30)),
                place=host,
                notes="Heads reviewed the network data pack and action plan progress."
                if held
                else "",
                decisions="Agreed the moderation calendar and next review dates." if held else "",
            ),
        )
        for position, title in enumerate(
            (d.AGENDA[0], *(d.AGENDA[1 + (number + k) % 6] for k in range(3)))
        ):
            loader.put(
                store.agenda_items,
                m.AgendaItem(
                    id=demo_id("agenda", meeting_id, str(position)),
                    meeting_id=meeting_id,
                    position=position,
                    title=title,
                ),
            )
        if not held:
            continue
        for index, person in enumerate(heads):
            status = (
                "apologies"
                if index == number % len(heads)
                else "deputy"
                if index == (number + 2) % len(heads) and number % 3 == 0
                else "present"
            )
            loader.put(
                store.attendances,
                m.Attendance(
                    id=demo_id("attendance", meeting_id, person),
                    meeting_id=meeting_id,
                    person_id=person,
                    status=status,
                ),
            )
        due = day + timedelta(days=28)
        status = (
            "done" if due < ANCHOR - timedelta(days=30) else "in_progress" if number % 2 else "open"
        )
        if status == "done" and number == 4:
            status = "dropped"
        loader.put(
            store.actions,
            m.Action(
                id=demo_id("action", meeting_id),
                description=d.MEETING_ACTIONS[number % len(d.MEETING_ACTIONS)],
                owner_id=heads[number % len(heads)],
                due_on=due,
                status=status,
                source="meeting",
                network_id=network_id(network.key),
                meeting_id=meeting_id,
            ),
        )


def _plan(loader: _Loader, network: d.DemoNetwork) -> None:
    store = loader.store
    plan_id = demo_id("plan", network.key, "2026/27")
    loader.put(
        store.action_plans,
        m.ActionPlan(
            id=plan_id,
            network_id=network_id(network.key),
            academic_year="2026/27",
            funding_allocated=6000 + 1000 * len(network.schools),
            funding_spent=1850,
        ),
    )
    for position in range(3):
        title, partnership, outcomes, criteria = d.PRIORITIES[
            (position + network.weekday_offset) % 4
        ]
        priority_id = demo_id("priority", plan_id, str(position))
        loader.put(
            store.plan_priorities,
            m.PlanPriority(
                id=priority_id,
                plan_id=plan_id,
                position=position,
                title=title,
                partnership_priority=partnership,
                expected_outcomes=outcomes,
                success_criteria=criteria,
                funding_allocated=2000,
                rag=("green", "amber", "red")[(position + len(network.schools)) % 3],
            ),
        )
        loader.put(
            store.actions,
            m.Action(
                id=demo_id("action", priority_id),
                description=f"Lead the priority: {title}",
                owner_id=head_id(network.schools[position % len(network.schools)]),
                due_on=date(2027, 3, 31),
                status="in_progress" if position else "open",
                source="plan",
                network_id=network_id(network.key),
                priority_id=priority_id,
            ),
        )


def _review(loader: _Loader, review: DemoReview) -> None:
    store = loader.store
    rid = review_id(review.key)
    done = _CHECKLIST_BY_STAGE[review.stage]
    has_findings = review.stage in ("workshop", "outcomes_agreed")
    loader.put(
        store.peer_reviews,
        m.PeerReview(
            id=rid,
            network_id=network_id(review.network),
            host_school_id=school_id(review.host),
            academic_year=review.year,
            stage=review.stage,
            starts_on=review.starts_on,
            ends_on=review.starts_on + timedelta(days=1),
            lead_reviewer_id=head_id(review.lead),
            improvement_champion_id=head_id(review.champion) if review.champion else None,
            focus_areas=list(d.FOCUS_AREAS),
            hypotheses="Self-evaluation suggests early reading is a strength and subject"
            " leadership beyond English and maths is still developing.",
            strengths=d.STRENGTHS if has_findings else "",
            areas_for_development=d.AREAS_FOR_DEVELOPMENT if has_findings else "",
            checklist={
                item: review.starts_on - timedelta(days=30 - 4 * n) for n, item in enumerate(done)
            },
            premeet_context=(
                "A one-form-entry school with a new leadership team and a rising roll."
                if review.stage != "planned"
                else ""
            ),
            workshop_participants=(
                "Head, deputy head, English and SEND leads, two governors" if has_findings else ""
            ),
            workshop_went_well=(
                "Leaders recognised the evidence and owned the actions." if has_findings else ""
            ),
            workshop_even_better_if=(
                "More middle leaders had joined the workshop." if has_findings else ""
            ),
            area_of_excellence="Early reading" if review.stage == "outcomes_agreed" else "",
            next_steps=(
                "Middle leaders visit lessons each half term\nShare the reading approach with the"
                " cluster"
                if has_findings
                else ""
            ),
            locked_on=(
                review.starts_on + timedelta(days=14) if review.stage == "outcomes_agreed" else None
            ),
        ),
    )
    if has_findings:
        for position, focus in enumerate(d.FOCUS_AREAS):
            went_well, even_better_if, development = d.OUTCOMES[position]
            loader.put(
                store.outcome_areas,
                m.OutcomeArea(
                    id=demo_id("outcome", review.key, str(position)),
                    review_id=rid,
                    position=position,
                    focus_area=focus,
                    went_well=went_well,
                    even_better_if=even_better_if,
                    areas_for_development=development,
                ),
            )
    if review.stage == "visit":
        for number, (clock, activity, who, where) in enumerate(d.TIMETABLE):
            loader.put(
                store.review_slots,
                m.ReviewSlot(
                    id=demo_id("slot", review.key, str(number)),
                    review_id=rid,
                    day=review.starts_on,
                    starts_at=clock,
                    activity=activity,
                    who=who,
                    location=where,
                ),
            )
    for role, key in [("lead reviewer", review.lead), *(("reviewer", k) for k in review.team)]:
        loader.put(
            store.review_team_members,
            m.ReviewTeamMember(
                id=demo_id("team", review.key, key),
                review_id=rid,
                person_id=head_id(key),
                role=role,
                employing_school_id=school_id(key),
                dbs_confirmed=True,
                dbs_confirmed_on=review.starts_on - timedelta(days=21),
            ),
        )
    if review.key == CONCERN_REVIEW:
        start = datetime.combine(review.starts_on, time(9, 10), tzinfo=UTC)
        for number, (area, kind, text) in enumerate(d.VISIT_NOTES):
            loader.put(
                store.evidence_notes,
                m.EvidenceNote(
                    id=demo_id("note", review.key, str(number)),
                    review_id=rid,
                    noted_at=start + timedelta(minutes=25 * number),
                    focus_area=d.FOCUS_AREAS[area],
                    evidence_type=kind,
                    text=text,
                ),
            )
    if has_findings:
        loader.put(
            store.actions,
            m.Action(
                id=demo_id("action", review.key),
                description="Plan a cycle of lesson visits for"
                " each middle leader, with a reviewer from a partner school",
                owner_id=head_id(review.host),
                due_on=review.starts_on + timedelta(days=60),
                status="done" if review.year == "2025/26" else "open",
                source="review",
                network_id=network_id(review.network),
                review_id=rid,
            ),
        )


def _concern(loader: _Loader) -> None:
    day = next(r.starts_on for r in REVIEWS if r.key == CONCERN_REVIEW)
    loader.put(
        loader.store.concerns,
        m.Concern(
            id=demo_id("concern", CONCERN_REVIEW),
            review_id=review_id(CONCERN_REVIEW),
            category="safeguarding",
            facts="During pupil voice a Year 5 pupil said, in their own words: \"I don't like going"
            ' home on Fridays because of the shouting." The pupil looked anxious and went quiet.',
            occurred_at=datetime.combine(day, time(13, 40)),
            place="Year 5 classroom",
            raised_by="Claire Whitfield (Lead Reviewer)",
            reported_to="Designated safeguarding lead of the host school",
            reported_at=datetime.combine(day, time(13, 55)),
            follow_up="The DSL logged the disclosure and is following the school's procedures.",
        ),
    )


def _case_studies(loader: _Loader) -> None:
    alliance = next(n for n in d.NETWORKS if n.key == "eoe-alliance")
    topics = (
        "Enquiry-based learning in science",
        "Talk for writing across the school",
        "Outdoor learning in the early years",
        "Pupil voice in curriculum design",
        "Dialogic teaching in maths",
        "Assessment without levels",
    )
    for number, key in enumerate(alliance.schools):
        for year, status in (
            ("2025/26", "published"),
            ("2026/27", "drafting" if number % 2 else "planned"),
        ):
            loader.put(
                loader.store.case_studies,
                m.CaseStudy(
                    id=demo_id("case-study", key, year),
                    school_id=school_id(key),
                    academic_year=year,
                    title=topics[(number + (year == "2026/27")) % len(topics)],
                    aspect="Curriculum and pedagogy",
                    impact="Pupils explain their thinking more fully."
                    if status == "published"
                    else "",
                    format="audiovisual" if number % 3 == 0 else "written",
                    status=status,
                ),
            )


def _support(loader: _Loader) -> None:
    exchanges = (
        ("hunts", "stukeley-meadows", "st-johns", "Maths mastery coaching for Year 3 and 4", 12),
        ("hunts", "abbots-ripton", "st-johns", "Early reading audit and phonics training", 8),
        ("hunts", "st-johns", "hartford-infant", "SEND provision mapping workshop", 4),
        ("hunts", "houghton", "wyton", "Moderation of Year 6 writing", 3),
        ("cov-south", "earlsdon-vale", "binley-park", "Leadership mentoring for the new head", 20),
        ("cov-south", "earlsdon-vale", "stoke-aldermoor", "Curriculum review support", 10),
        ("cov-south", "styvechale-grange", "ernesford-grange", "Attendance strategy", 6),
    )
    for number, (network, giver, receiver, text, hours) in enumerate(exchanges):
        loader.put(
            loader.store.support_exchanges,
            m.SupportExchange(
                id=demo_id("support", str(number)),
                network_id=network_id(network),
                giver_school_id=school_id(giver),
                receiver_school_id=school_id(receiver),
                description=text,
                hours=hours,
                occurred_on=date(2026, 1, 10) + timedelta(days=20 * number),
            ),
        )


def _projects(loader: _Loader) -> None:
    projects = (
        (
            "science",
            "Shared Year 5 science enrichment days",
            "Give Year 5 pupils laboratory science with specialist teachers.",
            ("ouse-valley-college", "hartford-junior", "stukeley-meadows", "houghton"),
        ),
        (
            "stem-teacher",
            "Joint STEM teacher recruitment",
            "Share a physics specialist between the college and partner primaries.",
            ("ouse-valley-college", "priory-school", "stukeley-meadows"),
        ),
    )
    for key, title, goal, partners in projects:
        project_id = demo_id("project", key)
        loader.put(
            loader.store.partnership_projects,
            m.PartnershipProject(
                id=project_id,
                network_id=network_id("ouse-valley"),
                title=title,
                goal=goal,
                starts_on=date(2025, 9, 1),
                ends_on=date(2027, 7, 31),
                impact_evidence="Pupil survey: 87% say science is one of their favourite subjects.",
            ),
        )
        for partner in partners:
            loader.put(
                loader.store.project_partners,
                m.ProjectPartner(
                    id=demo_id("partner", key, partner),
                    project_id=project_id,
                    school_id=school_id(partner),
                ),
            )
