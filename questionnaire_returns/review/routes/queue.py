"""The queue: fields in review (or any status), filtered, searched and sorted; its Excel export."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from questionnaire_returns.review.query import REASONS, SORTS, STATUSES, BadQuery, QueueQuery
from questionnaire_returns.review.web import item_url, page, review_of

router = APIRouter()
COLUMNS = [("confidence", "Confidence"), ("country", "Country"), ("language", "Lang."), ("field", "Field"),
           ("question", "Q"), ("value", "Value"), ("reason", "Why"), ("status", "Status")]


def _question_sort(q: str):
    digits = "".join(ch for ch in q if ch.isdigit())
    return (int(digits) if digits else 999, q)


def saved_id(raw: str) -> int | None:
    """A correction id from a link (?saved=): None when there is none; BadQuery (a 422)
    for anything that cannot be one (text, a number too large for the store)."""
    if not raw:
        return None
    if not (raw.isdigit() and len(raw) < 19):
        raise BadQuery("saved must be the id of a correction")
    return int(raw)


def sort_url(query: QueueQuery, column: str) -> str:
    """The queue sorted by `column`; ascending first, descending when it is sorted so already."""
    params = query.as_params()
    flip = (query.sort or "confidence") == column and query.dir != "desc"
    params.update(sort=column, dir="desc" if flip else "asc")
    return "/queue?" + urlencode(params)


def queue_context(request: Request, query: QueueQuery, **extra) -> dict:
    review = review_of(request)
    data = review.data
    filters = {k: getattr(query, k) for k in QueueQuery.keys()}
    queue = data.queue(query)
    reviewed, total = data.progress(**filters)
    everything = data.items()
    pool = [i for i in everything if i.status == "review"] or everything

    def options(values, chosen):
        return sorted({v for v in values if v} | ({chosen} - {""}))

    return {
        "queue": [(i, item_url(i, filters)) for i in queue],
        "query": query,
        "filters": filters,
        "countries": options((i.country for i in pool), query.country),
        "fields": options((i.field for i in pool), query.field),
        "questions": sorted(options((i.question for i in pool), query.question), key=_question_sort),
        "languages": options((i.language for i in everything), query.language),
        "reasons": REASONS,
        "statuses": STATUSES,
        "sorts": SORTS,
        "columns": [(key, title, sort_url(query, key)) for key, title in COLUMNS],
        "reviewed": reviewed,
        "total": total,
        "export_url": "/export.xlsx" + ("?" + urlencode(query.as_params()) if query.as_params() else ""),
        **extra,
    }


@router.get("/")
def index():
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue")
def queue_page(request: Request, saved: str = ""):
    query = QueueQuery.parse(request.query_params)
    found = saved_id(saved)
    saved_record = review_of(request).store.get(found) if found else None
    return page(request, "queue.html", queue_context(request, query, saved=saved_record))


@router.get("/export.xlsx")
def export_xlsx(request: Request):
    from questionnaire_returns.review.excel import workbook_bytes

    items = review_of(request).data.queue(QueueQuery.parse(request.query_params))
    stamp = time.strftime("%Y%m%d-%H%M")
    return Response(
        workbook_bytes(items),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="review-queue-{stamp}.xlsx"'},
    )
