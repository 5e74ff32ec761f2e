"""The reviewers' web app: a queue of low-confidence fields, one page per field.

Server-rendered (Jinja2, autoescape on), a little vanilla JS for the keys, no
network assets. Every save is appended to the corrections store with the id of
the correction the page was rendered with, so a reviewer never overwrites a
colleague's save unseen (Conflict), and after each save the dataset files are
published again (questionnaire_returns.write.dataset.publish).

`create_app` builds the app's state (web.Review) and mounts one router per
screen (routes/): signin, queue, item, save, pages.

Routes
  GET  /                  -> /queue
  GET  /login, POST /login   the reviewer's name (cookie); GET /logout
  GET  /queue             fields in review, lowest confidence first; ?country= &field= &question=
  GET  /item?s=&f=        one field: meaning, value, evidence, source, page image, history
  POST /save              accept | correct | unanswerable, with base_version
  GET  /page-image?file=&page=&bbox=   PNG of a raw/ file's page, evidence highlighted
  GET  /export.xlsx       the (filtered) queue as a workbook to fill
  GET  /healthz
"""

from __future__ import annotations

from typing import Any

import ipaddress
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from starlette.concurrency import run_in_threadpool

from questionnaire_returns.review.accounts import Accounts
from questionnaire_returns.review.data import ReviewData
from questionnaire_returns.review.pages import PageImages
from questionnaire_returns.review.publisher import Publisher
from questionnaire_returns.review.routes import approvals, audit, item, pages, queue, report, save, signin
from questionnaire_returns.review.sessions import SESSION_COOKIE, Sessions, app_secret
from questionnaire_returns.review.sources import SourceTexts
from questionnaire_returns.corrections.store import CorrectionStore
from questionnaire_returns.review.query import BadQuery
from questionnaire_returns.review.web import HERE, Review, login_redirect, make_templates, message

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
OPEN_PATHS = ("/login", "/setup", "/healthz", "/favicon.ico")  # and /static/: everything else needs a signed-in account
CSP = (
    "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(
    data_dir: Path,
    raw_dir: Path,
    store_url: str,
    *,
    publish=None,
    allowed_hosts: list[str] | None = None,
    cache_dir: Path | None = None,
    second_pass: bool | None = None,
    session_hours: float | None = None,
    setup_token: str | None = None,
) -> FastAPI:
    """The review app over data_dir/extracted.parquet, raw_dir's files and the store at store_url.

    `publish(data_dir, store)` runs after every save (default: the write stage's
    questionnaire_returns.write.dataset.publish). `allowed_hosts` are the Host
    headers served (default: 127.0.0.1, localhost), against DNS rebinding.
    `second_pass` and `session_hours` default to config.yaml's reviewers section;
    `setup_token` opens /setup?token=... to make the first admin while no account exists.
    """
    data_dir, raw_dir = Path(data_dir), Path(raw_dir)
    store = CorrectionStore(store_url)
    data = ReviewData(data_dir, store)
    # not under normalized/cache: the pipeline prunes the folders it finds there
    images = PageImages(raw_dir, Path(cache_dir) if cache_dir else data_dir / ".review-pages")
    publisher = Publisher(data_dir, store, publish)
    reviewers = _reviewers_config()
    accounts = Accounts(store)
    hours = session_hours if session_hours is not None else reviewers.session_hours
    sessions = Sessions(accounts, app_secret(store.engine), hours * 3600)

    app = FastAPI(title="questionnaire-returns review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = Review(
        data=data, store=store, accounts=accounts, sessions=sessions, images=images,
        sources=SourceTexts(raw_dir), publisher=publisher,
        templates=make_templates(), setup_token=setup_token,
        second_pass=reviewers.second_pass if second_pass is None else second_pass,
    )
    app.state.store = store
    app.state.data = data
    app.state.publisher = publisher
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def _signed_in(request: Request, call_next):
        """Who is signed in (a valid signed session cookie); every route but the open ones needs someone."""
        session = await run_in_threadpool(sessions.read, request.cookies.get(SESSION_COOKIE))
        request.state.user, request.state.csrf = session if session else (None, None)
        path = request.url.path
        if session is None and not (path in OPEN_PATHS or path.startswith("/static/")):
            if request.method in ("GET", "HEAD"):
                return login_redirect(request)
            return RedirectResponse("/login", status_code=303)
        return await call_next(request)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response

    @app.exception_handler(BadQuery)
    async def _bad_query(request: Request, exc: BadQuery):
        return message(request, "Bad request", f"{exc}.", 422)

    @app.exception_handler(RequestValidationError)
    async def _bad_parameter(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
                             for e in exc.errors())
        return PlainTextResponse(f"bad request: {problems}", status_code=422)

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz():
        return "ok"

    @app.get("/favicon.ico")
    def favicon():
        return Response(status_code=204)

    for module in (signin, queue, item, save, pages, approvals, audit, report):
        app.include_router(module.router)
    return app


