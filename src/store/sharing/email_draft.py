"""Email drafts (.eml) with a bundle attached, and the bundle taken back out of one.

A draft is an RFC 5322 message with `X-Unsent: 1`, which Outlook and Apple Mail open as a
message to send rather than one received. It says what the bundle holds, who it is from
and how to import it; it never carries confidential text, nor a passphrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, formataddr
from typing import Any

from store import schema
from store.errors import StoreError
from store.sharing.parsing import BundleRefused
from store.sharing.safe_text import printable

DRAFT_SUFFIX = ".eml"
IMPORT_STEPS = (
    "To import it: save this email or its attachment (your Downloads folder is fine), open"
    " schoolnet, press x, then pick the file under 'Bundles waiting for you' and press enter,"
    " check the preview and choose Apply import. schoolnet backs up your data first."
)
_ADDRESS = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}$")


@dataclass(frozen=True)
class Sender:
    """Who the bundle is from, as the email says it."""

    name: str
    school: str = ""
    email: str = ""

    @property
    def label(self) -> str:
        """`Jo Smith (Abbots Ripton)`, or whichever part is known."""
        if self.name and self.school:
            return f"{self.name} ({self.school})"
        return self.name or self.school or "a colleague"


def addresses(raw: Iterable[str]) -> list[str]:
    """The email addresses in what was typed (commas, semicolons or spaces between them)."""
    found: list[str] = []
    for chunk in raw:
        for word in re.split(r"[,;\s]+", chunk.strip()):
            if not word:
                continue
            if not _ADDRESS.match(word):
                raise StoreError(f"{word[:60]!r} is not an email address (name@school.org.uk).")
            if word.lower() not in (a.lower() for a in found):
                found.append(word)
    return found


def _one_line(text: str, width: int = 120) -> str:
    words = " ".join(printable(text).split())
    return words if len(words) <= width else words[: width - 1] + "…"


def contents(data: dict[str, Any]) -> str:
    """What a plain bundle holds, in words: `12 schools, 3 meetings and 20 actions`.

    Confidential tables are never counted: even a number of concerns says too much.
    """
    parts = []
    for spec in schema.TABLES:
        count = len(data.get("records", {}).get(spec.name, []))
        if count and not spec.confidential:
            parts.append(f"{count} {spec.name.replace('_', ' ')}")
    deleted = sum(
        1
        for item in data.get("deleted", [])
        if not getattr(schema.BY_NAME.get(str(item.get("table"))), "confidential", True)
    )
    if deleted:
        parts.append(f"{deleted} deletions")
    if not parts:
        return "no records"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def subject(scope_name: str, sender: Sender) -> str:
    """E.g. `schoolnet bundle: Hunts Area Primary Partnership, from Jo Smith (Abbots Ripton)`."""
    return _one_line(f"schoolnet bundle: {scope_name}, from {sender.label}", 200)


def body(data: dict[str, Any], sender: Sender, *, encrypted: bool, file_name: str) -> str:
    """The short message: what is attached, from whom, and how to import it."""
    scope = _one_line(str(data.get("scope", {}).get("name", "")))
    lines = [
        "Hello,",
        "",
        f"Attached is a schoolnet bundle from {_one_line(sender.label)}: {scope}.",
        f"The file is {_one_line(file_name)}.",
    ]
    if encrypted:
        lines += [
            "",
            "The bundle is encrypted because it includes confidential records. The passphrase"
            " will reach you another way (by phone or in person); it is not in this email, and"
            " please do not reply with it.",
        ]
    else:
        lines.append(f"It holds {contents(data)}.")
    lines += ["", IMPORT_STEPS, "", "Sent from schoolnet."]
    return "\n".join(lines) + "\n"


def draft(
    attachment: bytes,
    file_name: str,
    data: dict[str, Any],
    *,
    sender: Sender,
    to: Sequence[str],
    when: datetime,
    encrypted: bool,
) -> EmailMessage:
    """The unsent email with the bundle attached as application/json."""
    message = EmailMessage(policy=policy.default)
    if sender.email:
        message["From"] = formataddr((_one_line(sender.name), sender.email))
    if to:
        message["To"] = ", ".join(to)
    message["Subject"] = subject(str(data.get("scope", {}).get("name", "")), sender)
    message["Date"] = format_datetime(when)
    message["X-Unsent"] = "1"
    message.set_content(body(data, sender, encrypted=encrypted, file_name=file_name))
    message.add_attachment(attachment, maintype="application", subtype="json", filename=file_name)
    return message


def as_file(message: EmailMessage) -> bytes:
    """The message as an .eml file's bytes, with the CRLF line ends RFC 5322 asks for."""
    return message.as_bytes(policy=policy.SMTP)


def attached_bundle(raw: bytes, name: str) -> tuple[str, bytes]:
    """The file name and bytes of the bundle attached to an email saved from a mail program.

    A `.schoolnet.json` attachment is preferred; any JSON attachment is tried otherwise.
    """
    message = BytesParser(policy=policy.default).parsebytes(raw)
    found: list[tuple[int, str, bytes]] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        file_name = part.get_filename() or ""
        kind = part.get_content_type()
        if not (file_name.lower().endswith(".json") or kind == "application/json"):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            rank = 0 if file_name.lower().endswith(".schoolnet.json") else 1
            found.append((rank, file_name or "bundle.json", payload))
    if not found:
        raise BundleRefused(f"{name} is an email with no schoolnet bundle attached.")
    _, file_name, payload = min(found, key=lambda item: item[0])
    return file_name, payload
