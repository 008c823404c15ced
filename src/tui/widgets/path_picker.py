"""A file path box with a Browse button (ctrl+o) that opens a file picker dialog.

The picker is textual-fspicker's FileOpen or FileSave: it starts in a sensible folder and
shows only the relevant files. Typing a path in the box still works.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Input
from textual_fspicker import FileOpen, FileSave, Filters

Kinds = tuple[tuple[str, tuple[str, ...]], ...]
BUNDLES: Kinds = (("Bundles and emails", (".schoolnet.json", ".eml")),)
CSV: Kinds = (("CSV files", (".csv",)),)
PAPERS: Kinds = (("Pages and Markdown", (".html", ".md", ".ics")),)


def _filters(kinds: Kinds) -> Filters:
    def ends_with(endings: tuple[str, ...]) -> Callable[[Path], bool]:
        return lambda path: path.name.lower().endswith(endings)

    return Filters(*((name, ends_with(endings)) for name, endings in kinds),
                   ("Every file", lambda _path: True))  # fmt: skip


class PathPicker(Horizontal):
    """A path Input (with the given id) and a Browse… button beside it."""

    DEFAULT_CSS = """
    PathPicker {
        height: auto;
    }
    PathPicker > Input {
        width: 1fr;
    }
    PathPicker > Button {
        min-width: 12;
        margin-left: 1;
    }
    """
    BINDINGS = [Binding("ctrl+o", "browse", "Browse")]

    def __init__(
        self,
        input_id: str,
        *,
        value: str = "",
        placeholder: str = "",
        start: Callable[[], Path] = Path.home,
        kinds: Kinds = (),
        save: bool = False,
        title: str = "",
    ) -> None:
        super().__init__(id=f"{input_id}-picker")
        self.input_id = input_id
        self._value, self._placeholder = value, placeholder
        self.start, self.kinds, self.save, self.title = start, kinds, save, title

    def compose(self) -> ComposeResult:
        """The box and the button."""
        yield Input(self._value, placeholder=self._placeholder, id=self.input_id)
        yield Button("Browse…", id=f"{self.input_id}-browse")

    @property
    def input(self) -> Input:
        """The path box."""
        return self.query_one(f"#{self.input_id}", Input)

    def _folder(self) -> Path:
        """Where the picker opens: the folder of the path typed, if it exists."""
        typed = self.input.value.strip()
        if typed:
            path = Path(typed).expanduser()
            for candidate in (path, path.parent):
                if candidate.is_dir():
                    return candidate
        start = self.start()
        return start if start.is_dir() else Path.home()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focusing the field focuses its box, as a form does after a refusal."""
        self.input.focus(scroll_visible)
        return self

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_browse()

    def action_browse(self) -> None:
        """Open the picker; the chosen file's path goes into the box."""
        filters = _filters(self.kinds) if self.kinds else None
        typed = Path(self.input.value.strip()).expanduser()
        if self.save:
            dialog: FileOpen | FileSave = FileSave(
                self._folder(), self.title or "Save as", filters=filters,
                default_file=typed.name or None,
            )  # fmt: skip
        else:
            dialog = FileOpen(self._folder(), self.title or "Open", filters=filters)

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.input.value = str(path)
                self.input.focus()
                self.post_message(Input.Submitted(self.input, self.input.value))

        self.app.push_screen(dialog, chosen)