def _reviewers_config():
    from questionnaire_returns.config import Reviewers, settings

    try:
        return settings().reviewers
    except Exception:  # a broken config.yaml: the defaults (no second pass, 12-hour sessions)
        return Reviewers()


class ServeRefused(RuntimeError):
    """The app would be reachable from other machines without TLS; the message says what to set."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    data_dir: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8765,
    raw_dir: Path | None = None,
    store_url: str | None = None,
    *,
    allowed_hosts: list[str] | None = None,
    log_level: str = "info",
    tls_certfile: Path | None = None,
    tls_keyfile: Path | None = None,
    behind_proxy: bool | None = None,
) -> None:
    """Run the review app with uvicorn on 127.0.0.1, or beyond it with TLS (a certificate
    and key, here or in config.yaml's reviewers section) or behind a TLS proxy
    (behind_proxy). With no account yet, print a one-time link that makes the first admin."""
    import uvicorn

    from questionnaire_returns.corrections.store import store_url_for

    if data_dir is None or raw_dir is None:
        from questionnaire_returns.config import settings

        data_dir = Path(data_dir) if data_dir else settings().path("normalized")
        raw_dir = Path(raw_dir) if raw_dir else settings().path("raw")
    store_url = store_url or store_url_for(Path(data_dir))
    cfg = _reviewers_config()
    certfile, keyfile = tls_certfile or cfg.tls_certfile, tls_keyfile or cfg.tls_keyfile
    behind_proxy = cfg.behind_proxy if behind_proxy is None else behind_proxy
    if bool(certfile) != bool(keyfile):
        raise ServeRefused("TLS needs both a certificate and its key (--tls-cert and --tls-key)")
    tls = bool(certfile and keyfile)
    if not is_loopback(host) and not (tls or behind_proxy):
        raise ServeRefused(
            f"refusing to serve plain HTTP on {host}: beyond 127.0.0.1 the review app needs TLS "
            "(--tls-cert FILE --tls-key FILE, or reviewers.tls_certfile / tls_keyfile in config.yaml) "
            "or a TLS-terminating proxy in front (--behind-proxy, or reviewers.behind_proxy: true)")
    if allowed_hosts is None and not is_loopback(host):
        # reachable from other machines on purpose: reviewers reach it by any name of the machine
        allowed_hosts = ["*"]
    store = CorrectionStore(store_url)
    setup_token = secrets.token_urlsafe(24) if Accounts(store).count() == 0 else None
    store.close()
    app = create_app(Path(data_dir), Path(raw_dir), store_url, allowed_hosts=allowed_hosts,
                     setup_token=setup_token)
    shown = f"[{host}]" if ":" in host else host
    url = f"{'https' if tls else 'http'}://{shown}:{port}/"
    print(f"Review app: {url}  (data {data_dir}, Ctrl+C to stop)", flush=True)
    if setup_token:
        print("No reviewer account exists yet. Make the first admin with this one-time link:\n"
              f"  {url}setup?token={setup_token}\n"
              "or with: returns review users add NAME --role admin", flush=True)
    options: dict[str, Any] = {"ssl_certfile": str(certfile), "ssl_keyfile": str(keyfile)} if tls else {}
    if behind_proxy:
        options["proxy_headers"] = True  # the scheme and client the proxy reports (FORWARDED_ALLOW_IPS)
    uvicorn.run(app, host=host, port=port, log_level=log_level, **options)
