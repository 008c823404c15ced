"""Fill a database with the demo data set; running it again adds nothing.

Every demo record has an id derived from a stable key (uuid5), and a record whose id
is already present is left alone, so the demo can be loaded any number of times.
"""

from __future__ import annotations

from datetime import date, timedelta

from store import models
from store.db import Store
from store.demo import facts
from store.demo.ids import (
    ANCHOR,
    Loader,
    demo_id,
    head_id,
    network_id,
    review_id,
    school_id,
)
from store.demo.meetings import add_board, add_meetings
from store.demo.plans import add_plan
from store.demo.reviews import CONCERN_REVIEW, REVIEWS, add_concern, add_review
from store.enums import (
    CaseStudyFormat,
    CaseStudyStatus,
    MemberRole,
    MembershipStatus,
    NetworkKind,
    NetworkPhase,
    OfstedJudgement,
    PersonRole,
    Phase,
    Sector,
)

__all__ = [
    "ANCHOR",
    "CONCERN_REVIEW",
    "DEMO_PROFILE",
    "REVIEWS",
    "demo_id",
    "head_id",
    "load_demo",
    "network_id",
    "review_id",
    "school_id",
]

DEMO_PROFILE = models.UserProfile(
    name="Claire Whitfield",
    role=PersonRole.HEAD_TEACHER,
    school_id=demo_id("school", "abbots-ripton"),
    person_id=demo_id("head", "abbots-ripton"),
)


def load_demo(store: Store) -> int:
    """Add the demo data set to the store; returns how many records were new."""
    loader = Loader(store)
    with store.db.atomic():
        _schools_and_people(loader)
        for network in facts.NETWORKS:
            _network(loader, network)
        add_board(loader)
        _move(loader)
        for review in REVIEWS:
            add_review(loader, review)
        add_concern(loader)
        _case_studies(loader)
        _support(loader)
        _projects(loader)
    return loader.added


