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


class TestSchools:
    """The Schools screen."""

    def test_schools(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["s"])

    def test_schools_filtered(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["s", "slash", *"hart"])


class TestNetwork:
    """The networks list and a network's page."""

    def test_networks(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["n"])

    def test_network_page(self, snap_compare, app: SchoolnetApp) -> None:
        assert snap_compare(app, terminal_size=SIZE, press=["n", "down", "enter"])

    def test_network_health(self, snap_compare, app: SchoolnetApp) -> None:
        async def health_tab(pilot) -> None:
            await pilot.press("n", "down", "enter")
            await pilot.pause()
            pilot.app.screen.show_tab("tab-health")

        assert snap_compare(app, terminal_size=SIZE, run_before=health_tab)


class TestSharing:
    """The Sharing screen."""

    def test_sharing(self, snap_compare, app: SchoolnetApp, monkeypatch) -> None:
        monkeypatch.setenv("HOME", "/home/head")  # the suggested file name shows the home folder
        assert snap_compare(app, terminal_size=SIZE, press=["x"])
