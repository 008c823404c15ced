"""Shared fixtures: no test touches the real home folder, and time stands still."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store import Store
from store.dates import Clock
from store.sharing import inbox

FROZEN_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def frozen_clock() -> datetime:
    """The fixed moment the tests live in."""
    return FROZEN_NOW


class TickingClock:
    """A clock that moves on a microsecond each time it is read, so updates are ordered."""

    def __init__(self, start: datetime = FROZEN_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        self.now += timedelta(microseconds=1)
        return self.now


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs and SCHOOLNET_DB away from the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("SCHOOLNET_DB", raising=False)
    # Bundles waiting in Downloads: never the machine's own folder, so Home's count is fixed.
    monkeypatch.setattr(inbox, "downloads_folder", lambda: home / "Downloads")
    return home


@pytest.fixture
def clock() -> Clock:
    """A clock that ticks forward from the frozen moment."""
    return TickingClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file lives."""
    return tmp_path / "schoolnet.db"


@pytest.fixture
def store(clock: Clock) -> Iterator[Store]:
    """A fresh in-memory store."""
    fresh = Store.memory(clock=clock)
    yield fresh
    fresh.close()


@pytest.fixture
def file_store(db_path: Path, clock: Clock) -> Iterator[Store]:
    """A fresh store in a file."""
    fresh = Store.open(db_path, clock=clock)
    yield fresh
    fresh.close()
