"""Helpers for moving bundles between stores in tests, through real JSON bytes."""

from __future__ import annotations

import json
from typing import Any

from store import Store
from store.sharing.bundle import Scope, build, check, encode
from store.sharing.merge import ImportPlan, apply_plan, plan_import


def bundle_bytes(store: Store, scope: Scope | None = None, **options: Any) -> bytes:
    """A bundle of `store` as the bytes of its file."""
    return encode(build(store, scope or Scope("everything"), **options))


def receive(store: Store, raw: bytes) -> ImportPlan:
    """Import bundle bytes into a store, as `schoolnet import` does (without the file)."""
    plan = plan_import(store, check(json.loads(raw), "test bundle"), "test bundle")
    apply_plan(store, plan)
    return plan


def data(store: Store, *, confidential: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every record table's rows, sorted: what must be equal after a merge."""
    from store.schema import TABLES

    return {
        spec.name: list(store.db.query(f"SELECT * FROM {spec.name} ORDER BY id"))
        for spec in TABLES
        if confidential or not spec.confidential
    }


def tombstones(store: Store) -> list[dict[str, Any]]:
    """The tombstones table, sorted."""
    return list(store.db.query("SELECT * FROM tombstones ORDER BY table_name, record_id"))
