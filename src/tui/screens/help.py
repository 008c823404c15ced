"""The help screen: the keys of the screen you are on, then every key the app answers to."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.areas import AREAS, BY_MODE

GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("u", "Your profile: name, school and role"),
    ("ctrl+p", "Command palette: search every command"),
    ("tab / shift+tab", "Move between fields and tables"),
    ("↑ ↓ enter", "Move in a table and open a row"),
    ("? or f1", "This help"),
    ("q or ctrl+q", "Quit"),
)

# Tab, shift+tab and copy, which every Textual screen binds: the general keys cover them.
TEXTUAL_SCREEN_ACTIONS = frozenset(
    binding.action for binding in Screen.BINDINGS if isinstance(binding, Binding)
)


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """The keys a screen binds itself, in its own order: (keys, what they do).

    Read from the screen's live bindings, so a key added to a screen is in its help too;
    the keys of one action (escape and q, say) share a line.
    """
    app = screen.app
    lines: dict[tuple[str, str], list[str]] = {}
    for active in screen.active_bindings.values():
        binding: Binding = active.binding
        if active.node is not screen or binding.action in TEXTUAL_SCREEN_ACTIONS:
            continue
        shown = lines.setdefault((binding.action, binding.description or binding.action), [])
        # Each key of the binding by its own name: a footer's "!" hides that f2 works too.
        key = app.get_key_display(Binding(binding.key, ""))
        if key not in shown:
            shown.append(key)
    return [(" or ".join(keys), description) for (_action, description), keys in lines.items()]


class HelpScreen(ModalScreen[None]):
    """A list of keys, closed with escape."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True),
    ]

    def compose(self) -> ComposeResult:
        """The keys, in a box that scrolls when the terminal is small."""
        # Read before this screen takes the focus: the keys of the screen it covers.
        stack = self.app.screen_stack
        beneath = stack[stack.index(self) - 1] if self in stack and stack[0] is not self else None
        with Vertical(id="help"):
            yield Static("Keys", classes="help-title")
            with VerticalScroll(id="keys-scroll"):
                yield Static(_keys(beneath), id="keys")
            yield Static("Press escape to close; ↑ ↓ scroll.", classes="help-hint")


def _keys(beneath: Screen[object] | None) -> Table:
    """The keys of the screen beneath first, then the areas and the general keys.

    A Rich table, not a DataTable: its second column wraps at 80 columns.
    """
    table = Table.grid(padding=(0, 2))
    table.add_column("Key", no_wrap=True)
    table.add_column("What it does", ratio=1)
    keys = screen_keys(beneath) if beneath is not None else []
    if beneath is not None and keys:
        title = _title(beneath)
        heading = "This screen" + (f": {title}" if title else "")
        table.add_row("", Text(heading, style="bold"))
        for key, meaning in keys:
            table.add_row(Text(key), Text(meaning))
        table.add_row("", "")
        table.add_row("", Text("Everywhere", style="bold"))
    for area in AREAS:
        table.add_row(Text(area.key), Text(f"{area.title}: {area.summary}"))
    for key, meaning in GENERAL_KEYS:
        table.add_row(Text(key), Text(meaning))
    return table


def help_text(screen: HelpScreen, width: int = 76) -> str:
    """The help as plain text, as it reads at this width (for tests and for reading)."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(screen.query_one("#keys", Static).content)
    return console.export_text()


def _title(screen: Screen[object]) -> str:
    """What the user calls the screen: its sub-title, or its area's name."""
    if screen.sub_title:
        return str(screen.sub_title)
    app = screen.app
    area = BY_MODE.get(app.current_mode)
    return area.title if area is not None and screen is app.screen_stack[0] else ""
