"""Reviewer accounts: a name, a role and an argon2 password hash, in the corrections store.

Roles, each allowed what the one before it is:
  reviewer   works the queue (accept, correct, unanswerable, bulk accept)
  approver   also gives the second pass over reviewers' corrections and reads the audit
  admin      also sees the accounts (they are managed with `returns review users`)

Each account has a session key: a sign-in cookie names it, so removing the account
(or setting a new password) ends every session at once. Additions and removals are
recorded in `account_events` for the audit view.
"""

from __future__ import annotations

import builtins

import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, delete, select
from sqlalchemy.exc import IntegrityError

from questionnaire_returns.corrections.store import CorrectionStore, fold, utc_now

ROLES = ("reviewer", "approver", "admin")
MIN_PASSWORD = 8
MAX_NAME = 80

metadata = MetaData()
users_table = Table(
    "users",
    metadata,
    Column("name", String(MAX_NAME), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("session_key", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
)
account_events_table = Table(
    "account_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(200), nullable=False),  # who did it (an account, or the OS user of the CLI)
    Column("action", String(20), nullable=False),  # 'added' | 'removed'
    Column("name", String(MAX_NAME), nullable=False),
    Column("role", String(20), nullable=False),
)

_hasher = PasswordHasher()  # argon2id, RFC 9106's low-memory parameters (t=3, 64 MiB)
_dummy: list[str] = []


def _dummy_hash() -> str:
    """A hash to verify against when a name is unknown, so that a wrong name takes as
    long as a wrong password (made on first use: hashing costs a good part of a second)."""
    if not _dummy:
        _dummy.append(_hasher.hash(secrets.token_hex(16)))
    return _dummy[0]


class AccountError(ValueError):
    """An account cannot be added or removed; the message says why."""


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str
    session_key: str
    created_at: str

    def can(self, role: str) -> bool:
        """Whether this account has `role` or one above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


def check_name(name: str) -> str:
    name = fold(name)
    if not name or len(name) > MAX_NAME or any(ord(ch) < 32 for ch in name):
        raise AccountError(f"a name of 1 to {MAX_NAME} printable characters is needed")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    return password


class Accounts:
    """The accounts kept in a CorrectionStore's database."""

    def __init__(self, store: CorrectionStore):
        self.engine = store.engine
        metadata.create_all(self.engine)

    @staticmethod
    def _account(row) -> Account:
        m = row._mapping
        return Account(m["name"], m["role"], m["session_key"], m["created_at"])

    def add(self, name: str, role: str, password: str, actor: str = "") -> Account:
        name, password = check_name(name), check_password(password)
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        record = dict(name=name, role=role, password_hash=_hasher.hash(password),
                      session_key=secrets.token_hex(16), created_at=utc_now())
        try:
            with self.engine.begin() as conn:
                if conn.execute(select(users_table.c.name).where(users_table.c.name == name)).first():
                    raise AccountError(f"an account {name!r} exists already (remove it first to replace it)")
                conn.execute(users_table.insert().values(**record))
                conn.execute(account_events_table.insert().values(
                    at=record["created_at"], actor=fold(actor) or name, action="added", name=name, role=role))
        except IntegrityError:
            raise AccountError(f"an account {name!r} exists already") from None
        return Account(name, role, record["session_key"], record["created_at"])

    def remove(self, name: str, actor: str = "", *, last_admin_ok: bool = False) -> Account:
        account = self.get(name)
        if account is None:
            raise AccountError(f"no account {name!r}")
        if account.role == "admin" and not last_admin_ok and sum(a.role == "admin" for a in self.list()) == 1:
            raise AccountError(f"{name!r} is the last admin; add another admin first")
        with self.engine.begin() as conn:
            conn.execute(delete(users_table).where(users_table.c.name == account.name))
            conn.execute(account_events_table.insert().values(
                at=utc_now(), actor=fold(actor) or "?", action="removed", name=account.name, role=account.role))
        return account

    def get(self, name: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.name == fold(name))).first()
        return None if row is None else self._account(row)

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users_table).order_by(users_table.c.name)).all()
        return [self._account(r) for r in rows]

    def count(self) -> int:
        return len(self.list())

    def verify(self, name: str, password: str) -> Account | None:
        """The account when `password` is its password, else None (same work either way)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.name == fold(name))).first()
        stored = row._mapping["password_hash"] if row is not None else _dummy_hash()
        try:
            _hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return self._account(row) if row is not None else None

    def events(self) -> builtins.list[dict]:  # `list` here is the method above
        with self.engine.connect() as conn:
            rows = conn.execute(select(account_events_table).order_by(account_events_table.c.id)).all()
        return [dict(r._mapping) for r in rows]
