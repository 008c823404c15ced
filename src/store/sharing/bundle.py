"""Bundles: one JSON file holding records to email to a colleague, checked before any use.

Format (docs/bundle-format.md): `format`, `version`, `bundle_id`, `created_at`,
`created_by`, `scope`, `records` (per table, sorted by id), `deleted` (tombstones) and
`checksum`, the SHA-256 of the rest written compactly with sorted keys.
"""

from __future__ import annotations

import hashlib
import json
import types
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from store import schema
from store.dates import iso_utc
from store.models import UtcDateTime
from store.sharing.crypto import ENCRYPTED_FORMAT, WrongPassphrase, decrypt, encrypt
from store.sharing.parsing import (
    CANONICAL_ID,
    MAX_TOMBSTONES,
    PassphraseNeeded,
    check_lengths,
    parse_json,
    read_bounded,
)
from store.sharing.parsing import (
    BundleRefused as BundleRefused,
)
from store.sql import query_in

if TYPE_CHECKING:
    from store.db import Store

FORMAT = "schoolnet-bundle"
VERSION = 1
EMAIL_LIMIT = 10 * 1024 * 1024
SUFFIX = ".schoolnet.json"

ScopeKind = Literal["everything", "network", "review", "meeting"]


@dataclass(frozen=True)
class Scope:
    """What a bundle holds: everything, or one network, review or meeting."""

    kind: ScopeKind
    id: str | None = None
    name: str = "everything"

    def as_json(self) -> dict[str, Any]:
        """The scope as the bundle records it."""
        return {"kind": self.kind, "id": self.id, "name": self.name}


class Tombstone(BaseModel):
    """A deletion carried by a bundle."""

    # Built on first use, not at import: start-up pays only for what it shows.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    table: str
    id: str
    deleted_at: UtcDateTime


def checksum(bundle: dict[str, Any]) -> str:
    """`sha256:` and the hex digest of the bundle without its checksum, written canonically."""
    body = {key: value for key, value in bundle.items() if key != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# Export -------------------------------------------------------------------------------


def _select(store: Store, table: str, column: str, values: Iterable[str]) -> set[str]:
    """Ids of rows of `table` whose `column` is one of `values`."""
    sql = f"SELECT id FROM {table} WHERE {column} IN ({{marks}})"
    return {row["id"] for row in query_in(store.db, sql, values)}


def _rows(store: Store, table: str, ids: set[str] | None) -> list[dict[str, Any]]:
    if ids is None:
        return list(store.db.query(f"SELECT * FROM {table} ORDER BY id"))
    rows = list(query_in(store.db, f"SELECT * FROM {table} WHERE id IN ({{marks}})", sorted(ids)))
    return sorted(rows, key=lambda row: row["id"])


def _descend(
    store: Store, picked: dict[str, set[str]], start: dict[str, set[str]], into: Iterable[str]
) -> None:
    """Add to `picked` every record of the `into` tables that refers to a `start` record,
    or to one added so, until nothing more refers down."""
    tables = [spec for spec in schema.TABLES if spec.name in set(into)]
    pending = start
    while any(pending.values()):
        found: dict[str, set[str]] = {}
        for spec in tables:
            for column, target in spec.references.items():
                if pending.get(target):
                    fresh = _select(store, spec.name, column, pending[target])
                    fresh -= picked[spec.name]
                    picked[spec.name] |= fresh
                    found.setdefault(spec.name, set()).update(fresh)
        pending = found


def _seed(store: Store, scope: Scope) -> dict[str, set[str]]:
    """The records that belong to a scope (docs/bundle-format.md, Scopes), derived from the
    registry: the root, every record under it, and its member schools' own records."""
    root = schema.SCOPE_ROOTS[scope.kind]
    picked: dict[str, set[str]] = {spec.name: set() for spec in schema.TABLES}
    picked[root] = {scope.id or ""}
    # Down from the root only: a school or person is never a way down, so another network's
    # review at a shared school, or a person's other meetings, stay out.
    _descend(store, picked, {root: picked[root]}, schema.dependents(root))
    members: set[str] = set()
    for spec in schema.TABLES:
        if spec.member_school and picked[spec.name]:
            rows = _rows(store, spec.name, picked[spec.name])
            members |= {row[spec.member_school] for row in rows if row[spec.member_school]}
    picked["schools"] |= members
    _descend(store, picked, {"schools": members}, schema.SHARED)
    return picked


def _close(store: Store, picked: dict[str, set[str]]) -> dict[str, list[dict[str, Any]]]:
    """Add every record the picked ones refer to, until nothing more is needed."""
    rows: dict[str, dict[str, dict[str, Any]]] = {spec.name: {} for spec in schema.TABLES}
    pending = {table: set(ids) for table, ids in picked.items()}
    while any(pending.values()):
        following: dict[str, set[str]] = {spec.name: set() for spec in schema.TABLES}
        for spec in schema.TABLES:
            fresh = pending[spec.name] - rows[spec.name].keys()
            for row in _rows(store, spec.name, fresh):
                rows[spec.name][row["id"]] = row
                for column, target in spec.references.items():
                    if row[column] and row[column] not in rows[target]:
                        following[target].add(row[column])
        pending = following
    return {table: [found[key] for key in sorted(found)] for table, found in rows.items()}


def build(store: Store, scope: Scope, *, include_confidential: bool = False) -> dict[str, Any]:
    """The bundle for a scope, checksum included."""
    if scope.kind == "everything":
        rows = {spec.name: _rows(store, spec.name, None) for spec in schema.TABLES}
    else:
        rows = _close(store, _seed(store, scope))
    records = {
        spec.name: [spec.row_to_json(row) for row in rows[spec.name]]
        for spec in schema.TABLES
        if rows[spec.name] and (include_confidential or not spec.confidential)
    }
    hidden = {spec.name for spec in schema.TABLES if spec.confidential and not include_confidential}
    deleted = [
        {"table": row["table_name"], "id": row["record_id"], "deleted_at": row["deleted_at"]}
        for row in store.db.query("SELECT * FROM tombstones ORDER BY table_name, record_id")
        if row["table_name"] not in hidden
    ]
    profile = store.profile
    bundle: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "bundle_id": str(uuid.uuid4()),
        "created_at": iso_utc(store.clock()),
        "created_by": {
            "name": profile.name if profile else "",
            "installation_id": store.installation_id,
        },
        "scope": scope.as_json(),
        "records": records,
        "deleted": deleted,
    }
    bundle["checksum"] = checksum(bundle)
    return bundle


