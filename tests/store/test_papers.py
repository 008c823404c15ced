"""The nomination form and MoU, in Markdown and HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store import Store
from store.documents.nomination import write_nomination_form
from store.membership.joining import accept, nominate
from store.models import Network, School


def _nominated(store: Store) -> str:
    network = store.networks.add(Network(name="East of England Alliance"))
    school = store.schools.add(
        School(
            name="<b>Wimblington</b> & Fen",
            head_teacher="George Lane",
            contact_email="head@w.example.org.uk",
            town="Wimblington",
            postcode="PE15 0QQ",
        )
    )
    membership = nominate(
        store, network.id, school.id, nominated_by="Dr Helen Marsh", on=date(2026, 10, 5)
    )
    accept(store, membership.id, head="George Lane", on=date(2026, 10, 12))
    return membership.id


def test_markdown_form_has_criteria_fields_and_signatures(store: Store, tmp_path: Path) -> None:
    text = write_nomination_form(store, _nominated(store), tmp_path / "form.md").read_text()
    assert "## Membership criteria" in text
    assert "| School name | <b>Wimblington</b> & Fen |" in text
    assert "Signed (Co-ordinator): Dr Helen Marsh  Date: 5 Oct 2026" in text
    assert "Signed (Head teacher): George Lane  Date: 12 Oct 2026" in text
    assert "Date: not yet signed" in text  # the chair has not approved yet


def test_html_form_escapes_text_from_the_database(store: Store, tmp_path: Path) -> None:
    text = write_nomination_form(store, _nominated(store), tmp_path / "form.html").read_text()
    assert text.startswith("<!doctype html>")
    assert "&lt;b&gt;Wimblington&lt;/b&gt; &amp; Fen" in text
    assert "<b>Wimblington</b>" not in text
    assert "head@w.example.org.uk" in text
