"""Email drafts: an .eml with the bundle attached, read back with the email package and
imported into a second database; encrypted drafts keep the passphrase out; smaller bundles
of only what changed since the last one sent to the same people; safe file names."""

from __future__ import annotations

import json
from datetime import date
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from store import Store, StoreError
from store.demo.builder import DEMO_PROFILE, load_demo
from store.demo.ids import network_id
from store.schema import BY_NAME
from store.sharing import exchange, sending
from store.sharing.bundle import Scope
from store.sharing.email_draft import attached_bundle
from store.sharing.file_names import bundle_file_name, safe_file_name

from ..conftest import TickingClock

HUNTS = "Hunts Area Primary Partnership"


@pytest.fixture
def demo(file_store: Store) -> Store:
    load_demo(file_store)
    file_store.save_profile(DEMO_PROFILE)
    return file_store


def _parsed(path: Path):  # type: ignore[no-untyped-def]
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())


def test_draft_parses_and_its_attachment_imports_into_another_database(
    demo: Store, tmp_path: Path
) -> None:
    scope = exchange.scope_for(demo, "network", HUNTS)
    path = tmp_path / "hunts.eml"
    sent = sending.export(demo, path, scope, to=["jo@example.org.uk; sam@school.sch.uk"])
    assert sent.draft and path.read_bytes().count(b"\r\n") > 10  # CRLF, as RFC 5322 asks
    message = _parsed(path)
    assert message["To"] == "jo@example.org.uk, sam@school.sch.uk"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == (
        f"schoolnet bundle: {HUNTS}, from Claire Whitfield (Abbots Ripton CE Primary School)"
    )
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "press x" in body and HUNTS in body and "schools" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/json"
    assert attachment.get_filename() == (
        f"2026-11-23 {HUNTS} from Abbots Ripton CE Primary School.schoolnet.json"
    )
    carried = json.loads(attachment.get_content())
    assert carried["scope"]["name"] == HUNTS
    # The attachment, saved as a file, imports into a second database...
    saved = tmp_path / attachment.get_filename()
    saved.write_bytes(attachment.get_payload(decode=True))
    other = Store.open(tmp_path / "other.db", clock=TickingClock())
    exchange.import_file(other, saved)
    assert other.networks.by_name(HUNTS) is not None
    # ...and the .eml itself imports as well, the bundle taken out of it.
    third = Store.open(tmp_path / "third.db", clock=TickingClock())
    plan = exchange.import_file(third, path)
    assert plan.bundle["checksum"] == carried["checksum"]
    assert exchange.ledger(third)[0].file == str(path)
    other.close()
    third.close()


def test_encrypted_draft_says_the_passphrase_comes_another_way(demo: Store, tmp_path: Path) -> None:
    concern = demo.db.execute("SELECT facts FROM concerns LIMIT 1").fetchone()
    path = tmp_path / "all.eml"
    sending.export(
        demo, path, Scope("everything"), include_confidential=True, passphrase="correct horse"
    )
    text = path.read_bytes()
    assert b"correct horse" not in text
    body = _parsed(path).get_body(preferencelist=("plain",)).get_content()
    assert "passphrase will reach you another way" in body
    assert "concern" not in body.lower()
    if concern is not None:
        assert concern[0][:30].encode() not in text
    name, raw = attached_bundle(text, "all.eml")
    assert json.loads(raw)["format"] == "schoolnet-encrypted-bundle"


def test_bad_addresses_and_an_email_without_a_bundle_are_refused(
    demo: Store, tmp_path: Path
) -> None:
    with pytest.raises(StoreError, match="'jo-at-school' is not"):
        sending.export(demo, tmp_path / "x.eml", Scope("everything"), to=["jo-at-school"])
    plain = tmp_path / "hello.eml"
    plain.write_bytes(b"Subject: hello\r\nTo: a@b.org\r\n\r\nNo attachment here.\r\n")
    with pytest.raises(StoreError, match="hello.eml is an email with no schoolnet bundle"):
        exchange.preview(demo, plain)


