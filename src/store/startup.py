"""Keep start-up lean: import sqlite-utils without the optional libraries it probes for."""

from __future__ import annotations

import sys

# sqlite-utils imports numpy and pandas when they are installed, only to map their value
# types on insert. schoolnet never hands it either, and numpy alone adds about 45 ms to
# every start. Hide them for that one import; later imports of them work as usual.
_OPTIONAL = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite_utils once, with numpy and pandas hidden unless already loaded."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # None makes `import` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]
