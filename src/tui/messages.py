"""Messages the app passes between screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """These tables were written: screens that show them reload, now or when next shown."""

    def __init__(self, tables: frozenset[str], origin: object | None = None) -> None:
        super().__init__()
        self.tables = tables
        # The screen that made the change and already shows it, if any: it is not told.
        self.origin = origin