def _schools_and_people(loader: Loader) -> None:
    store = loader.store
    leads = {n.lead_school: n for n in facts.NETWORKS}
    deputies = {n.deputy_school for n in facts.NETWORKS}
    for school in facts.SCHOOLS:
        loader.put(
            store.schools,
            models.School(
                id=school_id(school.key),
                name=school.name,
                urn=school.urn,
                phase=Phase(school.phase),
                sector=Sector(school.sector),
                town=school.town,
                head_teacher=school.head,
                contact_name=school.head,
                contact_email=f"head@{school.key}.example.org.uk",
                website=f"https://{school.key}.example.org.uk",
                trust=school.trust,
                federation=school.federation,
                religious_character=school.religious_character,
                local_authority=school.local_authority if school.sector == "state" else "",
                ofsted_judgement=OfstedJudgement(school.ofsted),
                ofsted_date=date(2023, 3, 15) if school.ofsted != "not_yet_inspected" else None,
            ),
        )
        lead_of = leads.get(school.key)
        criteria = models.LeadCriteria()
        if lead_of is not None or school.key in deputies:
            meets = lead_of is None or lead_of.lead_meets_criteria
            criteria = models.LeadCriteria(
                good_or_outstanding=True,
                two_years_headship=True,
                two_years_in_school=True,
                outreach_evidence=True,
                governing_body_support=meets,
            )
        loader.put(
            store.people,
            models.Person(
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
        models.Person(
            id=demo_id("person", "coordinator"),
            name="Dr Helen Marsh",
            role=PersonRole.COORDINATOR,
            email="helen.marsh@alliance.example.org.uk",
        ),
    )
    loader.put(
        store.people,
        models.Person(
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

# The steps of a school that joined; a pending school has taken the first two.
_TO_ACTIVE = (
    MembershipStatus.NOMINATED,
    MembershipStatus.ACCEPTED,
    MembershipStatus.APPROVED,
    MembershipStatus.ACTIVE,
)


def _coordinator_for(network: facts.DemoNetwork) -> str:
    if network.kind == "alliance_group":
        return demo_id("person", "coordinator")
    if network.area == "Coventry":
        return demo_id("person", "la-officer")
    return head_id(network.lead_school)


def _network(loader: Loader, network: facts.DemoNetwork) -> None:
    store = loader.store
    net_id = network_id(network.key)
    loader.put(
        store.networks,
        models.Network(
            id=net_id,
            name=network.name,
            kind=NetworkKind(network.kind),
            # Seed 002's cluster and seed 003's networks are primary; seed 004's partnership
            # mixes phases as well as sectors.
            phase=NetworkPhase.MIXED
            if network.kind == "cross_sector_partnership"
            else NetworkPhase.PRIMARY,
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
            MemberRole.LEAD
            if key == network.lead_school
            else MemberRole.DEPUTY_LEAD
            if key == network.deputy_school
            else MemberRole.MEMBER
        )
        _membership(
            loader,
            network,
            key,
            role,
            date(2025, 10, 15) if moved else joined,
            _TO_ACTIVE,
        )
    for key in network.pending:
        _membership(loader, network, key, MemberRole.MEMBER, date(2026, 10, 5), _TO_ACTIVE[:2])
    add_meetings(loader, network)
    add_plan(loader, network)


def _membership(
    loader: Loader,
    network: facts.DemoNetwork,
    key: str,
    role: MemberRole,
    joined: date,
    steps: tuple[MembershipStatus, ...],
) -> str:
    store = loader.store
    member_id = demo_id("membership", network.key, key)
    active = steps[-1] == MembershipStatus.ACTIVE
    loader.put(
        store.memberships,
        models.Membership(
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
        "accepted": next(s.head for s in facts.SCHOOLS if s.key == key),
        "approved": "Chair of the alliance"
        if network.kind == "alliance_group"
        else "Network leads group",
        "active": "",
    }
    for offset, step in enumerate(steps):
        loader.put(
            store.membership_events,
            models.MembershipEvent(
                id=demo_id("membership-event", network.key, key, step),
                membership_id=member_id,
                status=step,
                occurred_on=joined - timedelta(days=7 * (len(steps) - 1 - offset)),
                signed_by=signers[step],
            ),
        )
    return member_id


def _move(loader: Loader) -> None:
    """Henley Green moved from Coventry North to Coventry East in October 2025."""
    store = loader.store
    north = next(n for n in facts.NETWORKS if n.key == "cov-north")
    member_id = demo_id("membership", "cov-north", "henley-green")
    loader.put(
        store.memberships,
        models.Membership(
            id=member_id,
            network_id=network_id("cov-north"),
            school_id=school_id("henley-green"),
            status=MembershipStatus.LEFT,
            joined_on=date(2023, 9, 1),
            left_on=date(2025, 10, 15),
            mou_signed_on=date(2023, 8, 18),
        ),
    )
    loader.put(
        store.membership_events,
        models.MembershipEvent(
            id=demo_id("membership-event", north.key, "henley-green", "left"),
            membership_id=member_id,
            status=MembershipStatus.LEFT,
            occurred_on=date(2025, 10, 15),
            signed_by="Martin Cole",
            ratified_on=date(2025, 10, 15),
            reason="Asked to join Coventry East, where its nearest partner schools are.",
        ),
    )


def _case_studies(loader: Loader) -> None:
    alliance = next(n for n in facts.NETWORKS if n.key == "eoe-alliance")
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
            ("2025/26", CaseStudyStatus.PUBLISHED),
            ("2026/27", CaseStudyStatus.DRAFTING if number % 2 else CaseStudyStatus.PLANNED),
        ):
            loader.put(
                loader.store.case_studies,
                models.CaseStudy(
                    id=demo_id("case-study", key, year),
                    school_id=school_id(key),
                    academic_year=year,
                    title=topics[(number + (year == "2026/27")) % len(topics)],
                    aspect="Curriculum and pedagogy",
                    impact="Pupils explain their thinking more fully."
                    if status == "published"
                    else "",
                    format=CaseStudyFormat.AUDIOVISUAL
                    if number % 3 == 0
                    else CaseStudyFormat.WRITTEN,
                    status=status,
                ),
            )


def _support(loader: Loader) -> None:
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
            models.SupportExchange(
                id=demo_id("support", str(number)),
                network_id=network_id(network),
                giver_school_id=school_id(giver),
                receiver_school_id=school_id(receiver),
                description=text,
                hours=hours,
                occurred_on=date(2026, 1, 10) + timedelta(days=20 * number),
            ),
        )


def _projects(loader: Loader) -> None:
    projects = (
        (
            "science",
            "Shared Year 5 science enrichment days",
            "Give Year 5 pupils laboratory science with specialist teachers.",
            ("ouse-valley-college", "hartford-junior", "stukeley-meadows", "houghton"),
            120,
        ),
        (
            "stem-teacher",
            "Joint STEM teacher recruitment",
            "Share a physics specialist between the college and partner primaries.",
            ("ouse-valley-college", "priory-school", "stukeley-meadows"),
            None,  # a recruitment project reaches pupils later, through the teacher
        ),
    )
    for key, title, goal, partners, reached in projects:
        project_id = demo_id("project", key)
        loader.put(
            loader.store.partnership_projects,
            models.PartnershipProject(
                id=project_id,
                network_id=network_id("ouse-valley"),
                title=title,
                goal=goal,
                starts_on=date(2025, 9, 1),
                ends_on=date(2027, 7, 31),
                pupils_reached=reached,
                impact_evidence="Pupil survey: 87% say science is one of their favourite subjects.",
            ),
        )
        for partner in partners:
            loader.put(
                loader.store.project_partners,
                models.ProjectPartner(
                    id=demo_id("partner", key, partner),
                    project_id=project_id,
                    school_id=school_id(partner),
                ),
            )
