"""The baseline for bench/startup.py: a bare Textual app with one Static widget."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """One Static, nothing else."""

    def compose(self) -> ComposeResult:
        """The single widget."""
        yield Static("Bare Textual app ready")


if __name__ == "__main__":
    BareApp().run()
