"""Repositories with queries beyond plain reads and writes."""

from __future__ import annotations

from pydantic import BaseModel

from .enums import MembershipStatus
from .models import Membership, Network, Person, School
from .repository import Repository
from .schema import MEMBERSHIPS, SCHOOLS


class Member(BaseModel):
    """A school in a network, with its membership."""

    school: School
    membership: Membership


class NetworkRepository(Repository[Network]):
    """Networks, and the schools in them."""

    def members(self, network_id: str, *, active_only: bool = True) -> list[Member]:
        """The schools in a network, by name; only active members unless asked."""
        status = " AND m.status = ?" if active_only else ""
        params = [network_id] + ([MembershipStatus.ACTIVE.value] if active_only else [])
        school_cols = ", ".join(f"s.{c} AS s_{c}" for c in SCHOOLS.columns)
        member_cols = ", ".join(f"m.{c} AS m_{c}" for c in MEMBERSHIPS.columns)
        sql = (
            f"SELECT {school_cols}, {member_cols} FROM memberships m"
            f" JOIN schools s ON s.id = m.school_id WHERE m.network_id = ?{status}"
            " ORDER BY s.name, s.id"
        )
        members = []
        for row in self.store.db.query(sql, params):
            school = SCHOOLS.from_row({c: row[f"s_{c}"] for c in SCHOOLS.columns})
            membership = MEMBERSHIPS.from_row({c: row[f"m_{c}"] for c in MEMBERSHIPS.columns})
            members.append(Member(school=school, membership=membership))
        return members

    def by_name(self, name: str) -> Network | None:
        """The network with exactly this name (ignoring case), or None."""
        rows = self.store.db.query(
            "SELECT * FROM networks WHERE lower(name) = lower(?) ORDER BY id LIMIT 1", [name]
        )
        row = next(rows, None)
        return None if row is None else self.spec.from_row(row)


class PeopleRepository(Repository[Person]):
    """People, and finding the person a user is."""

    def matching(self, name: str, school_id: str | None) -> Person | None:
        """The person with this name (ignoring case), at this school if one is given."""
        sql = "SELECT * FROM people WHERE lower(name) = lower(?)"
        params: list[str] = [name.strip()]
        if school_id:
            sql += " AND school_id = ?"
            params.append(school_id)
        row = next(self.store.db.query(sql + " ORDER BY id LIMIT 1", params), None)
        return None if row is None else self.spec.from_row(row)
