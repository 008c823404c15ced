"""Fixtures for driving the app: a demo database in tmp_path, frozen in time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from store.demo.builder import DEMO_PROFILE, load_demo
from tui.app import SchoolnetApp

from ..conftest import TickingClock


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per test run and copied by each test."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    store = Store.open(path, clock=TickingClock())
    load_demo(store)
    store.save_profile(DEMO_PROFILE)
    store.close()
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A file database holding the demo data, signed in as the demo head."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    store = Store.open(path, clock=TickingClock())
    yield store
    store.close()


@pytest.fixture
def app(demo_store: Store) -> SchoolnetApp:
    """The app on the demo database."""
    return SchoolnetApp(demo_store)
