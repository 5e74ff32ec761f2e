"""Who changed what, when, from what to what: every correction, every approver's
decision and every account added or removed (approvers and admins); the accounts (admins)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from questionnaire_returns.review.web import page, refused, review_of

router = APIRouter()
PAGE = 200


@router.get("/audit")
def audit_page(request: Request, reviewer: str = "", s: str = "", f: str = "", offset: int = 0):
    if denied := refused(request, role="approver"):
        return denied
    review = review_of(request)
    offset = max(0, min(offset, 10**9))
    corrections = [c for c in reversed(review.store.all())
                   if (not reviewer or c.reviewer == reviewer) and (not s or c.submission_id == s)
                   and (not f or c.field == f)]
    decisions = {d["correction_id"]: d for d in review.store.decisions()}
    return page(request, "audit.html", {
        "corrections": corrections[offset:offset + PAGE], "total": len(corrections), "offset": offset,
        "page_size": PAGE, "decisions": decisions, "filters": {"reviewer": reviewer, "s": s, "f": f},
        "events": list(reversed(review.accounts.events())),
        "reviewers": sorted({c.reviewer for c in review.store.all()}),
    })


@router.get("/accounts")
def accounts_page(request: Request):
    if denied := refused(request, role="admin"):
        return denied
    return page(request, "accounts.html", {"accounts": review_of(request).accounts.list()})
