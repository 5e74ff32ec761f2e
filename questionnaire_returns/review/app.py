"""The reviewers' web app: a queue of low-confidence fields, one page per field.

Server-rendered (Jinja2, autoescape on), a little vanilla JS for the keys, no
network assets. Every save is appended to the corrections store with the id of
the correction the page was rendered with, so a reviewer never overwrites a
colleague's save unseen (Conflict), and after each save the dataset files are
published again (questionnaire_returns.write.dataset.publish).

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

import logging
import threading
import time
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import quote, unquote, urlencode, urlsplit

from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.templating import Jinja2Templates

from questionnaire_returns.review.data import Item, ReviewData, check_value, normalise_value
from questionnaire_returns.review.pages import PageImages, Refused, has_image
from questionnaire_returns.review.store import Conflict, CorrectionStore, fold

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
COOKIE = "reviewer"
FILTERS = ("country", "field", "question")
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
CSP = (
    "default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    return Jinja2Templates(env=env)


def _field_info(field: str) -> dict:
    """Type, meaning, question text and allowed values of a contract field."""
    try:
        from questionnaire_returns.contract import CONTRACT

        spec = CONTRACT.field(field)
    except Exception:
        return {"type": "text", "meaning": "", "question_text": "", "question_number": "", "values": [],
                "max_values": None}
    q = CONTRACT.questions.get(spec.question) if spec.question else None
    return {
        "type": spec.type,
        "meaning": spec.meaning,
        "question_text": q.text if q else "",
        "question_number": q.number if q else "",
        "values": list(spec.values or []),
        "max_values": spec.max_values,
    }


def default_publish(data_dir: Path, store: CorrectionStore) -> None:
    """The lead's publish, imported when first needed."""
    from questionnaire_returns.write.dataset import publish

    publish(data_dir, store)


