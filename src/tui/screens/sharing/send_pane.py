"""The Send tab: what to send, to whom, where to save it, and 'Email it' once written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, ProgressBar, Select, Static

from store import StoreError
from store.sharing import email_draft, exchange, sending
from store.sharing.bundle import Scope
from store.sharing.file_names import bundle_file_name, sender_label
from tui import opener
from tui.formatting import options, plural
from tui.screens.dialogs.message import MessageScreen
from tui.screens.sharing.summary import size_text
from tui.widgets.form_field import FormField
from tui.widgets.path_picker import BUNDLES, PathPicker

if TYPE_CHECKING:
    from store import Store
    from tui.app import SchoolnetApp

KINDS = [("Everything", "everything"), ("One network", "network"), ("One review", "review"),
         ("One meeting", "meeting")]  # fmt: skip
SMALLER = (
    "\nIt is over 10 MB, and many school mail systems refuse attachments over 20-25 MB:"
    " send one network or one review, or tick 'Only changes since the last bundle to"
    " these people'."
)


class SendPane(VerticalScroll):
    """The export form and its result."""

    class Done(Message):
        """A worker finished: what to say, and the bundle written if there is one."""

        def __init__(self, text: Text, written: Path | None, refused: bool = False) -> None:
            super().__init__()
            self.text, self.written, self.refused = text, written, refused

    def __init__(self) -> None:
        super().__init__(id="send")
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        """Scope, file, recipients, options, buttons and result."""
        yield FormField(
            "What to send",
            Select(KINDS, id="kind", allow_blank=False, value="everything"),
            field_id="kind",
        )
        yield FormField("Which", Select([], id="item", prompt="Choose"), field_id="item")
        yield FormField(
            "Save as (ctrl+o to browse)",
            PathPicker("out", kinds=BUNDLES, save=True, title="Save the bundle as"),
            field_id="out",
        )
        yield FormField(
            "To (email addresses, for the email; optional)",
            Input(placeholder="e.g. head@example.org, office@example.org", id="to"),
            field_id="to",
        )
        yield Checkbox("Only changes since the last bundle to these people", id="since-last")
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
            yield Button("Email it", id="email", disabled=True)
        yield ProgressBar(id="export-progress", show_eta=False)
        yield Static(id="export-result")

    def on_mount(self) -> None:
        """Hide what is not needed yet."""
        self.query_one("#export-progress").display = False
        self.query_one("#field-out-passphrase").display = False
        self._kind_changed("everything")

    @property
    def store(self) -> Store:
        """The app's store."""
        return cast("SchoolnetApp", self.app).store

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
            name = bundle_file_name(scope.name, sender_label(self.store), self.store.today())
            current = self.query_one("#out", Input).value.strip()
            folder = Path(current).expanduser().parent if current else Path.home()
            self.query_one("#out", Input).value = str(folder / name)

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
        to = [self.query_one("#to", Input).value]
        try:
            email_draft.addresses(to)
        except StoreError as error:
            errors["to"] = str(error)
        for field in self.query(FormField):
            field.set_error(errors.get(field.field_id))
        if errors or scope is None or path is None:
            return
        self._busy(True)
        self.query_one("#email", Button).disabled = True
        since = self.query_one("#since-last", Checkbox).value
        self.run_export(path, scope, to, since, passphrase if confidential else None)

    @work(thread=True, exclusive=True, group="export")
    def run_export(
        self, path: Path, scope: Scope, to: list[str], since: bool, passphrase: str | None
    ) -> None:
        """Write the bundle without freezing the screen, on a connection of its own."""
        try:
            with self.store.separate() as own:
                done = sending.export(
                    own, path, scope, to=to, since_last=since,
                    include_confidential=passphrase is not None, passphrase=passphrase,
                )  # fmt: skip
        except StoreError as error:
            self.post_message(self.Done(Text(str(error)), None, refused=True))
            return
        text = Text(
            f"Wrote {plural(done.records, 'record')} to {done.path}: {size_text(done.size)}."
        )
        if done.since:
            text.append(" Only what changed since the last bundle to these people.")
        elif since:
            text.append(" Nothing went to these people before, so it holds everything.")
        if done.encrypted:
            text.append(" The file is encrypted.")
        if done.over_email_limit:
            text.append(SMALLER, style="bold yellow")
        if done.draft:
            text.append("\nOpen the draft in your mail program to send it.")
        else:
            text.append("\nEmail it writes an email with the file attached, ready to send.")
        self.post_message(self.Done(text, None if done.draft else done.path))

    @on(Button.Pressed, "#email")
    def email_pressed(self) -> None:
        """Write an email draft with the bundle attached and open it in the mail program."""
        if self.written is None:
            return
        self._busy(True)
        self.run_email(self.written, [self.query_one("#to", Input).value])

    @work(thread=True, exclusive=True, group="export")
    def run_email(self, bundle: Path, to: list[str]) -> None:
        """Write the draft, then ask the system to open it (which may take a moment)."""
        try:
            draft = sending.draft_for(self.store, bundle, to)
        except StoreError as error:
            self.post_message(self.Done(Text(str(error)), None, refused=True))
            return
        if opener.open_with_system(draft):
            text = Text(f"The email is open in your mail program, with {bundle.name} attached.")
            text.append(f"\nThe draft is also saved as {draft}.", style="dim")
        else:
            text = Text(
                f"No mail program opened it. The draft is saved as {draft}: open it from"
                " your file manager, or attach the bundle to an email yourself."
            )
        self.post_message(self.Done(text, bundle))

    @on(Done)
    def done(self, message: Done) -> None:
        """Say what was written; screens showing the ledger reload."""
        self._busy(False)
        if message.refused:
            self.app.push_screen(MessageScreen("Not exported", message.text.plain))
            return
        self.written = message.written
        self.query_one("#email", Button).disabled = message.written is None
        self.query_one("#export-result", Static).update(message.text)
        cast("SchoolnetApp", self.app).announce_changes()

    def _busy(self, busy: bool) -> None:
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = busy
        if busy:
            bar.update(total=None)
