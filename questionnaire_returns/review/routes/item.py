"""One field's page: meaning, value, evidence, source, page image, history."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from questionnaire_returns.review.web import (filters_of, item_url, login_redirect, render_item, review_of,
                                              reviewer_of)

router = APIRouter()


@router.get("/item", response_class=HTMLResponse)
def item_page(request: Request, s: str = Query(...), f: str = Query(...), saved: int | None = None):
    if not reviewer_of(request):
        return login_redirect(request)
    review = review_of(request)
    filters = filters_of(request.query_params)
    item = review.data.item_or_absent(s, f)
    if item is None:
        return review.templates.TemplateResponse(
            request, "message.html",
            {"reviewer": reviewer_of(request), "title": "Not in the dataset",
             "message": f"{s} has no field {f} in the dataset (it may have been marked unanswerable).",
             "queue_url": item_url(None, filters)},
            status_code=404,
        )
    saved_record = review.store.get(saved) if saved else None
    return render_item(request, item, filters, saved=saved_record)
