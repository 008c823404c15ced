"""A footer that shows whole keys, most important first, and redraws only when they change."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

Shown = tuple[tuple[str, str, bool], ...]

# The key that lists every key: kept in view whatever else is left out.
HELP_ACTIONS = frozenset({"help", "app.help"})


def key_width(key: FooterKey) -> int:
    """Cells a footer key takes: the key and its description, each padded by one."""
    if not key.description:
        return cell_len(key.key_display) + 2
    return cell_len(key.key_display) + cell_len(key.description) + 3


class SteadyFooter(Footer):
    """Textual's Footer, keeping whole keys in order of importance, and rebuilt less often.

    The screen's own keys come first (the focused widget's, then the screen's, in the
    order they are bound), the keys of every area after. A key that does not fit is left
    out whole rather than cut mid-word (area keys from the first that does not fit on);
    `?` (help, which lists them all) always stays.

    The stock footer recomposes all its keys whenever the screen's bindings may have
    changed, which is on every focus move and every switch back to a screen: 75-120 ms
    each time on a busy screen. Most of the time the keys shown are the same.
    """

    _shown: Shown | None = None
    _laid_out_for = 0  # the width the keys were chosen for

    def compose(self) -> ComposeResult:
        """The stock footer's keys, those that fit the width, in their order."""
        widgets = list(super().compose())
        if not all(isinstance(widget, FooterKey) for widget in widgets):
            yield from widgets  # grouped keys: none here, but never drop what we can't measure
            return
        keys: list[FooterKey] = [w for w in widgets if isinstance(w, FooterKey)]
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        palette = [key for key in keys if key.has_class("-command-palette")]
        help_keys = [key for key in keys if key.action in HELP_ACTIONS]
        room = width - sum(key_width(key) for key in palette)
        room -= sum(key_width(key) for key in help_keys)
        everywhere = {
            key for key, active in self.screen.active_bindings.items() if active.node is self.app
        }
        areas_cut = False
        for key in keys:
            if key in palette or key in help_keys:
                continue
            needed = key_width(key)
            if key.key in everywhere:
                # The area keys go in their order or not at all: h and q without n, s, m
                # between them reads as if those had gone.
                areas_cut = areas_cut or needed > room
                if areas_cut:
                    continue
            elif needed > room:
                continue  # a long key of this screen left out; a shorter one may fit
            room -= needed
            yield key
        yield from help_keys
        yield from palette

    def on_resize(self, event: events.Resize) -> None:
        """Choose the keys again for a new width."""
        if event.size.width != self._laid_out_for and self._shown is not None:
            self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild only when the keys, their labels or their enabled state changed."""
        shown: Shown = tuple(
            (binding.key, binding.description, enabled)
            for (_node, binding, enabled, _tooltip) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # the stock footer rebuilds now; remember what it shows
        super().bindings_changed(screen)
