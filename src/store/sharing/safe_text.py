"""Text from someone else's bundle, made safe to print on a terminal."""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and others.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]"
)


def printable(text: str) -> str:
    """The text without escape sequences or control characters (newlines become spaces)."""
    text = _ESCAPES.sub("", text)
    return "".join(
        " " if char in "\n\r\t" else char
        for char in text
        if char in "\n\r\t" or unicodedata.category(char)[0] != "C"
    )
