"""Accounts, API tokens and failed-login counts, kept in the database so every app server sees the same.

Passwords are stored as salted scrypt hashes (slow on purpose, memory-hard); tokens as SHA-256 of a
random secret that is shown once. Failed logins are counted per login name and per client address over a
window, in the database, so a limit holds across processes and servers.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.store.review import now

if TYPE_CHECKING:
    from geo.store.sql import SqlStore

ROLES = ("viewer", "editor", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}
SCRYPT = {"n": 2**15, "r": 8, "p": 1}  # 32 MiB and about 0.1 s per check on our machine
MAXMEM = 2**26
MIN_PASSWORD = 10
TOKEN_PREFIX = "atl_"


class AccountError(ValueError):
    """A request about accounts that cannot be carried out; the message says why."""


@dataclass(frozen=True)
class Account:
    id: int
    login: str
    display_name: str
    role: str
    active: bool

    def can(self, role: str) -> bool:
        """Whether this account has at least `role` (viewer < editor < admin)."""
        return self.active and RANK[self.role] >= RANK[role]


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, maxmem=MAXMEM, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32, maxmem=MAXMEM)
    return hmac.compare_digest(got.hex(), digest)


def _valid_login(login: str) -> str:
    login = login.strip()
    if not (1 <= len(login) <= 64) or any(ch.isspace() or ch in "/\\<>\"'" for ch in login):
        raise AccountError("a login is 1 to 64 characters without spaces, quotes, slashes or angle brackets")
    return login


_USER_COLUMNS = "id, login, display_name, role, active"


def _account(row: tuple) -> Account:  # type: ignore[type-arg]
    return Account(int(row[0]), row[1], row[2], row[3], bool(row[4]))


class Accounts:
    """Users and tokens of one store."""

    def __init__(self, store: "SqlStore"):
        self.store = store

    def add(self, login: str, password: str, role: str = "viewer", display_name: str = "") -> Account:
        login = _valid_login(login)
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
        with self.store.write() as run:
            if run("SELECT 1 FROM users WHERE login = ?", login):
                raise AccountError(f"user '{login}' exists already")
            run("INSERT INTO users (login, display_name, role, password_hash, active) VALUES (?, ?, ?, ?, 1)",
                login, display_name or login, role, hash_password(password))
        account = self.get(login)
        assert account is not None
        return account

    def get(self, login: str) -> Account | None:
        rows = self.store.query(f"SELECT {_USER_COLUMNS} FROM users WHERE login = ?", login)
        return _account(rows[0]) if rows else None

    def by_id(self, user_id: int) -> Account | None:
        rows = self.store.query(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", user_id)
        return _account(rows[0]) if rows else None

    def all(self) -> list[Account]:
        return [_account(r) for r in self.store.query(f"SELECT {_USER_COLUMNS} FROM users ORDER BY login")]

    def set_role(self, login: str, role: str) -> Account:
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        with self.store.write() as run:
            if not run("SELECT 1 FROM users WHERE login = ?", login):
                raise AccountError(f"no user '{login}'")
            run("UPDATE users SET role = ? WHERE login = ?", role, login)
        return self.get(login)  # type: ignore[return-value]

    def set_active(self, login: str, active: bool) -> Account:
        """Deactivating keeps the user's decisions on record and stops their sessions and tokens."""
        with self.store.write() as run:
            if not run("SELECT 1 FROM users WHERE login = ?", login):
                raise AccountError(f"no user '{login}'")
            run("UPDATE users SET active = ? WHERE login = ?", 1 if active else 0, login)
        return self.get(login)  # type: ignore[return-value]

    def set_password(self, login: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
        with self.store.write() as run:
            if not run("SELECT 1 FROM users WHERE login = ?", login):
                raise AccountError(f"no user '{login}'")
            run("UPDATE users SET password_hash = ? WHERE login = ?", hash_password(password), login)

    def authenticate(self, login: str, password: str) -> Account | None:
        """The account when the password is right and it is active; None otherwise (same time either way)."""
        rows = self.store.query(f"SELECT {_USER_COLUMNS}, password_hash FROM users WHERE login = ?", login.strip())
        if not rows:
            check_password(_dummy_hash(), password)
            return None
        account = _account(rows[0])
        return account if check_password(rows[0][5], password) and account.active else None

    # --- API tokens ----------------------------------------------------------------------------------
    def new_token(self, login: str) -> tuple[int, str]:
        """A new token for the user: (its id, the secret, shown this once; only its hash is kept)."""
        account = self.get(login)
        if account is None:
            raise AccountError(f"no user '{login}'")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.store.write() as run:
            run("INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES (?, ?, ?)", account.id, _token_hash(secret), now())
            token_id = run("SELECT id FROM api_tokens WHERE token_hash = ?", _token_hash(secret))[0][0]
        return int(token_id), secret

    def tokens(self, login: str) -> list[dict[str, object]]:
        rows = self.store.query(
            "SELECT t.id, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.login = ? ORDER BY t.id", login)
        return [{"id": int(i), "created_at": c, "revoked_at": r} for i, c, r in rows]

    def revoke_token(self, token_id: int, login: str | None = None) -> bool:
        """Revoke one token (of `login` when given); False when there is no such live token."""
        with self.store.write() as run:
            rows = run("SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ? AND t.revoked_at IS NULL"
                       + (" AND u.login = ?" if login else ""), *((token_id, login) if login else (token_id,)))
            if not rows:
                return False
            run("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", now(), token_id)
        return True

    def for_token(self, secret: str) -> Account | None:
        rows = self.store.query(
            f"SELECT {', '.join('u.' + c for c in _USER_COLUMNS.split(', '))} FROM api_tokens t JOIN users u ON u.id = t.user_id "
            "WHERE t.token_hash = ? AND t.revoked_at IS NULL", _token_hash(secret))
        account = _account(rows[0]) if rows else None
        return account if account and account.active else None

    # --- failed logins -------------------------------------------------------------------------------
    def failures(self, keys: list[str], window: float) -> int:
        """The most failed logins any of `keys` (login name, client address) had within the window."""
        since = time.time() - window
        return max((int(self.store.query("SELECT count(*) FROM login_failures WHERE key = ? AND at > ?", k, since)[0][0]) for k in keys), default=0)

    def record_failure(self, keys: list[str], window: float) -> None:
        with self.store.write() as run:
            run("DELETE FROM login_failures WHERE at < ?", time.time() - window)
            for k in keys:
                run("INSERT INTO login_failures (key, at) VALUES (?, ?)", k, time.time())

    def clear_failures(self, key: str) -> None:
        with self.store.write() as run:
            run("DELETE FROM login_failures WHERE key = ?", key)


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@functools.cache
def _dummy_hash() -> str:
    """A hash to check unknown logins against, so they take as long as known ones."""
    return hash_password(secrets.token_hex(8))
