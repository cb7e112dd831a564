"""Who is asking: browser sessions (/login, CSRF on every form) and API tokens (Authorization: Bearer).

Roles rank viewer < editor < admin. Anonymous visitors are viewers of public data. A write without an
account gets 401 (a page GET is sent to /login instead), a write by a role without the right gets 403.
The session cookie is HttpOnly and SameSite=Lax, and Secure whenever the request came over TLS (also
behind a proxy that says so, with ATLAS_TRUSTED_PROXIES set). Failed logins are counted per login name
and per client address in the database, so the limit holds across app servers.
"""
from __future__ import annotations

import secrets
from functools import wraps
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, g, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import AnonymousUserMixin, LoginManager, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from geo.store.accounts import Account, Accounts
from web.params import load_view_params
from web.state import store

class _Logins(LoginManager):
    """Flask-Login without "remember me", which we do not offer: its hook reads the session after every
    response, which would mark every public answer `Vary: Cookie` and spoil shared caches."""

    def _update_remember_cookie(self, response: Response) -> Response:
        return response


bp = Blueprint("auth", __name__)
bp.before_request(load_view_params)
csrf = CSRFProtect()
login_manager = _Logins()
F = TypeVar("F", bound=Callable[..., Any])

LOGIN_WINDOW = 15 * 60
MAX_FAILURES_PER_LOGIN = 5
MAX_FAILURES_PER_ADDRESS = 20


class User:
    """The Flask-Login face of an account."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, account: Account, via: str):
        self.account = account
        self.via = via  # "session" or "token": token calls need no CSRF token, they carry no cookie

    @property
    def is_active(self) -> bool:
        return self.account.active

    def get_id(self) -> str:
        return str(self.account.id)

    def can(self, role: str) -> bool:
        return self.account.can(role)


class Anonymous(AnonymousUserMixin):
    via = ""

    def can(self, role: str) -> bool:
        return role == "viewer"


class _Session(SecureCookieSessionInterface):
    """Secure cookies whenever the request is HTTPS, without a setting to forget."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def accounts() -> Accounts:
    return Accounts(store())  # type: ignore[arg-type]


def _secret_key(app: Flask) -> str:
    """ATLAS_SECRET_KEY, else one made once and kept in the database, so every app server signs alike."""
    configured = app.config.get("SECRET_KEY")
    if configured:
        return str(configured)
    st = app.extensions["atlas.store"]
    key = st.meta("secret_key")
    if not key:
        with st.write() as run:
            found = run("SELECT value FROM atlas_meta WHERE key = 'secret_key'")
            key = found[0][0] if found else secrets.token_urlsafe(48)
            if not found:
                run("INSERT INTO atlas_meta (key, value) VALUES ('secret_key', ?)", key)
    st.close()  # before gunicorn forks: each worker opens its own connection
    return key


def register(app: Flask) -> None:
    app.config["SESSION_COOKIE_SAMESITE"] = app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["WTF_CSRF_TIME_LIMIT"] = 12 * 3600
    app.config["SECRET_KEY"] = _secret_key(app)
    app.session_interface = _Session()
    proxies = int(app.config.get("TRUSTED_PROXIES", 0) or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    csrf.init_app(app)
    login_manager.init_app(app, add_context_processor=False)  # its processor loads the user on every page
    login_manager.anonymous_user = Anonymous
    login_manager.session_protection = "strong"
    app.register_blueprint(bp)

    @app.context_processor
    def _user() -> dict[str, Any]:
        """The user as a lazy proxy: only templates that show it read the session."""
        return {"current_user": current_user}


@login_manager.user_loader
def _load_user(user_id: str) -> User | None:
    account = accounts().by_id(int(user_id))
    return User(account, "session") if account and account.active else None


@login_manager.request_loader
def _token_user(req: Any) -> User | None:
    """A bearer token authenticates one API call; a wrong one is a 401, never a silent anonymous call."""
    header = req.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, secret = header.partition(" ")
    account = accounts().for_token(secret.strip()) if scheme.lower() == "bearer" and secret.strip() else None
    if account is None:
        g.bad_token = True
        return None
    return User(account, "token")


@login_manager.unauthorized_handler
def _unauthorized() -> Response:
    return _deny(401)


def _deny(status: int) -> Response:
    """401/403 as the caller expects them: JSON with WWW-Authenticate for the API, a page otherwise,
    and a page GET without an account is sent to the login form."""
    if status == 401 and request.method == "GET" and not request.path.startswith("/api/"):
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))  # type: ignore[return-value]
    if request.path.startswith("/api/"):
        detail = "invalid or revoked token" if g.get("bad_token") else (
            "sign in or send Authorization: Bearer TOKEN" if status == 401 else "your role may not do this")
        resp = current_app.json.response({"error": "Unauthorized" if status == 401 else "Forbidden", "status": status, "detail": detail, "suggestions": []})
        resp.status_code = status
        if status == 401:
            resp.headers["WWW-Authenticate"] = 'Bearer realm="cluster-atlas"'
        return resp
    abort(status)


def requires(role: str) -> Callable[[F], F]:
    """The view needs an account of at least `role`; session calls to JSON views also need the CSRF token
    (forms are checked by CSRFProtect before any view runs)."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            signed_in = current_user.is_authenticated  # runs the loaders, which flag a bad token
            if g.get("bad_token") or not signed_in:
                return _deny(401)
            if not current_user.can(role):
                return _deny(403)
            if request.method not in ("GET", "HEAD") and current_user.via == "session" and request.path.startswith("/api/"):
                csrf.protect()
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def _safe_next(target: str | None) -> str:
    """Only a path on this site: an open redirect would hand a freshly signed-in editor to anyone."""
    if not target:
        return url_for("review.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("review.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    error = ""
    status = 200
    if request.method == "POST":
        name = request.form.get("login", "").strip()[:64]
        password = request.form.get("password", "")[:1024]
        keys = [f"login:{name.lower()}", f"addr:{request.remote_addr}"]
        acc = accounts()
        if acc.failures(keys[:1], LOGIN_WINDOW) >= MAX_FAILURES_PER_LOGIN or acc.failures(keys[1:], LOGIN_WINDOW) >= MAX_FAILURES_PER_ADDRESS:
            resp = Response(render_template("login.html", title="登录 Sign in", error="too_many", next=request.form.get("next", "")), status=429)
            resp.headers["Retry-After"] = str(LOGIN_WINDOW)
            return resp
        account = acc.authenticate(name, password)
        if account is None:
            acc.record_failure(keys, LOGIN_WINDOW)
            error, status = "wrong", 401
        else:
            acc.clear_failures(keys[0])
            session.clear()
            login_user(User(account, "session"))
            return redirect(_safe_next(request.form.get("next")))
    return render_template("login.html", title="登录 Sign in", error=error, next=request.args.get("next", request.form.get("next", ""))), status


@bp.post("/logout")
def logout() -> Response:
    logout_user()
    session.clear()
    return redirect("/")  # type: ignore[return-value]
