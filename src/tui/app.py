"""The schoolnet Textual app: areas as modes, one key each, help and the user's profile."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from weakref import WeakSet

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store import Store, StoreError
from store.models import School, UserProfile
from tui.areas import AREAS, Area
from tui.messages import DataChanged
from tui.screens.base import AreaScreen
from tui.screens.help import HelpScreen
from tui.screens.profile import ProfileScreen
from tui.widgets.select_search import fold_select_search

HERE = Path(__file__).parent
STYLESHEETS = sorted(str(path.relative_to(HERE)) for path in (HERE / "screens").rglob("*.tcss"))

# Each area's screen, by mode: (module, screen class). They are imported when first
# opened, not at start-up, so Home paints sooner.
BUILT: dict[str, tuple[str, str]] = {
    "home": ("tui.screens.home.dashboard", "DashboardScreen"),
    "schools": ("tui.screens.schools.schools", "SchoolsScreen"),
    "networks": ("tui.screens.network.networks", "NetworksScreen"),
    "sharing": ("tui.screens.sharing.sharing", "SharingScreen"),
    "reviews": ("tui.screens.review.reviews", "ReviewsScreen"),
    "meetings": ("tui.screens.meeting.meetings", "MeetingsScreen"),
    "plans": ("tui.screens.plan.plans", "PlansScreen"),
}


def screen_class(mode: str) -> type[Screen[None]]:
    """The screen class of an area, importing it if need be."""
    module, name = BUILT[mode]
    screen: type[Screen[None]] = getattr(importlib.import_module(module), name)
    return screen


def _screen_for(area: Area) -> Callable[[], Screen[None]]:
    def make() -> Screen[None]:
        return screen_class(area.mode)()

    return make


class SchoolnetApp(App[None]):
    """schoolnet: networks, meetings, plans and peer reviews, kept offline."""

    TITLE = "schoolnet"
    # Every screen's stylesheet, read once at start: a screen bringing its own CSS_PATH
    # makes Textual reparse and restyle the whole app on its first visit.
    CSS_PATH = ["app.tcss", *STYLESHEETS]
    MODES = {area.mode: _screen_for(area) for area in AREAS}
    BINDINGS = [
        *(Binding(area.key, f"go('{area.mode}')", area.title) for area in AREAS),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("u", "profile", "Profile"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, *, ask_profile: bool = True) -> None:
        super().__init__()
        fold_select_search()
        self.store = store
        self.ask_profile = ask_profile
        self._watchers: WeakSet[AreaScreen] = WeakSet()
        saved_theme = store.settings.get("theme")
        if saved_theme in self.available_themes:
            self.theme = saved_theme

    def watch_theme(self, theme: str) -> None:
        """Remember the theme chosen, for next time."""
        if self.store.settings.get("theme") != theme:
            self.store.settings.set("theme", theme)

    # Telling screens what changed -----------------------------------------------------------

    def watch_data(self, screen: AreaScreen) -> None:
        """Keep screen told of changes to the tables it shows, for as long as it lives."""
        self._watchers.add(screen)

    def announce_changes(self, origin: object | None = None) -> None:
        """Post the tables the store wrote since the last announcement, if any."""
        tables = self.store.take_changes()
        if tables:
            self.post_message(DataChanged(tables, origin))

    def on_data_changed(self, message: DataChanged) -> None:
        """Each watching screen reloads now, or when next shown, if it shows those tables."""
        for screen in list(self._watchers):
            if screen is not message.origin:
                screen.data_changed(message.tables)

    def on_mount(self) -> None:
        """Open Home, and ask who is using schoolnet the first time."""
        self.switch_mode("home")
        self._show_user()
        if self.store.profile is None and self.ask_profile:
            self.action_profile()

    def action_go(self, mode: str) -> None:
        """Switch to an area."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        """Show every key."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_profile(self) -> None:
        """Ask, or change, who is using schoolnet."""
        if isinstance(self.screen, ProfileScreen):
            return
        store = self.store
        profile = store.profile
        school = store.schools.find(profile.school_id) if profile and profile.school_id else None

        def search(text: str, limit: int) -> list[School]:
            found = store.schools.search(text, limit=limit)
            # Namesakes side by side, by town: the St Mary's of Ely before that of March.
            return sorted(found, key=lambda s: (s.name.casefold(), s.town.casefold(), s.id))

        form = ProfileScreen(profile, school, search, store.people.matching)
        self.push_screen(form, self._save_profile)

    def _save_profile(self, profile: UserProfile | None) -> None:
        if profile is None:
            return
        try:
            linked = self.store.sign_in(profile)
        except StoreError as refusal:  # a read-only database, a full disk: say so, run on
            self.notify(str(refusal), severity="error", timeout=30, markup=False)
            return
        self._show_user()
        self.announce_changes()
        self.notify(
            f"Saved. Records you make will say they were made by {linked.name}.", markup=False
        )

    def _show_user(self) -> None:
        profile = self.store.profile
        self.sub_title = profile.name if profile else "not signed in: press u"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every area, help and the profile beside Textual's own."""
        for area in AREAS:
            yield SystemCommand(
                f"Go to {area.title}", area.summary, partial(self.action_go, area.mode)
            )
        yield SystemCommand("Your profile", "Your name, school and role", self.action_profile)
        yield SystemCommand("Help", "Every key schoolnet answers to", self.action_help)
        yield SystemCommand(
            "Light theme", "Dark text on a light background", partial(self._use, "textual-light")
        )
        yield SystemCommand(
            "Dark theme", "Light text on a dark background", partial(self._use, "textual-dark")
        )
        yield from super().get_system_commands(screen)

    def _use(self, theme: str) -> None:
        self.theme = theme
