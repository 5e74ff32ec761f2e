"""The approver's second pass (where config.yaml's reviewers.second_pass asks for it):
reviewers' corrections wait here until an approver approves or rejects them."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from questionnaire_returns.review.routes.queue import saved_id
from questionnaire_returns.corrections.store import fold
from questionnaire_returns.review.web import message, page, refused, review_of, signed_in_reviewer

router = APIRouter()


@router.get("/approvals")
def approvals_page(request: Request, done: str = ""):
    if denied := refused(request, role="approver"):
        return denied
    review = review_of(request)
    pending = review.store.pending()
    found = saved_id(done)
    decided = review.store.get(found) if found else None
    items = {c.id: review.data.item_or_absent(c.submission_id, c.field) for c in pending}
    return page(request, "approvals.html", {"pending": pending, "items": items, "decided": decided})


@router.post("/approve")
async def approve(request: Request):
    form = await request.form()
    if denied := refused(request, form, "approver"):
        return denied
    raw_id, decision = str(form.get("correction", "")), str(form.get("decision", ""))
    if not raw_id.isdigit() or len(raw_id) > 18:
        return message(request, "Not decided", "No such correction.", 422, "/approvals")
    if decision not in ("approved", "rejected"):
        return message(request, "Not decided", "Approve or reject.", 422, "/approvals")
    review = review_of(request)
    try:
        await run_in_threadpool(review.store.decide, int(raw_id), decision, signed_in_reviewer(request),
                                fold(str(form.get("note", "")))[:500])
    except ValueError as exc:
        return message(request, "Not decided", f"{exc}.", 409, "/approvals")
    await run_in_threadpool(review.publisher)
    return RedirectResponse("/approvals?" + urlencode({"done": raw_id}), status_code=303)
