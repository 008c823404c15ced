"""Visit notes mode: a quiet screen for typing evidence during a visit, saved as you pause.

Each note is written to the database half a second after the last keystroke (and at once
when its tags change or another note is opened), so a crash or a flat battery loses at
most what was typed in that last half second.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import DataTable, Select, Static, TextArea

from store import StoreError, review_visit
from store.enums import EvidenceType
from store.errors import DatabaseBusy
from store.models import EvidenceNote
from tui.formatting import options, plain
from tui.screens.base import AreaScreen
from tui.widgets.footer import SteadyFooter

SAVE_AFTER_PAUSE = 0.5  # seconds; the promise to the reviewer is "within 1 second"
# While another window or an import holds the write lock, an autosave waits this long for
# it (so typing never stalls), then tries again this much later, until it is saved.
BUSY_WAIT = 0.1
RETRY_AFTER = 0.5
SAVING = "Saving…"
LISTED = 100  # the latest notes listed; the focus-area filter reaches older ones
ALL = "__all__"


class NotesScreen(AreaScreen):
    """Type notes; each is timestamped, tagged and saved automatically."""

    SHOWS = frozenset({"evidence_notes"})
    FOCUS_ON_RETURN = "#list"
    # Narrower than this, the note takes the whole width and the list is behind ctrl+l.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("escape", "leave", "Back to the review"),
        Binding("ctrl+n", "new_note", "New note"),
        Binding("ctrl+l", "focus_list", "Notes list"),
        Binding("f2", "concern", "Raise a concern"),
    ]

    def __init__(self, review_id: str) -> None:
        super().__init__()
        self.review_id = review_id
        self.note: EvidenceNote | None = None
        self._timer: Timer | None = None
        # True while a save waits for another window's or an import's write lock.
        self._waiting = False
        self._loading = False
        # Set on leaving for the review page, whose v brings the reviewer back to type.
        self._typing_on_return = False

    def compose(self) -> ComposeResult:
        """Filter and list on the left, the note being typed on the right."""
        review = self.store.peer_reviews.get(self.review_id)
        areas = [(_short(area), area) for area in review.focus_areas]
        with Horizontal(id="notes-mode"):
            with Vertical(id="side"):
                yield Select(
                    options([("All focus areas", ALL), *areas]),
                    id="filter",
                    allow_blank=False,
                    value=ALL,
                )
                yield Static(id="count")
                yield DataTable(id="list", cursor_type="row")
            with Vertical(id="writing"):
                yield Static(id="heading")
                with Horizontal(id="tags"):
                    yield Select(options(areas), id="focus", prompt="Focus area")
                    yield Select(
                        [(kind.label, kind.value) for kind in EvidenceType],
                        id="kind",
                        allow_blank=False,
                        value=EvidenceType.LESSON_VISIT.value,
                    )
                yield TextArea(id="editor", soft_wrap=True, language=None)
                yield Static(id="saved")
        yield SteadyFooter()

    def on_mount(self) -> None:
        """List the notes and put the cursor in a fresh note."""
        review = self.store.peer_reviews.get(self.review_id)
        host = self.store.schools.get(review.host_school_id).name
        self.query_one("#heading", Static).update(Text(f"Visit notes: {host}", style="bold"))
        table = self.query_one("#list", DataTable)
        # Fixed widths: the table need not measure every cell of every row to lay itself out.
        table.add_column("Time", width=5, key="time")
        table.add_column("Type", width=16, key="type")
        table.add_column("Note", width=60, key="note")
        # The area last written in: a reviewer back from a break carries on where they were.
        area = review_visit.last_focus_area(self.store, self.review_id)
        if area or review.focus_areas:
            self.query_one("#focus", Select).value = area or review.focus_areas[0]
        self.refresh_list()
        self.query_one("#editor", TextArea).focus()
        self._show_saved("Start typing: notes save themselves when you pause.")

    def on_screen_resume(self) -> None:
        """Opened again with v: carry on typing. Back from another area: the list has focus."""
        if self._typing_on_return:
            self._typing_on_return = False
            self.query_one("#editor", TextArea).focus()

    def refresh_data(self) -> None:
        """Notes changed elsewhere (the review page, another window): list them again."""
        self.refresh_list()

    def refresh_list(self) -> None:
        """Show the latest notes for the chosen focus area."""
        chosen = self.query_one("#filter", Select).value
        focus = None if chosen == ALL else str(chosen)
        found, total = review_visit.recent_notes(self.store, self.review_id, focus, limit=LISTED)
        table = self.query_one("#list", DataTable)
        table.clear()
        for note in found:
            table.add_row(*_cells(note), key=note.id)
        noun = "note" if total == 1 else "notes"
        shown = (
            f"{total} {noun}" if total <= len(found) else f"latest {len(found)} of {total} notes"
        )
        self.query_one("#count", Static).update(shown)

    # Typing and saving -------------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def typed(self) -> None:
        """Save after a short pause in typing."""
        # Loading a note posts Changed too, and it can arrive after loading has ended:
        # the words as saved are not typing.
        saved = self.note.text if self.note is not None else ""
        if self._loading or self.query_one("#editor", TextArea).text == saved:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_AFTER_PAUSE, self.save)
        self._show_saved(SAVING if self._waiting else "Typing…")

    @on(Select.Changed, "#focus")
    @on(Select.Changed, "#kind")
    def tags_changed(self) -> None:
        """A change of tag is saved at once."""
        if not self._loading and self.note is not None:
            self.save()

    def save(self) -> bool:
        """Write the note now: create it on its first words, update it after.

        False while another window or an import holds the write lock: the words stay in
        the box, the screen says "Saving…", and the save is tried again shortly.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.query_one("#editor", TextArea).text
        focus = self.query_one("#focus", Select).value
        kind = EvidenceType(str(self.query_one("#kind", Select).value))
        area = "" if focus is Select.NULL else str(focus)
        if self.note is None and not text.strip():
            return True
        # Opening a note sets its words and tags, whose Changed messages can come after the
        # opening is over: a note as it was saved has nothing to save.
        note = self.note
        if note is not None and (text, area, kind) == (
            note.text,
            note.focus_area or "",
            note.evidence_type,
        ):
            return True
        try:
            with self.store.waiting_at_most(BUSY_WAIT), self.store.editing(self.note):
                self._write(text, area, kind)
        except DatabaseBusy:
            self._waiting = True
            self._show_saved(SAVING)
            self._timer = self.set_timer(RETRY_AFTER, self.save)
            return False
        except StoreError as refusal:  # locked, or deleted, meanwhile in another window
            self._show_saved(f"Not saved: {refusal}")
            return True
        self._waiting = False
        saved = self.note.updated_at if self.note else self.store.clock()
        self._show_saved(f"Saved at {saved.astimezone():%H:%M:%S}")
        # This list is up to date; the review page and other windows hear of it.
        self.schoolnet.announce_changes(origin=self)
        return True

    def _write(self, text: str, area: str, kind: EvidenceType) -> None:
        """Create the note, or save its words and tags (only what changed since last saved)."""
        if self.note is None:
            self.note = review_visit.new_note(
                self.store, self.review_id, text=text, focus_area=area, evidence_type=kind
            )
            self.refresh_list()
        else:
            self.note = review_visit.update_note(
                self.store, self.note.id, text=text, focus_area=area, evidence_type=kind
            )
            self._show_in_list(self.note)

    def _show_in_list(self, note: EvidenceNote) -> None:
        """Update the note's row in place (every autosave), rather than list them all again."""
        table = self.query_one("#list", DataTable)
        if note.id not in table.rows:
            self.refresh_list()
            return
        for column, value in zip(("time", "type", "note"), _cells(note), strict=True):
            table.update_cell(note.id, column, value)

    def _show_saved(self, message: str) -> None:
        self.query_one("#saved", Static).update(Text(message, style="dim"))

    # Moving between notes ----------------------------------------------------------------

    def action_new_note(self) -> None:
        """Save this note and start a new one."""
        if self._saved_or_kept():
            self._load(None)

    @on(DataTable.RowSelected, "#list")
    def open_note(self, event: DataTable.RowSelected) -> None:
        """Open an earlier note to edit it."""
        if self._saved_or_kept():
            self._load(self.store.evidence_notes.get(str(event.row_key.value)))

    def _saved_or_kept(self) -> bool:
        """Save; if the database is busy, stay on this note (its words are not saved yet)."""
        if self.save():
            return True
        self.notify("Saving… this note stays open until it is saved.", markup=False)
        return False

    def _load(self, note: EvidenceNote | None) -> None:
        self._loading = True
        try:
            self.note = note
            editor = self.query_one("#editor", TextArea)
            editor.load_text(note.text if note else "")
            editor.move_cursor(editor.document.end)  # carry on where the note left off
            if note is not None:
                if note.focus_area:
                    self.query_one("#focus", Select).value = note.focus_area
                self.query_one("#kind", Select).value = note.evidence_type.value
                self._show_saved(f"Editing the note of {note.noted_at.astimezone():%H:%M}")
            else:
                area = review_visit.last_focus_area(self.store, self.review_id)
                if area:
                    self.query_one("#focus", Select).value = area
                self._show_saved("New note.")
            editor.focus()
        finally:
            self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    @on(Select.Changed, "#filter")
    def filter_changed(self) -> None:
        """Show only one focus area's notes."""
        self.refresh_list()

    def action_focus_list(self) -> None:
        """Move to the list of notes, or from it back to the note."""
        if self.query_one("#side") in self.focused_ancestry():
            self.query_one("#editor", TextArea).focus()
        else:
            self.show_list()

    def show_list(self) -> None:
        """Focus the list; on a narrow terminal it shows in place of the note until left."""
        self.add_class("-list-open")
        # Once shown: a widget that is not displayed cannot take the focus.
        self.call_after_refresh(self.query_one("#list", DataTable).focus)

    def focus_on_return(self) -> None:
        """Back from elsewhere with nothing focused: the list (see AreaScreen)."""
        if self.focused is None:
            self.show_list()

    def focused_ancestry(self) -> list[object]:
        """The focused widget and its containers, empty when nothing is focused."""
        return [] if self.focused is None else list(self.focused.ancestors_with_self)

    @on(events.DescendantFocus)
    def _pane_follows_focus(self) -> None:
        """On a narrow terminal the list shows while it has the focus, the note otherwise."""
        self.set_class(self.query_one("#side") in self.focused_ancestry(), "-list-open")

    def action_concern(self) -> None:
        """Save, then open the concerns protocol form."""
        from tui.screens.review.concern_form import raise_concern

        self.save()
        raise_concern(self, self.review_id)

    def action_leave(self) -> None:
        """Save and go back."""
        if not self._saved_or_kept():
            return
        self._typing_on_return = True
        self.app.pop_screen()


def _cells(note: EvidenceNote) -> tuple[str, str, Text]:
    first_line = note.text.strip().splitlines()[0] if note.text.strip() else ""
    # Cut here, not by the column, so a long note cannot widen the list past the screen.
    shown = first_line if len(first_line) <= 60 else first_line[:59] + "…"
    return f"{note.noted_at:%H:%M}", note.evidence_type.label, plain(shown)


def _short(area: str, width: int = 34) -> str:
    return area if len(area) <= width else area[: width - 1] + "…"
