"""Small text helpers every part of the store shares: file-name slugs and OS error sentences."""

from __future__ import annotations

import unicodedata


def slug(text: str, *, fallback: str = "schoolnet") -> str:
    """Lower-case words joined by hyphens, ASCII only: `St Mary’s C of E` -> `st-marys-c-of-e`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.replace("'", "")
    words = "".join(c if c.isalnum() else " " for c in plain.lower()).split()
    return "-".join(words) or fallback


def os_error_reason(error: OSError) -> str:
    """Why the system refused, as the end of a sentence: `permission denied`."""
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]
