"""schoolnet's store: pydantic models, the SQLite database and everything that reads it.

This package never imports Textual; the UI calls it, never the other way round.
"""

from __future__ import annotations

from store.db import Store
from store.errors import StoreError

__all__ = ["Store", "StoreError"]
