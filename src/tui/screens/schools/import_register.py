"""Import schools from a DfE register CSV in a worker, with a progress bar."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, ProgressBar, Static

from store import Store
from store.membership.gias import ImportSummary, NotARegisterFile, import_gias
from tui.widgets.form_field import FormField


class ImportRegisterScreen(ModalScreen[ImportSummary | None]):
    """Ask for the file, import it without freezing the screen, and report the result."""

    CSS_PATH = "import_register.tcss"
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self) -> None:
        super().__init__()
        self.summary: ImportSummary | None = None

    @property
    def store(self) -> Store:
        """The app's store."""
        return self.app.store  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        """File path, option, progress and result."""
        with Vertical(id="import"):
            yield Static("Import schools from the DfE register", classes="form-title")
            yield Static(
                "Download the CSV of establishments from Get Information about Schools, then"
                " give its path here. Schools are matched by URN, so importing again updates"
                " them and adds no copies.",
                classes="form-hint",
            )
            yield FormField(
                "CSV file",
                Input(placeholder="~/Downloads/edubasealldata.csv", id="path"),
                field_id="path",
            )
            yield Checkbox("Also import closed establishments", id="closed")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(id="result")
            with Horizontal(id="buttons"):
                yield Button("Import", variant="primary", id="start")
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        """Hide the progress bar until an import starts."""
        self.query_one(ProgressBar).display = False

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#start")
    def start(self) -> None:
        """Check the path and start the import."""
        field = self.query_one("#field-path", FormField)
        raw = self.query_one("#path", Input).value.strip()
        path = Path(raw).expanduser()
        if not raw or not path.is_file():
            field.set_error(
                "There is no file at that path." if raw else "Give the path of the CSV file."
            )
            return
        field.set_error(None)
        self.query_one("#start", Button).disabled = True
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.run_import(path, self.query_one("#closed", Checkbox).value)

    @work(thread=True, exclusive=True)
    def run_import(self, path: Path, include_closed: bool) -> None:
        """Import in a thread; progress and the result come back to the screen."""
        try:
            summary = import_gias(
                self.store,
                path,
                include_closed=include_closed,
                progress=lambda done, total: self.app.call_from_thread(self._progress, done, total),
            )
        except (NotARegisterFile, OSError) as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._finished, summary)

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self, message: str) -> None:
        self.query_one("#field-path", FormField).set_error(message)
        self.query_one(ProgressBar).display = False
        self.query_one("#start", Button).disabled = False

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        text = Text(f"Done: {summary}.", style="bold")
        for refused in summary.refused[:8]:
            text.append(f"\nRow {refused.row} refused: {refused.reason}")
        if len(summary.refused) > 8:
            text.append(f"\n… and {len(summary.refused) - 8} more refused rows.")
        self.query_one("#result", Static).update(text)
        self.query_one("#start", Button).disabled = False
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        """Close, returning what was imported (None if nothing was)."""
        self.dismiss(self.summary)
