"""Sharing: send a bundle (or email it), the bundles waiting for you, preview and apply one
received, the conflicts log and the ledger."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from store import StoreError
from store.sharing import exchange, inbox
from tui.formatting import ledger_with, plain, plural, uk_timestamp
from tui.screens.base import EVERY_TABLE, AreaScreen
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.sharing.receive_pane import ReceivePane
from tui.screens.sharing.send_pane import SendPane
from tui.screens.sharing.summary import ledger_changes, short


class SharingScreen(AreaScreen):
    """Bundles in and out, and what they did."""

    SHOWS = EVERY_TABLE

    def compose_body(self) -> ComposeResult:
        """Status line and four tabs."""
        yield Static(id="status")
        with TabbedContent(id="tabs"):
            with TabPane("Send", id="tab-send"):
                yield SendPane()
            with TabPane("Receive", id="tab-receive"):
                yield ReceivePane()
            with TabPane("Conflicts", id="tab-conflicts"):
                yield Static(
                    "Values that lost to a change made elsewhere. Enter restores the lost value.",
                    classes="hint",
                )
                yield DataTable(id="conflicts", cursor_type="row", zebra_stripes=True)
            with TabPane("Ledger", id="tab-ledger"):
                yield DataTable(id="ledger", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns and current figures."""
        self.sub_title = "Sharing"
        self.query_one("#conflicts", DataTable).add_columns(
            "Logged", "Record", "Field", "Kept", "Lost", "Restored"
        )
        self.query_one("#ledger", DataTable).add_columns(
            "When", "Direction", "Scope", "With", "Changes", "Checksum"
        )
        self.refresh_data()
        # Sent here from Home's "bundles from colleagues not yet imported": show them.
        if inbox.waiting_sentence(self.store):
            self.query_one("#tabs", TabbedContent).active = "tab-receive"
            self.set_focus(self.query_one("#waiting"))  # so enter previews at once

    @property
    def receive(self) -> ReceivePane:
        """The Receive tab."""
        return self.query_one(ReceivePane)

    def refresh_data(self) -> None:
        """Status line, waiting bundles, conflicts and ledger."""
        store = self.store
        unsent = exchange.unsent_changes(store)
        conflicts = exchange.conflicts(store)
        waiting = sum(1 for c in conflicts if c.restored_at is None)
        self.query_one("#status", Static).update(
            Text(
                f"{plural(unsent, 'local change')} not yet sent in any bundle."
                f"   {plural(waiting, 'conflict')} logged."
            )
        )
        self.receive.refresh_waiting()
        table = self.query_one("#conflicts", DataTable)
        table.clear()
        for c in conflicts:
            table.add_row(
                uk_timestamp(c.logged_at),
                plain(exchange.record_label(store, c.table, c.record_id)),
                c.field,
                plain(short(c.kept_value)),
                plain(short(c.lost_value)),
                uk_timestamp(c.restored_at),
                key=c.id,
            )
        ledger = self.query_one("#ledger", DataTable)
        ledger.clear()
        for entry in exchange.ledger(store):
            ledger.add_row(
                uk_timestamp(entry.at),
                entry.direction,
                plain(entry.scope),
                plain(ledger_with(entry.direction, entry.peer)),
                plain(ledger_changes(entry.changes)),
                entry.checksum[7:19],
            )

    def on_screen_suspend(self) -> None:
        """Leaving Sharing drops a previewed plan: what happens meanwhile could make it stale."""
        super().on_screen_suspend()
        if not isinstance(self.app.screen, ModalScreen):
            self.receive.forget_plan()

    # Conflicts -----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#conflicts")
    def conflict_selected(self, event: DataTable.RowSelected) -> None:
        """Offer to restore the value that lost."""
        conflict_id = str(event.row_key.value)
        entry = next(c for c in exchange.conflicts(self.store) if c.id == conflict_id)

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    exchange.restore_conflict(self.store, conflict_id)
                except StoreError as error:
                    self.app.push_screen(MessageScreen("Cannot restore", str(error)))
                    return
                self.notify(
                    f"Restored {entry.field}; it travels in your next bundle.", markup=False
                )
                self.announce_changes()

        self.app.push_screen(
            ConfirmScreen(
                f"Restore {entry.field} to {short(entry.lost_value)!r}?",
                f"It replaces {short(entry.kept_value)!r} here, as a new change of yours.",
                yes="Restore",
            ),
            answered,
        )
