"""A meeting's page with its keys: each opens a form or asks, then makes one store call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from store import StoreError
from store.documents.meeting_papers import Kind, write_paper
from store.enums import AttendanceStatus
from store.meetings import actions, agenda, attendance, board, planning
from store.models import Person
from store.sharing.file_names import paper_file_name
from store.text import os_error_reason
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.export_path import ExportPathScreen
from tui.screens.dialogs.form import ask
from tui.screens.dialogs.message import MessageScreen
from tui.screens.meeting.meeting_forms import (
    ActionDetails,
    ActionFormScreen,
    AgendaItemScreen,
    DecisionsScreen,
    DeputyScreen,
    ItemDetails,
    MeetingDetails,
    MeetingFormScreen,
    Scrutiny,
    ScrutinyScreen,
)
from tui.screens.meeting.meeting_page import MeetingPage


class MeetingScreen(MeetingPage):
    """What a user can do on a meeting's page."""

    def _do(self, call: Callable[[], object], done: str = "") -> bool:
        """Make one store call; a refusal is shown in a dialog. True when it went through."""
        try:
            call()
        except StoreError as error:
            self.app.push_screen(MessageScreen("Not possible", str(error)))
            return False
        if done:
            self.notify(done, markup=False)
        self.announce_changes()
        return True

    def _people(self) -> list[tuple[str, str]]:
        """(label, id) of the people who can lead an item or own an action: the members'
        staff, and the network's lead and co-ordinator."""
        seats = attendance.seats(self.store, self.meeting_id)
        schools = {seat.school_id: seat.school for seat in seats if seat.school_id}
        people: dict[str, Person] = {p.id: p for p in self.store.people.at_schools(schools)}
        network = self.store.networks.find(self.meeting.network_id or "")
        if network is not None:
            people |= self.store.people.by_ids(
                [network.lead_id or "", network.coordinator_id or ""]
            )
        for seat in seats:  # the board's members are leads, whose schools are not members
            if seat.person_id and seat.person_id not in people:
                people |= self.store.people.by_ids([seat.person_id])
        return sorted(
            ((f"{p.name}, {schools.get(p.school_id or '', p.role.label)}", p.id)
             for p in people.values()),
            key=lambda option: option[0],
        )  # fmt: skip

    # Adding and editing, by tab -------------------------------------------------------------

    def action_add_here(self) -> None:
        """Add to the current tab: an agenda item, an action or (the board) a plan's verdict."""
        tab = self.active_tab
        if tab == "tab-actions":
            self._action_form(None)
        elif tab == "tab-plans":
            self._scrutiny_form()
        else:
            people = self._people()

            def add(item: ItemDetails) -> None:
                agenda.add_item(self.store, self.meeting_id, title=item.title,
                                lead_id=item.lead_id, minutes=item.minutes)  # fmt: skip

            self.show_tab("tab-agenda")
            ask(self, lambda: AgendaItemScreen(None, people), add, "Item added.")

    def action_edit_here(self) -> None:
        """Edit what the current tab shows: the agenda item, decisions or action selected."""
        tab = self.active_tab
        if tab == "tab-decisions":
            meeting = self.meeting
            decisions = meeting.decisions

            def save(text: str) -> None:
                planning.save_decisions(self.store, self.meeting_id, text)

            ask(
                self, lambda: DecisionsScreen(decisions), save, "Decisions saved.", based_on=meeting
            )
        elif tab == "tab-actions":
            action_id = self.selected_key("actions")
            if action_id is None:
                self.notify("No actions yet: + adds one.")
                return
            self._action_form(action_id)
        elif tab == "tab-agenda":
            item_id = self.selected_key("agenda")
            if item_id is None:
                self.notify("No items yet: + adds one.")
                return
            item = self.store.agenda_items.get(item_id)
            people = self._people()

            def edit(details: ItemDetails) -> None:
                agenda.edit_item(self.store, item_id, title=details.title,
                                 lead_id=details.lead_id, minutes=details.minutes)  # fmt: skip

            ask(self, lambda: AgendaItemScreen(item, people), edit, "Item saved.", based_on=item)
        else:
            self.action_details()

    def _action_form(self, action_id: str | None) -> None:
        people = self._people()
        existing = self.store.actions.get(action_id) if action_id else None

        def save(details: ActionDetails) -> None:
            if action_id is None:
                actions.add_meeting_action(
                    self.store, self.meeting_id, description=details.description,
                    owner_id=details.owner_id, due_on=details.due_on, status=details.status,
                )  # fmt: skip
            else:
                actions.edit_action(
                    self.store, action_id, description=details.description,
                    owner_id=details.owner_id, due_on=details.due_on, status=details.status,
                )  # fmt: skip

        self.show_tab("tab-actions")
        done = "Action added to the action list." if action_id is None else "Action saved."
        ask(self, lambda: ActionFormScreen(existing, people), save, done, based_on=existing)

    def _scrutiny_form(self) -> None:
        plans = board.plans_before(self.store, self.meeting_id)
        on = self.meeting.starts_at.date()

        def record(verdict: Scrutiny) -> None:
            board.record_scrutiny(self.store, self.meeting_id, verdict.plan_id,
                                  ratified=verdict.ratified, on=verdict.on,
                                  comments=verdict.comments)  # fmt: skip

        ask(self, lambda: ScrutinyScreen(plans, on), record, "The board's verdict is recorded.")

    def action_details(self) -> None:
        """Change the meeting's title, kind, date, times or place."""
        meeting = self.meeting

        def save(details: MeetingDetails) -> None:
            planning.update_meeting(self.store, self.meeting_id, title=details.title,
                                    kind=details.kind, times=details.times,
                                    place=details.place)  # fmt: skip

        form = lambda: MeetingFormScreen(meeting, meeting.kind)  # noqa: E731
        ask(self, form, save, "Meeting saved.", based_on=meeting)

    # The agenda -------------------------------------------------------------------------

    def action_move(self, direction: str) -> None:
        """Move the selected agenda item up or down."""
        if self.active_tab != "tab-agenda":
            return
        item_id = self.selected_key("agenda")
        if item_id is None:
            return
        way: Literal["up", "down"] = "up" if direction == "up" else "down"
        self.follow_item = item_id
        self._do(lambda: agenda.move_item(self.store, item_id, way))

    def action_step_status(self) -> None:
        """Move the selected action on: open, in progress, done."""
        self.show_tab("tab-actions")
        action_id = self.selected_key("actions")
        if action_id is None:
            self.notify("No actions yet: + adds one.")
            return

        def step() -> None:
            action = actions.next_status(self.store, action_id)
            self.notify(f"{action.description}: {action.status.label.lower()}.", markup=False)

        self._do(step)

    def action_remove(self) -> None:
        """Take the selected agenda item off the agenda, after asking."""
        if self.active_tab != "tab-agenda":
            return
        item_id = self.selected_key("agenda")
        if item_id is None:
            return
        title = self.store.agenda_items.get(item_id).title

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(lambda: agenda.remove_item(self.store, item_id), "Item removed.")

        self.app.push_screen(ConfirmScreen(f"Remove “{title}” from the agenda?", "", yes="Remove"),
                             answered)  # fmt: skip

    # Attendance -------------------------------------------------------------------------

    def action_attend(self, how: str) -> None:
        """Record how the selected member attended; a deputy is named in a form."""
        self.show_tab("tab-attendance")
        key = self.selected_key("attendance")
        if key is None:
            return
        person_id, _, school_id = key.partition("|")
        if not person_id:
            self.notify("Record the school's head on Schools first.")
            return
        status = AttendanceStatus(how)
        school = school_id or None
        if status != AttendanceStatus.DEPUTY:
            self._do(lambda: attendance.record(self.store, self.meeting_id, person_id, status,
                                               school_id=school))  # fmt: skip
            return
        seat = next(s for s in attendance.seats(self.store, self.meeting_id)
                    if s.person_id == person_id)  # fmt: skip
        before = seat.attendance.deputy_name if seat.attendance else ""

        def record(name: str) -> None:
            attendance.record(self.store, self.meeting_id, person_id, status, school_id=school,
                              deputy_name=name)  # fmt: skip

        ask(self, lambda: DeputyScreen(seat.school, before), record, "Deputy recorded.")

    # The meeting itself and its papers --------------------------------------------------

    def action_cancel_meeting(self) -> None:
        """Cancel the meeting, or restore a cancelled one, after asking."""
        meeting = self.meeting
        restore = meeting.cancelled
        question = "Restore this meeting?" if restore else "Cancel this meeting?"
        detail = "It stays listed, and calendars exported from now on say it is cancelled."

        def answered(yes: bool | None) -> None:
            if yes:
                self._do(lambda: planning.cancel(self.store, self.meeting_id,
                                                 cancelled=not restore))  # fmt: skip

        self.app.push_screen(ConfirmScreen(question, "" if restore else detail,
                                           yes="Restore" if restore else "Cancel it"),
                             answered)  # fmt: skip

    def _export(self, kind: Kind, title: str) -> None:
        self.save_notes()
        meeting = self.meeting
        name = "agenda" if kind == "agenda" else "minutes"
        day = f"{meeting.starts_at:%Y-%m-%d}"
        label = name.capitalize()
        suggested = Path.home() / paper_file_name(day, label, meeting.title, suffix=".html")

        def write(path: Path) -> None:
            try:
                write_paper(self.store, self.meeting_id, kind, path)
            except OSError as error:
                raise StoreError(f"Cannot write there: {os_error_reason(error)}.") from error

        form = lambda: ExportPathScreen(suggested, title)  # noqa: E731
        ask(self, form, write, lambda path: f"Wrote {path}; shared on today's date.")

    def action_export_agenda(self) -> None:
        """Write the agenda to share before the meeting."""
        self._export("agenda", "Write the agenda")

    def action_export_minutes(self) -> None:
        """Write the notes and actions to share after the meeting."""
        self._export("minutes", "Write the notes and actions")
