"""Snapshot tests of the main screens, in Textual's dark and light themes."""

from __future__ import annotations

import pytest

from tui.app import SchoolnetApp

SIZE = (120, 40)


def _light(pilot) -> None:
    pilot.app.theme = "textual-light"


class TestDashboard:
    """The home dashboard."""

    def test_dark(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE)

    def test_light(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=_light)


class TestShell:
    """Help, profile and an area not built yet."""

    def test_help(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])

    def test_profile(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["u"])

    @pytest.mark.parametrize("key", ["r"])
    def test_coming_soon(self, snap_compare, app: SchoolnetApp, key: str) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=[key])