def test_changes_since_the_last_bundle_to_these_people(demo: Store, tmp_path: Path) -> None:
    scope = exchange.scope_for(demo, "network", HUNTS)
    to = ["jo@example.org.uk"]
    first = sending.export(demo, tmp_path / "one.schoolnet.json", scope, to=to, since_last=True)
    assert first.since is None  # nothing went to Jo before: the whole network goes
    meeting = demo.meetings.where(network_id=network_id("hunts"))[0]
    demo.meetings.update(meeting.model_copy(update={"title": "Moved to the library"}))
    # Another bundle, to someone else, does not count as sent to Jo.
    sending.export(demo, tmp_path / "other.schoolnet.json", scope, to=["sam@school.sch.uk"])
    second = sending.export(demo, tmp_path / "two.eml", scope, to=to, since_last=True)
    assert second.since is not None
    carried = json.loads(attached_bundle((tmp_path / "two.eml").read_bytes(), "two.eml")[1])
    held = {(table, row["id"]) for table, rows in carried["records"].items() for row in rows}
    # The meeting, and the records it refers to (so the bundle imports on its own); no more.
    expected = {("meetings", meeting.id)}
    pending = [("meetings", meeting.id)]
    while pending:
        table, ident = pending.pop()
        row = demo.db.execute(f"SELECT * FROM {table} WHERE id = ?", [ident]).fetchone()
        columns = [c[0] for c in demo.db.execute(f"SELECT * FROM {table} LIMIT 0").description]
        for column, target in BY_NAME[table].references.items():
            ref = dict(zip(columns, row, strict=True))[column]
            if ref and (target, ref) not in expected:
                expected.add((target, ref))
                pending.append((target, ref))
    assert held == expected
    assert len(held) < first.records
    assert carried["scope"]["name"].startswith(f"{HUNTS}, changes since 23 Nov 2026")
    # It imports into a database that had the first bundle.
    other = Store.open(tmp_path / "other.db", clock=TickingClock())
    exchange.import_file(other, tmp_path / "one.schoolnet.json")
    exchange.import_file(other, tmp_path / "two.eml")
    assert other.meetings.get(meeting.id).title == "Moved to the library"
    other.close()


def test_file_names_are_readable_and_safe_on_windows() -> None:
    name = bundle_file_name(HUNTS, "Abbots Ripton", date(2026, 11, 23))
    assert name == f"2026-11-23 {HUNTS} from Abbots Ripton.schoolnet.json"
    awkward = bundle_file_name(
        'Review: 2025/26 <draft> "A|B"?* ' + "x" * 200, "St Mary’s", date(2026, 1, 2)
    )
    assert len(awkward) < 100 and awkward.endswith(".schoolnet.json")
    assert not set('<>:"/\\|?*') & set(awkward)
    assert safe_file_name("CON", ".html") == "schoolnet CON.html"
    assert safe_file_name("  notes. ", ".md") == "notes.md"


def test_cli_writes_a_draft_and_imports_an_eml(
    demo: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    demo.close()
    draft = tmp_path / "for jo.eml"
    db = ["--db", str(tmp_path / "schoolnet.db")]
    args = [*db, "export", "--network", HUNTS, "-o", str(draft), "--to", "jo@example.org.uk"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "an email draft" in out and "Open the draft in your mail program" in out
    message = _parsed(draft)
    assert (message["To"], message["X-Unsent"]) == ("jo@example.org.uk", "1")
    assert main(["--db", str(tmp_path / "other.db"), "import", str(draft)]) == 0
    assert f"Imported for jo.eml ({HUNTS})" in capsys.readouterr().out
    assert main([*args, "--since-last"]) == 0
    assert "Only what changed since" in capsys.readouterr().out


def test_paper_names_read_as_words() -> None:
    from store.sharing.file_names import paper_file_name

    assert paper_file_name("Outcomes", "St Mary’s C of E", "2025-26", suffix=".html") == (
        "Outcomes St Mary’s C of E 2025-26.html"
    )
    assert paper_file_name("Meetings", "Coventry: East/North", suffix=".ics") == (
        "Meetings Coventry East North.ics"
    )
