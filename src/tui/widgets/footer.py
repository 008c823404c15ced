"""A footer that redraws only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, bool], ...]


class SteadyFooter(Footer):
    """Textual's Footer, minus the rebuild on every focus change and every return.

    The stock footer recomposes all its keys whenever the screen's bindings may have
    changed, which is on every focus move and every switch back to a screen: 75-120 ms
    each time on a busy screen. Most of the time the keys shown are the same.
    """

    _shown: Shown | None = None

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
