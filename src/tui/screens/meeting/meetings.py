"""Meetings: a network's (or the board's) meetings for a year, with the cadence of six."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Select, Static

from store import StoreError
from store.dates import academic_year_of, uk_date
from store.enums import MeetingKind, NetworkKind
from store.meetings import planning
from store.meetings.ics import write_calendar
from store.sharing.file_names import paper_file_name
from store.text import os_error_reason
from tui.formatting import options, plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.dialogs.form import ask
from tui.screens.meeting.meeting_forms import MeetingDetails, MeetingFormScreen


class MeetingsScreen(AreaScreen):
    """Meetings per network and academic year."""

    SHOWS = frozenset({"meetings", "networks"})
    BINDINGS = [
        Binding("a", "add", "Plan a meeting"),
        Binding("t", "actions", "Actions"),
        Binding("k", "calendar", "Calendar (.ics)"),
    ]

    _shown: tuple[object, object] = (None, None)

    def compose_body(self) -> ComposeResult:
        """Network and year choosers, the cadence and the table."""
        store = self.store
        this_year = academic_year_of(store.today())
        years = sorted({*planning.years(store), this_year}, reverse=True)
        mine = self._my_network() or Select.NULL
        self._shown = (mine, this_year)
        with Horizontal(id="choosers"):
            yield Select(
                options(store.networks.choices()),
                id="network",
                prompt="Choose a network",
                value=mine,
            )
            yield Select([(y, y) for y in years], id="year", allow_blank=False, value=this_year)
        yield Static(id="cadence")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the chosen network's meetings."""
        self.sub_title = "Meetings"
        table = self.query_one("#meetings", DataTable)
        # Fixed widths: the table need not measure every cell to lay itself out.
        for label, width in (("Date", 16), ("Time", 13), ("Kind", 26), ("Title", 40),
                             ("Place", 28), ("Status", 9)):  # fmt: skip
            table.add_column(label, width=width)
        self.refresh_rows()
        table.focus()

    def _my_network(self) -> str | None:
        profile = self.store.profile
        if profile and profile.school_id:
            for membership in self.store.memberships.where(
                school_id=profile.school_id, status="active"
            ):
                return membership.network_id
        return None

    def refresh_data(self) -> None:
        """Meetings changed: show them again."""
        self.refresh_rows()

    @on(Select.Changed)
    def chooser_changed(self) -> None:
        """Another network or year."""
        chosen = (self.query_one("#network", Select).value, self.query_one("#year", Select).value)
        if self.is_mounted and chosen != self._shown:
            self.refresh_rows()

    @property
    def network_id(self) -> str | None:
        """The chosen network's id, or None."""
        value = self.query_one("#network", Select).value
        return None if value is Select.NULL else str(value)

    def refresh_rows(self) -> None:
        """The chosen network's meetings in the chosen year, and its cadence."""
        network = self.network_id
        year = str(self.query_one("#year", Select).value)
        table = self.query_one("#meetings", DataTable)
        table.clear()
        self._shown = (network or Select.NULL, year)
        cadence = self.query_one("#cadence", Static)
        if network is None:
            cadence.update("Choose a network to see its meetings.")
            return
        store = self.store
        now = store.clock().replace(tzinfo=None)
        for meeting in planning.listing(store, network, year):
            status = planning.status(meeting, now)
            ends = f"–{meeting.ends_at:%H:%M}" if meeting.ends_at else ""
            table.add_row(
                f"{meeting.starts_at:%a} {uk_date(meeting.starts_at.date())}",
                f"{meeting.starts_at:%H:%M}{ends}",
                meeting.kind.label,
                plain(meeting.title),
                plain(meeting.place),
                Text(status, style="dim strike" if meeting.cancelled else ""),
                key=meeting.id,
            )
        found = planning.cadence(store, network, year)
        text = Text(str(found), style="bold")
        if found.warning:
            style = "bold yellow" if not found.reachable else "yellow"
            text.append(f"   {'⚠ ' if not found.reachable else ''}{found.warning}", style=style)
        cadence.update(text)

    @on(DataTable.RowSelected, "#meetings")
    def open_meeting(self, event: DataTable.RowSelected) -> None:
        """Open a meeting's page."""
        from tui.screens.meeting.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(str(event.row_key.value)))

    def action_add(self) -> None:
        """Plan a meeting of the chosen network."""
        network_id = self.network_id
        if network_id is None:
            self.notify("Choose a network first.")
            return
        network = self.store.networks.get(network_id)
        kind = {
            NetworkKind.IMPROVEMENT_BOARD: MeetingKind.IMPROVEMENT_BOARD,
            NetworkKind.CROSS_SECTOR_PARTNERSHIP: MeetingKind.PARTNERSHIP,
        }.get(network.kind, MeetingKind.SLG)

        def plan(details: MeetingDetails) -> None:
            planning.plan_meeting(
                self.store, network_id=network_id, title=details.title, kind=details.kind,
                times=details.times, place=details.place,
            )  # fmt: skip

        form = lambda: MeetingFormScreen(None, kind, f"{kind.label} meeting")  # noqa: E731
        ask(self, form, plan, "Meeting planned.")

    def action_actions(self) -> None:
        """The list of every action."""
        from tui.screens.meeting.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(network_id=self.network_id))

    def action_calendar(self) -> None:
        """Write the chosen network's meetings as an .ics file."""
        network_id = self.network_id
        if network_id is None:
            self.notify("Choose a network first.")
            return
        name = self.store.networks.get(network_id).name
        suggested = Path.home() / paper_file_name("Meetings", name, suffix=".ics")

        def write(path: Path) -> None:
            try:
                write_calendar(self.store, network_id, path)
            except OSError as error:
                raise StoreError(f"Cannot write there: {os_error_reason(error)}.") from error

        form = lambda: ExportPathScreen(suggested, "Export the calendar")  # noqa: E731
        ask(self, form, write, lambda path: f"Wrote {path}: open it in Outlook or Google.")
