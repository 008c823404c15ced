"""Ask which DfE register CSV to import; the Schools page imports it in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Checkbox

from store.sharing import inbox
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField
from tui.widgets.path_picker import CSV, PathPicker


@dataclass(frozen=True)
class RegisterFile:
    """The CSV to import, and whether closed establishments come too."""

    path: Path
    include_closed: bool


class ImportRegisterScreen(FormScreen[RegisterFile]):
    """The file and the option; nothing is read until the page starts the import."""

    TITLE_TEXT = "Import schools from the DfE register"
    HINT = (
        "Download the CSV of establishments from Get Information about Schools, then give its"
        " path here or browse to it (ctrl+o). Schools are matched by URN, so importing again"
        " updates them and adds no copies."
    )
    SAVE_LABEL = "Import"

    def compose_fields(self) -> ComposeResult:
        """File path and option."""
        picker = PathPicker(
            "path", placeholder="~/Downloads/edubasealldata.csv", kinds=CSV,
            start=inbox.downloads_folder, title="The register CSV",
        )  # fmt: skip
        yield FormField("CSV file", picker, field_id="path")
        yield Checkbox("Also import closed establishments", id="closed")

    def submit(self) -> RegisterFile | None:
        """The file, if there is one at that path."""
        raw = self.text("path")
        path = Path(raw).expanduser()
        if not raw or not path.is_file():
            message = "There is no file at that path." if raw else "Give the path of the CSV file."
            self.show_errors({"path": message})
            return None
        return RegisterFile(path, self.query_one("#closed", Checkbox).value)
