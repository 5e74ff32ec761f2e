"""Signed session cookies and CSRF tokens for the review app (itsdangerous).

A session cookie holds the account's name, its session key and a CSRF token, signed
with the app's secret and dated: it cannot be forged or edited, it expires after
`reviewers.session_hours`, and it ends when the account is removed. Every form
that writes carries the session's CSRF token; the sign-in form carries one of a
short-lived sign-in cookie of its own.

The secret is made once per corrections store and kept in it (table app_secrets),
so several app processes over one store accept each other's sessions;
REVIEW_SECRET in the environment overrides it.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.exc import IntegrityError

from questionnaire_returns.review.accounts import Account, Accounts

SESSION_COOKIE = "review_session"
SIGNIN_COOKIE = "review_signin"
SIGNIN_MAX_AGE = 3600

metadata = MetaData()
secrets_table = Table(
    "app_secrets",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", String(200), nullable=False),
)


def app_secret(engine) -> str:
    """The store's session secret, made on first use (REVIEW_SECRET overrides it)."""
    if os.environ.get("REVIEW_SECRET"):
        return os.environ["REVIEW_SECRET"]
    metadata.create_all(engine)
    t = secrets_table
    with engine.connect() as conn:
        row = conn.execute(select(t.c.value).where(t.c.name == "session")).first()
    if row is not None:
        return row[0]
    try:
        with engine.begin() as conn:
            conn.execute(t.insert().values(name="session", value=secrets.token_hex(32)))
    except IntegrityError:  # another process made it in the same instant: theirs stands
        pass
    with engine.connect() as conn:
        return conn.execute(select(t.c.value).where(t.c.name == "session")).scalar_one()


class SigninThrottle:
    """At most `limit` failed sign-ins per name in `window_s`; then that name waits (a
    password guesser gets a handful of tries, and argon2's cost cannot be run up)."""

    def __init__(self, limit: int = 5, window_s: float = 300):
        self.limit, self.window_s = limit, window_s
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self._failures.get(key, []) if now - t < self.window_s]
        self._failures[key] = times
        return times

    def wait_s(self, name: str) -> float:
        """Seconds the name must wait before another try (0 when it may try now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(name.casefold(), now)
            return max(0.0, times[0] + self.window_s - now) if len(times) >= self.limit else 0.0

    def failed(self, name: str) -> None:
        with self._lock:
            self._recent(name.casefold(), time.monotonic()).append(time.monotonic())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name.casefold(), None)


def same_token(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


class Sessions:
    """Issues and reads the signed cookies of one app."""

    def __init__(self, accounts: Accounts, secret: str, max_age_s: float):
        self.accounts = accounts
        self.max_age_s = int(max_age_s)
        self.throttle = SigninThrottle()
        self._session = URLSafeTimedSerializer(secret, salt="review-session")
        self._signin = URLSafeTimedSerializer(secret, salt="review-signin")

    def issue(self, account: Account) -> str:
        return self._session.dumps({"u": account.name, "k": account.session_key, "c": secrets.token_urlsafe(24)})

    def read(self, cookie: str | None) -> tuple[Account, str] | None:
        """(account, CSRF token) of a valid session cookie, else None."""
        if not cookie:
            return None
        try:
            data = self._session.loads(cookie, max_age=self.max_age_s)
            name, key, csrf = str(data["u"]), str(data["k"]), str(data["c"])
        except (BadSignature, KeyError, TypeError, ValueError):
            return None
        account = self.accounts.get(name)
        if account is None or not same_token(account.session_key, key):
            return None  # removed, or its password set anew
        return account, csrf

    def signin_token(self, cookie: str | None = None) -> tuple[str, str]:
        """(cookie value, form token) for the sign-in form: the token of a valid sign-in
        cookie the browser holds (two sign-in pages open at once both work), else a new one."""
        token = self._signin_cookie_token(cookie) or secrets.token_urlsafe(24)
        return self._signin.dumps(token), token

    def _signin_cookie_token(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            token = self._signin.loads(cookie, max_age=SIGNIN_MAX_AGE)
        except (BadSignature, TypeError, ValueError):
            return None
        return token if isinstance(token, str) else None

    def signin_ok(self, cookie: str | None, form_token: str | None) -> bool:
        return same_token(self._signin_cookie_token(cookie), form_token)
