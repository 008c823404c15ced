"""Build a database the size of real use: the demo data plus a national register of schools.

    python bench/make_large_db.py PATH [--networks 50] [--force]

On top of the demo data (`load_demo`, signed in as the demo head) it adds, deterministically:

- 25,000 schools like the DfE register (GIAS): names, towns and local authorities,
  distinct six-digit URNs, phases, independent schools, trusts, federations and Ofsted
  judgements in roughly the national proportions;
- 50 networks (or `--networks N`; the health benchmark uses 250 and 500), each of 5 to
  15 schools of one local authority, with their heads as people, leads and deputies,
  terms of reference and memberships;
- 5,000 meetings, 1,000 peer reviews, 50,000 visit notes (2,000 of them on the demo
  review of St John's, which bench/notes.py opens; the rest spread over the reviews) and
  20,000 actions (some owned by the demo head, so Home lists them).

Records are built as pydantic models, turned into rows with `TableSpec.to_rows` and
written with one `executemany` per table in a single transaction (a few seconds).
The result is cached: a database whose `bench_large_db` setting matches this file and the
schema version is reused, not rebuilt (see `large_db`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import cache_dir, locate

SCHOOLS = 25_000
NETWORKS = 50
MEETINGS = 5_000
REVIEWS = 1_000
NOTES = 50_000
NOTES_ON_ONE_REVIEW = 2_000
ACTIONS = 20_000
DEMO_HEAD_ACTIONS = 40
SETTING = "bench_large_db"
NOTES_REVIEW_KEY = "hunts-2026-st-johns"  # the demo review bench/notes.py opens

# local authority: its towns | postcode area and dialling code
_AUTHORITIES = """
Barnsley: Barnsley, Penistone, Hoyland, Wombwell | S 01226
Birmingham: Birmingham, Edgbaston, Erdington, Sutton Coldfield | B 0121
Bradford: Bradford, Keighley, Bingley, Ilkley, Shipley | BD 01274
Bristol: Bristol, Bedminster, Filton, Southmead | BS 0117
Buckinghamshire: Aylesbury, High Wycombe, Amersham, Buckingham | HP 01296
Cambridgeshire: Cambridge, Ely, March, Wisbech, St Neots, Ramsey | CB 01223
Cheshire East: Crewe, Macclesfield, Nantwich, Congleton, Wilmslow | CW 01270
Cornwall: Truro, Penzance, Falmouth, St Austell, Bodmin, Newquay | TR 01872
Cumbria: Carlisle, Kendal, Penrith, Workington, Whitehaven | CA 01228
Derbyshire: Chesterfield, Matlock, Buxton, Ilkeston, Glossop | DE 01246
Devon: Exeter, Barnstaple, Tiverton, Newton Abbot, Exmouth, Totnes | EX 01392
Dorset: Dorchester, Weymouth, Bridport, Sherborne, Wimborne | DT 01305
Durham: Durham, Darlington, Bishop Auckland, Consett, Seaham | DH 0191
East Sussex: Lewes, Eastbourne, Hastings, Crowborough, Uckfield | BN 01273
Essex: Chelmsford, Colchester, Basildon, Harlow, Braintree, Clacton | CM 01245
Gloucestershire: Gloucester, Cheltenham, Stroud, Tewkesbury, Cirencester | GL 01452
Hampshire: Winchester, Basingstoke, Andover, Fareham, Alton, Romsey | SO 01962
Hertfordshire: Hertford, St Albans, Watford, Stevenage, Hitchin | SG 01992
Kent: Maidstone, Canterbury, Ashford, Dover, Folkestone, Sevenoaks | ME 01622
Kirklees: Huddersfield, Dewsbury, Batley, Holmfirth, Mirfield | HD 01484
Lancashire: Preston, Lancaster, Burnley, Chorley, Accrington, Clitheroe | PR 01772
Leeds: Leeds, Morley, Otley, Wetherby, Pudsey, Garforth | LS 0113
Leicestershire: Loughborough, Hinckley, Melton Mowbray, Coalville | LE 0116
Lincolnshire: Lincoln, Boston, Grantham, Spalding, Louth, Stamford | LN 01522
Liverpool: Liverpool, Anfield, Walton, Garston, Toxteth | L 0151
Manchester: Manchester, Didsbury, Gorton, Moss Side, Wythenshawe | M 0161
Norfolk: Norwich, King's Lynn, Great Yarmouth, Thetford, Dereham | NR 01603
North Yorkshire: Harrogate, Scarborough, Northallerton, Skipton, Selby | HG 01423
Northumberland: Morpeth, Hexham, Alnwick, Blyth, Cramlington | NE 01670
Nottinghamshire: Mansfield, Newark, Worksop, Retford, Hucknall | NG 0115
Oxfordshire: Oxford, Banbury, Bicester, Abingdon, Witney, Didcot | OX 01865
Sheffield: Sheffield, Hillsborough, Ecclesall, Darnall, Stocksbridge | S 0114
Shropshire: Shrewsbury, Oswestry, Ludlow, Bridgnorth, Market Drayton | SY 01743
Somerset: Taunton, Yeovil, Bridgwater, Frome, Wells, Minehead | TA 01823
Staffordshire: Stafford, Lichfield, Tamworth, Burton upon Trent, Leek | ST 01785
Suffolk: Ipswich, Bury St Edmunds, Lowestoft, Sudbury, Felixstowe | IP 01473
Surrey: Guildford, Woking, Epsom, Reigate, Farnham, Godalming | GU 01483
Warwickshire: Warwick, Leamington Spa, Nuneaton, Rugby, Stratford | CV 01926
West Sussex: Chichester, Crawley, Horsham, Worthing, Bognor Regis | RH 01243
Wiltshire: Salisbury, Chippenham, Trowbridge, Devizes, Marlborough | SN 01225
Wigan: Wigan, Leigh, Atherton, Hindley, Standish | WN 01942
Worcestershire: Worcester, Kidderminster, Redditch, Evesham, Malvern | WR 01905
"""
AUTHORITIES: tuple[tuple[str, tuple[str, ...], str, str], ...] = tuple(
    (la, tuple(towns.split(", ")), *codes.split())  # type: ignore[misc]
    for la, towns, codes in (
        re.split(r": | \| ", line) for line in _AUTHORITIES.strip().splitlines()
    )
)
WORDS = (
    "Oakfield", "Meadowside", "Brookfield", "Hillcrest", "Westfield", "Ashgrove", "Beechwood",
    "Elmhurst", "Fairfield", "Greenacres", "Hawthorn", "Highfield", "Kingsmead", "Lakeside",
    "Larkrise", "Millbrook", "Northgate", "Orchard", "Parkside", "Queensway", "Riverside",
    "Rosewood", "Sandringham", "Springfield", "Thornhill", "Valley", "Willowbank", "Woodlands",
    "Castle", "Church Hill", "Cedars", "Foxwood", "Heathfield", "Holywell", "Marlborough",
    "Newlands", "Redhill", "Southfields", "Sunnyside", "Windmill", "Abbey", "Broadway",
    "Chestnut", "Downsview", "Grange", "Hartford", "Lime Tree", "Mayfield", "Priory", "Rowan",
)  # fmt: skip
SAINTS = (
    "Mary", "John", "Peter", "Paul", "Joseph", "Anne", "Andrew", "Michael", "Thomas",
    "Margaret", "Bede", "Chad", "Cuthbert", "Edmund", "Francis", "George", "Helen", "James",
    "Luke", "Mark", "Matthew", "Nicholas", "Patrick", "Teresa", "Wilfrid", "Aidan", "Alban",
)  # fmt: skip
FIRST = (
    "Sarah", "James", "Helen", "David", "Rachel", "Mark", "Emma", "Paul", "Claire", "Andrew",
    "Joanne", "Richard", "Louise", "Stephen", "Nicola", "Simon", "Karen", "Matthew", "Julie",
    "Daniel", "Amanda", "Peter", "Lisa", "Gareth", "Priya", "Imran", "Fatima", "Tom", "Katie",
    "Oliver", "Hannah", "Chris", "Jenny", "Adebayo", "Siobhan", "Neil", "Gemma", "Ruth",
)  # fmt: skip
LAST = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Turner", "Hill", "Moore",
    "Cooper", "Ward", "Morris", "King", "Harrison", "Okafor", "Begum", "Murphy", "Kaur",
)  # fmt: skip
FOCUS = (
    "To what extent does the teaching of early reading secure fluency by the end of Year 2?",
    "How well do pupils with SEND access an ambitious curriculum?",
    "How well do middle leaders know the quality of education in their subjects?",
    "How consistently is mathematical reasoning taught across Key Stage 2?",
    "How effectively does feedback help pupils improve their writing?",
    "How well does the curriculum build pupils' vocabulary from the Early Years?",
    "To what extent is attendance improving for disadvantaged pupils?",
    "How well do pupils' behaviour and attitudes support learning at unstructured times?",
)
NOTE_TEXT = (
    "Pupils explained their reasoning clearly; work in books matched the planned sequence.",
    "Phonics session well paced; two pupils needed more practice with split digraphs.",
    "Pupil voice: Year 6 could name three strategies they use when stuck in maths.",
    "Work scrutiny: feedback in writing books acted on in the next piece in most books.",
    "Staff discussion: subject leader has a clear picture of strengths in history.",
    "Lesson visit, Year 3: adaptive teaching for pupils with SEND through pre-teaching.",
    "Data: reading attainment at the end of Key Stage 1 is rising for the third year.",
    "Documentation: the curriculum map shows vocabulary planned from Reception onwards.",
)
ACTION_TEXT = (
    "Share the moderation outcomes with every Year 6 teacher",
    "Plan a cycle of lesson visits for each middle leader with a partner school",
    "Circulate the network data pack before the next meeting",
    "Arrange a reading fluency training day for teaching assistants",
    "Write up the case study on adaptive teaching for the network website",
    "Agree dates for next year's peer reviews",
    "Review attendance of disadvantaged pupils with the local authority officer",
    "Collect evidence of impact for the action plan priority on writing",
)
TERMS = {
    "purpose_and_principles": "Working in the best interest of all pupils; open sharing of"
    " information; an equal level of giving and receiving of support over time.",
    "roles": "Every head joins the strategic leadership group; the lead sets agendas.",
    "membership": "Proposals to join or leave go to the network leads group.",
    "meetings": "At least six strategic leadership group meetings each academic year.",
}
# Phases and Ofsted judgements in roughly the national proportions.
PHASES = (("primary", 62), ("infant", 4), ("junior", 3), ("secondary", 14), ("special", 5),
          ("nursery", 2), ("all_through", 1), ("middle", 1), ("post_16", 2),
          ("alternative_provision", 1))  # fmt: skip
OFSTED = (("good", 64), ("outstanding", 16), ("requires_improvement", 10),
          ("serious_weaknesses", 1), ("special_measures", 2), ("not_yet_inspected", 7))  # fmt: skip
KINDS = (("network", 55), ("cluster", 30), ("alliance_group", 8),
         ("cross_sector_partnership", 5), ("improvement_board", 2))  # fmt: skip
KIND_NAMES = {
    "network": "Primary Network",
    "cluster": "Schools Cluster",
    "alliance_group": "Alliance Group",
    "cross_sector_partnership": "Cross-Sector Partnership",
    "improvement_board": "Improvement Board",
}
QUARTERS = ("North", "South", "East", "West", "Central", "Rural", "Town", "Valley")


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w for w, _ in weighted], [n for _, n in weighted])[0]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def _school_name(rng: random.Random, town: str, phase: str | None, sector: str) -> tuple[str, str]:
    """A register-like name and its religious character."""
    word, saint = rng.choice(WORDS), rng.choice(SAINTS)
    if sector == "independent":
        return rng.choice((f"{word} School", f"{word} Preparatory School", f"{word} House School",
                           f"{town} High School for Girls")), ""  # fmt: skip
    faith = rng.random()
    if phase in ("primary", "infant", "junior") and faith < 0.25:
        return rng.choice((f"{town} Church of England Primary School",
                           f"St {saint}'s CofE Primary School",
                           f"{word} CofE (VA) Primary School")), "Church of England"  # fmt: skip
    if phase in ("primary", "secondary") and faith < 0.35:
        kind = "Primary" if phase == "primary" else "High"
        return f"St {saint}'s Catholic {kind} School", "Roman Catholic"
    names = {
        "primary": (f"{town} Primary School", f"{word} Primary School",
                    f"{word} Primary Academy", f"{word} Community Primary School",
                    f"{town} {word} Primary School"),
        "infant": (f"{word} Infant School", f"{town} Infant and Nursery School"),
        "junior": (f"{word} Junior School", f"{town} Junior School"),
        "secondary": (f"{town} High School", f"{word} Academy", f"{word} School",
                      f"{town} Community College", f"{town} Grammar School"),
        "special": (f"{word} School", f"{word} Special School", f"The {word} Centre"),
        "nursery": (f"{town} Nursery School", f"{word} Nursery School"),
        "all_through": (f"{word} All-Through School", f"{town} Academy"),
        "middle": (f"{word} Middle School",),
        "post_16": (f"{town} Sixth Form College",),
        "alternative_provision": (f"{town} Pupil Referral Unit", f"{word} Learning Centre"),
    }  # fmt: skip
    return rng.choice(names[phase or "primary"]), ""


def version_marker(networks: int) -> str:
    """What a cached database must say to be reused: this file, the schema, the size."""
    schema_version = locate("SCHEMA_VERSION", "store.migrations")
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"{digest}:schema{schema_version}:networks{networks}"


def _insert(conn: sqlite3.Connection, spec: Any, records: list[Any]) -> None:
    columns = list(spec.columns)
    conn.executemany(
        f"INSERT INTO {spec.name} ({', '.join(columns)})"
        f" VALUES ({', '.join(':' + c for c in columns)})",
        spec.to_rows(records),
    )


def build(path: Path, networks: int = NETWORKS, seed: int = 2026) -> dict[str, int]:
    """Make the database at path (replacing it); returns how many records each table has."""
    from store import Store
    from store import models as m
    from store import schema as s

    load_demo = locate("load_demo", "store.demo.builder", "store.demo")
    demo_profile = locate("DEMO_PROFILE", "store.demo.builder", "store.demo")
    review_id = locate("review_id", "store.demo.ids", "store.demo_ids", "store.demo")

    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store.open(partial)
    load_demo(store)
    store.save_profile(demo_profile)
    conn = store.db.conn
    stamp = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    base = {"created_at": stamp, "updated_at": stamp, "created_by": "schoolnet bench"}

    # Schools ----------------------------------------------------------------------------
    taken = {row[0] for row in conn.execute("SELECT urn FROM schools WHERE urn IS NOT NULL")}
    urns = [str(u) for u in rng.sample(range(100000, 150000), SCHOOLS + len(taken))]
    urns = [u for u in urns if u not in taken][:SCHOOLS]
    kinds_of_trust = ("Learning Trust", "Academy Trust", "Education Trust",
                      "Multi-Academy Trust", "Schools Trust",
                      "Diocesan Academies Trust")  # fmt: skip
    trusts = {
        la: [f"{rng.choice(WORDS)} {kind}" for kind in kinds_of_trust] for la, *_ in AUTHORITIES
    }
    schools: list[Any] = []
    by_la: dict[str, list[Any]] = {la: [] for la, *_ in AUTHORITIES}
    for n in range(SCHOOLS):
        la, towns, postcode, dialling = AUTHORITIES[n % len(AUTHORITIES)]
        town = rng.choice(towns)
        sector = "independent" if rng.random() < 0.09 else "state"
        phase = None if sector == "independent" and rng.random() < 0.5 else _pick(rng, PHASES)
        name, faith = _school_name(rng, town, phase, sector)
        academy = sector == "state" and ("Academy" in name or rng.random() < 0.4)
        judgement = _pick(rng, OFSTED)
        title = rng.choice(("Mr", "Mrs", "Ms", "Miss", "Dr"))
        head = f"{title} {rng.choice(FIRST)} {rng.choice(LAST)}"
        slug = _slug(name)[:40]
        school = m.School(
            id=_id(rng),
            name=name,
            urn=urns[n],
            phase=phase,
            sector=sector,
            street=f"{rng.randint(1, 120)} {rng.choice(WORDS)} Road",
            town=town,
            postcode=f"{postcode}{rng.randint(1, 40)} {rng.randint(1, 9)}"
            + "".join(rng.choices("ABDEFGHJLNPQRSTUWXY", k=2)),
            website=f"https://www.{slug}.sch.uk",
            phone=f"{dialling} {rng.randint(100000, 999999)}",
            head_teacher=head,
            contact_name=head,
            contact_email=f"office@{slug}.sch.uk",
            trust=rng.choice(trusts[la]) if academy else "",
            federation=f"{town} Schools Federation" if rng.random() < 0.03 else "",
            religious_character=faith,
            local_authority=la if sector == "state" else "",
            ofsted_judgement=judgement,
            ofsted_date=None
            if judgement == "not_yet_inspected"
            else date(2015, 1, 5) + timedelta(days=rng.randint(0, 4000)),
            **base,
        )
        schools.append(school)
        by_la[la].append(school)
    _insert(conn, s.SCHOOLS, schools)

    # Networks, their heads and memberships ---------------------------------------------------
    for pool in by_la.values():
        rng.shuffle(pool)
    people: list[Any] = []
    nets: list[Any] = []
    memberships: list[Any] = []
    members_of: dict[str, list[Any]] = {}
    heads: dict[str, Any] = {}
    names_used: set[str] = set()
    for n in range(networks):
        la, towns, *_ = AUTHORITIES[n % len(AUTHORITIES)]
        kind = _pick(rng, KINDS)
        name = f"{rng.choice(towns)} {rng.choice(QUARTERS)} {KIND_NAMES[kind]}"
        while name in names_used:
            quarter = f"{rng.choice(QUARTERS)} {rng.randint(2, 99)}"
            name = f"{rng.choice(towns)} {quarter} {KIND_NAMES[kind]}"
        names_used.add(name)
        size = rng.randint(5, 15)
        pool = by_la[la] if len(by_la[la]) >= size else max(by_la.values(), key=len)
        chosen = [pool.pop() for _ in range(size)]
        network_id = _id(rng)
        for school in chosen:
            first, last = school.head_teacher.split(" ", 2)[1:]
            person = m.Person(
                id=_id(rng),
                name=f"{first} {last}",
                role="head_teacher",
                school_id=school.id,
                email=f"head@{_slug(school.name)[:40]}.sch.uk",
                lead_criteria=m.LeadCriteria(
                    good_or_outstanding=True,
                    two_years_headship=rng.random() < 0.9,
                    two_years_in_school=True,
                    outreach_evidence=rng.random() < 0.8,
                    governing_body_support=rng.random() < 0.9,
                ),
                **base,
            )
            people.append(person)
            heads[school.id] = person
        lead, deputy = chosen[0], chosen[1]
        nets.append(
            m.Network(
                id=network_id,
                name=name,
                kind=kind,
                area=f"{la}",
                description=f"Schools of {la} working together on school improvement.",
                lead_school_id=lead.id,
                lead_id=heads[lead.id].id,
                deputy_lead_id=heads[deputy.id].id if rng.random() < 0.85 else None,
                review_target=rng.choice((None, 4, 6, 8)),
                terms_of_reference=dict(TERMS),
                **base,
            )
        )
        members_of[network_id] = chosen
        for position, school in enumerate(chosen):
            status = "active" if rng.random() < 0.9 else rng.choice(("nominated", "left"))
            joined = date(2016, 9, 1) + timedelta(days=rng.randint(0, 3600))
            memberships.append(
                m.Membership(
                    id=_id(rng),
                    network_id=network_id,
                    school_id=school.id,
                    role="lead" if position == 0 else "deputy_lead" if position == 1 else "member",
                    status=status,
                    joined_on=joined if status in ("active", "left") else None,
                    left_on=joined + timedelta(days=700) if status == "left" else None,
                    mou_signed_on=joined if status in ("active", "left") else None,
                    **base,
                )
            )
    _insert(conn, s.PEOPLE, people)
    _insert(conn, s.NETWORKS, nets)
    _insert(conn, s.MEMBERSHIPS, memberships)

    # Meetings ---------------------------------------------------------------------------
    first_day = date(2017, 9, 4)
    span = (date(2027, 7, 16) - first_day).days
    meetings: list[Any] = []
    for n in range(MEETINGS):
        network = nets[n % len(nets)]
        day = first_day + timedelta(days=rng.randint(0, span))
        kind = "slg" if rng.random() < 0.65 else rng.choice(("subject_network", "partnership"))
        held = day < date(2026, 11, 23)
        meetings.append(
            m.Meeting(
                id=_id(rng),
                network_id=network.id,
                title=f"{'Strategic leadership group' if kind == 'slg' else 'Network'} meeting"
                f" {day:%B %Y}",
                kind=kind,
                starts_at=datetime(day.year, day.month, day.day, rng.choice((9, 13, 15)), 30),
                place=rng.choice(members_of[network.id]).name,
                notes="Heads reviewed the network data pack and action plan progress."
                if held
                else "",
                decisions="Agreed the moderation timetable." if held else "",
                **base,
            )
        )
    _insert(conn, s.MEETINGS, meetings)

    # Reviews and their notes ---------------------------------------------------------------
    checklist_keys = ("mou_signed", "scr_letter_sent", "concerns_protocol_shared",
                      "timetable_shared", "pre_meet_held", "workshop_held",
                      "outcomes_agreed")  # fmt: skip
    reviews: list[Any] = []
    for n in range(REVIEWS):
        network = nets[n % len(nets)]
        host, lead = rng.sample(members_of[network.id], 2)
        start_year = rng.randint(2019, 2026)
        starts = date(start_year, 9, 15) + timedelta(days=rng.randint(0, 270))
        current = starts > date(2026, 8, 31)
        stage = (
            rng.choice(("planned", "pre_meet", "visit", "workshop", "outcomes_agreed"))
            if current
            else "outcomes_agreed"
        )
        done = {"planned": 1, "pre_meet": 3, "visit": 5, "workshop": 5, "outcomes_agreed": 7}
        reviews.append(
            m.PeerReview(
                id=_id(rng),
                network_id=network.id,
                host_school_id=host.id,
                academic_year=f"{start_year}/{(start_year + 1) % 100:02d}",
                style=rng.choice(("enquiry_led", "with_estimates")),
                stage=stage,
                starts_on=starts,
                ends_on=starts + timedelta(days=1),
                lead_reviewer_id=heads[lead.id].id,
                focus_areas=rng.sample(FOCUS, rng.randint(2, 3)),
                hypotheses="Reading is taught consistently well; SEND provision is adaptive.",
                checklist={key: starts for key in checklist_keys[: done[stage]]},
                locked_on=starts + timedelta(days=30) if stage == "outcomes_agreed" else None,
                **base,
            )
        )
    _insert(conn, s.PEER_REVIEWS, reviews)

    notes: list[Any] = []
    kinds = ("lesson_visit", "pupil_voice", "work_scrutiny", "staff_discussion", "data",
             "documentation")  # fmt: skip
    target = review_id(NOTES_REVIEW_KEY)
    target_row = conn.execute(
        "SELECT focus_areas FROM peer_reviews WHERE id = ?", [target]
    ).fetchone()
    target_focus = json.loads(target_row[0])
    already = conn.execute(
        "SELECT count(*) FROM evidence_notes WHERE review_id = ?", [target]
    ).fetchone()[0]
    visit = datetime(2026, 11, 11, 8, 0, tzinfo=UTC)
    for n in range(NOTES_ON_ONE_REVIEW - already):
        notes.append(
            m.EvidenceNote(
                id=_id(rng),
                review_id=target,
                noted_at=visit + timedelta(seconds=15 * n),
                focus_area=target_focus[n % len(target_focus)],
                evidence_type=kinds[n % len(kinds)],
                text=f"{rng.choice(NOTE_TEXT)} ({n})",
                **base,
            )
        )
    for n in range(NOTES - NOTES_ON_ONE_REVIEW):
        review = reviews[n % len(reviews)]
        when = datetime.combine(review.starts_on, datetime.min.time(), UTC) + timedelta(
            hours=8, minutes=7 * (n // len(reviews))
        )
        notes.append(
            m.EvidenceNote(
                id=_id(rng),
                review_id=review.id,
                noted_at=when,
                focus_area=rng.choice(review.focus_areas),
                evidence_type=rng.choice(kinds),
                text=rng.choice(NOTE_TEXT),
                **base,
            )
        )
    _insert(conn, s.EVIDENCE_NOTES, notes)

    # Actions ----------------------------------------------------------------------------
    demo_head = demo_profile.person_id
    demo_network = conn.execute(
        "SELECT network_id FROM memberships WHERE school_id = ? AND status = 'active' LIMIT 1",
        [demo_profile.school_id],
    ).fetchone()[0]
    by_network: dict[str, list[Any]] = {}
    for meeting in meetings:
        by_network.setdefault(meeting.network_id, []).append(meeting)
    reviews_of: dict[str, list[Any]] = {}
    for review in reviews:
        reviews_of.setdefault(review.network_id, []).append(review)
    actions: list[Any] = []
    for n in range(ACTIONS):
        network = nets[n % len(nets)]
        source = rng.choice(("meeting", "meeting", "review", "plan", "other"))
        meeting = rng.choice(by_network[network.id]) if source == "meeting" else None
        review = rng.choice(reviews_of[network.id]) if source == "review" else None
        due = date(2018, 1, 1) + timedelta(days=rng.randint(0, 3500))
        status = (
            rng.choice(("open", "in_progress", "open"))
            if due > date(2026, 9, 1)
            else rng.choice(("done", "done", "done", "dropped", "open"))
        )
        mine = n < DEMO_HEAD_ACTIONS
        actions.append(
            m.Action(
                id=_id(rng),
                description=rng.choice(ACTION_TEXT),
                owner_id=demo_head if mine else heads[rng.choice(members_of[network.id]).id].id,
                due_on=due,
                status=status,
                source=source,
                network_id=demo_network if mine else network.id,
                meeting_id=None if mine or meeting is None else meeting.id,
                review_id=None if mine or review is None else review.id,
                **base,
            )
        )
    _insert(conn, s.ACTIONS, actions)
    conn.commit()
    counts = store.counts()
    store.settings.set(SETTING, version_marker(networks))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    partial.replace(path)
    return counts


def is_current(path: Path, networks: int) -> bool:
    """True when path holds a finished database built by this file for this size."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [SETTING]).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == version_marker(networks)


