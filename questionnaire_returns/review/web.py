"""What every screen of the review app shares: the app's state and page helpers.

`Review` holds the data, the store, the page images, the publisher and the
templates; each router reaches it with `review_of(request)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import RedirectResponse
from jinja2 import Environment, FileSystemLoader
from starlette.templating import Jinja2Templates

from questionnaire_returns.review.data import Item, ReviewData
from questionnaire_returns.review.pages import PageImages, has_image
from questionnaire_returns.review.publisher import Publisher
from questionnaire_returns.review.store import CorrectionStore, fold

HERE = Path(__file__).parent
COOKIE = "reviewer"
FILTERS = ("country", "field", "question")


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    return Jinja2Templates(env=env)


@dataclass
class Review:
    """The review app's state: one per app."""

    data: ReviewData
    store: CorrectionStore
    images: PageImages
    publisher: Publisher
    templates: Jinja2Templates


def review_of(request: Request) -> Review:
    return request.app.state.review


def field_info(field: str) -> dict:
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
    """The item's page within the filtered queue; the queue itself for None."""
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


def safe_next(target: str) -> str:
    """Only local paths: never redirect a reviewer to another site after login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/queue"
    return target


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


def neighbours(data: ReviewData, item: Item, filters: dict[str, str]) -> tuple[Item | None, Item | None, int, int]:
    """(previous, next, 1-based position, queue length) of the item in the filtered queue."""
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
    """The item page (item.html), with an error, a conflict or a saved banner."""
    review = review_of(request)
    data, store = review.data, review.store
    prev, nxt, position, total = neighbours(data, item, filters)
    info = field_info(item.field)
    current = attempted if attempted is not None else item.value
    parts = [p for p in current.split(";") if p] if info["type"] in ("multi", "ministries") else []
    unknown = unknown_names(item, info["values"]) if info["type"] == "ministries" else []
    reviewed, in_review = data.progress(**filters)
    return review.templates.TemplateResponse(
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
            "publish_error": review.publisher.last_error,
        },
        status_code=status_code,
    )
