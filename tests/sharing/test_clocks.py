"""A wrong clock cannot win for ever: stamps are checked, and a local edit after an import wins."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from cli.main import main
from store import Store
from store.models import School, UserProfile
from store.sharing import exchange
from store.sharing.bundle import BundleRefused, checksum, encode

from ..conftest import FROZEN_NOW, TickingClock
from .helpers import bundle_bytes, receive


def _laptop(offset: timedelta, name: str = "Claire Whitfield") -> Store:
    store = Store.memory(clock=TickingClock(FROZEN_NOW + offset))
    store.save_profile(UserProfile(name=name))
    return store


def _resealed(raw: bytes, change) -> bytes:
    bundle = json.loads(raw)
    change(bundle)
    bundle["checksum"] = checksum(bundle)
    return encode(bundle)


@pytest.mark.parametrize("bad", ["zzzz", "9999-12-31T23:59:59.999999Z", "2026-11-23 10:00", ""])
def test_a_field_clock_that_is_not_a_real_time_is_refused(bad: str) -> None:
    sender, here = _laptop(timedelta()), _laptop(timedelta(), "Me")
    school = sender.schools.add(School(name="Houghton"))
    sender.schools.update(school.model_copy(update={"town": "Houghton"}))

    def spoil(bundle: dict) -> None:
        bundle["records"]["schools"][0]["field_clock"]["town"][0] = bad

    with pytest.raises(BundleRefused) as refused:
        receive(here, _resealed(bundle_bytes(sender), spoil))
    assert str(refused.value).endswith(".")
    assert here.schools.count() == 0


def test_a_sender_100_years_ahead_is_refused_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender = _laptop(timedelta(days=365 * 100))
    sender.schools.add(School(name="Houghton"))
    path = tmp_path / "future.schoolnet.json"
    path.write_bytes(bundle_bytes(sender))
    db = tmp_path / "mine.db"
    Store.open(db).close()
    before = db.read_bytes()
    assert main(["--db", str(db), "import", str(path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "Claire Whitfield" in line and "check their computer's date" in line
    assert db.read_bytes() == before


def test_a_tombstone_from_the_future_is_refused() -> None:
    here = _laptop(timedelta(), "Me")
    school = here.schools.add(School(name="Houghton"))
    sender = _laptop(timedelta())
    receive(sender, bundle_bytes(here))

    def far(bundle: dict) -> None:
        bundle["deleted"] = [
            {"table": "schools", "id": school.id, "deleted_at": "2126-01-01T00:00:00.000000Z"}
        ]

    with pytest.raises(BundleRefused, match="check their computer's date"):
        receive(here, _resealed(bundle_bytes(sender), far))
    assert here.schools.find(school.id) is not None


def test_after_a_bundle_from_an_hour_ahead_a_local_edit_and_a_deletion_win() -> None:
    ahead, here = _laptop(timedelta(hours=1)), _laptop(timedelta(), "Me")
    school = ahead.schools.add(School(name="Houghton"))
    other = ahead.schools.add(School(name="Wyton"))
    ahead.schools.update(school.model_copy(update={"town": "from the laptop ahead"}))
    receive(here, bundle_bytes(ahead))
    here.schools.update(here.schools.get(school.id).model_copy(update={"town": "typed here later"}))
    here.schools.delete(other.id)
    receive(ahead, bundle_bytes(here))
    assert ahead.schools.get(school.id).town == "typed here later"
    assert ahead.schools.find(other.id) is None
    # What came in is sent on once, and then there is nothing left unsent.
    exchange.export(here, Path("/dev/null"), exchange.scope_for(here, "everything"))
    assert exchange.unsent_changes(here) == 0


def test_a_sender_a_week_behind_is_accepted_and_still_changes_what_they_saw() -> None:
    here, behind = _laptop(timedelta(), "Me"), _laptop(timedelta(days=-7))
    school = behind.schools.add(School(name="Houghton", town="Old town"))
    receive(here, bundle_bytes(behind))
    behind.schools.update(behind.schools.get(school.id).model_copy(update={"town": "New town"}))
    plan = receive(here, bundle_bytes(behind))
    assert here.schools.get(school.id).town == "New town"
    assert plan.conflicts == []
    here.schools.update(here.schools.get(school.id).model_copy(update={"town": "Typed here"}))
    assert here.schools.get(school.id).field_clock["town"][0].startswith("2026-11-23")


def test_a_receiver_a_week_behind_is_told_to_check_the_dates() -> None:
    here, behind = _laptop(timedelta(), "Me"), _laptop(timedelta(days=-7), "Sam")
    here.schools.add(School(name="Houghton"))
    with pytest.raises(BundleRefused, match="ask Me to check their computer's date"):
        receive(behind, bundle_bytes(here))
