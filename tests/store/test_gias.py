"""Importing the DfE register of schools from its CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from store import Store
from store.membership.gias import NotARegisterFile, import_gias

COLUMNS = [
    "URN", "LA (name)", "EstablishmentName", "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)", "PhaseOfEducation (name)", "Street", "Locality", "Town",
    "Postcode", "SchoolWebsite", "TelephoneNum", "HeadTitle (name)", "HeadFirstName",
    "HeadLastName", "Trusts (name)", "Federations (name)", "ReligiousCharacter (name)",
    "OfstedRating (name)", "OfstedLastInsp",
]  # fmt: skip


def row(urn: str, name: str, **extra: str) -> dict[str, str]:
    base = {
        "URN": urn, "LA (name)": "Cambridgeshire", "EstablishmentName": name,
        "TypeOfEstablishment (name)": "Voluntary aided school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary", "Town": "Huntingdon", "Postcode": "PE28 2LT",
        "SchoolWebsite": "www.example-school.org.uk", "HeadTitle (name)": "Mrs",
        "HeadFirstName": "Claire", "HeadLastName": "Whitfield",
        "ReligiousCharacter (name)": "Does not apply", "OfstedRating (name)": "Good",
        "OfstedLastInsp": "15-03-2023",
    }  # fmt: skip
    return base | extra


def write(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return write(
        tmp_path / "edubase.csv",
        [
            row(
                "110001",
                "Abbots Ripton CE Primary School",
                **{"ReligiousCharacter (name)": "Church of England"},
            ),
            row(
                "110002", "Hartford Infant School", **{"Federations (name)": "Hartford Federation"}
            ),
            row("11x003", "Broken URN School"),
            row("110004", "St Anne’s CE Primary School", Town="Godmanchester"),
            row("110005", "Closed School", **{"EstablishmentStatus (name)": "Closed"}),
            row(
                "110006",
                "Ouse Valley College",
                **{
                    "TypeOfEstablishment (name)": "Other independent school",
                    "PhaseOfEducation (name)": "Secondary",
                    "OfstedRating (name)": "",
                },
            ),
        ],
        encoding="cp1252",
    )


def test_windows_1252_file_imports_good_rows_and_reports_the_bad_one(
    store: Store, register: Path
) -> None:
    summary = import_gias(store, register)
    assert (summary.added, summary.updated, summary.skipped) == (4, 0, 1)
    assert [(r.row, r.reason) for r in summary.refused] == [
        (4, "its URN '11x003' is not six digits")
    ]
    annes = store.schools.by_urn("110004")
    assert annes is not None and annes.name == "St Anne’s CE Primary School"
    infant = store.schools.by_urn("110002")
    assert infant is not None
    assert (infant.phase, infant.federation, infant.head_teacher) == (
        "infant",
        "Hartford Federation",
        "Mrs Claire Whitfield",
    )
    assert infant.website == "https://www.example-school.org.uk"
    college = store.schools.by_urn("110006")
    assert college is not None
    assert (college.sector, college.phase, college.ofsted_judgement) == (
        "independent",
        "secondary",
        "not_yet_inspected",
    )
    abbots = store.schools.by_urn("110001")
    assert abbots is not None and abbots.religious_character == "Church of England"
    assert abbots.ofsted_date is not None and abbots.ofsted_date.isoformat() == "2023-03-15"


def test_second_import_adds_nothing_and_updates_by_urn(
    store: Store, register: Path, tmp_path: Path
) -> None:
    import_gias(store, register)
    again = import_gias(store, register)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    changed = write(
        tmp_path / "changed.csv", [row("110001", "Abbots Ripton Primary", Town="Abbots Ripton")]
    )
    summary = import_gias(store, changed)
    assert (summary.added, summary.updated) == (0, 1)
    assert store.schools.count() == 4
    school = store.schools.by_urn("110001")
    assert school is not None and (school.name, school.town) == (
        "Abbots Ripton Primary",
        "Abbots Ripton",
    )


def test_closed_schools_come_in_when_asked(store: Store, register: Path) -> None:
    assert import_gias(store, register, include_closed=True).added == 5


def test_utf8_with_bom_is_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    write(path, [row("110010", "Ærø School")])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert import_gias(store, path).added == 1
    assert store.schools.by_urn("110010").name == "Ærø School"


def test_a_file_that_is_not_from_the_register_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,town\nA,B\n")
    with pytest.raises(NotARegisterFile, match="not a register file"):
        import_gias(store, path)


def test_a_broken_or_empty_csv_is_refused_in_a_sentence(store: Store, tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    huge.write_text("URN,EstablishmentName\n100001," + "x" * 200_000 + "\n")
    with pytest.raises(NotARegisterFile, match="is not a CSV file schoolnet can read"):
        import_gias(store, huge)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(NotARegisterFile, match="has no rows"):
        import_gias(store, empty)
    assert store.schools.count() == 0


def test_bad_website_is_dropped_not_fatal(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", [row("110020", "Web School", SchoolWebsite="not a website")])
    assert import_gias(store, path).added == 1
    assert store.schools.by_urn("110020").website == ""


def test_progress_reaches_the_end(store: Store, register: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_gias(store, register, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)


def test_a_row_with_an_unreadable_optional_field_goes_in_without_it(
    store: Store, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "register.csv",
        [
            row("120001", "Houghton Primary School", OfstedLastInsp="31-02-2023"),
            row("120002", "Hemingford Grey Primary School", SchoolWebsite="not a web site"),
            row("120003", "Wyton on the Hill Primary School", OfstedLastInsp="soon"),
            row("120004", "Fine Primary School"),
        ],
    )
    summary = import_gias(store, path)
    assert (summary.added, summary.refused) == (4, [])
    assert summary.blanked == {"OfstedLastInsp": [2, 4], "SchoolWebsite": [3]}
    assert str(summary) == (
        "4 added, 0 updated, 0 unchanged, 0 skipped (closed), 0 refused; 3 rows had a field we"
        " could not read (left blank): OfstedLastInsp (rows 2, 4), SchoolWebsite (row 3)"
    )
    houghton = store.schools.by_urn("120001")
    assert houghton is not None and houghton.ofsted_date is None
    assert houghton.town == "Huntingdon" and houghton.ofsted_judgement.value == "good"
    hemingford = store.schools.by_urn("120002")
    assert hemingford is not None and hemingford.website == ""


def test_one_unreadable_field_is_one_row() -> None:
    from store.membership.gias import ImportSummary

    summary = ImportSummary(added=1, blanked={"OfstedLastInsp": [7]})
    assert summary.blanked_sentence == (
        "1 row had a field we could not read (left blank): OfstedLastInsp (row 7)"
    )
