"""What every screen of the review app shares: the app's state and page helpers.

`Review` holds the data, the store, the accounts and sessions, the page images,
the publisher and the templates; each router reaches it with `review_of(request)`.
The signed-in account is `user_of(request)` (set by app.py's sign-in middleware
for every route but sign-in itself, /healthz and /static).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import RedirectResponse
from jinja2 import Environment, FileSystemLoader
from starlette.templating import Jinja2Templates

from questionnaire_returns.report.rebuild import is_stale
from questionnaire_returns.review.accounts import Account, Accounts
from questionnaire_returns.review.data import Item, ReviewData
from questionnaire_returns.review.labels import label_of, value_labels
from questionnaire_returns.review.pages import PageImages, Refused, has_image
from questionnaire_returns.review.publisher import Publisher
from questionnaire_returns.review.query import QueueQuery
from questionnaire_returns.review.sessions import Sessions, same_token
from questionnaire_returns.review.sources import SourceTexts
from questionnaire_returns.corrections.store import CorrectionStore, fold

HERE = Path(__file__).parent
FILTERS = QueueQuery.keys()


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.globals["value_labels"] = value_labels
    env.globals["label_of"] = label_of
    return Jinja2Templates(env=env)


@dataclass
class Review:
    """The review app's state: one per app."""

    data: ReviewData
    store: CorrectionStore
    accounts: Accounts
    sessions: Sessions
    images: PageImages
    sources: SourceTexts
    publisher: Publisher
    templates: Jinja2Templates
    second_pass: bool = False  # reviewers' corrections wait for an approver
    setup_token: str | None = None  # the one-time link that makes the first admin


def review_of(request: Request) -> Review:
    return request.app.state.review


def user_of(request: Request) -> Account | None:
    """The signed-in account (None on the open routes when nobody is signed in)."""
    return getattr(request.state, "user", None)


def csrf_of(request: Request) -> str:
    return getattr(request.state, "csrf", None) or ""


def csrf_ok(request: Request, form) -> bool:
    """Whether a write's form carries the session's CSRF token."""
    return same_token(csrf_of(request), str(form.get("csrf", "")))


def page(request: Request, template: str, context: dict, status_code: int = 200):
    """A template with what every page shows: the account, the CSRF token, the publish state."""
    review = review_of(request)
    user = user_of(request)
    base = {"user": user, "reviewer": user.name if user else None, "csrf": csrf_of(request),
            "publish_error": review.publisher.last_error, "second_pass": review.second_pass,
            "report_stale": user is not None and is_stale(review.publisher.data_dir),
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else "")}
    return review.templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


def message(request: Request, title: str, text: str, status_code: int, queue_url: str = "/queue"):
    return page(request, "message.html", {"title": title, "message": text, "queue_url": queue_url},
                status_code=status_code)


def refused(request: Request, form=None, role: str | None = None):
    """A 403 page when a write lacks its CSRF token, comes from another site, or the
    account lacks `role`; None when the request may go on."""
    if form is not None and not (same_origin(request) and csrf_ok(request, form)):
        return message(request, "Refused", "This form is out of date or came from another site: "
                       "reload the page and try again.", 403)
    user = user_of(request)
    if role and (user is None or not user.can(role)):
        return message(request, "Not allowed", f"This needs the {role} role.", 403)
    return None


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
    user = user_of(request)
    return user.name if user else None


def signed_in_reviewer(request: Request) -> str:
    """The signed-in reviewer's name, for a route that `refused` has already let through."""
    name = reviewer_of(request)
    if name is None:
        raise RuntimeError("no reviewer is signed in: the route should have refused the request")
    return name


def same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def filters_of(params) -> dict[str, str]:
    """The queue's filters, search and sort from a query string or form (query.BadQuery
    when one makes no sense: the app answers 422)."""
    query = QueueQuery.parse(params)
    return {k: getattr(query, k) for k in FILTERS}


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
    queue = data.queue(None, **filters)
    keys = [i.key for i in queue]
    if item.key in keys:
        at = keys.index(item.key)
        prev = queue[at - 1] if at > 0 else None
        nxt = queue[at + 1] if at + 1 < len(queue) else None
        return prev, nxt, at + 1, len(queue)
    return None, (queue[0] if queue else None), 0, len(queue)


def source_view(review: Review, item: Item) -> dict:
    """How the item page shows the item's source: `view` is 'image' (a page image with
    page turning and zoom), 'text' (the document's text, evidence marked) or 'none'. A
    field with no evidence of its own (a required answer the return lacks) shows its return."""
    source = item.source_file
    own = bool(source)
    if not own:
        source = review.data.return_file(item.submission_id)
    out = {"view": "none", "source": source, "own_source": own}
    if not source:
        return out
    try:
        if has_image(source):
            pages = review.images.page_count(source)
            page = item.page if own and item.page and 1 <= item.page <= pages else 1
            bbox = item.bbox if own and item.page == page else ""
            out.update(view="image", page=page, pages=pages, bbox=bbox, evidence_page=page if bbox else 0,
                       image_url="/page-image?" + urlencode({"file": source, "page": page, "bbox": bbox}))
        else:
            out.update(view="text", text=review.sources.view(source, item.evidence if own else ""),
                       text_url="/source-text?" + urlencode({"file": source}))
    except Refused as exc:
        out.update(view="none", source_error=str(exc))
    return out


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
    return page(
        request,
        "item.html",
        {
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
            "labels": value_labels(item.field),
            **source_view(review, item),
            "absent_fields": data.absent_fields(item.submission_id),
            "error": error,
            "conflict": conflict,
            "saved": saved,
        },
        status_code=status_code,
    )
