"""A meeting's page: details, and tabs for agenda, attendance, notes, decisions and actions
(and, for the improvement board, the plans it scrutinised)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Static, TabbedContent, TabPane, TextArea

from store.dates import uk_date
from store.enums import AttendanceStatus, NetworkKind
from store.errors import DatabaseBusy
from store.meetings import actions, agenda, attendance, board, planning
from store.models import AgendaItem, Meeting
from tui.formatting import plain
from tui.screens.tabbed import TabbedPage

# Agenda notes save this long after the last keystroke, as visit notes do.
SAVE_AFTER_PAUSE = 0.5
# As in visit notes: while another window or an import holds the write lock, a save waits
# this long, says "Saving…" and tries again this much later, until it is saved.
BUSY_WAIT = 0.1
RETRY_AFTER = 0.5

COLUMNS: dict[str, tuple[tuple[str, int], ...]] = {
    "agenda": (("#", 3), ("Item", 50), ("Lead", 22), ("Time", 8)),
    "attendance": (("Member", 34), ("Head or lead", 22), ("Attendance", 40)),
    "note-items": (("#", 3), ("Item", 30)),
    "actions": (("Action", 48), ("Owner", 22), ("Due", 12), ("Status", 12)),
    "scrutinies": (("Action plan", 40), ("Ratified", 9), ("On", 12), ("Comments", 40)),
}
PRESENCE = {
    AttendanceStatus.PRESENT: ("Present", "green"),
    AttendanceStatus.DEPUTY: ("Deputy with decision-making authority", "cyan"),
    AttendanceStatus.APOLOGIES: ("Apologies", "yellow"),
    AttendanceStatus.ABSENT: ("Absent", "red"),
}


class MeetingPage(TabbedPage):
    """One meeting."""

    SHOWS = frozenset(
        {"meetings", "agenda_items", "attendances", "actions", "plan_scrutinies", "people"}
    )
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("plus", "add_here", "Add", key_display="+"),
        Binding("e", "edit_here", "Edit"),
        Binding("left_square_bracket", "move('up')", "Up", key_display="["),
        Binding("right_square_bracket", "move('down')", "Down", key_display="]"),
        Binding("delete", "remove", "Remove", key_display="del"),
        Binding("space", "step_status", "Action status", key_display="space"),
        Binding("1", "attend('present')", "Present", show=False),
        Binding("2", "attend('deputy')", "Deputy", show=False),
        Binding("3", "attend('apologies')", "Apologies", show=False),
        Binding("4", "attend('absent')", "Absent", show=False),
        Binding("i", "details", "Details"),
        Binding("c", "cancel_meeting", "Cancel/restore"),
        Binding("g", "export_agenda", "Agenda paper"),
        Binding("w", "export_minutes", "Minutes"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item: AgendaItem | None = None  # the item whose notes are open
        self.follow_item: str | None = None  # an item just moved: the cursor goes with it
        self._timer: Timer | None = None
        self._loading = False

    @property
    def meeting(self) -> Meeting:
        """The meeting, as stored now."""
        return self.store.meetings.get(self.meeting_id)

    @property
    def is_board(self) -> bool:
        """True for a meeting of the improvement board."""
        meeting = self.meeting
        network = self.store.networks.find(meeting.network_id or "")
        return network is not None and network.kind == NetworkKind.IMPROVEMENT_BOARD

    def compose_body(self) -> ComposeResult:
        """Title, details and the tabs."""
        yield Static(id="title")
        yield Static(id="details")
        with TabbedContent(id="tabs"):
            with TabPane("Agenda", id="tab-agenda"), VerticalScroll():
                yield Static(
                    "+ adds an item, e edits it, [ and ] move it, del removes it;"
                    " g writes the agenda to share.",
                    classes="hint",
                    markup=False,
                )
                yield DataTable(id="agenda", cursor_type="row")
            with TabPane("Attendance", id="tab-attendance"), VerticalScroll():
                yield Static(
                    "1 present, 2 a deputy with decision-making authority, 3 apologies, 4 absent.",
                    classes="hint",
                    markup=False,
                )
                yield DataTable(id="attendance", cursor_type="row")
            with TabPane("Notes", id="tab-notes"), Horizontal(id="notes"):
                yield DataTable(id="note-items", cursor_type="row")
                with Vertical(id="writing"):
                    yield Static(id="note-heading")
                    yield TextArea(id="note-editor", soft_wrap=True, language=None)
                    yield Static(id="note-saved")
            with TabPane("Decisions", id="tab-decisions"), VerticalScroll():
                yield Static("e edits the decisions, one a line.", classes="hint", markup=False)
                yield Static(id="decisions")
            with TabPane("Actions", id="tab-actions"), VerticalScroll():
                yield Static(
                    "+ adds an action, e edits it; they join the one list of actions.",
                    classes="hint",
                    markup=False,
                )
                yield DataTable(id="actions", cursor_type="row")
            if self.is_board:
                with TabPane("Plans", id="tab-plans"), VerticalScroll():
                    yield Static(
                        "The board scrutinises and ratifies each network's action plan:"
                        " + records a verdict.",
                        classes="hint",
                        markup=False,
                    )
                    yield DataTable(id="scrutinies", cursor_type="row")

    def on_mount(self) -> None:
        """Columns, then everything."""
        for table_id, columns in COLUMNS.items():
            if table_id == "scrutinies" and not self.is_board:
                continue
            table = self.query_one(f"#{table_id}", DataTable)
            for label, width in columns:
                table.add_column(label, width=width)
        self.refresh_data()

    def refresh_data(self) -> None:
        """Read the meeting afresh and fill every tab."""
        meeting = self.meeting
        store = self.store
        network = store.networks.find(meeting.network_id or "")
        self.sub_title = meeting.title
        title = Text(meeting.title, style="bold")
        if meeting.cancelled:
            title.append("   CANCELLED", style="bold red")
        self.query_one("#title", Static).update(title)
        details = Text(f"{network.name if network else ''}. {meeting.kind.label}. ")
        details.append(planning.when(meeting))
        if meeting.place:
            details.append(f", {meeting.place}")
        details.append(".\n")
        agenda_shared = uk_date(meeting.agenda_shared_on)
        notes_shared = uk_date(meeting.notes_shared_on)
        details.append(
            (f"Agenda shared on {agenda_shared}; " if agenda_shared else "Agenda not shared yet; ")
            + (f"notes and actions shared on {notes_shared}." if notes_shared
               else "notes and actions not shared yet."),
            style="dim",
        )  # fmt: skip
        self.query_one("#details", Static).update(details)
        items = agenda.items(store, self.meeting_id)
        people = store.people.by_ids([i.lead_id or "" for i in items])
        self._agenda(items, {pid: p.name for pid, p in people.items()})
        self._attendance()
        self._note_items(items)
        decisions = [line for line in meeting.decisions.splitlines() if line.strip()]
        self.query_one("#decisions", Static).update(
            Text("\n".join(f"• {line}" for line in decisions) or "No decisions recorded.")
        )
        self._actions()
        if self.is_board:
            self._scrutinies()

    def _refill(self, table_id: str) -> tuple[DataTable[object], int]:
        """A table emptied to be filled again, and the row its cursor was on, to go back to."""
        table = self.query_one(f"#{table_id}", DataTable)
        row = table.cursor_row
        table.clear()
        return table, row

    def _agenda(self, items: list[AgendaItem], names: dict[str, str]) -> None:
        table, row = self._refill("agenda")
        for number, item in enumerate(items, start=1):
            table.add_row(
                str(number),
                plain(item.title),
                plain(names.get(item.lead_id or "", item.lead)),
                f"{item.minutes} min" if item.minutes else "",
                key=item.id,
            )
        follow = next((n for n, item in enumerate(items) if item.id == self.follow_item), None)
        table.move_cursor(row=row if follow is None else follow)
        self.follow_item = None

    def _attendance(self) -> None:
        table, row = self._refill("attendance")
        for seat in attendance.seats(self.store, self.meeting_id):
            recorded = seat.attendance
            if recorded is None:
                how = Text("not recorded", style="dim")
            else:
                label, style = PRESENCE[recorded.status]
                if recorded.status == AttendanceStatus.DEPUTY:
                    label = f"Deputy: {recorded.deputy_name}"
                how = Text(label, style=style)
            table.add_row(
                plain(seat.school),
                plain(seat.person or "no head recorded"),
                how,
                key=f"{seat.person_id or ''}|{seat.school_id or ''}",
            )
        table.move_cursor(row=row)

    def _note_items(self, items: list[AgendaItem]) -> None:
        table = self.reset_table("note-items")
        for number, item in enumerate(items, start=1):
            table.add_row(str(number), plain(item.title[:30]), key=item.id)
        if self.item is None and items:
            self._open_notes(items[0])
        elif self.item is not None and not any(i.id == self.item.id for i in items):
            self._open_notes(items[0] if items else None)

    def _actions(self) -> None:
        table, row = self._refill("actions")
        agreed = actions.for_meeting(self.store, self.meeting_id)
        owners = self.store.people.by_ids(a.owner_id or "" for a in agreed)
        for action in agreed:
            owner = owners.get(action.owner_id or "")
            table.add_row(
                plain(action.description),
                plain(owner.name if owner else ""),
                uk_date(action.due_on),
                action.status.label,
                key=action.id,
            )
        table.move_cursor(row=row)

    def _scrutinies(self) -> None:
        table = self.reset_table("scrutinies")
        plans = {c.plan.id: c.label for c in board.plans_before(self.store, self.meeting_id)}
        for scrutiny in board.scrutinies_at(self.store, self.meeting_id):
            table.add_row(
                plain(plans.get(scrutiny.plan_id, "")),
                Text("Yes", style="green") if scrutiny.ratified else Text("No", style="red"),
                uk_date(scrutiny.scrutinised_on),
                plain(scrutiny.comments),
                key=scrutiny.id,
            )

    # Notes that save themselves -----------------------------------------------------------

    def _open_notes(self, item: AgendaItem | None) -> None:
        self._loading = True
        self.item = item
        editor = self.query_one("#note-editor", TextArea)
        editor.load_text(item.notes if item else "")
        editor.disabled = item is None
        heading = f"Notes: {item.title}" if item else "Add agenda items to take notes on them."
        self.query_one("#note-heading", Static).update(Text(heading, style="bold"))
        self._show_saved("Type: notes save themselves when you pause." if item else "")
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    @on(DataTable.RowHighlighted, "#note-items")
    def note_item_chosen(self, event: DataTable.RowHighlighted) -> None:
        """Save the open notes, then open the chosen item's."""
        key = str(event.row_key.value)
        if self.item is not None and self.item.id == key:
            return
        if self.save_notes():
            self._open_notes(self.store.agenda_items.get(key))
        else:
            self.notify("Saving… these notes stay open until they are saved.", markup=False)

    @on(TextArea.Changed, "#note-editor")
    def typed(self) -> None:
        """Save after a short pause in typing."""
        if self._loading or self.item is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_AFTER_PAUSE, self.save_notes)
        self._show_saved("Typing…")

    def save_notes(self) -> bool:
        """Write the open item's notes now, if they changed; False while the database is
        busy (the words stay in the box, "Saving…" shows, and the save is tried again)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.item is None:
            return True
        text = self.query_one("#note-editor", TextArea).text
        if text == self.item.notes:
            return True
        try:
            with self.store.waiting_at_most(BUSY_WAIT), self.store.editing(self.item):
                self.item = agenda.save_item_notes(self.store, self.item.id, text)
        except DatabaseBusy:
            self._show_saved("Saving…")
            self._timer = self.set_timer(RETRY_AFTER, self.save_notes)
            return False
        self._show_saved(f"Saved at {self.item.updated_at.astimezone():%H:%M:%S}")
        self.announce_changes()
        return True

    def _show_saved(self, message: str) -> None:
        self.query_one("#note-saved", Static).update(Text(message, style="dim"))

    def action_back(self) -> None:
        """Leave the notes box if in it (saving them), else go back to the list."""
        if not self.save_notes():
            return
        if isinstance(self.focused, TextArea):
            self.set_focus(None)
            return
        self.app.pop_screen()
