"""The Store: one SQLite database opened safely, migrated, and reached through repositories."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from sqlite_utils import Database

from store import failures, models, schema
from store.connection import SchoolnetDatabase
from store.dashboard import DashboardQueries
from store.dates import Clock, utc_now
from store.db_file import BUSY_TIMEOUT_MS, check_file, connect, create_private, unopenable
from store.enums import PersonRole
from store.errors import DatabaseUnavailable, NewerDatabase, NotASchoolnetDatabase
from store.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate
from store.models import UserProfile
from store.repositories.base import Repository
from store.repositories.networks import NetworkRepository
from store.repositories.people import PeopleRepository
from store.repositories.schools import SchoolRepository


class Settings:
    """Local key-value settings of this installation; never exported."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        """The value stored under key, or None."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def set(self, key: str, value: str) -> None:
        """Store value under key."""
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )


class Store:
    """The whole of schoolnet's data, behind typed repositories the UI calls."""

    # One repository per registry table, under the table's name; these add query methods.
    REPOSITORY_CLASSES: ClassVar[dict[str, type[Repository[Any]]]] = {
        "schools": SchoolRepository,
        "people": PeopleRepository,
        "networks": NetworkRepository,
    }

    schools: SchoolRepository
    people: PeopleRepository
    networks: NetworkRepository
    memberships: Repository[models.Membership]
    membership_events: Repository[models.MembershipEvent]
    membership_moves: Repository[models.MembershipMove]
    meetings: Repository[models.Meeting]
    agenda_items: Repository[models.AgendaItem]
    attendances: Repository[models.Attendance]
    partnership_priorities: Repository[models.PartnershipPriority]
    action_plans: Repository[models.ActionPlan]
    plan_priorities: Repository[models.PlanPriority]
    plan_scrutinies: Repository[models.PlanScrutiny]
    peer_reviews: Repository[models.PeerReview]
    review_team_members: Repository[models.ReviewTeamMember]
    evidence_notes: Repository[models.EvidenceNote]
    concerns: Repository[models.Concern]
    concern_amendments: Repository[models.ConcernAmendment]
    review_slots: Repository[models.ReviewSlot]
    outcome_areas: Repository[models.OutcomeArea]
    review_amendments: Repository[models.ReviewAmendment]
    actions: Repository[models.Action]
    plan_spending: Repository[models.PlanSpending]
    case_studies: Repository[models.CaseStudy]
    support_exchanges: Repository[models.SupportExchange]
    partnership_projects: Repository[models.PartnershipProject]
    project_partners: Repository[models.ProjectPartner]
    network_funding: Repository[models.NetworkFunding]
    health_answers: Repository[models.HealthAnswer]

    def __init__(self, db: Database, *, clock: Clock = utc_now, path: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.path = path
        self.settings = Settings(db)
        self._repositories: dict[str, Repository[Any]] = {}
        for spec in schema.TABLES:
            repository = self.REPOSITORY_CLASSES.get(spec.name, Repository)(self, spec)
            self._repositories[spec.name] = repository
            setattr(self, spec.name, repository)
        # Tables written through this store since the UI last asked (see take_changes), and
        # how many writes each table has had since opening (see version_of).
        self._changed: set[str] = set()
        self._writes: dict[str, int] = {}
        self.dashboard = DashboardQueries(self)
        self._profile: UserProfile | None = None
        # The versions edits in progress began from, by record id (see `editing`).
        self._bases: dict[str, models.Record] = {}

    # Opening --------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, clock: Clock = utc_now) -> Store:
        """Open (creating if needed) the database at path, or at the default location."""
        from store.paths import default_db_path

        target = Path(path) if path is not None else default_db_path()
        try:
            check_file(target)
        except OSError as error:  # a name too long for the file system, say
            raise DatabaseUnavailable(failures.cannot("open", target, error)) from None
        try:
            create_private(target)
            conn = connect(target)
            conn.execute("PRAGMA schema_version").fetchone()
        except (OSError, sqlite3.Error) as error:
            raise unopenable(target, error) from error
        try:
            db = SchoolnetDatabase(conn, execute_plugins=False)
            return cls._prepare(db, clock=clock, path=target)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def memory(cls, *, clock: Clock = utc_now) -> Store:
        """A fresh in-memory store, for tests and benchmarks."""
        conn = connect(":memory:")
        return cls._prepare(SchoolnetDatabase(conn, execute_plugins=False), clock=clock, path=None)

    @classmethod
    def _prepare(cls, db: Database, *, clock: Clock, path: Path | None) -> Store:
        where = path or "memory"
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            # A lead reviewer's laptop may lose power mid-visit: sync every commit to disk.
            db.execute("PRAGMA synchronous = FULL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            has_tables = bool(db.table_names())
        except sqlite3.Error as error:
            raise unopenable(path, error) from error
        if has_tables and app_id != APPLICATION_ID:
            raise NotASchoolnetDatabase(f"{where} is a SQLite database, but not a schoolnet one.")
        if version > SCHEMA_VERSION:
            raise NewerDatabase(
                f"{where} was written by a newer version of schoolnet (schema {version}; this"
                f" version reads up to {SCHEMA_VERSION}), so upgrade schoolnet to open it."
            )
        if path is not None:
            try:
                db.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as error:
                raise DatabaseUnavailable(failures.cannot("open", path, error)) from error
        try:
            migrate(db)
        except sqlite3.OperationalError as error:
            raise DatabaseUnavailable(failures.cannot("update", path, error)) from error
        store = cls(db, clock=clock, path=path)
        store.installation_id  # noqa: B018 - made once, on first open
        return store

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    @contextmanager
    def separate(self) -> Iterator[Store]:
        """A second Store on the same file, on its own connection, closed afterwards.

        For a worker thread (an import): its transaction never takes in a write the UI makes
        meanwhile, so that write is never rolled back with it. The tables it wrote count as
        written through this store too. An in-memory store has no file to share: it is its
        own separate store.
        """
        if self.path is None:
            yield self
            return
        # Not Store.open: its check of the file's header opens and closes the file outside
        # SQLite, which would drop the locks this store's connection holds on it.
        conn = connect(self.path)
        try:
            other = Store._prepare(
                SchoolnetDatabase(conn, execute_plugins=False), clock=self.clock, path=self.path
            )
        except BaseException:
            conn.close()
            raise
        try:
            yield other
        finally:
            self.touch(*other.take_changes())
            other.close()

    @contextmanager
    def editing(self, *opened: models.Record | None) -> Iterator[None]:
        """Inside, saving one of these records saves only the fields changed from this version.

        `opened` are the records as a form (or an editor) showed them when it opened. A store
        call made inside, however it builds the record it saves, writes only the fields that
        differ from these versions: what an import or another window changed meanwhile stays,
        and a field changed both here and there keeps this edit and logs the other value in
        the conflicts log (see Repository.update, whose `based_on` this supplies). The UI's
        `ask(..., based_on=record)` wraps the page's store call in this.
        """
        added = {record.id: record for record in opened if record is not None}
        before = {key: self._bases[key] for key in added if key in self._bases}
        self._bases.update(added)
        try:
            yield
        finally:
            for key in added:
                self._bases.pop(key, None)
            self._bases.update(before)

    def based_on(self, record_id: str) -> models.Record | None:
        """The version an edit of this record in progress began from (see `editing`)."""
        return self._bases.get(record_id)

    @contextmanager
    def waiting_at_most(self, seconds: float) -> Iterator[None]:
        """Writes inside wait at most `seconds` for another connection's write lock.

        For a write that is retried later (visit notes' autosave) and should not hold up
        the screen for the whole busy timeout; afterwards writes wait the usual 5 seconds.
        """
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    # Who is using it ------------------------------------------------------------------------

    @property
    def installation_id(self) -> str:
        """A random id made once per database, naming this copy in bundles."""
        value = self.settings.get("installation_id")
        if value is None:
            value = str(uuid.uuid4())
            self.settings.set("installation_id", value)
        return value

    @property
    def profile(self) -> UserProfile | None:
        """Who is using schoolnet, or None until they have said."""
        if self._profile is None:
            raw = self.settings.get("profile")
            self._profile = None if raw is None else _read_profile(raw)
        return self._profile

    def save_profile(self, profile: UserProfile) -> None:
        """Remember who is using schoolnet."""
        self.settings.set("profile", profile.model_dump_json())
        self._profile = profile
        self.touch("settings")

    def sign_in(self, profile: UserProfile) -> UserProfile:
        """Remember who is using schoolnet, linked to their person record: the one with
        their name (at their school, if they gave one), or else a new one, so that actions
        and review places can be given to them."""
        with self.db.atomic():
            person = self.people.matching(profile.name, profile.school_id)
            if person is None:
                made = models.Person(
                    name=profile.name,
                    role=profile.role,
                    school_id=profile.school_id,
                    created_by=profile.name,
                )
                person = self.people.add(made)
            linked = profile.model_copy(update={"person_id": person.id})
            self.save_profile(linked)
        return linked

    @property
    def user_name(self) -> str:
        """The name stamped on records this installation makes."""
        return self.profile.name if self.profile else ""

    def repository(self, table: str) -> Repository[Any]:
        """The repository of a table, by its name."""
        return self._repositories[table]

    # What changed ---------------------------------------------------------------------------

    def touch(self, *tables: str) -> None:
        """Note that these tables were written, for screens that show them."""
        self._changed.update(tables)
        for table in tables:
            self._writes[table] = self._writes.get(table, 0) + 1

    def version_of(self, tables: frozenset[str] | None = None) -> tuple[int, int]:
        """A value that changes whenever these tables (None: any table) are written.

        Counts writes made through this store, plus SQLite's data_version for commits
        made by other connections, such as a second window or the command line.
        """
        if tables is None:
            own = sum(self._writes.values())
        else:
            own = sum(self._writes.get(table, 0) for table in tables)
        return own, self.data_version()

    def take_changes(self) -> frozenset[str]:
        """The tables written since the last call, and forget them."""
        changed, self._changed = frozenset(self._changed), set()
        return changed

    def data_version(self) -> int:
        """SQLite's counter of commits made by other connections (a second window, the CLI)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def today(self) -> date:
        """Today's date by the store's clock."""
        return self.clock().date()

    def counts(self) -> dict[str, int]:
        """How many records each table holds."""
        return {spec.name: self.db.table(spec.name).count for spec in schema.TABLES}


def _read_profile(raw: str) -> UserProfile:
    """The profile this store wrote, without building a validator before the first paint."""
    data = json.loads(raw)
    try:
        return UserProfile.model_construct(**{**data, "role": PersonRole(data["role"])})
    except (KeyError, TypeError, ValueError):
        return UserProfile.model_validate(data)  # written by hand or by an older version
