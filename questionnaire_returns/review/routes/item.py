"""One field's page: meaning, value, evidence, source, page image, history."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from questionnaire_returns.review.routes.queue import saved_id
from questionnaire_returns.review.web import filters_of, item_url, message, render_item, review_of

router = APIRouter()


@router.get("/item", response_class=HTMLResponse)
def item_page(request: Request, s: str = Query(..., max_length=200), f: str = Query(..., max_length=100),
              saved: str = ""):
    review = review_of(request)
    filters = filters_of(request.query_params)
    item = review.data.item_or_absent(s, f)
    if item is None:
        return message(request, "Not in the dataset",
                       f"{s} has no field {f} in the dataset (it may have been marked unanswerable).", 404,
                       item_url(None, filters))
    found = saved_id(saved)
    saved_record = review.store.get(found) if found else None
    return render_item(request, item, filters, saved=saved_record)