_compact = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(", ", ": ")).encode


def _layout(bundle: dict[str, Any]) -> str:
    """Sorted keys, one record or deletion a line: `diff` shows what changed, and Python's
    fast C encoder does the work (an indented dump falls back to pure Python, 3x slower)."""
    lines = ["{"]
    keys = sorted(bundle)
    for position, key in enumerate(keys):
        comma = "," if position < len(keys) - 1 else ""
        value = bundle[key]
        if key == "records":
            lines.append('"records": {')
            tables = sorted(value)
            for index, table in enumerate(tables):
                lines.append(f"{_compact(table)}: [")
                lines.append(",\n".join(_compact(record) for record in value[table]))
                lines.append("]" + ("," if index < len(tables) - 1 else ""))
            lines.append("}" + comma)
        elif key == "deleted":
            lines.append('"deleted": [')
            lines.append(",\n".join(_compact(item) for item in value))
            lines.append("]" + comma)
        else:
            lines.append(f"{_compact(key)}: {_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"


def encode(bundle: dict[str, Any], passphrase: str | None = None) -> bytes:
    """The file's bytes: diffable JSON, or its encrypted envelope."""
    text = _layout(bundle)
    if passphrase is None:
        return text.encode("utf-8")
    envelope = encrypt(text.encode("utf-8"), passphrase)
    return (json.dumps(envelope, indent=1) + "\n").encode("utf-8")


# Reading ------------------------------------------------------------------------------


def read(path: Path, passphrase: str | None = None) -> dict[str, Any]:
    """Read and check a bundle file: size, encoding, JSON, format, version and checksum."""
    name = path.name
    data = parse_json(read_bounded(path), name)
    encrypted = isinstance(data, dict) and data.get("format") == ENCRYPTED_FORMAT
    if encrypted:
        if not passphrase:
            raise PassphraseNeeded(f"{name} is encrypted: give its passphrase to open it.")
        try:
            data = parse_json(decrypt(data, passphrase), name)
        except WrongPassphrase as error:
            raise BundleRefused(f"{name} cannot be opened: {error}.") from None
    checked = check(data, name)
    if not encrypted:
        _no_confidential(checked, name)
    return checked


def _no_confidential(data: dict[str, Any], name: str) -> None:
    """Refuse confidential records, or their deletion, outside the encrypted part of a file."""
    hidden = {spec.name for spec in schema.TABLES if spec.confidential}
    carried = hidden & set(data["records"])
    carried |= {
        str(item.get("table")) for item in data["deleted"] if isinstance(item, dict)
    } & hidden
    if carried:
        table = sorted(carried)[0].replace("_", " ")
        raise BundleRefused(
            f"{name} carries {table} unencrypted: confidential records are accepted only from"
            " an encrypted bundle."
        )


_TOP_LEVEL = frozenset(
    {"format", "version", "bundle_id", "created_at", "created_by", "scope", "records",
     "deleted", "checksum"}
)  # fmt: skip


def check(data: Any, name: str) -> dict[str, Any]:
    """Refuse anything that is not a whole, unaltered bundle this version can read."""
    if not isinstance(data, dict) or "format" not in data:
        raise BundleRefused(f"{name} is JSON, but not a schoolnet bundle.")
    if data["format"] != FORMAT:
        raise BundleRefused(
            f"{name} is a {str(data['format'])[:40]!r} file, not a schoolnet bundle."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleRefused(f"{name} has no valid bundle version, so it cannot be read safely.")
    if version > VERSION:
        raise BundleRefused(
            f"{name} was made by a newer schoolnet (bundle version {version}; this one reads"
            f" up to {VERSION}), so upgrade schoolnet to import it."
        )
    unknown = sorted(str(key) for key in data if key not in _TOP_LEVEL)
    if unknown and version <= VERSION:
        raise BundleRefused(f"{name} has a key schoolnet does not know: {unknown[0][:40]!r}.")
    if data.get("checksum") != checksum(data):
        raise BundleRefused(
            f"{name} does not match its checksum: it was changed or damaged after it was made."
        )
    for key, kind in (("bundle_id", str), ("created_at", str), ("created_by", dict),
                      ("scope", dict), ("records", dict), ("deleted", list)):  # fmt: skip
        if not isinstance(data.get(key), kind):
            raise BundleRefused(f"{name} has no valid {key}, so it is not a whole bundle.")
    return data


def records_of(data: dict[str, Any], name: str) -> tuple[dict[str, list[Any]], list[Tombstone]]:
    """The bundle's records as models, table by table, and its tombstones; refuse bad shapes."""
    parsed: dict[str, list[Any]] = {}
    for table, items in data["records"].items():
        spec = schema.BY_NAME.get(table)
        if spec is None:
            raise BundleRefused(
                f"{name} holds a table schoolnet does not know: {str(table)[:40]!r}."
            )
        if not isinstance(items, list):
            raise BundleRefused(f"{name} lists its {table} wrongly: records must be a list.")
        seen: set[str] = set()
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
                raise BundleRefused(f"Record {index} of {table} in {name} has no id.")
            if not CANONICAL_ID.match(item["id"]):
                raise BundleRefused(
                    f"Record {index} of {table} in {name} has an id that is not a lower-case UUID."
                )
            if item["id"] in seen:
                raise BundleRefused(f"{name} has two records with id {item['id']} in {table}.")
            seen.add(item["id"])
        check_lengths(table, items, name)
        try:
            # Strict, from JSON: "5" is not a number and "yes" is not true.
            parsed[table] = spec.list_adapter.validate_json(_compact(items), strict=True)
        except ValidationError as error:
            problem = error.errors()[0]
            where = problem["loc"]
            record = items[where[0]]["id"] if where and isinstance(where[0], int) else "?"
            field = ".".join(str(part) for part in where[1:]) or "record"
            raise BundleRefused(
                f"Record {record} in {table} is not valid: {field}: {problem['msg'].lower()}."
            ) from None
    if len(data["deleted"]) > MAX_TOMBSTONES:
        raise BundleRefused(f"{name} holds too many deletions (over {MAX_TOMBSTONES:,}).")
    try:
        deleted = TypeAdapter(list[Tombstone]).validate_python(data["deleted"])
    except ValidationError:
        raise BundleRefused(f"{name} lists its deletions wrongly.") from None
    for tombstone in deleted:
        if not CANONICAL_ID.match(tombstone.id):
            raise BundleRefused(
                f"{name} deletes a record whose id is not a lower-case UUID: {tombstone.id[:40]!r}."
            )
        if tombstone.table not in schema.BY_NAME:
            raise BundleRefused(
                f"{name} deletes from a table schoolnet does not know: {tombstone.table[:40]!r}."
            )
    return parsed, deleted


_Format = Literal["schoolnet-bundle"]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a (plain, unencrypted) bundle, generated from the models."""
    from pydantic import create_model

    tables: dict[str, Any] = {
        spec.name: (types.GenericAlias(list, (spec.model,)), []) for spec in schema.TABLES
    }
    records = create_model("Records", __config__=ConfigDict(extra="forbid"), **tables)
    created_by = create_model("CreatedBy", name=(str, ...), installation_id=(str, ...))
    scope = create_model(
        "BundleScope",
        kind=(ScopeKind, ...),
        id=(str | None, None),
        name=(str, ...),
    )
    model = create_model(
        "SchoolnetBundle",
        format=(_Format, ...),
        version=(int, VERSION),
        bundle_id=(str, ...),
        created_at=(str, ...),
        created_by=(created_by, ...),
        scope=(scope, ...),
        records=(records, ...),
        deleted=(list[Tombstone], ...),
        checksum=(str, ...),
    )
    return model.model_json_schema()
