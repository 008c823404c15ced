"""The facts behind the demo's meetings: notes, the board, its ratifications, a role network."""

from __future__ import annotations

from datetime import date

from store.demo.facts import AGENDA, DemoNetwork

# What the notes of a held meeting say under each agenda item, by the item's title.
AGENDA_NOTES = {
    AGENDA[0]: "Notes of the last meeting agreed as a true record.",
    AGENDA[1]: "Writing at the expected standard is below the city figure in four schools;"
    " reading is a strength across the network.",
    AGENDA[2]: "Two priorities green, one amber: the SEND audit is behind in two schools.",
    AGENDA[3]: "Spring reviews confirmed; each host school has shared its self-evaluation.",
    AGENDA[4]: "The board asked every network to report on attendance of disadvantaged pupils.",
    AGENDA[5]: "Year 6 writing moderation booked; heads to release one teacher each.",
    AGENDA[6]: "None.",
}
AGENDA_MINUTES = (10, 25, 20, 20, 15, 20, 5)

# The head who has missed the last three leadership group meetings with no deputy sent.
MISSED_RUN = ("cov-south", "binley-park")
# The leadership group meeting that was cancelled (network, day): 2025/26 fell short of six.
CANCELLED = ("cov-north", "2026-07-09")

BOARD_KEY = "improvement-board"
BOARD = DemoNetwork(
    BOARD_KEY,
    "Primary Network Improvement Board",
    "improvement_board",
    "Coventry",
    "The network leads, meeting six times a year to scrutinise, ratify and review the"
    " networks' action plans and to hear trends across the city.",
    (),
    lead_school="",
    deputy_school=None,
    weekday_offset=8,
)
BOARD_AGENDA = (
    "Welcome, apologies and notes of the last meeting",
    "Network action plans: scrutiny and ratification",
    "Trends and pressures reported by each network",
    "Local authority update",
    "Any other business",
)
BOARD_ACTIONS = (
    "Send each network its plan's scrutiny comments",
    "Bring a city-wide attendance summary to the next board",
    "Agree the funding allocation for the spring term",
)
# (network key, ratified, comments) recorded at the board's November 2026 meeting.
RATIFICATIONS = (
    ("cov-east", True, "Ratified. Clear priorities, funded in full."),
    (
        "cov-north",
        False,
        "Not yet ratified: success criteria need measurable targets; bring back in January.",
    ),
    ("cov-south", True, "Ratified, with a request for termly RAG updates on the SEND priority."),
)

ROLE_NETWORK = (
    "cov-south",
    "SENDCo network",
    (
        date(2025, 10, 8),
        date(2026, 2, 4),
        date(2026, 6, 10),
        date(2026, 10, 7),
        date(2027, 2, 3),
        date(2027, 6, 9),
    ),
)
ROLE_AGENDA = (
    "Sharing the SEND assessment toolkit",
    "Annual reviews: what works",
    "Training needs for teaching assistants",
)
