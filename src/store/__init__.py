"""schoolnet's store: pydantic models, the SQLite database and everything that reads it.

This package never imports Textual; the UI calls it, never the other way round.
"""

from __future__ import annotations

from store.startup import import_sqlite_utils

import_sqlite_utils()

from store.db import Store  # noqa: E402  (after the lean import above)
from store.errors import StoreError  # noqa: E402

__all__ = ["Store", "StoreError"]