class Publisher:
    """Runs publish after each save, one at a time (per process and, with filelock,
    across processes), so the last run always sees every save before it."""

    def __init__(self, data_dir: Path, store: CorrectionStore, publish=None):
        self.data_dir = Path(data_dir)
        self.store = store
        self.publish = publish
        self.lock = threading.Lock()
        self.last_error: str | None = None

    def __call__(self) -> str | None:
        publish = self.publish or default_publish
        try:
            from filelock import FileLock

            file_lock = FileLock(str(self.data_dir / ".publish.lock"), timeout=120)
        except Exception:  # filelock missing or the folder is read-only
            file_lock = nullcontext()
        with self.lock:
            try:
                with file_lock:
                    publish(self.data_dir, self.store)
                self.last_error = None
            except Exception as exc:  # the save stands; say the dataset is behind
                log.exception("publish failed")
                self.last_error = f"{type(exc).__name__}: {exc}"
        return self.last_error


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

    `publish(data_dir, store)` runs after every save (default: the lead's
    questionnaire_returns.write.dataset.publish). `allowed_hosts` are the Host
    headers served (default: 127.0.0.1, localhost), against DNS rebinding.
    """
    data_dir, raw_dir = Path(data_dir), Path(raw_dir)
    store = CorrectionStore(store_url)
    data = ReviewData(data_dir, store)
    # not under normalized/cache: the pipeline prunes the folders it finds there
    images = PageImages(raw_dir, Path(cache_dir) if cache_dir else data_dir / ".review-pages")
    publisher = Publisher(data_dir, store, publish)
    templates = _templates()

    app = FastAPI(title="questionnaire-returns review", docs_url=None, redoc_url=None, openapi_url=None)
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

    def reviewer_of(request: Request) -> str | None:
        name = fold(unquote(request.cookies.get(COOKIE, "")))
        return name or None

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if not origin or origin == "null":
            return origin is None
        return urlsplit(origin).netloc == request.headers.get("host", "")

    def filters_of(params) -> dict[str, str]:
        return {k: params.get(k, "") or "" for k in FILTERS}

    def item_url(item: Item | None, filters: dict[str, str], **extra) -> str:
        if item is None:
            query = {k: v for k, v in filters.items() if v}
            return "/queue" + (("?" + urlencode(query)) if query else "")
        query = {"s": item.submission_id, "f": item.field}
        query.update({k: v for k, v in filters.items() if v})
        query.update({k: v for k, v in extra.items() if v not in (None, "")})
        return "/item?" + urlencode(query)

    def login_redirect(request: Request) -> RedirectResponse:
        target = request.url.path + (("?" + request.url.query) if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    def neighbours(item: Item, filters: dict[str, str]) -> tuple[Item | None, Item | None, int, int]:
        queue = data.queue(**filters)
        keys = [i.key for i in queue]
        if item.key in keys:
            at = keys.index(item.key)
            prev = queue[at - 1] if at > 0 else None
            nxt = queue[at + 1] if at + 1 < len(queue) else None
            return prev, nxt, at + 1, len(queue)
        return None, (queue[0] if queue else None), 0, len(queue)

    def render_item(request: Request, item: Item, filters: dict[str, str], *, status_code=200,
                    error=None, conflict=None, attempted=None, saved=None):
        prev, nxt, position, total = neighbours(item, filters)
        info = _field_info(item.field)
        current = attempted if attempted is not None else item.value
        parts = [p for p in current.split(";") if p] if info["type"] in ("multi", "ministries") else []
        unknown = unknown_names(item, info["values"]) if info["type"] == "ministries" else []
        reviewed, in_review = data.progress(**filters)
        return templates.TemplateResponse(
            request,
            "item.html",
            {
                "reviewer": reviewer_of(request),
                "item": item,
                "info": info,
                "current": current,
                "parts": parts,
                "unknown_names": unknown,
                "filters": filters,
                "prev_url": item_url(prev, filters) if prev else "",
                "next_url": item_url(nxt, filters) if nxt else "",
                "queue_url": item_url(None, filters),
                "position": position,
                "total": total,
                "reviewed": reviewed,
                "in_review": in_review,
                "history": list(reversed(store.history(item.submission_id, item.field))),
                "show_image": bool(item.page) and has_image(item.source_file),
                "image_url": "/page-image?" + urlencode(
                    {"file": item.source_file, "page": item.page or 1, "bbox": item.bbox}
                ),
                "absent_fields": data.absent_fields(item.submission_id),
                "error": error,
                "conflict": conflict,
                "saved": saved,
                "publish_error": publisher.last_error,
            },
            status_code=status_code,
        )

    @app.get("/healthz", response_class=PlainTextResponse)
    def healthz():
        return "ok"

    @app.get("/")
    def index():
        return RedirectResponse("/queue", status_code=303)

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = "/queue"):
        return templates.TemplateResponse(
            request, "login.html", {"reviewer": reviewer_of(request), "next": _safe_next(next), "error": None}
        )

    @app.post("/login")
    def login(request: Request, name: str = Form(""), next: str = Form("/queue")):
        if not same_origin(request):
            return PlainTextResponse("cross-site request refused", status_code=403)
        name = fold(name)
        if not name or len(name) > 80 or any(ord(ch) < 32 for ch in name):
            return templates.TemplateResponse(
                request, "login.html",
                {"reviewer": None, "next": _safe_next(next), "error": "Enter your name (at most 80 characters)."},
                status_code=422,
            )
        response = RedirectResponse(_safe_next(next), status_code=303)
        # Lax: sent when a reviewer follows a link here, never with another site's POST.
        response.set_cookie(COOKIE, quote(name), max_age=60 * 60 * 24 * 30, httponly=True, samesite="lax")
        return response

    @app.get("/logout")
    def logout():
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    @app.get("/queue", response_class=HTMLResponse)
    def queue_page(request: Request, country: str = "", field: str = "", question: str = "",
                   saved: int | None = None):
        if not reviewer_of(request):
            return login_redirect(request)
        filters = {"country": country, "field": field, "question": question}
        items = data.items()
        queue = data.queue(**filters)
        reviewed, total = data.progress(**filters)
        in_review = [i for i in items if i.status == "review"]
        return templates.TemplateResponse(
            request,
            "queue.html",
            {
                "reviewer": reviewer_of(request),
                "queue": [(i, item_url(i, filters)) for i in queue],
                "filters": filters,
                "countries": sorted({i.country for i in in_review if i.country} | ({country} - {""})),
                "fields": sorted({i.field for i in in_review} | ({field} - {""})),
                "questions": sorted({i.question for i in in_review if i.question} | ({question} - {""}),
                                    key=_question_sort),
                "reviewed": reviewed,
                "total": total,
                "export_url": "/export.xlsx" + ("?" + urlencode({k: v for k, v in filters.items() if v})
                                                if any(filters.values()) else ""),
                "publish_error": publisher.last_error,
                "saved": store.get(saved) if saved else None,
            },
        )

    @app.get("/item", response_class=HTMLResponse)
    def item_page(request: Request, s: str = Query(...), f: str = Query(...), saved: int | None = None):
        if not reviewer_of(request):
            return login_redirect(request)
        filters = filters_of(request.query_params)
        item = data.item_or_absent(s, f)
        if item is None:
            return templates.TemplateResponse(
                request, "message.html",
                {"reviewer": reviewer_of(request), "title": "Not in the dataset",
                 "message": f"{s} has no field {f} in the dataset (it may have been marked unanswerable).",
                 "queue_url": item_url(None, filters)},
                status_code=404,
            )
        saved_record = store.get(saved) if saved else None
        return render_item(request, item, filters, saved=saved_record)

    @app.post("/save")
    async def save(request: Request):
        reviewer = reviewer_of(request)
        if not same_origin(request):
            return PlainTextResponse("cross-site request refused", status_code=403)
        if not reviewer:
            return RedirectResponse("/login", status_code=303)
        form = await request.form()
        # the store, the merge and publish block: keep them off the event loop
        return await run_in_threadpool(save_form, request, form, reviewer)

    def save_form(request: Request, form, reviewer: str):
        s, f = str(form.get("s", "")), str(form.get("f", ""))
        action = str(form.get("action", ""))
        filters = filters_of(form)
        base = str(form.get("base_version", "")).strip()
        expected = int(base) if base.isdigit() else None
        # the published row, or a field the extractor missed / a reviewer dropped
        item = data.item_or_absent(s, f)
        info = _field_info(f)
        if item is None:
            return PlainTextResponse("no such submission or field", status_code=404)
        if action not in ("accept", "correct", "unanswerable"):
            return render_item(request, item, filters, status_code=422, error="Unknown action.")

        if action == "correct":
            if info["type"] in ("multi", "ministries") and form.getlist("values"):
                raw_value = ";".join(str(v) for v in form.getlist("values"))
            else:
                raw_value = str(form.get("value", ""))
            value = normalise_value(f, raw_value)
        elif action == "accept":
            value = item.value
        else:
            value = ""
        if action != "unanswerable":
            reason = check_value(f, value)
            if reason:
                verb = "Cannot accept" if action == "accept" else "Not saved"
                return render_item(request, item, filters, status_code=422, attempted=value,
                                   error=f"{verb}: {value!r} {reason}." if value else f"{verb}: {reason}.")

        # Names the reviewer wants the resolver to remember ("remember this name").
        aliases = []
        for idx in form.getlist("alias_on"):
            name = fold(str(form.get(f"alias_name_{idx}", "")))
            canonical = str(form.get(f"alias_id_{idx}", ""))
            if name:
                if canonical not in info["values"]:
                    return render_item(request, item, filters, status_code=422, attempted=value,
                                       error=f"Not saved: choose the ministry {name!r} names, "
                                             "or untick remember.")
                aliases.append((name, canonical))

        queue_before = [i.key for i in data.queue(**filters)]
        try:
            correction = store.add(
                s, f, action,
                old_value=item.value,
                new_value=value,
                evidence=item.evidence,
                reviewer=reviewer,
                note=fold(str(form.get("note", ""))),
                expected_latest=expected,
                extracted_value=item.extracted_value,
            )
        except Conflict as exc:
            current = data.item_or_absent(s, f) or item
            return render_item(request, current, filters, status_code=409, conflict=exc.latest,
                               attempted=None, error=None) if exc.latest else render_item(
                request, current, filters, status_code=409, error="Someone else changed this field; reload.")
        for name, canonical in aliases:
            store.add_alias("ministry", name, canonical, reviewer)
        publisher()

        queue_after = data.queue(**filters)
        nxt = None
        if queue_after:
            at = queue_before.index(item.key) if item.key in queue_before else -1
            after_keys = {i.key for i in queue_after}
            for k in queue_before[at + 1:]:
                if k in after_keys:
                    nxt = next(i for i in queue_after if i.key == k)
                    break
            if nxt is None:
                nxt = queue_after[0]
        if nxt is None:
            query = {k: v for k, v in filters.items() if v}
            query["saved"] = str(correction.id)
            return RedirectResponse("/queue?" + urlencode(query), status_code=303)
        return RedirectResponse(item_url(nxt, filters, saved=correction.id), status_code=303)

    @app.get("/page-image")
    def page_image(file: str = "", page: int = 1, bbox: str = ""):
        try:
            png = images.png(file, page, bbox or None)
        except Refused as exc:
            return PlainTextResponse(f"refused: {exc}", status_code=404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/export.xlsx")
    def export_xlsx(request: Request, country: str = "", field: str = "", question: str = ""):
        if not reviewer_of(request):
            return login_redirect(request)
        from questionnaire_returns.review.excel import workbook_bytes

        items = data.queue(country=country, field=field, question=question)
        stamp = time.strftime("%Y%m%d-%H%M")
        return Response(
            workbook_bytes(items),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="review-queue-{stamp}.xlsx"'},
        )

    return app


def unknown_names(item: Item, known: list[str]) -> list[str]:
    """The names a ministries field's note calls unknown ("unknown_name: A; B"),
    else the parts of its value that are no ministry id."""
    if "unknown_name" not in item.note:
        return []
    _, _, listed = item.note.partition("unknown_name")
    listed = listed.lstrip(":= ").strip()
    names = [fold(n) for n in listed.split("; ") if fold(n)] if listed else []
    if not names:
        names = [fold(p) for p in item.value.split(";") if fold(p) and fold(p) not in known]
    return list(dict.fromkeys(names))


def _safe_next(target: str) -> str:
    """Only local paths: never redirect a reviewer to another site after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target


def _question_sort(q: str):
    digits = "".join(ch for ch in q if ch.isdigit())
    return (int(digits) if digits else 999, q)


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
