"""`schoolnet networks`, `reviews` and `meetings`: lists with the ids other commands take."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from store import Store, StoreError
from store.dates import uk_date
from store.enums import NetworkKind
from store.ids import SHORT, find_network
from store.models import Network
from store.text import plural

_WIDEST = 50  # characters of a name or title before it is cut with …


def network_kind(text: str) -> NetworkKind:
    """A network kind as typed: `cluster`, `alliance-group`, `Alliance group`."""
    try:
        return NetworkKind(text.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        kinds = ", ".join(kind.value for kind in NetworkKind)
        raise StoreError(f"There is no kind of network called {text}: use {kinds}.") from None


def list_networks(store: Store) -> int:
    """Print every network: short id, name, kind and how many schools are members."""
    rows = [
        (n.network_id[:SHORT], n.name, n.kind.label, plural(n.members, "school"))
        for n in store.dashboard.networks()
    ]
    if not rows:
        print("There are no networks yet: `schoolnet networks add NAME --kind KIND` adds one.")
        return 0
    _print_table(("ID", "NETWORK", "KIND", "SCHOOLS"), rows)
    return 0


def add_network(store: Store, name: str, kind: NetworkKind, area: str) -> int:
    """Create a network through the same store call, and checks, as the app's form."""
    from store.membership.networks import create_network

    name = name.strip()
    if not name:
        raise StoreError("Give the network a name.")
    try:
        network = Network(name=name, kind=kind, area=area.strip())
    except ValidationError as error:
        field = error.errors()[0]["loc"][0]
        raise StoreError(f"The network's {field} is not valid: {_reason(error)}.") from None
    saved = create_network(store, network)
    print(f"Created {saved.name} ({saved.kind.label.lower()}), id {saved.id}.")
    return 0


def _reason(error: ValidationError) -> str:
    message = str(error.errors()[0]["msg"])
    return message[:1].lower() + message[1:]


def list_reviews(store: Store, network: str | None) -> int:
    """Print peer reviews: short id, network, host school, year, start and stage."""
    where = {"network_id": find_network(store, network).id} if network else {}
    reviews = store.peer_reviews.where(order_by="academic_year DESC, starts_on", **where)
    if not reviews:
        print("There are no peer reviews yet.")
        return 0
    networks = store.networks.by_ids(r.network_id for r in reviews)
    schools = store.schools.by_ids(r.host_school_id for r in reviews)
    rows = [
        (
            review.id[:SHORT],
            networks[review.network_id].name,
            schools[review.host_school_id].name,
            review.academic_year,
            uk_date(review.starts_on) or "not set",
            review.stage.label,
        )
        for review in reviews
    ]
    _print_table(("ID", "NETWORK", "HOST SCHOOL", "YEAR", "STARTS", "STAGE"), rows)
    return 0


def list_meetings(store: Store, network: str | None) -> int:
    """Print meetings: short id, network, date and time, title and whether held."""
    from store.meetings.planning import status

    where = {"network_id": find_network(store, network).id} if network else {}
    meetings = store.meetings.where(order_by="starts_at", **where)
    if not meetings:
        print("There are no meetings yet.")
        return 0
    networks = store.networks.by_ids(m.network_id for m in meetings if m.network_id)
    now = store.clock().replace(tzinfo=None)
    rows = [
        (
            meeting.id[:SHORT],
            networks[meeting.network_id].name if meeting.network_id else "(no network)",
            f"{uk_date(meeting.starts_at.date())} {meeting.starts_at:%H:%M}",
            meeting.title,
            status(meeting, now),
        )
        for meeting in meetings
    ]
    _print_table(("ID", "NETWORK", "WHEN", "TITLE", "STATUS"), rows)
    return 0


def _print_table(heads: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell; a long name cut with … so lines stay short."""
    cut = [[_cut(cell) for cell in row] for row in rows]
    widths = [max(len(head), *(len(row[i]) for row in cut)) for i, head in enumerate(heads)]
    for row in [list(heads), *cut]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _cut(text: str) -> str:
    return text if len(text) <= _WIDEST else text[: _WIDEST - 1] + "…"
