"""Reading what a colleague sent: a bundle file, or an email saved from a mail program."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from store.sharing import bundle
from store.sharing.email_draft import DRAFT_SUFFIX, attached_bundle
from store.sharing.parsing import read_bounded


def read(path: Path, passphrase: str | None = None) -> dict[str, Any]:
    """The checked bundle in a file; from an .eml, the bundle attached to it.

    The attachment is checked exactly as a saved file is, under its own name, so every
    refusal names the file the sender attached.
    """
    if path.suffix.lower() != DRAFT_SUFFIX:
        return bundle.read(path, passphrase)
    name, raw = attached_bundle(read_bounded(path), path.name)
    with tempfile.TemporaryDirectory(prefix="schoolnet-") as folder:
        inner = Path(folder) / (Path(name).name or "bundle.json")
        inner.write_bytes(raw)
        return bundle.read(inner, passphrase)
