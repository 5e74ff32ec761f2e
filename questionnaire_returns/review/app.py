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

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from questionnaire_returns.review.data import ReviewData
from questionnaire_returns.review.pages import PageImages
from questionnaire_returns.review.publisher import Publisher
from questionnaire_returns.review.routes import item, pages, queue, save, signin
from questionnaire_returns.review.store import CorrectionStore
from questionnaire_returns.review.web import HERE, Review, make_templates

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
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
) -> FastAPI:
    """The review app over data_dir/extracted.parquet, raw_dir's files and the store at store_url.

    `publish(data_dir, store)` runs after every save (default: the write stage's
    questionnaire_returns.write.dataset.publish). `allowed_hosts` are the Host
    headers served (default: 127.0.0.1, localhost), against DNS rebinding.
    """
    data_dir, raw_dir = Path(data_dir), Path(raw_dir)
    store = CorrectionStore(store_url)
    data = ReviewData(data_dir, store)
    # not under normalized/cache: the pipeline prunes the folders it finds there
    images = PageImages(raw_dir, Path(cache_dir) if cache_dir else data_dir / ".review-pages")
    publisher = Publisher(data_dir, store, publish)

    app = FastAPI(title="questionnaire-returns review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = Review(data=data, store=store, images=images, publisher=publisher,
                              templates=make_templates())
    app.state.store = store
    app.state.data = data
    app.state.publisher = publisher
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz():
        return "ok"

    for module in (signin, queue, item, save, pages):
        app.include_router(module.router)
    return app


def serve(
    data_dir: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8765,
    raw_dir: Path | None = None,
    store_url: str | None = None,
    *,
    allowed_hosts: list[str] | None = None,
    log_level: str = "info",
) -> None:
    """Run the review app with uvicorn (127.0.0.1 unless told otherwise)."""
    import uvicorn

    from questionnaire_returns.review.store import store_url_for

    if data_dir is None or raw_dir is None:
        from questionnaire_returns.config import settings

        data_dir = Path(data_dir) if data_dir else settings().path("normalized")
        raw_dir = Path(raw_dir) if raw_dir else settings().path("raw")
    store_url = store_url or store_url_for(Path(data_dir))
    if allowed_hosts is None and host in ("0.0.0.0", "::"):
        # bound to every interface on purpose: reviewers reach it by any name of the machine
        allowed_hosts = ["*"]
        print("Warning: the review app is reachable from other machines, without passwords.", flush=True)
    elif allowed_hosts is None and host not in ("127.0.0.1", "localhost", "::1"):
        allowed_hosts = LOCAL_HOSTS + [host]
    app = create_app(Path(data_dir), Path(raw_dir), store_url, allowed_hosts=allowed_hosts)
    shown = f"[{host}]" if ":" in host else host
    print(f"Review app: http://{shown}:{port}/  (data {data_dir}, Ctrl+C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
