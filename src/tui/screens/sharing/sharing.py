"""Sharing: send a bundle, preview and apply one received, the conflicts log and the ledger."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    ProgressBar,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from store import StoreError
from store.sharing import exchange
from store.sharing.bundle import Scope
from store.sharing.merge import ImportPlan
from tui.formatting import ledger_with, options, plain, uk_timestamp
from tui.screens.base import EVERY_TABLE, AreaScreen
from tui.screens.dialogs.confirm import ConfirmScreen
from tui.screens.dialogs.message import MessageScreen
from tui.screens.sharing.summary import ledger_changes, matched_sentence, short, size_text
from tui.widgets.form_field import FormField

KINDS = [("Everything", "everything"), ("One network", "network"), ("One review", "review"),
         ("One meeting", "meeting")]  # fmt: skip


class SharingScreen(AreaScreen):
    """Bundles in and out, and what they did."""

    class Exported(Message):
        """The export worker wrote a bundle."""

        def __init__(self, text: Text) -> None:
            super().__init__()
            self.text = text

    class Previewed(Message):
        """The preview worker planned an import."""

        def __init__(self, plan: ImportPlan, path: Path) -> None:
            super().__init__()
            self.plan = plan
            self.path = path

    class Applied(Message):
        """The apply worker merged a bundle in, after a backup."""

        def __init__(self, backup: Path | None) -> None:
            super().__init__()
            self.backup = backup

    class Refused(Message):
        """A worker was refused, with the store's sentence."""

        def __init__(self, sentence: str, bar_id: str) -> None:
            super().__init__()
            self.sentence = sentence
            self.bar_id = bar_id

    SHOWS = EVERY_TABLE

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.plan: ImportPlan | None = None
        self.plan_path: Path | None = None

    def compose_body(self) -> ComposeResult:
        """Status line and four tabs."""
        yield Static(id="status")
        with TabbedContent(id="tabs"):
            with TabPane("Send", id="tab-send"), VerticalScroll():
                yield FormField(
                    "What to send",
                    Select(KINDS, id="kind", allow_blank=False, value="everything"),
                    field_id="kind",
                )
                yield FormField("Which", Select([], id="item", prompt="Choose"), field_id="item")
                yield FormField("Save as", Input(id="out"), field_id="out")
                yield Checkbox(
                    "Include confidential concerns (the file is then encrypted)", id="confidential"
                )
                yield FormField(
                    "Passphrase (tell it to the recipient another way, not by email)",
                    Input(password=True, id="out-passphrase"),
                    field_id="out-passphrase",
                )
                with Horizontal(classes="actions"):
                    yield Button("Export", variant="primary", id="export")
                yield ProgressBar(id="export-progress", show_eta=False)
                yield Static(id="export-result")
            with TabPane("Receive", id="tab-receive"), VerticalScroll():
                yield FormField(
                    "Bundle file",
                    Input(placeholder="~/Downloads/....schoolnet.json", id="in"),
                    field_id="in",
                )
                yield FormField(
                    "Passphrase, if it is encrypted",
                    Input(password=True, id="in-passphrase"),
                    field_id="in-passphrase",
                )
                with Horizontal(classes="actions"):
                    yield Button("Preview", variant="primary", id="preview")
                    yield Button("Apply import", variant="success", id="apply", disabled=True)
                yield ProgressBar(id="import-progress", show_eta=False)
                yield Static(id="preview-summary")
                yield DataTable(id="preview-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Conflicts", id="tab-conflicts"):
                yield Static(
                    "Values that lost to a change made elsewhere. Enter restores the lost value.",
                    classes="hint",
                )
                yield DataTable(id="conflicts", cursor_type="row", zebra_stripes=True)
            with TabPane("Ledger", id="tab-ledger"):
                yield DataTable(id="ledger", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, suggestions and current figures."""
        self.sub_title = "Sharing"
        self.query_one("#preview-table", DataTable).add_columns(
            "Table", "New", "Updated", "Unchanged", "Older (skipped)", "Deleted"
        )
        self.query_one("#conflicts", DataTable).add_columns(
            "Logged", "Record", "Field", "Kept", "Lost", "Restored"
        )
        self.query_one("#ledger", DataTable).add_columns(
            "When", "Direction", "Scope", "With", "Changes", "Checksum"
        )
        for bar in self.query(ProgressBar):
            bar.display = False
        self.query_one("#preview-table").display = False
        self._kind_changed("everything")
        self.query_one("#field-out-passphrase").display = False
        self.refresh_data()

    def refresh_data(self) -> None:
        """Status line, conflicts and ledger."""
        store = self.store
        unsent = exchange.unsent_changes(store)
        conflicts = exchange.conflicts(store)
        waiting = sum(1 for c in conflicts if c.restored_at is None)
        self.query_one("#status", Static).update(
            Text(
                f"{unsent} local changes not yet sent in any bundle.   {waiting} conflicts logged."
            )
        )
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

    # Send --------------------------------------------------------------------------------

    @on(Select.Changed, "#kind")
    def kind_selected(self, event: Select.Changed) -> None:
        """Offer the networks, reviews or meetings the chosen kind needs."""
        self._kind_changed(str(event.value))

    def _kind_changed(self, kind: str) -> None:
        item = self.query_one("#item", Select)
        self.query_one("#field-item").display = kind != "everything"
        if kind != "everything":
            item.set_options(options(exchange.scope_choices(self.store)[kind]))
        self._suggest()

    @on(Select.Changed, "#item")
    def item_selected(self) -> None:
        """Suggest a file name for the chosen scope."""
        self._suggest()

    def _scope(self) -> Scope | None:
        kind = str(self.query_one("#kind", Select).value)
        if kind == "everything":
            return exchange.scope_for(self.store, kind)
        item = self.query_one("#item", Select).value
        if item is Select.NULL:
            return None
        return exchange.scope_for(self.store, kind, str(item))

    def _suggest(self) -> None:
        scope = self._scope()
        if scope is not None:
            name = exchange.suggested_name(scope, self.store.clock())
            self.query_one("#out", Input).value = str(Path.home() / name)

    @on(Checkbox.Changed, "#confidential")
    def confidential_changed(self, event: Checkbox.Changed) -> None:
        """A passphrase is asked only when confidential records go in."""
        self.query_one("#field-out-passphrase").display = event.value

    @on(Button.Pressed, "#export")
    def export_pressed(self) -> None:
        """Check the form and export in a worker."""
        errors: dict[str, str] = {}
        scope = self._scope()
        if scope is None:
            errors["item"] = "Choose what to send."
        raw = self.query_one("#out", Input).value.strip()
        path = Path(raw).expanduser() if raw else None
        if path is None:
            errors["out"] = "Give a file name."
        elif not path.parent.is_dir():
            errors["out"] = f"There is no folder {path.parent}."
        confidential = self.query_one("#confidential", Checkbox).value
        passphrase = self.query_one("#out-passphrase", Input).value
        if confidential and len(passphrase) < 8:
            errors["out-passphrase"] = "Use a passphrase of at least 8 characters."
        for field in self.query_one("#tab-send").query(FormField):
            field.set_error(errors.get(field.field_id))
        if errors or scope is None or path is None:
            return
        self._busy("#export-progress", True)
        self.run_export(path, scope, confidential, passphrase if confidential else None)

    @work(thread=True, exclusive=True, group="export")
    def run_export(
        self, path: Path, scope: Scope, confidential: bool, passphrase: str | None
    ) -> None:
        """Write the bundle without freezing the screen."""
        try:
            done = exchange.export(
                self.store, path, scope, include_confidential=confidential, passphrase=passphrase
            )
        except StoreError as error:
            self.post_message(self.Refused(str(error), "#export-progress"))
            return
        text = Text(f"Wrote {done.records} records to {done.path}: {size_text(done.size)}.")
        if done.encrypted:
            text.append(" The file is encrypted.")
        if done.over_email_limit:
            text.append(
                "\nIt is over 10 MB, more than many email services accept.", style="bold yellow"
            )
        self.post_message(self.Exported(text))

    @on(Exported)
    def exported(self, message: Exported) -> None:
        """Say what was written."""
        self._busy("#export-progress", False)
        self.query_one("#export-result", Static).update(message.text)
        self.announce_changes()

    # Receive -----------------------------------------------------------------------------

    @on(Button.Pressed, "#preview")
    @on(Input.Submitted, "#in")
    def preview_pressed(self) -> None:
        """Read and check the file, and show what importing it would do."""
        raw = self.query_one("#in", Input).value.strip()
        field = self.query_one("#field-in", FormField)
        if not raw:
            field.set_error("Give the path of the bundle file.")
            return
        field.set_error(None)
        self.query_one("#apply", Button).disabled = True
        self._busy("#import-progress", True)
        self.run_preview(
            Path(raw).expanduser(), self.query_one("#in-passphrase", Input).value or None
        )

    @work(thread=True, exclusive=True, group="import")
    def run_preview(self, path: Path, passphrase: str | None) -> None:
        """Plan the import in a worker."""
        try:
            plan = exchange.preview(self.store, path, passphrase)
        except StoreError as error:
            self.post_message(self.Refused(str(error), "#import-progress"))
            return
        self.post_message(self.Previewed(plan, path))

    @on(Previewed)
    def previewed(self, message: Previewed) -> None:
        """Show what importing the bundle would do."""
        plan, path = message.plan, message.path
        self._busy("#import-progress", False)
        self.plan, self.plan_path = plan, path
        by = plan.bundle["created_by"].get("name") or "someone unnamed"
        scope = plan.bundle["scope"].get("name", "")
        summary = Text(f"{path.name}: {scope}, from {by}. ")
        summary.append(
            "Nothing would change." if not plan.changes_anything else "Apply to merge it in."
        )
        if plan.conflicts:
            summary.append(
                f" {len(plan.conflicts)} values conflict; the losing ones go to the log."
            )
        summary.append(matched_sentence(plan))
        self.query_one("#preview-summary", Static).update(summary)
        table = self.query_one("#preview-table", DataTable)
        table.clear()
        for name, counts in plan.counts().items():
            table.add_row(
                name.replace("_", " "),
                *(str(counts[k]) for k in ("new", "updated", "unchanged", "older", "deleted")),
            )
        table.display = True
        self.query_one("#apply", Button).disabled = not plan.changes_anything

    @on(Button.Pressed, "#apply")
    def apply_pressed(self) -> None:
        """Back up and apply the previewed import."""
        if self.plan is None or self.plan_path is None:
            return
        self.query_one("#apply", Button).disabled = True
        self._busy("#import-progress", True)
        self.run_apply(self.plan, self.plan_path)

    @work(thread=True, exclusive=True, group="import")
    def run_apply(self, plan: ImportPlan, path: Path) -> None:
        """Apply in a worker: one transaction, after a backup."""
        try:
            saved = exchange.apply(self.store, plan, path)
        except StoreError as error:
            self.post_message(self.Refused(str(error), "#import-progress"))
            return
        self.post_message(self.Applied(saved))

    @on(Applied)
    def applied(self, message: Applied) -> None:
        """Say it is done; every screen showing what changed reloads."""
        self._busy("#import-progress", False)
        self.plan = None
        note = f" A backup was taken first: {message.backup}." if message.backup else ""
        self.query_one("#preview-summary", Static).update(Text(f"Imported.{note}"))
        self.notify("Bundle imported.")
        self.announce_changes()

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

    # Shared ------------------------------------------------------------------------------

    def _busy(self, bar_id: str, busy: bool) -> None:
        bar = self.query_one(bar_id, ProgressBar)
        bar.display = busy
        if busy:
            bar.update(total=None)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        """Say in one sentence why the worker could not do it."""
        self._busy(message.bar_id, False)
        title = "Not imported" if "import" in message.bar_id else "Not exported"
        self.app.push_screen(MessageScreen(title, message.sentence))
