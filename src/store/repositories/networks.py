"""Networks, their members and the support they give one another."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from store.enums import MembershipStatus
from store.models import Membership, Network, School
from store.repositories.base import Repository
from store.schema import MEMBERSHIPS, SCHOOLS


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


class Member(BaseModel):
    """A school in a network, with its membership."""

    # Built on first use, not at import: start-up pays only for what it shows.
    model_config = ConfigDict(defer_build=True)

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

    def choices(self) -> list[tuple[str, str]]:
        """(name, id) of every network, by name: for a chooser, without building models."""
        rows = self.store.db.execute("SELECT name, id FROM networks ORDER BY name, id")
        return [(str(name), str(network_id)) for name, network_id in rows.fetchall()]

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


class SupportBalance(BaseModel):
    """Hours of support a school gave and received within a network."""

    # Built on first use, not at import: start-up pays only for what it shows.
    model_config = ConfigDict(defer_build=True)

    school: School
    given: float
    received: float

    @property
    def balance(self) -> float:
        """Given minus received: positive means the school has given more."""
        return self.given - self.received
