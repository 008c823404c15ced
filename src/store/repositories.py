"""Repositories with queries beyond plain reads and writes."""

from __future__ import annotations

import uuid

from pydantic import BaseModel

from .enums import MembershipStatus
from .models import Membership, Network, Person, School
from .repository import Repository
from .schema import MEMBERSHIPS, SCHOOLS


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


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

    def support_balance(self, network_id: str) -> list[SupportBalance]:
        """For each active member, hours of support given and received within the network."""
        totals = {
            row["school_id"]: (row["given"], row["received"])
            for row in self.store.db.query(
                """
                SELECT school_id, sum(given) AS given, sum(received) AS received FROM (
                  SELECT giver_school_id AS school_id, hours AS given, 0 AS received
                    FROM support_exchanges WHERE network_id = ?
                  UNION ALL
                  SELECT receiver_school_id, 0, hours FROM support_exchanges WHERE network_id = ?
                ) GROUP BY school_id
                """,
                [network_id, network_id],
            )
        }
        return [
            SupportBalance(
                school=member.school,
                given=totals.get(member.school.id, (0, 0))[0],
                received=totals.get(member.school.id, (0, 0))[1],
            )
            for member in self.members(network_id)
        ]

    def by_name_or_id(self, text: str) -> Network | None:
        """The network with this id, or else this name."""
        return self.find(text) if _looks_like_uuid(text) else self.by_name(text)

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


class SchoolRepository(Repository[School]):
    """Schools, with search-as-you-type."""

    SEARCHED = ("name", "urn", "town", "trust")

    def search(
        self,
        text: str = "",
        *,
        order_by: str = "name",
        descending: bool = False,
        limit: int | None = None,
    ) -> list[School]:
        """Schools whose name, URN, town or trust contains text (ignoring case), sorted."""
        if order_by not in self.spec.columns:
            raise ValueError(f"schools has no column {order_by}")
        where, params = self._matching(text)
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT * FROM schools{where}"
            f" ORDER BY {order_by} IS NULL, {order_by} COLLATE NOCASE {direction}, name, id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self.spec.from_row(row) for row in self.store.db.query(sql, params)]

    def count_matching(self, text: str = "") -> int:
        """How many schools a search for text finds."""
        where, params = self._matching(text)
        return self.store.db.execute(f"SELECT count(*) FROM schools{where}", params).fetchone()[0]

    def _matching(self, text: str) -> tuple[str, list[str]]:
        if not text.strip():
            return "", []
        pattern = f"%{_escape_like(text.strip())}%"
        where = " WHERE " + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in self.SEARCHED)
        return where, [pattern] * len(self.SEARCHED)

    def by_urn(self, urn: str) -> School | None:
        """The school with this URN, or None."""
        found = self.where(urn=urn)
        return found[0] if found else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SupportBalance(BaseModel):
    """Hours of support a school gave and received within a network."""

    school: School
    given: float
    received: float

    @property
    def balance(self) -> float:
        """Given minus received: positive means the school has given more."""
        return self.given - self.received
