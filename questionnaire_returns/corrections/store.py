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

Where config.yaml asks for a second pass (reviewers.second_pass), a reviewer's
correction is saved with `needs_approval` and counts only once an approver has
approved it (the `approvals` table, append-only too); `latest()` gives each
correction's `state`: final, pending or rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from sqlalchemy import (
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    false,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool

from questionnaire_returns.corrections import store_url_for  # noqa: F401 - re-exported: callers import it from here

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
    # Saved where a second pass is asked for: counts once an approver approves it.
    Column("needs_approval", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("submission_id", "field", "seq", name="uq_corrections_field_seq"),
)

approvals_table = Table(
    "approvals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("correction_id", Integer, nullable=False, index=True),
    Column("decision", String(20), nullable=False),  # 'approved' | 'rejected'
    Column("approver", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("note", Text, nullable=False, default=""),
)
DECISIONS = ("approved", "rejected")

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
    needs_approval: bool = False
    decision: str = ""  # the approver's: '' (none yet), 'approved', 'rejected'
    approver: str = ""
    decided_at: str = ""
    decision_note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.submission_id, self.field)

    @property
    def state(self) -> str:
        """'final' (counts), 'pending' (awaits an approver) or 'rejected' (an approver refused it)."""
        if not self.needs_approval or self.decision == "approved":
            return "final"
        return "rejected" if self.decision == "rejected" else "pending"

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

    def with_decision(self, decision: dict | None) -> "Correction":
        if not decision:
            return self
        return replace(self, decision=decision["decision"], approver=decision["approver"],
                       decided_at=decision["created_at"], decision_note=decision["note"] or "")


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
        needs_approval=bool(m["needs_approval"]),
    )


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        # the driver the project ships (pip install '.[postgres]': psycopg 3), not SQLAlchemy's default psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
        url = parsed.render_as_string(hide_password=False)
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
        self._upgrade()

    def _upgrade(self) -> None:
        """Add the columns a store made by an older version lacks (nothing is ever dropped)."""
        have = {c["name"] for c in inspect(self.engine).get_columns("corrections")}
        if "needs_approval" not in have:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(
                    "ALTER TABLE corrections ADD COLUMN needs_approval BOOLEAN NOT NULL DEFAULT FALSE")

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
        needs_approval: bool = False,
    ) -> Correction:
        """Append a correction; Conflict when the field's latest is not `expected_latest`.

        `expected_latest` is the id of the correction the reviewer saw as the
        field's latest, None when they saw none. `extracted_value` is the
        extractor's value at the time (defaults to `old_value`). `needs_approval`:
        it counts only once an approver approves it.
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
            needs_approval=bool(needs_approval),
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
        return Correction(id=int(new_id), **values)  # type: ignore[arg-type]  # values: the table's columns, typed there

    def latest(self) -> dict[tuple[str, str], Correction]:
        """Every field's current correction, keyed by (submission_id, field), with its
        approver's decision where it needed one."""
        t = corrections_table
        newest = (
            select(func.max(t.c.id).label("id")).group_by(t.c.submission_id, t.c.field).subquery()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(select(t).join(newest, t.c.id == newest.c.id)).all()
            decisions = self._decisions(conn, [r._mapping["id"] for r in rows if r._mapping["needs_approval"]])
        out = {}
        for row in rows:
            c = _row_to_correction(row)
            out[c.key] = c.with_decision(decisions.get(c.id))
        return out

    def _decisions(self, conn, ids: list[int]) -> dict[int, dict]:
        """The latest approver's decision of each correction id that has one."""
        if not ids:
            return {}
        a = approvals_table
        out: dict[int, dict] = {}
        for chunk in range(0, len(ids), 500):
            rows = conn.execute(select(a).where(a.c.correction_id.in_(ids[chunk:chunk + 500])).order_by(a.c.id)).all()
            for r in rows:
                out[r._mapping["correction_id"]] = dict(r._mapping)
        return out

    def decide(self, correction_id: int, decision: str, approver: str, note: str = "") -> Correction:
        """An approver's decision on a correction that needs one. ValueError when it needs
        none, is decided already, is no longer its field's latest, or is the approver's own."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        approver = fold(approver)
        with self._write_connection() as conn, conn.begin():
            row = conn.execute(select(corrections_table).where(corrections_table.c.id == int(correction_id))).first()
            if row is None:
                raise ValueError(f"no correction #{correction_id}")
            c = _row_to_correction(row).with_decision(self._decisions(conn, [int(correction_id)]).get(int(correction_id)))
            latest = self._latest_for(conn, c.submission_id, c.field)
            if not c.needs_approval:
                raise ValueError(f"correction #{c.id} needs no approval")
            if c.decision:
                raise ValueError(f"correction #{c.id} was {c.decision} by {c.approver} already")
            if latest is not None and latest.id != c.id:
                raise ValueError(f"correction #{c.id} was replaced by #{latest.id} ({latest.describe()})")
            if c.reviewer.casefold() == approver.casefold():
                raise ValueError("a second pass needs a second person: you saved this correction")
            record = dict(correction_id=c.id, decision=decision, approver=approver, created_at=utc_now(),
                          note=note or "")
            conn.execute(approvals_table.insert().values(**record))
        return c.with_decision(record)

    def pending(self) -> list[Correction]:
        """Corrections awaiting an approver: needing one, undecided, still their field's latest."""
        return sorted((c for c in self.latest().values() if c.state == "pending"), key=lambda c: c.id)

    def decisions(self) -> list[dict]:
        """Every approver's decision, oldest first (for the audit view)."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(approvals_table).order_by(approvals_table.c.id)).all()]

    def history(self, submission_id: str, field: str) -> list[Correction]:
        """A field's corrections, oldest first."""
        t = corrections_table
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t)
                .where(t.c.submission_id == str(submission_id), t.c.field == str(field))
                .order_by(t.c.id)
            ).all()
            return self._with_decisions(conn, rows)

    def _with_decisions(self, conn, rows) -> list[Correction]:
        corrections = [_row_to_correction(r) for r in rows]
        decisions = self._decisions(conn, [c.id for c in corrections if c.needs_approval])
        return [c.with_decision(decisions.get(c.id)) for c in corrections]

    def get(self, correction_id: int) -> Correction | None:
        """One correction by its id (None for an id no correction has, however large)."""
        t = corrections_table
        if not 0 < int(correction_id) < 2**63:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(t).where(t.c.id == int(correction_id))).first()
            return None if row is None else self._with_decisions(conn, [row])[0]

    def all(self) -> list[Correction]:
        """Every correction ever saved, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(corrections_table).order_by(corrections_table.c.id)).all()
            return self._with_decisions(conn, rows)

    def version(self) -> tuple[int, int]:
        """The newest correction and decision ids: changes whenever anything is saved."""
        with self.engine.connect() as conn:
            return (int(conn.execute(select(func.max(corrections_table.c.id))).scalar() or 0),
                    int(conn.execute(select(func.max(approvals_table.c.id))).scalar() or 0))

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
