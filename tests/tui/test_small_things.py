"""Small things people notice: UK dates and 'With' in the ledger and conflicts log, and search
that treats ’ and ' and accented letters alike."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable

from store import Store
from store.demo.ids import school_id
from store.sharing import exchange
from store.sharing.bundle import Scope
from tui.app import SchoolnetApp
from tui.screens.review import notes

from ..conftest import TickingClock
from .conftest import type_text

UK_TIME = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$")


def _export(store: Store, path: Path) -> Path:
    exchange.export(store, path, Scope("everything"))
    return path


async def test_ledger_and_conflicts_show_whole_uk_dates(app: SchoolnetApp, tmp_path: Path) -> None:
    store = app.store
    colleague = Store.open(tmp_path / "colleague.db", clock=TickingClock(store.clock.now))  # type: ignore[attr-defined]
    houghton = school_id("houghton")
    exchange.import_file(colleague, _export(store, tmp_path / "base.schoolnet.json"))
    store.schools.update(store.schools.get(houghton).model_copy(update={"phone": "01480 000001"}))
    colleague.clock.now = store.clock.now + timedelta(seconds=5)  # type: ignore[attr-defined]
    colleague.schools.update(
        colleague.schools.get(houghton).model_copy(update={"phone": "01480 999999"})
    )
    exchange.import_file(store, _export(colleague, tmp_path / "from-colleague.schoolnet.json"))
    colleague_id = colleague.installation_id
    colleague.close()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        ledger = app.screen.query_one("#ledger", DataTable)
        rows = [[str(cell) for cell in ledger.get_row_at(i)] for i in range(ledger.row_count)]
        assert [row[1] for row in rows] == ["received", "sent"]
        assert all(UK_TIME.match(row[0]) for row in rows), rows
        assert rows[0][0].startswith("23 Nov 2026 10:00")  # the frozen clock, UTC = UK in winter
        received, sent = rows
        assert received[3] == f"unnamed ({colleague_id[:8]})"  # the sender, not "you"
        assert sent[3] == "—"
        conflicts = app.screen.query_one("#conflicts", DataTable)
        logged = str(conflicts.get_row_at(0)[0])
        assert UK_TIME.match(logged), logged
        # A column is as wide as its widest date: none is cut.
        assert ledger.columns[ledger.ordered_columns[0].key].content_width >= len(rows[1][0])


async def test_school_search_treats_apostrophes_and_accents_alike(app: SchoolnetApp) -> None:
    from store.models import School

    app.store.schools.add(School(name="St Mary’s Zoë Primary", urn="199001", town="Ely"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "mary's zoe")
        await pilot.pause()
        table = app.screen.query_one("#table", DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
            "St Mary’s Zoë Primary"
        ]


def test_placeholders_never_look_like_real_addresses() -> None:
    from tui.screens.schools.school_form import TEXT_FIELDS

    source = Path(__file__).parents[2] / "src" / "tui"
    typed = [
        found
        for path in source.rglob("*.py")
        for found in re.findall(r'placeholder="([^"]*)"', path.read_text(encoding="utf-8"))
    ]
    shown = typed + [placeholder for _field, _label, placeholder in TEXT_FIELDS]
    addresses = [text for text in shown if "@" in text or "www." in text]
    assert addresses  # the walk found the email placeholders
    for placeholder in addresses:
        assert placeholder.startswith("e.g. ") and "example.org" in placeholder, placeholder


async def test_a_cell_cut_short_ends_in_an_ellipsis(app: SchoolnetApp) -> None:
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        titles = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        long = next(title for title in titles if len(title) > 40)
        screen = re.sub(r"<[^>]+>", "", app.export_screenshot()).replace("&#160;", " ")
        assert long[:39] + "…" in screen
        assert long not in screen


async def test_typing_in_a_chooser_treats_apostrophes_and_accents_alike() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Select

    from tui.widgets.select_search import fold_select_search

    # Plain lower-casing would stop at the first option holding `mary` or `zo`.
    options = [("St Mary Magdalene", 1), ("St Mary’s", 2), ("Zoo Lane", 3), ("Zoë Hall", 4)]

    class Chooser(App[None]):
        def compose(self) -> ComposeResult:
            yield Select(options, id="first")
            yield Select(options, id="second")

    fold_select_search()
    app = Chooser()
    async with app.run_test() as pilot:
        for select_id, typed, wanted in (("#first", "mary's", 2), ("#second", "zoe", 4)):
            select = app.query_one(select_id, Select)
            select.focus()
            await pilot.press("enter")  # opens the list
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
            assert select.value == wanted


def test_a_long_note_in_the_notes_list_ends_in_an_ellipsis(demo_store: Store) -> None:
    note = demo_store.evidence_notes.all()[0]
    long = note.model_copy(update={"text": "Pupils in Year 5 explained their reasoning " * 4})
    short = note.model_copy(update={"text": "Year 2 readers\nsecond line"})
    assert str(notes._cells(long)[2]).endswith("…") and len(str(notes._cells(long)[2])) == 60
    assert str(notes._cells(short)[2]) == "Year 2 readers"