def large_db(networks: int = NETWORKS, *, quiet: bool = True) -> Path:
    """The cached large database for this many networks, built first if need be.

    Benchmarks must not write to it: use `working_copy` for a copy they may change.
    """
    path = cache_dir() / f"large-{networks}.db"
    with _locked(path):  # another benchmark process may be building it right now
        if not is_current(path, networks):
            start = time.perf_counter()
            counts = build(path, networks)
            if not quiet:
                print(f"built {path} in {time.perf_counter() - start:.1f} s: {_summary(counts)}")
    return path


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on path's sidecar lock file (where fcntl exists)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock; builds write to a per-process file anyway
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def working_copy(folder: Path, networks: int = NETWORKS) -> Path:
    """A copy of the cached large database in folder, free to change."""
    target = folder / f"large-{networks}.db"
    shutil.copyfile(large_db(networks), target)
    target.chmod(0o600)
    return target


def _summary(counts: dict[str, int]) -> str:
    shown = ("schools", "people", "networks", "memberships", "meetings", "peer_reviews",
             "evidence_notes", "actions")  # fmt: skip
    return ", ".join(f"{counts[t]:,} {t}" for t in shown)


def main() -> int:
    """Build (or reuse) the database at PATH."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", help="default: the benchmark cache")
    parser.add_argument("--networks", type=int, default=NETWORKS)
    parser.add_argument("--force", action="store_true", help="rebuild even if current")
    args = parser.parse_args()
    path = args.path or cache_dir() / f"large-{args.networks}.db"
    with _locked(path):
        if is_current(path, args.networks) and not args.force:
            print(f"{path} is current (built by this version of bench/make_large_db.py); kept")
            return 0
        start = time.perf_counter()
        counts = build(path, args.networks)
    print(f"built {path} in {time.perf_counter() - start:.1f} s: {_summary(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
