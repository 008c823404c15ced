"""A review's page: stage and checklist, team, pre-meet and timetable, notes, workshop, outcomes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from store import review_visit, reviews
from store.dates import uk_date
from store.models import Action, PeerReview, Person, ReviewTeamMember
from tui.formatting import plain
from tui.screens.tabbed import TabbedPage

COLUMNS: dict[str, tuple[str, ...]] = {
    "checklist": ("Step", "Stage", "Done on"),
    "team": ("Name", "Role", "Employing school", "DBS confirmed", "On"),
    "slots": ("Day", "Time", "Activity", "Who", "Where"),
    "actions": ("Action", "Owner", "Due", "Status"),
    "areas": ("Focus area", "What went well", "Even better if"),
    "notes": ("Taken", "Note", "Type", "Focus area"),
}
NOTES_LISTED = 200  # the latest; notes mode's focus-area filter reaches older ones


class ReviewPage(TabbedPage):
    """One peer review."""

    SHOWS = frozenset(
        {
            "peer_reviews", "review_team_members", "evidence_notes", "concerns",
            "review_slots", "outcome_areas", "review_amendments", "actions", "people", "schools",
        }
    )  # fmt: skip
    BINDINGS = [
        # In order of use: the footer shows as many as fit, from the first.
        Binding("escape", "back", "Back"),
        Binding("greater_than_sign", "advance", "Next stage", key_display=">"),
        Binding("v", "notes", "Visit notes"),
        Binding("exclamation_mark,f2", "concern", "Concern", key_display="!"),
        Binding("c", "concerns", "Concerns"),
        Binding("plus", "add_here", "Add", key_display="+"),
        Binding("e", "edit_here", "Edit"),
        Binding("delete", "delete_here", "Delete", key_display="del"),
        Binding("space", "step_status", "Action status", key_display="space"),
        Binding("f", "findings", "Findings"),
        Binding("d", "draft", "Draft outcomes"),
        Binding("g", "agree", "Agree"),
        Binding("o", "export_outcomes", "Outcomes doc"),
        Binding("l", "export_letter", "SCR letter"),
        Binding("w", "export_timetable", "Timetable"),
        Binding("k", "amend", "Amend"),
    ]

    def __init__(self, review_id: str) -> None:
        super().__init__()
        self.review_id = review_id

    @property
    def review(self) -> PeerReview:
        """The review, as stored now."""
        return self.store.peer_reviews.get(self.review_id)

    def compose_body(self) -> ComposeResult:
        """Title, stage line and the tabs."""
        yield Static(id="title")
        yield Static(id="stage-line")
        with TabbedContent(id="tabs"):
            with TabPane("Overview", id="tab-overview"), VerticalScroll():
                yield Static(id="focus")
                yield Static(
                    "Checklist (enter ticks a step today, e dates it, del unticks it;"
                    " > moves to the next stage)",
                    classes="table-title",
                )
                yield DataTable(id="checklist", cursor_type="row")
            with TabPane("Team", id="tab-team"):
                yield Static(
                    "The review team, with what the host's Single Central Record needs.",
                    classes="table-title",
                )
                yield DataTable(id="team", cursor_type="row")
            with TabPane("Pre-meet & timetable", id="tab-timetable"), VerticalScroll():
                yield Static(id="premeet")
                yield Static(
                    "Visit timetable (+ adds a slot, w writes it to print; e edits the pre-meet)",
                    classes="table-title",
                )
                yield DataTable(id="slots", cursor_type="row")
            with TabPane("Notes", id="tab-notes"), VerticalScroll():
                yield Static(id="notes-summary")
                yield DataTable(id="notes", cursor_type="row")
                yield Static(id="note-text")
            with TabPane("Workshop", id="tab-workshop"), VerticalScroll():
                yield Static(id="workshop")
                yield Static(
                    "Actions agreed (+ adds one; they join the action list; space steps its"
                    " status: open, in progress, done)",
                    classes="table-title",
                )
                yield DataTable(id="actions", cursor_type="row")
            with TabPane("Outcomes", id="tab-outcomes"), VerticalScroll():
                yield Static(id="outcomes-hint")
                yield DataTable(id="areas", cursor_type="row")
                yield Static(id="findings")

    def on_mount(self) -> None:
        """Columns, then everything."""
        for table_id, columns in COLUMNS.items():
            self.query_one(f"#{table_id}", DataTable).add_columns(*columns)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the review afresh and fill every tab."""
        review = self.review
        store = self.store
        host = store.schools.get(review.host_school_id)
        team = store.review_team_members.where(review_id=review.id, order_by="role")
        actions = store.actions.where(review_id=review.id, order_by="due_on")
        # Only the people and schools this page names, not every one in the database.
        people = store.people.by_ids(
            [m.person_id for m in team]
            + [a.owner_id or "" for a in actions]
            + [review.improvement_champion_id or "", review.lead_reviewer_id or ""]
        )
        schools = {
            school_id: school.name
            for school_id, school in store.schools.by_ids(
                m.employing_school_id or "" for m in team
            ).items()
        }
        self.sub_title = f"Review of {host.name}"
        title = Text(f"Peer review of {host.name}", style="bold")
        title.append(
            f"   {review.academic_year}, {uk_date(review.starts_on)}, {review.style.label}",
            style="dim",
        )
        self.query_one("#title", Static).update(title)
        stage = Text(f"Stage: {review.stage.label}. ", style="bold")
        stage.append(reviews.next_step(review))
        if review.locked_on:
            stage.append(
                f"  Locked since {uk_date(review.locked_on)}: k adds a dated amendment.",
                style="yellow",
            )
        self.query_one("#stage-line", Static).update(stage)
        self._overview(review)
        self._team(team, people, schools)
        self._timetable(review)
        self._workshop(review, actions, people)
        self._outcomes(review)
        self._notes(review)

    def _notes(self, review: PeerReview) -> None:
        notes, total = review_visit.recent_notes(self.store, review.id, limit=NOTES_LISTED)
        last = (
            f" The latest at {notes[0].noted_at.astimezone():%H:%M on %d %b %Y}." if notes else ""
        )
        shown = f" The latest {len(notes)} are listed." if total > len(notes) else ""
        how = (
            "This review is locked: its notes can be read here, not changed."
            if review.locked_on
            else "Press v for visit notes mode: type, pause, and each note saves itself."
            " del deletes the note under the cursor."
        )
        self.query_one("#notes-summary", Static).update(
            Text(f"{total} visit notes.{last}{shown}\n{how}")
        )
        table = self.reset_table("notes")
        for note in notes:
            first = note.text.strip().splitlines()[0] if note.text.strip() else ""
            table.add_row(
                f"{note.noted_at.astimezone():%d %b %H:%M}",
                plain(first[:40]),
                note.evidence_type.label,
                plain(note.focus_area[:40]),
                key=note.id,
            )
        self.call_after_refresh(self.show_note)

    @on(DataTable.RowHighlighted, "#notes")
    def show_note(self) -> None:
        """The whole of the note under the cursor, below the list."""
        note_id = self.selected_key("notes")
        note = self.store.evidence_notes.find(note_id) if note_id else None
        text = Text()
        if note is not None:
            text.append(f"{note.focus_area or 'No focus area'}", style="bold")
            text.append(f"  {note.evidence_type.label}\n", style="dim")
            text.append(note.text)
        self.query_one("#note-text", Static).update(text)

    def _overview(self, review: PeerReview) -> None:
        text = Text()
        text.append("Focus areas\n", style="bold")
        for area in review.focus_areas:
            text.append(f"• {area}\n")
        if review.hypotheses:
            text.append("\nHypotheses\n", style="bold")
            text.append(f"{review.hypotheses}\n")
        self.query_one("#focus", Static).update(text)
        table = self.reset_table("checklist")
        for key, label, stage in reviews.CHECKLIST:
            done = review.checklist.get(key)
            table.add_row(label, stage.label, uk_date(done) if done else "not yet", key=key)

    def _team(
        self, team: list[ReviewTeamMember], people: dict[str, Person], schools: dict[str, str]
    ) -> None:
        table = self.reset_table("team")
        for member in team:
            person = people.get(member.person_id)
            table.add_row(
                plain(person.name if person else ""),
                member.role.capitalize(),
                plain(schools.get(member.employing_school_id or "", "")),
                "yes" if member.dbs_confirmed else "not yet",
                uk_date(member.dbs_confirmed_on),
                key=member.id,
            )

    def _timetable(self, review: PeerReview) -> None:
        text = Text()
        premeet = (
            ("Context", review.premeet_context),
            ("Evidence to gather", review.premeet_evidence),
            ("Logistics", review.premeet_logistics),
        )
        for label, value in premeet:
            text.append(f"{label}: ", style="bold")
            text.append(f"{value or 'not recorded'}\n")
        self.query_one("#premeet", Static).update(text)
        table = self.reset_table("slots")
        for slot in self.store.review_slots.where(review_id=review.id, order_by="day, starts_at"):
            table.add_row(
                uk_date(slot.day),
                slot.starts_at,
                plain(slot.activity),
                plain(slot.who),
                plain(slot.location),
                key=slot.id,
            )

    def _workshop(
        self, review: PeerReview, actions: list[Action], people: dict[str, Person]
    ) -> None:
        champion = people.get(review.improvement_champion_id or "")
        text = Text()
        for label, value in (("Improvement Champion", champion.name if champion else ""),
                             ("Who took part", review.workshop_participants),
                             ("What went well", review.workshop_went_well),
                             ("Even better if", review.workshop_even_better_if)):  # fmt: skip
            text.append(f"{label}: ", style="bold")
            text.append(f"{value or 'not recorded'}\n")
        text.append("e edits the workshop record.", style="dim")
        self.query_one("#workshop", Static).update(text)
        table = self.reset_table("actions")
        for action in actions:
            owner = people.get(action.owner_id or "")
            table.add_row(
                plain(action.description),
                plain(owner.name if owner else ""),
                uk_date(action.due_on),
                action.status.label,
                key=action.id,
            )

    def _outcomes(self, review: PeerReview) -> None:
        self.query_one("#outcomes-hint", Static).update(
            Text(
                "d drafts each focus area from its notes; e edits the selected one; f edits the"
                " strengths, excellence and next steps; g agrees the outcomes and locks the"
                " review; o writes the outcomes document.",
                style="dim",
            )  # fmt: skip
        )
        table = self.reset_table("areas")
        for area in reviews.outcome_areas(self.store, review.id):
            table.add_row(
                plain(area.focus_area[:50]),
                plain(_first(area.went_well)),
                plain(_first(area.even_better_if)),
                key=area.id,
            )
        text = Text()
        findings = (
            ("Strengths", review.strengths),
            ("Areas for development", review.areas_for_development),
            ("Area of excellence", review.area_of_excellence),
            ("Next steps", review.next_steps),
        )
        for label, value in findings:
            if value:
                text.append(f"\n{label}\n", style="bold")
                text.append(f"{value}\n")
        for amendment in self.store.review_amendments.where(
            review_id=review.id, order_by="amended_on"
        ):
            text.append(
                f"\nAmended {uk_date(amendment.amended_on.date())} by {amendment.amended_by}: ",
                style="bold",
            )
            text.append(amendment.text)
        self.query_one("#findings", Static).update(text)

    def action_back(self) -> None:
        """Back to the list of reviews."""
        self.app.pop_screen()


def _first(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line.removeprefix("- ")[:60]
