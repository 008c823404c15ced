"""Small text helpers every part of the store shares: file-name slugs and OS error sentences."""

from __future__ import annotations

import errno
import unicodedata


def slug(text: str, *, fallback: str = "schoolnet") -> str:
    """Lower-case words joined by hyphens, ASCII only: `St Mary’s C of E` -> `st-marys-c-of-e`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.replace("'", "")
    words = "".join(c if c.isalnum() else " " for c in plain.lower()).split()
    return "-".join(words) or fallback


DISK_FULL = "the disk is full: free some space and try again"
# What the user can fix, in their words rather than the system's ("No space left on device").
_OS_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: "the disk it is on is read-only",
}


def os_error_reason(error: OSError) -> str:
    """Why the system refused, as the end of a sentence: `permission denied`."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def plural(count: int, word: str, many: str | None = None) -> str:
    """A count with its noun agreeing: `1 school`, `3 schools`, `2 activities` (given `many`)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Text as search compares it: lower case, curly apostrophes straight, accents dropped.

    So `mary's` finds `St Mary’s` and `zoe` finds `Zoë`.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


FOLD = "schoolnet_fold"  # fold() as an SQL function on every store connection
