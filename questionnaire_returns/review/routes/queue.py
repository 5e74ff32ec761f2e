"""The queue: fields in review, lowest confidence first, and its Excel export."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from questionnaire_returns.review.web import item_url, login_redirect, review_of, reviewer_of

router = APIRouter()


def _question_sort(q: str):
    digits = "".join(ch for ch in q if ch.isdigit())
    return (int(digits) if digits else 999, q)


@router.get("/")
def index():
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, country: str = "", field: str = "", question: str = "",
               saved: int | None = None):
    if not reviewer_of(request):
        return login_redirect(request)
    review = review_of(request)
    data = review.data
    filters = {"country": country, "field": field, "question": question}
    items = data.items()
    queue = data.queue(**filters)
    reviewed, total = data.progress(**filters)
    in_review = [i for i in items if i.status == "review"]
    return review.templates.TemplateResponse(
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
            "publish_error": review.publisher.last_error,
            "saved": review.store.get(saved) if saved else None,
        },
    )


@router.get("/export.xlsx")
def export_xlsx(request: Request, country: str = "", field: str = "", question: str = ""):
    if not reviewer_of(request):
        return login_redirect(request)
    from questionnaire_returns.review.excel import workbook_bytes

    items = review_of(request).data.queue(country=country, field=field, question=question)
    stamp = time.strftime("%Y%m%d-%H%M")
    return Response(
        workbook_bytes(items),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="review-queue-{stamp}.xlsx"'},
    )
