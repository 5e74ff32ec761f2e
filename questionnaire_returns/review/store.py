"""The reviewers' corrections: an append-only ledger on SQLAlchemy 2.

Nothing here is ever updated or deleted. A field's current correction is the
latest row for its (submission_id, field); older rows are its history.

Two reviewers saving the same field at once must not lose each other's work, so
`add` is optimistic: the caller names the correction it saw as latest
(`expected_latest`, None when it saw none) and the save is refused with
`Conflict` when another one was saved since. The check and the insert share one
transaction, and a unique (submission_id, field, seq) key makes the database
itself refuse the second of two racing inserts, on SQLite (where the write
transaction also starts with BEGIN IMMEDIATE) and on any other SQLAlchemy URL
(postgresql://...) alike.

SQLite databases are switched to WAL at connect, so the review app can read
while the pipeline or another reviewer writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool

from questionnaire_returns.review import store_url_for  # noqa: F401 - re-exported: callers import it from here

ACTIONS = ("correct", "accept", "unanswerable")

metadata = MetaData()

corrections_table = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("submission_id", String(200), nullable=False),
    Column("field", String(100), nullable=False),
    Column("action", String(20), nullable=False),
    Column("old_value", Text, nullable=False, default=""),  # the value shown to the reviewer
    Column("new_value", Text, nullable=False, default=""),
    Column("evidence", Text, nullable=False, default=""),  # the evidence shown
    Column("reviewer", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),  # UTC ISO 8601
    Column("note", Text, nullable=False, default=""),
    Column("base_version", Integer, nullable=True),  # the correction id the reviewer saw as latest
    # The extractor's value when the reviewer saved (old_value can be an earlier
    # correction's value); merge compares it with the current extraction.
    Column("extracted_value", Text, nullable=True),
    # 1, 2, 3 ... per (submission_id, field): two racing saves cannot both take a number.
    Column("seq", Integer, nullable=False),
    UniqueConstraint("submission_id", "field", "seq", name="uq_corrections_field_seq"),
)

aliases_table = Table(
    "aliases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(50), nullable=False),  # 'ministry', 'country', ...
    Column("alias", Text, nullable=False),  # the name as a return writes it
    Column("canonical_id", String(200), nullable=False),
    Column("added_by", String(200), nullable=False),
    Column("added_at", String(40), nullable=False),
)


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    submission_id: str
    field: str
    action: str  # 'correct' | 'accept' | 'unanswerable'
    old_value: str
    new_value: str
    evidence: str
    reviewer: str
    created_at: str
    note: str = ""
    base_version: int | None = None
    extracted_value: str | None = None
    seq: int = 1

    @property
    def key(self) -> tuple[str, str]:
        return (self.submission_id, self.field)

    @property
    def date(self) -> str:
        return self.created_at[:10]

    def describe(self) -> str:
        """'corrected to X by R on D' and the like, for notes and messages."""
        if self.action == "unanswerable":
            what = "marked unanswerable"
        elif self.action == "accept":
            what = f"accepted {self.new_value!r}"
        else:
            what = f"corrected to {self.new_value!r}"
        return f"{what} by {self.reviewer} on {self.date}"


@dataclass(frozen=True, slots=True)
class Alias:
    kind: str
    alias: str
    id: str  # the canonical id the alias resolves to
    added_by: str
    added_at: str


class Conflict(Exception):
    """Another correction for the field was saved after the one the reviewer saw."""

    def __init__(self, latest: Correction | None):
        self.latest = latest
        if latest is None:
            msg = "the correction you saw is no longer the latest"
        else:
            msg = f"{latest.reviewer} saved this field ({latest.describe()}) after the version you saw"
        super().__init__(msg)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _row_to_correction(row) -> Correction:
    m = row._mapping
    return Correction(
        id=m["id"],
        submission_id=m["submission_id"],
        field=m["field"],
        action=m["action"],
        old_value=m["old_value"] or "",
        new_value=m["new_value"] or "",
        evidence=m["evidence"] or "",
        reviewer=m["reviewer"],
        created_at=m["created_at"],
        note=m["note"] or "",
        base_version=m["base_version"],
        extracted_value=m["extracted_value"],
        seq=m["seq"],
    )


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database or ""
    memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if memory:
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, say when transactions begin (the
        # pysqlite recipe), so a write transaction can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


class CorrectionStore:
    """The append-only ledger of corrections and learned aliases at `url`."""

    def __init__(self, url: str):
        self.url = url
        self.engine = _make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        metadata.create_all(self.engine)

    def __repr__(self) -> str:
        return f"CorrectionStore({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def journal_mode(self) -> str | None:
        """SQLite's journal mode ('wal'), or None for other databases."""
        if not self.is_sqlite:
            return None
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()

    # -- corrections -------------------------------------------------------

    def _write_connection(self):
        conn = self.engine.connect()
        if self.is_sqlite:
            conn = conn.execution_options(sqlite_immediate=True)
        return conn

    def _latest_for(self, conn, submission_id: str, field: str) -> Correction | None:
        t = corrections_table
        row = conn.execute(
            select(t)
            .where(t.c.submission_id == submission_id, t.c.field == field)
            .order_by(t.c.seq.desc(), t.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _row_to_correction(row)

    def add(
        self,
        submission_id: str,
        field: str,
        action: str,
        old_value: str,
        new_value: str,
        evidence: str,
        reviewer: str,
        note: str = "",
        expected_latest: int | None = None,
        extracted_value: str | None = None,
    ) -> Correction:
        """Append a correction; Conflict when the field's latest is not `expected_latest`.

        `expected_latest` is the id of the correction the reviewer saw as the
        field's latest, None when they saw none. `extracted_value` is the
        extractor's value at the time (defaults to `old_value`).
        """
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
        reviewer = fold(reviewer)
        if not reviewer:
            raise ValueError("every correction needs a reviewer's name")
        submission_id, field = str(submission_id), str(field)
        old_value = "" if old_value is None else str(old_value)
        new_value = "" if new_value is None else str(new_value)
        if action == "unanswerable":
            new_value = ""
        elif action == "accept" and not new_value:
            new_value = old_value
        values = dict(
            submission_id=submission_id,
            field=field,
            action=action,
            old_value=old_value,
            new_value=new_value,
            evidence="" if evidence is None else str(evidence),
            reviewer=reviewer,
            created_at=utc_now(),
            note=note or "",
            base_version=expected_latest,
            extracted_value=old_value if extracted_value is None else str(extracted_value),
        )
        try:
            with self._write_connection() as conn, conn.begin():
                latest = self._latest_for(conn, submission_id, field)
                if (latest.id if latest else None) != expected_latest:
                    raise Conflict(latest)
                values["seq"] = (latest.seq if latest else 0) + 1
                new_id = conn.execute(corrections_table.insert().values(**values)).inserted_primary_key[0]
        except IntegrityError:
            # Someone else took this sequence number in the same instant: theirs stands.
            with self.engine.connect() as conn:
                raise Conflict(self._latest_for(conn, submission_id, field)) from None
        except OperationalError as exc:  # pragma: no cover - locked beyond busy_timeout
            raise RuntimeError(f"the corrections store is busy, try again: {exc}") from exc
        return Correction(id=int(new_id), **values)

    def latest(self) -> dict[tuple[str, str], Correction]:
        """Every field's current correction, keyed by (submission_id, field)."""
        t = corrections_table
        newest = (
            select(func.max(t.c.id).label("id")).group_by(t.c.submission_id, t.c.field).subquery()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(select(t).join(newest, t.c.id == newest.c.id)).all()
        out = {}
        for row in rows:
            c = _row_to_correction(row)
            out[c.key] = c
        return out

    def history(self, submission_id: str, field: str) -> list[Correction]:
        """A field's corrections, oldest first."""
        t = corrections_table
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t)
                .where(t.c.submission_id == str(submission_id), t.c.field == str(field))
                .order_by(t.c.id)
            ).all()
        return [_row_to_correction(r) for r in rows]

    def get(self, correction_id: int) -> Correction | None:
        """One correction by its id."""
        t = corrections_table
        with self.engine.connect() as conn:
            row = conn.execute(select(t).where(t.c.id == int(correction_id))).first()
        return None if row is None else _row_to_correction(row)

    def all(self) -> list[Correction]:
        """Every correction ever saved, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(corrections_table).order_by(corrections_table.c.id)).all()
        return [_row_to_correction(r) for r in rows]

    def version(self) -> int:
        """The newest correction id (0 when none): changes whenever anything is saved."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(corrections_table.c.id))).scalar() or 0)

    # -- aliases -----------------------------------------------------------

    def add_alias(self, kind: str, alias: str, canonical_id: str, reviewer: str) -> Alias:
        """Remember that `alias` names `canonical_id` (a ministry id, a country, ...)."""
        kind, alias, canonical_id, reviewer = fold(kind), fold(alias), fold(canonical_id), fold(reviewer)
        if not (kind and alias and canonical_id and reviewer):
            raise ValueError("an alias needs a kind, the name, the canonical id and a reviewer")
        record = dict(kind=kind, alias=alias, canonical_id=canonical_id, added_by=reviewer, added_at=utc_now())
        with self._write_connection() as conn, conn.begin():
            conn.execute(aliases_table.insert().values(**record))
        return Alias(kind, alias, canonical_id, reviewer, record["added_at"])

    def aliases(self, kind: str | None = None) -> list[Alias]:
        """Learned aliases, the latest per (kind, name) when a name was taught twice."""
        t = aliases_table
        query = select(t).order_by(t.c.id)
        if kind is not None:
            query = query.where(t.c.kind == kind)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        latest: dict[tuple[str, str], Alias] = {}
        for row in rows:
            m = row._mapping
            latest[(m["kind"], m["alias"].casefold())] = Alias(
                m["kind"], m["alias"], m["canonical_id"], m["added_by"], m["added_at"]
            )
        return list(latest.values())


def latest_by_key(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """The newest of each field's corrections from any iterable of them."""
    out: dict[tuple[str, str], Correction] = {}
    for c in sorted(corrections, key=lambda c: c.id):
        out[c.key] = c
    return out
