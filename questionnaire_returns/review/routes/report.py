"""Rebuild the summary report from the review app: after reviewers' saves it is stale (a banner
on every page says so) until someone rebuilds it here."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from questionnaire_returns.report.rebuild import rebuild
from questionnaire_returns.review.web import message, refused, review_of

router = APIRouter()


@router.post("/rebuild-report")
async def rebuild_report(request: Request):
    form = await request.form()
    if denied := refused(request, form, "reviewer"):
        return denied
    review = review_of(request)
    error = await run_in_threadpool(rebuild, review.publisher.data_dir, review.sources.raw_dir)
    if error:
        return message(request, "Report not rebuilt", f"The summary report could not be built: {error}", 500)
    back = str(form.get("next", "")) or "/queue"
    if not back.startswith("/") or back.startswith("//"):
        back = "/queue"
    return RedirectResponse(back, status_code=303)
