"""Reviews: a network's peer reviews for a year, with progress against its target."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Select, Static

from store import reviews
from store.dates import academic_year_of, uk_date
from tui.formatting import options, plain
from tui.screens.base import AreaScreen
from tui.screens.dialogs.form import ask
from tui.screens.review.form_data import ReviewSetup
from tui.screens.review.review import ReviewScreen
from tui.screens.review.review_forms import ReviewSetupScreen


class ReviewsScreen(AreaScreen):
    """Reviews per network and academic year."""

    SHOWS = frozenset({"peer_reviews", "networks", "memberships", "schools"})
    BINDINGS = [Binding("a", "add", "Set up a review")]

    _shown: tuple[object, object] = (None, None)  # the (network, year) the table shows

    def compose_body(self) -> ComposeResult:
        """Network and year choosers, progress and the table."""
        store = self.store
        networks = store.networks.choices()
        this_year = academic_year_of(store.today())
        years = sorted({*reviews.years(store), this_year}, reverse=True)
        self._shown = (self._my_network() or Select.NULL, this_year)
        with Horizontal(id="choosers"):
            yield Select(
                options(networks),
                id="network",
                prompt="Choose a network",
                value=self._my_network() or Select.NULL,
            )
            yield Select([(y, y) for y in years], id="year", allow_blank=False, value=this_year)
        yield Static(id="progress")
        yield DataTable(id="reviews", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the chosen network's reviews."""
        self.sub_title = "Reviews"
        self.query_one("#reviews", DataTable).add_columns(
            "Host school", "Visit", "Lead Reviewer", "Stage", "Next"
        )
        self.refresh_rows()
        self.query_one("#reviews").focus()

    def _my_network(self) -> str | None:
        profile = self.store.profile
        if profile and profile.school_id:
            for membership in self.store.memberships.where(
                school_id=profile.school_id, status="active"
            ):
                return membership.network_id
        return None

    def refresh_data(self) -> None:
        """Reviews or networks changed: offer every network and year again, then list."""
        store = self.store
        network_select = self.query_one("#network", Select)
        year_select = self.query_one("#year", Select)
        network, year = network_select.value, year_select.value
        this_year = academic_year_of(store.today())
        networks = store.networks.choices()
        years = sorted({*reviews.years(store), this_year}, reverse=True)
        with self.prevent(Select.Changed):
            network_select.set_options(options(networks))
            if network in {network_id for _, network_id in networks}:
                network_select.value = network
            year_select.set_options([(y, y) for y in years])
            year_select.value = year if year in years else this_year
        self.refresh_rows()

    @on(Select.Changed)
    def chooser_changed(self) -> None:
        """Another network or year (the choosers also say so as they are first set)."""
        chosen = (self.query_one("#network", Select).value, self.query_one("#year", Select).value)
        if self.is_mounted and chosen != self._shown:
            self.refresh_rows()

    def refresh_rows(self) -> None:
        """The chosen network's reviews for the chosen year."""
        network = self.query_one("#network", Select).value
        year = self.query_one("#year", Select).value
        table = self.query_one("#reviews", DataTable)
        table.clear()
        self._shown = (network, year)
        if network is Select.NULL or year is Select.NULL:
            self.query_one("#progress", Static).update("Choose a network to see its reviews.")
            return
        store = self.store
        for row in reviews.listing(store, str(network), str(year)):
            review = row.review
            table.add_row(
                plain(row.host),
                uk_date(review.starts_on),
                plain(row.lead_reviewer),
                review.stage.label,
                _sentence(reviews.next_step(review).removeprefix("Next: ")),
                key=review.id,
            )
        progress = reviews.progress(store, str(network), str(year))
        self.query_one("#progress", Static).update(
            Text(
                f"{progress} in {year}; {progress.planned} set up.",
                style="bold",
            )
        )

    @on(DataTable.RowSelected, "#reviews")
    def open_review(self, event: DataTable.RowSelected) -> None:
        """Open a review's page."""
        self.app.push_screen(ReviewScreen(str(event.row_key.value)))

    def action_add(self) -> None:
        """Set up a review in the chosen network."""
        chosen = self.query_one("#network", Select).value
        if chosen is Select.NULL:
            self.notify("Choose a network first.")
            return
        network = str(chosen)
        members = [m.school for m in self.store.networks.members(network)]
        member_ids = {s.id for s in members}
        people = self.store.people.at_schools(member_ids)

        today = self.store.today()

        def create(setup: ReviewSetup) -> None:
            review = reviews.create(
                self.store, network_id=network, host_school_id=setup.host_school_id,
                starts_on=setup.starts_on, ends_on=setup.ends_on, style=setup.style,
                focus_areas=setup.focus_areas, hypotheses=setup.hypotheses,
                lead_reviewer_id=setup.lead_reviewer_id,
            )  # fmt: skip
            self.app.push_screen(ReviewScreen(review.id))

        form = lambda: ReviewSetupScreen(network, members, people, today)  # noqa: E731
        ask(self, form, create, "Review set up.")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
