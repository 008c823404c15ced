"""Errors the store raises, each carrying one plain sentence for the person using schoolnet."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the message is a plain sentence fit to show a user."""


class DatabaseUnavailable(StoreError):
    """The database file cannot be opened or created."""


class NotASchoolnetDatabase(StoreError):
    """The file exists but is not a schoolnet database."""


class NewerDatabase(StoreError):
    """The database was written by a newer schoolnet than this one."""


class RecordNotFound(StoreError):
    """No record with that id exists."""


class RecordInUse(StoreError):
    """The record cannot be deleted while other records refer to it."""


class InvalidReference(StoreError):
    """A record refers to another record that does not exist."""


class DuplicateValue(StoreError):
    """A value that must be unique is already used by another record."""


class RecordIsFinal(StoreError):
    """The record may not be edited, only amended."""


class DatabaseBusy(StoreError):
    """Another window or an import held the write lock for longer than the busy timeout."""
