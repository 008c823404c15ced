"""Messages the app passes between screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """These tables were written: screens that show them reload, now or when next shown."""

    def __init__(self, tables: frozenset[str]) -> None:
        super().__init__()
        self.tables = tables
