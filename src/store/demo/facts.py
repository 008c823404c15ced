"""The facts behind the demo data set, drawn from the seeds.

The Hunts Area Primary Partnership and its schools come from seed 002; the city
networks follow seed 003's organisation; the alliance group seed 000; the
cross-sector partnership seed 004. Every person, and every school outside Hunts, is
invented. URNs of invented schools start with 9 so they never match a real one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoSchool:
    """A school and its head."""

    key: str
    name: str
    town: str
    head: str
    phase: str = "primary"
    sector: str = "state"
    ofsted: str = "good"
    religious_character: str = ""
    trust: str = ""
    federation: str = ""
    urn: str | None = None
    local_authority: str = "Cambridgeshire"


@dataclass(frozen=True)
class DemoNetwork:
    """A network, its schools and its leadership."""

    key: str
    name: str
    kind: str
    area: str
    description: str
    schools: tuple[str, ...]
    lead_school: str
    deputy_school: str | None
    lead_meets_criteria: bool = True
    review_target: int | None = None
    meetings_2026_27: int = 6
    # Days after the Wednesday meeting dates, so networks meet on different weekdays.
    weekday_offset: int = 0
    pending: tuple[str, ...] = field(default_factory=tuple)


def _ccc(key: str, name: str, town: str, head: str, **extra: str) -> DemoSchool:
    return DemoSchool(key, name, town, head, **extra)


def _cov(key: str, name: str, urn: str, head: str, **extra: str) -> DemoSchool:
    return DemoSchool(key, name, "Coventry", head, urn=urn, local_authority="Coventry", **extra)


def _eoe(key: str, name: str, town: str, urn: str, head: str, **extra: str) -> DemoSchool:
    return DemoSchool(key, name, town, head, urn=urn, **extra)


SCHOOLS: tuple[DemoSchool, ...] = (
    # Hunts Area Primary Partnership (seed 002); heads invented.
    _ccc(
        "abbots-ripton",
        "Abbots Ripton CE Primary School",
        "Abbots Ripton",
        "Claire Whitfield",
        religious_character="Church of England",
        ofsted="outstanding",
    ),
    _ccc(
        "hartford-infant",
        "Hartford Infant School",
        "Huntingdon",
        "Marcus Bell",
        phase="infant",
        federation="Hartford Schools Federation",
    ),
    _ccc(
        "hartford-junior",
        "Hartford Junior School",
        "Huntingdon",
        "Anita Kaur",
        phase="junior",
        federation="Hartford Schools Federation",
    ),
    _ccc("houghton", "Houghton Primary School", "Houghton", "Tom Ashworth"),
    _ccc(
        "st-annes",
        "St Anne's CE Primary School",
        "Godmanchester",
        "Rachel Osei",
        religious_character="Church of England",
    ),
    _ccc(
        "st-johns",
        "St John's CE Primary School",
        "Huntingdon",
        "David Lim",
        religious_character="Church of England",
        ofsted="requires_improvement",
    ),
    _ccc(
        "stukeley-meadows",
        "Stukeley Meadows Primary School",
        "Huntingdon",
        "Fiona Grant",
        ofsted="outstanding",
    ),
    _ccc("wyton", "Wyton on the Hill Primary School", "Wyton", "Gareth Evans"),
    # Coventry North: four schools, too few to operate (seed 003).
    _cov("radford-park", "Radford Park Primary", "900101", "Janet Hughes"),
    _cov("holbrook-lane", "Holbrook Lane Primary", "900102", "Imran Qureshi"),
    _cov("keresley-green", "Keresley Green Primary", "900103", "Susan Doyle"),
    _cov("foleshill-brook", "Foleshill Brook Primary", "900104", "Kwame Mensah"),
    # Coventry South: twelve schools, three judged requires improvement (25%).
    _cov("earlsdon-vale", "Earlsdon Vale Primary", "900201", "Helen Carter", ofsted="outstanding"),
    _cov("cheylesmore-fields", "Cheylesmore Fields Primary", "900202", "Paul Nowak"),
    _cov("styvechale-grange", "Styvechale Grange Primary", "900203", "Linda Brooks"),
    _cov("finham-brook", "Finham Brook Primary", "900204", "Oliver Grant"),
    _cov("whitley-common", "Whitley Common Primary", "900205", "Sarah Price"),
    _cov("willenhall-wood", "Willenhall Wood Primary", "900206", "Amir Hassan"),
    _cov(
        "stoke-aldermoor",
        "Stoke Aldermoor Primary",
        "900207",
        "Karen Wood",
        ofsted="requires_improvement",
    ),
    _cov(
        "binley-park", "Binley Park Primary", "900208", "Neil Foster", ofsted="requires_improvement"
    ),
    _cov(
        "ernesford-grange",
        "Ernesford Grange Primary",
        "900209",
        "Joanne Reid",
        ofsted="requires_improvement",
    ),
    _cov("tile-hill-meadow", "Tile Hill Meadow Primary", "900210", "Chris Patel"),
    _cov(
        "canley-ford",
        "Canley Ford Primary",
        "900211",
        "Emma Walsh",
        trust="Three Spires Learning Trust",
    ),
    _cov(
        "westwood-heath",
        "Westwood Heath Primary",
        "900212",
        "Robert King",
        religious_character="Roman Catholic",
    ),
    # Coventry East: a multi-academy trust split across networks (Canley Ford is in South).
    _cov(
        "wyken-croft",
        "Wyken Croft Primary",
        "900301",
        "Lucy Adams",
        trust="Three Spires Learning Trust",
    ),
    _cov(
        "stoke-heath",
        "Stoke Heath Primary",
        "900302",
        "Mohammed Ali",
        trust="Three Spires Learning Trust",
    ),
    _cov("walsgrave-fields", "Walsgrave Fields Primary", "900303", "Gemma Turner"),
    _cov("clifford-bridge", "Clifford Bridge Primary", "900304", "Simon Marsh"),
    _cov("sowe-valley", "Sowe Valley Primary", "900305", "Priya Nair"),
    _cov("henley-green", "Henley Green Primary", "900306", "Martin Cole"),
    # East of England alliance group (seed 000).
    _eoe("marshland", "Marshland St James Primary", "Wisbech", "900401", "Alison Reeve"),
    _eoe("soham-lodeside", "Soham Lodeside Primary", "Soham", "900402", "Ben Hartley"),
    _eoe(
        "littleport-riverside",
        "Littleport Riverside Primary",
        "Littleport",
        "900403",
        "Catherine Moss",
    ),
    _eoe("witchford-village", "Witchford Village Primary", "Witchford", "900404", "Dan Webb"),
    _eoe("chatteris-orchards", "Chatteris Orchards Primary", "Chatteris", "900405", "Eleanor Shaw"),
    _eoe("march-westwood", "March Westwood Primary", "March", "900406", "Farah Iqbal"),
    _eoe("wimblington-fen", "Wimblington Fen Primary", "Wimblington", "900407", "George Lane"),
    # Independent partners of the cross-sector partnership (seed 004).
    _ccc(
        "ouse-valley-college",
        "Ouse Valley College",
        "St Ives",
        "Dr Harriet Vane",
        phase="secondary",
        sector="independent",
        ofsted="not_yet_inspected",
        urn="900501",
    ),
    _ccc(
        "priory-school",
        "St Neots Priory School",
        "St Neots",
        "James Whitmore",
        phase="all_through",
        sector="independent",
        ofsted="not_yet_inspected",
        urn="900502",
    ),
)

NETWORKS: tuple[DemoNetwork, ...] = (
    DemoNetwork(
        "hunts",
        "Hunts Area Primary Partnership",
        "cluster",
        "Huntingdonshire",
        "A cluster of eight primary schools running school-to-school peer review under a"
        " signed MoU, with Improvement Champions and trained Lead Reviewers.",
        (
            "abbots-ripton",
            "hartford-infant",
            "hartford-junior",
            "houghton",
            "st-annes",
            "st-johns",
            "stukeley-meadows",
            "wyton",
        ),
        lead_school="abbots-ripton",
        deputy_school="stukeley-meadows",
        review_target=8,
    ),
    DemoNetwork(
        "cov-north",
        "Coventry North Primary Network",
        "network",
        "Coventry",
        "A small city network that meets at member schools in turn.",
        ("radford-park", "holbrook-lane", "keresley-green", "foleshill-brook"),
        lead_school="radford-park",
        deputy_school="holbrook-lane",
        lead_meets_criteria=False,
        meetings_2026_27=4,
        weekday_offset=1,
    ),
    DemoNetwork(
        "cov-south",
        "Coventry South Primary Network",
        "network",
        "Coventry",
        "The largest city network, with three schools in an Ofsted category of concern.",
        (
            "earlsdon-vale",
            "cheylesmore-fields",
            "styvechale-grange",
            "finham-brook",
            "whitley-common",
            "willenhall-wood",
            "stoke-aldermoor",
            "binley-park",
            "ernesford-grange",
            "tile-hill-meadow",
            "canley-ford",
            "westwood-heath",
        ),
        lead_school="earlsdon-vale",
        deputy_school="styvechale-grange",
        weekday_offset=-1,
    ),
    DemoNetwork(
        "cov-east",
        "Coventry East Primary Network",
        "network",
        "Coventry",
        "A city network, two of whose schools share a trust with a school in South.",
        (
            "wyken-croft",
            "stoke-heath",
            "walsgrave-fields",
            "clifford-bridge",
            "sowe-valley",
            "henley-green",
        ),
        lead_school="wyken-croft",
        deputy_school=None,
        weekday_offset=2,
    ),
    DemoNetwork(
        "eoe-alliance",
        "East of England Schools Alliance Group",
        "alliance_group",
        "East of England",
        "A regional group of the national schools alliance; each school writes one case study"
        " a year.",
        (
            "marshland",
            "soham-lodeside",
            "littleport-riverside",
            "witchford-village",
            "chatteris-orchards",
            "march-westwood",
        ),
        lead_school="soham-lodeside",
        deputy_school="littleport-riverside",
        weekday_offset=-2,
        pending=("wimblington-fen",),
    ),
    DemoNetwork(
        "ouse-valley",
        "Ouse Valley Schools Partnership",
        "cross_sector_partnership",
        "Huntingdonshire",
        "State and independent schools sharing teaching, facilities and enrichment.",
        ("ouse-valley-college", "priory-school", "hartford-junior", "stukeley-meadows", "houghton"),
        lead_school="ouse-valley-college",
        deputy_school="stukeley-meadows",
        weekday_offset=7,
    ),
)

AGENDA = (
    "Welcome, apologies and notes of the last meeting",
    "Network data: strengths and areas for development",
    "Action plan progress (RAG)",
    "Peer review and school-to-school support update",
    "Feedback from the Primary Network Improvement Board",
    "Moderation and standardisation",
    "Any other business",
)

MEETING_ACTIONS = (
    "Share Key Stage 2 writing moderation dates with all heads",
    "Circulate the draft action plan for comment",
    "Collect each school's self-evaluation summary for the network data pack",
    "Arrange joint SENDCo network session",
    "Book venue and speaker for the spring conference",
    "Update the terms of reference and bring them for agreement",
    "Send notes and actions to every head within a week",
    "Pair early career teachers across schools for observation",
)

PRIORITIES = (
    (
        "Improve writing outcomes at the end of Key Stage 2",
        "Raise attainment in writing",
        "Writing at the expected standard rises by 5 points",
        "Moderated judgements agree across schools",
    ),
    (
        "Strengthen provision for pupils with SEND",
        "Inclusion",
        "SENDCos share one assessment toolkit",
        "Every school has audited its SEND provision by spring",
    ),
    (
        "Develop middle leaders through peer review",
        "Leadership capacity",
        "Each middle leader takes part in one review",
        "Middle leaders report greater confidence in evaluating their subject",
    ),
    (
        "Improve attendance of disadvantaged pupils",
        "Attendance",
        "Persistent absence falls below the national figure",
        "Termly attendance data show a closing gap",
    ),
)
