"""What the demo's peer reviews say: focus areas, visit notes, findings and the timetable.

Drawn from seeds 001 and 002; every pupil, adult and event is invented.
"""

from __future__ import annotations

FOCUS_AREAS = (
    "To what extent does the teaching of early reading secure fluency by the end of Year 2?",
    "To what extent do pupils with SEND access an ambitious curriculum?",
    "To what extent do middle leaders know the quality of education in their subjects?",
)

VISIT_NOTES = (
    (
        0,
        "lesson_visit",
        "Year 1 phonics: pace strong, every child reading aloud; decodable"
        " books matched to the sounds taught.",
    ),
    (
        0,
        "pupil_voice",
        "Year 2 readers could explain how they sound out unfamiliar words and"
        " named favourite authors.",
    ),
    (0, "data", "Phonics screening check 2026: 84% met the standard, up from 71%."),
    (0, "work_scrutiny", "Reading records show daily reading for the lowest 20%."),
    (
        1,
        "lesson_visit",
        "Year 4 maths: adapted resources for two pupils with EHCPs; both"
        " completed the same task as peers with support.",
    ),
    (
        1,
        "staff_discussion",
        "SENDCo describes termly pupil progress meetings with class"
        " teachers; provision maps up to date.",
    ),
    (
        1,
        "pupil_voice",
        "Pupils with SEND said they like the quiet room but sometimes miss the start of lessons.",
    ),
    (
        2,
        "staff_discussion",
        "History lead has a clear picture of sequencing but has not yet visited lessons this year.",
    ),
    (
        2,
        "documentation",
        "Subject action plans exist for all foundation subjects; monitoring"
        " calendar agreed by governors.",
    ),
    (
        2,
        "work_scrutiny",
        "Geography books in Year 5 show progression in map skills across the autumn term.",
    ),
)

STRENGTHS = (
    "Early reading is taught systematically and with fidelity; pupils at risk of falling behind"
    " read daily to an adult.\n"
    "Pupils with SEND are included in the full curriculum with well-judged adaptations."
)

AREAS_FOR_DEVELOPMENT = (
    "Middle leaders should check the quality of education in their subjects through lesson"
    " visits, not only through planning and books."
)

# (what went well, even better if, areas for development) per focus area above.
OUTCOMES = (
    (
        "Phonics is taught daily with fidelity; pupils apply sounds in decodable books.",
        "Even better if reading records showed home reading for every pupil.",
        "Keep the lowest 20% of readers reading daily to an adult.",
    ),
    (
        "Adaptations let pupils with SEND take part in the same lessons as their peers.",
        "Even better if pupils did not miss lesson starts when using the quiet room.",
        "Plan the timing of withdrawal so pupils keep the start of each lesson.",
    ),
    (
        "Subject leaders know how their curriculum is sequenced.",
        "Even better if leaders saw lessons, not only plans and books.",
        "Build lesson visits into each subject leader's monitoring calendar.",
    ),
)

TIMETABLE = (
    ("08:30", "Welcome and briefing with the head", "Review team, head", "Head's office"),
    ("09:00", "Lesson visits: early reading", "Lead Reviewer, English lead", "Years 1 and 2"),
    ("10:30", "Pupil voice: SEND", "Reviewer, SENDCo", "Library"),
    ("11:30", "Work scrutiny: foundation subjects", "Review team", "Staffroom"),
    ("13:30", "Meeting with subject leaders", "Review team, subject leaders", "Hall"),
    ("15:15", "Feedback to the head", "Review team, head", "Head's office"),
)
