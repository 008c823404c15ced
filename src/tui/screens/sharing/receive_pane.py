"""The Receive tab: bundles waiting in Downloads and added folders, then preview and apply."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Static
from textual_fspicker import SelectDirectory

from store import StoreError
from store.sharing import exchange, inbox
from store.sharing.merge import ImportPlan
from store.sharing.parsing import PassphraseNeeded
from tui.formatting import plain, plural, uk_timestamp
from tui.screens.dialogs.message import MessageScreen
from tui.screens.sharing.summary import matched_sentence, size_text
from tui.widgets.form_field import FormField
from tui.widgets.path_picker import BUNDLES, PathPicker

if TYPE_CHECKING:
    from store import Store
    from tui.app import SchoolnetApp


def _tilde(folder: Path) -> str:
    """A folder as people write it: `~/Downloads` for one in their home folder."""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)


class ReceivePane(VerticalScroll):
    """Waiting bundles, the file to import, its preview and Apply."""

    class Previewed(Message):
        """The preview worker planned an import."""

        def __init__(self, plan: ImportPlan, path: Path) -> None:
            super().__init__()
            self.plan, self.path = plan, path

    class Applied(Message):
        """The apply worker merged a bundle in, after a backup."""

        def __init__(self, backup: Path | None) -> None:
            super().__init__()
            self.backup = backup

    class Refused(Message):
        """A worker was refused, with the store's sentence."""

        def __init__(self, sentence: str, needs_passphrase: bool = False) -> None:
            super().__init__()
            self.sentence, self.needs_passphrase = sentence, needs_passphrase

    def __init__(self) -> None:
        super().__init__(id="receive")
        self.plan: ImportPlan | None = None
        self.plan_path: Path | None = None

    def compose(self) -> ComposeResult:
        """The waiting list, then the file, passphrase, buttons and preview."""
        yield Label("Bundles waiting for you", classes="section-title")
        yield Static(id="folders", classes="hint")
        yield DataTable(id="waiting", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="actions"):
            yield Button("Add a folder…", id="add-folder")
        yield FormField(
            "Bundle file, or an email saved with one attached (ctrl+o to browse)",
            PathPicker(
                "in", placeholder="~/Downloads/....schoolnet.json", kinds=BUNDLES,
                start=inbox.downloads_folder, title="Open a bundle",
            ),
            field_id="in",
        )  # fmt: skip
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

    def on_mount(self) -> None:
        """Columns, and what is waiting."""
        self.query_one("#waiting", DataTable).add_columns(
            "From", "What", "Made", "Size", "Status", "File"
        )
        self.query_one("#preview-table", DataTable).add_columns(
            "Table", "New", "Updated", "Unchanged", "Older (skipped)", "Deleted"
        )
        self.query_one("#import-progress").display = False
        self.query_one("#preview-table").display = False
        self.refresh_waiting()

    @property
    def store(self) -> Store:
        """The app's store."""
        return cast("SchoolnetApp", self.app).store

    # Waiting -------------------------------------------------------------------------------

    def refresh_waiting(self) -> None:
        """List the bundles in the watched folders, newest first."""
        folders = ", ".join(_tilde(folder) for folder in inbox.folders(self.store))
        found = inbox.waiting(self.store)
        self.query_one("#folders", Static).update(
            Text(
                f"From your Downloads folder and the folders you add: {folders}."
                + (" Enter previews the one under the cursor." if found else " None yet.")
            )
        )
        table = self.query_one("#waiting", DataTable)
        row = table.cursor_row
        table.clear()
        for item in found:
            status = (
                Text("imported", style="green")
                if item.imported
                else Text("not imported", style="bold yellow")
            )
            what = item.scope[:1].upper() + item.scope[1:]
            table.add_row(
                plain(item.sender), plain(what), uk_timestamp(item.created_at),
                size_text(item.size), status, plain(item.path.name), key=str(item.path),
            )  # fmt: skip
        table.display = table.row_count > 0
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    @on(DataTable.RowSelected, "#waiting")
    def waiting_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a waiting bundle previews it."""
        self.query_one("#in", Input).value = str(event.row_key.value)
        self.preview_pressed()

    @on(Button.Pressed, "#add-folder")
    def add_folder(self) -> None:
        """Choose another folder to look in, such as a shared OneDrive folder."""

        def chosen(folder: Path | None) -> None:
            if folder is None:
                return
            try:
                inbox.add_folder(self.store, folder)
            except StoreError as error:
                self.app.push_screen(MessageScreen("Not added", str(error)))
                return
            self.refresh_waiting()

        self.app.push_screen(SelectDirectory(Path.home(), "Look for bundles in"), chosen)

    # Preview and apply ---------------------------------------------------------------------

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
        self._busy(True)
        self.run_preview(
            Path(raw).expanduser(), self.query_one("#in-passphrase", Input).value or None
        )

    @on(Input.Submitted, "#in-passphrase")
    def passphrase_submitted(self) -> None:
        """Enter after the passphrase previews."""
        self.preview_pressed()

    @work(thread=True, exclusive=True, group="import")
    def run_preview(self, path: Path, passphrase: str | None) -> None:
        """Plan the import in a worker."""
        try:
            plan = exchange.preview(self.store, path, passphrase)
        except PassphraseNeeded as error:
            self.post_message(self.Refused(str(error), needs_passphrase=True))
            return
        except StoreError as error:
            self.post_message(self.Refused(str(error)))
            return
        self.post_message(self.Previewed(plan, path))

    @on(Previewed)
    def previewed(self, message: Previewed) -> None:
        """Show what importing the bundle would do."""
        plan, path = message.plan, message.path
        self._busy(False)
        self.plan, self.plan_path = plan, path
        by = plan.bundle["created_by"].get("name") or "someone unnamed"
        scope = plan.bundle["scope"].get("name", "")
        summary = Text(f"{path.name}: {scope}, from {by}. ")
        summary.append(
            "Nothing would change." if not plan.changes_anything else "Apply to merge it in."
        )
        if plan.conflicts:
            summary.append(
                f" {plural(len(plan.conflicts), 'value')}"
                f" {'conflicts' if len(plan.conflicts) == 1 else 'conflict'};"
                " the losing ones go to the log."
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
        apply = self.query_one("#apply", Button)
        apply.disabled = not plan.changes_anything
        if plan.changes_anything:
            apply.focus()

    @on(Button.Pressed, "#apply")
    def apply_pressed(self) -> None:
        """Back up and apply the previewed import."""
        if self.plan is None or self.plan_path is None:
            return
        self.query_one("#apply", Button).disabled = True
        self._busy(True)
        self.run_apply(self.plan, self.plan_path)

    @work(thread=True, exclusive=True, group="import")
    def run_apply(self, plan: ImportPlan, path: Path) -> None:
        """Apply in a worker: one transaction, after a backup."""
        try:
            saved = exchange.apply(self.store, plan, path)
        except StoreError as error:
            self.post_message(self.Refused(str(error)))
            return
        self.post_message(self.Applied(saved))

    @on(Applied)
    def applied(self, message: Applied) -> None:
        """Say it is done; every screen showing what changed reloads."""
        self._busy(False)
        self.forget_plan()
        note = f" A backup was taken first: {message.backup}." if message.backup else ""
        self.query_one("#preview-summary", Static).update(Text(f"Imported.{note}"))
        self.notify("Bundle imported.")
        cast("SchoolnetApp", self.app).announce_changes()
        self.refresh_waiting()

    def forget_plan(self) -> None:
        """Drop the previewed plan: applying it later could undo what happened since."""
        self.plan = self.plan_path = None
        self.query_one("#apply", Button).disabled = True

    @on(Refused)
    def refused(self, message: Refused) -> None:
        """Say in one sentence why the worker could not do it."""
        self._busy(False)
        if message.needs_passphrase:
            field = self.query_one("#field-in-passphrase", FormField)
            field.set_error(message.sentence)
            self.query_one("#in-passphrase", Input).focus()
            return
        self.app.push_screen(MessageScreen("Not imported", message.sentence))

    def _busy(self, busy: bool) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = busy
        if busy:
            bar.update(total=None)
