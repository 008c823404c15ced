"""What every record shares: its id and clocks, and the checked types its fields use."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from store.dates import is_academic_year, utc_now

_CANONICAL_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _canonical_uuid(value: str) -> str:
    # Ids are nearly always canonical already; checking that is far cheaper than parsing.
    if _CANONICAL_UUID.match(value):
        return value
    return str(uuid.UUID(value))


def _as_utc(value: datetime) -> datetime:
    # Naive timestamps are taken to be UTC already: the store only writes UTC.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _academic_year(value: str) -> str:
    if not is_academic_year(value):
        raise ValueError("an academic year is written like 2025/26")
    return value


_URN = re.compile(r"^\d{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_WEBSITE = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)


def _email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError("an email address looks like name@school.org.uk")
    return value


def _website(value: str) -> str:
    if not value:
        return value
    if not _WEBSITE.match(value):
        raise ValueError("a website looks like https://www.school.org.uk")
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


def _urn(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _URN.match(value):
        raise ValueError("a URN is six digits")
    return value


RecordId = Annotated[str, AfterValidator(_canonical_uuid)]
UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]
AcademicYear = Annotated[str, AfterValidator(_academic_year)]
Urn = Annotated[str | None, AfterValidator(_urn)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, AfterValidator(_email)]
Website = Annotated[str, AfterValidator(_website)]


def new_id() -> str:
    """A fresh random record id."""
    return str(uuid.uuid4())


class Record(BaseModel):
    """Fields every stored record has, so bundles can merge records by id and time."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        validate_assignment=True,
        # Build validators on first use, not at import: halves the store's share of startup.
        defer_build=True,
    )

    id: RecordId = Field(default_factory=new_id)
    created_at: UtcDateTime = Field(default_factory=utc_now)
    updated_at: UtcDateTime = Field(default_factory=utc_now)
    created_by: str = ""
    # When each field last changed, as [changed_at, the changed_at it replaced]; a field not
    # listed has not changed since the record was created. Bundles merge field by field on it.
    field_clock: dict[str, tuple[str, str]] = Field(default_factory=dict)
