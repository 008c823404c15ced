"""A meeting's papers and calendar: the shared renderer, agenda, minutes, .ics and A4 print."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from store import Store
from store.demo.builder import load_demo
from store.demo.ids import demo_id, head_id, network_id
from store.documents import paper
from store.documents.meeting_papers import agenda_paper, minutes_paper, write_paper
from store.enums import AttendanceStatus, MeetingKind
from store.meetings import actions, agenda, attendance, planning
from store.meetings.ics import calendar_bytes
from store.meetings.planning import MeetingTimes

CHROMIUM = Path("/usr/bin/chromium")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


def test_text_from_the_database_never_becomes_markdown_or_html() -> None:
    nasty = "*bold* _it_ `code` [link](javascript:alert(1)) <script>x</script> &lt; a|b"
    blocks: list[paper.Block] = [
        paper.Heading(1, "# not a second heading"),
        paper.Paragraph(f"{nasty}\n# not a heading\n- not a list\n1. not a number"),
        paper.Table([["Item", "Notes"], ["x|y", nasty]]),
    ]
    html = paper.to_html(blocks)
    for leaked in ("<em>", "<strong>", "<code>", "<a ", "<script>", "<h2>", "<li>", "<ol>"):
        assert leaked not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "&amp;lt;" in html  # the text said &lt;, and shows &lt;, not <
    assert "*bold* _it_ `code` [link](javascript:alert(1))" in html
    assert html.count("<tr>") == 2  # the | in a cell did not make a new column or row
    assert "<p>*bold*" in html and "# not a heading" in html and "1. not a number" in html


def test_every_paper_shares_the_one_print_stylesheet(demo: Store) -> None:
    from store.demo.ids import review_id
    from store.documents.review_papers import outcomes

    pages = [
        paper.to_html(outcomes(demo, review_id("hunts-2026-st-johns"))),
        paper.to_html(minutes_paper(demo, demo_id("meeting", "hunts", "2026-09-23"))),
    ]
    for page in pages:
        assert paper.PRINT_CSS in page and "size: A4" in page


def _meeting_with_everything(demo: Store) -> str:
    meeting = planning.plan_meeting(
        demo, network_id=network_id("cov-north"), title="SLG <autumn> & *review*",
        kind=MeetingKind.SLG, times=MeetingTimes(date(2026, 11, 19), "09:30", "12:00"),
        place="Radford Park Primary",
    ).id  # fmt: skip
    data = agenda.add_item(demo, meeting, title="Network data", lead_id=head_id("radford-park"),
                           minutes=30)  # fmt: skip
    agenda.add_item(demo, meeting, title="AOB", minutes=10)
    agenda.save_item_notes(demo, data.id, "Reading strong.\nWriting below the city figure.")
    seats = attendance.seats(demo, meeting)
    attendance.record(demo, meeting, seats[0].person_id or "", AttendanceStatus.DEPUTY,
                      school_id=seats[0].school_id, deputy_name="Sam Patel")  # fmt: skip
    attendance.record(demo, meeting, seats[1].person_id or "", AttendanceStatus.APOLOGIES)
    planning.save_decisions(demo, meeting, "Adopt the moderation calendar\nMeet in March")
    actions.add_meeting_action(
        demo, meeting, description="Send the data pack", owner_id=head_id("radford-park"),
        due_on=date(2026, 12, 1),
    )  # fmt: skip
    return meeting


def test_agenda_lists_items_in_order_with_lead_time_and_start(demo: Store) -> None:
    text = paper.to_markdown(agenda_paper(demo, _meeting_with_everything(demo)))
    assert "# Agenda: SLG <autumn> & \\*review\\*" in text
    assert "| 1 | Network data | Janet Hughes | 30 min | 09:30 |" in text
    assert "| 2 | AOB |  | 10 min | 10:00 |" in text


def test_minutes_hold_attendance_notes_decisions_and_actions(demo: Store) -> None:
    text = paper.to_markdown(minutes_paper(demo, _meeting_with_everything(demo)))
    assert "| Foleshill Brook Primary | Kwame Mensah | Deputy with decision-making authority:" \
        " Sam Patel |" in text  # fmt: skip
    assert "| Holbrook Lane Primary | Imran Qureshi | Apologies |" in text
    assert "### 1. Network data (Janet Hughes)\n\nReading strong.\\\nWriting below" in text
    assert "- Adopt the moderation calendar\n- Meet in March" in text
    assert "| Send the data pack | Janet Hughes | 1 Dec 2026 | Open |" in text


def test_writing_a_paper_records_the_day_it_was_shared(demo: Store, tmp_path: Path) -> None:
    meeting = _meeting_with_everything(demo)
    write_paper(demo, meeting, "agenda", tmp_path / "agenda.md")
    write_paper(demo, meeting, "minutes", tmp_path / "minutes.html")
    saved = demo.meetings.get(meeting)
    assert saved.agenda_shared_on == saved.notes_shared_on == demo.today()
    assert (tmp_path / "minutes.html").read_text().startswith("<!doctype html>")


def _events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_calendar_parses_back_with_london_times_and_the_same_uids(demo: Store) -> None:
    north = network_id("cov-north")
    first = _events(calendar_bytes(demo, north))
    meeting = demo.meetings.get(demo_id("meeting", "cov-north", "2026-11-19"))
    planning.update_meeting(demo, meeting.id, title=meeting.title, kind=meeting.kind,
                            times=MeetingTimes(date(2026, 11, 19), "13:00", "15:00"),
                            place="Holbrook Lane Primary")  # fmt: skip
    second = _events(calendar_bytes(demo, north))
    assert first.keys() == second.keys()
    assert len(first) == 10
    uid = f"{meeting.id}@schoolnet"
    event = second[uid]
    start = event["DTSTART"].dt  # type: ignore[index]
    assert start == datetime(2026, 11, 19, 13, 0, tzinfo=LONDON)
    assert start.utcoffset().total_seconds() == 0  # GMT in November
    summer = second[f"{demo_id('meeting', 'cov-north', '2026-05-14')}@schoolnet"]
    assert summer["DTSTART"].dt.hour == 9 and summer["DTSTART"].dt.utcoffset().seconds == 3600  # type: ignore[index]
    assert str(summer["DTSTART"].params["TZID"]) == "Europe/London"  # type: ignore[index]
    assert int(event["SEQUENCE"]) > int(first[uid]["SEQUENCE"])  # type: ignore[index]
    assert str(event["LOCATION"]) == "Holbrook Lane Primary"


def test_a_cancelled_meeting_goes_out_as_cancelled(demo: Store) -> None:
    events = _events(calendar_bytes(demo, network_id("cov-north")))
    cancelled = events[f"{demo_id('meeting', 'cov-north', '2026-07-09')}@schoolnet"]
    assert str(cancelled["STATUS"]) == "CANCELLED"  # type: ignore[index]
    statuses = {str(e["STATUS"]) for e in events.values()}  # type: ignore[index]
    assert statuses == {"CANCELLED", "CONFIRMED"}


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs headless Chromium at /usr/bin/chromium (apt-get install chromium)",
)
def test_minutes_print_on_a4_with_no_text_cut_off(demo: Store, tmp_path: Path) -> None:
    meeting = _meeting_with_everything(demo)
    # A long unbroken word, a long table cell and many items: the worst a page must hold.
    for number in range(25):
        item = agenda.add_item(demo, meeting, title=f"Item {number} " + "x" * 120, minutes=5)
        agenda.save_item_notes(demo, item.id, ("Discussed at length. " * 30) + "y" * 200)
    page = tmp_path / "minutes.html"
    write_paper(demo, meeting, "minutes", page)
    pdf = tmp_path / "minutes.pdf"
    common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    subprocess.run(
        [str(CHROMIUM), *common, f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = pdf.read_bytes()
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data))
    assert sizes and all(
        abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in sizes
    )
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2  # it fills pages, and goes on
    # Laid out at the printable width of A4 (210 mm less 16 mm margins, at 96 px an inch),
    # no element is wider than the page: nothing runs off the right edge to be cut.
    probe = tmp_path / "probe.html"
    probe.write_text(
        page.read_text().replace(
            "</body>",
            "<script>const w = document.documentElement.clientWidth; const wide = [...document"
            ".querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1"
            " || e.scrollWidth > e.clientWidth + 1); document.title = 'WIDE:' + wide.length;"
            "</script></body>",
        )
    )
    dom = subprocess.run(
        [str(CHROMIUM), *common, "--window-size=673,950", "--dump-dom", probe.as_uri()],
        check=True, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    assert "<title>WIDE:0</title>" in dom
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Send the data pack" in text
