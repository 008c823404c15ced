"""Ask where to write a paper: .html gives a page to print, .md gives Markdown."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult

from store.sharing.file_names import safe_file_name
from tui.screens.dialogs.form import FormScreen
from tui.widgets.form_field import FormField
from tui.widgets.path_picker import PAPERS, PathPicker


class ExportPathScreen(FormScreen[Path]):
    """The file to write; the page that asked writes it."""

    TITLE_TEXT = "Export the nomination form and MoU"
    HINT = "Ends in .html for a page to print and sign, or .md for Markdown."
    SAVE_LABEL = "Export"

    def __init__(self, suggested: Path, title: str = "") -> None:
        super().__init__()
        if title:
            self.TITLE_TEXT = title
        self.suggested = suggested

    def compose_fields(self) -> ComposeResult:
        """The file path."""
        suggested = self.suggested
        name = safe_file_name(suggested.name.removesuffix(suggested.suffix), suggested.suffix)
        picker = PathPicker(
            "path", value=str(suggested.with_name(name)), kinds=PAPERS, save=True,
            start=lambda: suggested.parent, title=self.TITLE_TEXT,
        )  # fmt: skip
        yield FormField("File", picker, field_id="path")

    def submit(self) -> Path | None:
        """The path, if its folder exists."""
        raw = self.text("path")
        if not raw:
            self.show_errors({"path": "Give a file name."})
            return None
        path = Path(raw).expanduser()
        if not path.parent.is_dir():
            self.show_errors({"path": f"There is no folder {path.parent}."})
            return None
        return path
