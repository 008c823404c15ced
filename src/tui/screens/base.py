"""The frame every area screen shares: header, body, footer, and knowing when to reload."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual._context import active_app
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Header, Input, TextArea

from tui.widgets.footer import SteadyFooter

if TYPE_CHECKING:
    from store import Store
    from tui.app import SchoolnetApp

# SHOWS of a screen that shows figures from every table (Home).
EVERY_TABLE: frozenset[str] = frozenset({"*"})


class AreaScreen(Screen[None]):
    """A top-level area: subclasses yield their body from `compose_body`.

    A screen names the tables it shows in SHOWS. When any of them is written (a DataChanged
    message, or a commit by another window), it reloads: at once if it is in view, else
    when it comes back into view. Coming back with nothing changed costs nothing.
    """

    # Escape leaves a text box, so the one-key area shortcuts work again.
    BINDINGS = [Binding("escape", "leave_field", "Leave field", show=False)]
    SHOWS: ClassVar[frozenset[str]] = frozenset()
    # Textual would focus the first focusable widget, a search box as often as not, and
    # then every area key types a letter. This screen chooses instead (focus_on_return).
    AUTO_FOCUS = ""
    # The widget to focus when the screen is shown with nothing focused: a selector, or
    # None for the first control (not a text box, not a scrolling box).
    FOCUS_ON_RETURN: ClassVar[str | None] = None

    _stale = False
    _seen_version: tuple[int, int] | None = None

    def __init__(self, name: str | None = None, id: str | None = None) -> None:  # noqa: A002
        super().__init__(name=name, id=id)
        # The first time a mode's screen is shown, Textual reparses every stylesheet and
        # restyles the whole app (80-290 ms) in case the screen brought new CSS. The app
        # reads every stylesheet at start (app.py), so this screen is already up to date.
        try:
            self._css_update_count = active_app.get()._css_update_count
        except LookupError:
            pass  # made outside a running app (a test building screens): nothing to skip

    def compose(self) -> ComposeResult:
        """Header, the area's body, footer."""
        yield Header()
        yield from self.compose_body()
        yield SteadyFooter()

    def compose_body(self) -> ComposeResult:
        """The area's own widgets."""
        yield from ()

    def refresh_data(self) -> None:
        """Read what the screen shows from the store again."""

    def action_leave_field(self) -> None:
        """Take the focus out of whatever field has it."""
        self.set_focus(None)

    def shows_any(self, tables: frozenset[str]) -> bool:
        """True when a change to these tables changes what this screen shows."""
        return self.SHOWS == EVERY_TABLE or bool(self.SHOWS & tables)

    def data_changed(self, tables: frozenset[str]) -> None:
        """Reload now if in view, else on return, when the change touches this screen."""
        if not self.shows_any(tables):
            return
        # In view: the screen on top, or a page beneath a dialog; not a page under a page.
        if self.is_active or (self.is_current and isinstance(self.app.screen, ModalScreen)):
            self._reload()
        else:
            self._stale = True

    def on_screen_suspend(self) -> None:
        """Leaving for another area or page takes the cursor out of any text box.

        Under a dialog the focus stays put, so a form or a question comes back to the
        word being typed.
        """
        app = self.app
        behind_dialog = isinstance(app.screen, ModalScreen) and self in app.screen_stack
        if not behind_dialog and is_text_box(self.focused):
            self.set_focus(None)

    def focus_on_return(self) -> None:
        """With nothing focused, focus the screen's usual widget: never a text box."""
        if self.focused is not None:
            return
        chosen: Widget | None = None
        if self.FOCUS_ON_RETURN is not None:
            chosen = self.query_one(self.FOCUS_ON_RETURN)
        else:
            usable = [widget for widget in self.focus_chain if not is_text_box(widget)]
            # Past a scrolling box that holds tables (Home's): arrows then move a table's cursor.
            controls = [w for w in usable if not _scrolling_box(w)]
            chosen = next(iter(controls or usable), None)
        if chosen is not None and chosen.focusable:
            self.set_focus(chosen, scroll_visible=False)  # the screen stays where it was

    def on_screen_resume(self) -> None:
        """Reload only if something this screen shows changed while it was away."""
        # After any focus() already asked for (on_mount's, say), which Textual also defers.
        self.app.call_later(self.focus_on_return)
        self.schoolnet.watch_data(self)
        version = self._version()
        if self._seen_version is None:
            self._seen_version = version  # first showing: on_mount has just loaded it
        elif self._stale or version != self._seen_version:
            self._reload()

    def _version(self) -> tuple[int, int]:
        if not self.SHOWS:
            return (0, 0)
        return self.store.version_of(None if self.SHOWS == EVERY_TABLE else self.SHOWS)

    def _reload(self) -> None:
        self._stale = False
        self._seen_version = self._version()
        if self.is_mounted:
            self.refresh_data()

    def announce_changes(self) -> None:
        """Tell every screen which tables the last store call wrote."""
        self.schoolnet.announce_changes()

    @property
    def schoolnet(self) -> SchoolnetApp:
        """The app, typed."""
        return cast("SchoolnetApp", self.app)

    @property
    def store(self) -> Store:
        """The app's store."""
        return self.schoolnet.store


def is_text_box(widget: Widget | None) -> bool:
    """True for the widgets that take letters as typing: area keys do not reach past them."""
    return isinstance(widget, Input | TextArea)


def _scrolling_box(widget: Widget) -> bool:
    """A container that only scrolls what it holds (a table or a text area is more)."""
    return isinstance(widget, ScrollableContainer) and not isinstance(widget, ScrollView)
