"""Sign-in: the reviewer's name, kept in a cookie; every record carries it."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse

from questionnaire_returns.review.store import fold
from questionnaire_returns.review.web import COOKIE, review_of, reviewer_of, safe_next, same_origin

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/queue"):
    return review_of(request).templates.TemplateResponse(
        request, "login.html", {"reviewer": reviewer_of(request), "next": safe_next(next), "error": None}
    )


@router.post("/login")
def login(request: Request, name: str = Form(""), next: str = Form("/queue")):
    if not same_origin(request):
        return PlainTextResponse("cross-site request refused", status_code=403)
    name = fold(name)
    if not name or len(name) > 80 or any(ord(ch) < 32 for ch in name):
        return review_of(request).templates.TemplateResponse(
            request, "login.html",
            {"reviewer": None, "next": safe_next(next), "error": "Enter your name (at most 80 characters)."},
            status_code=422,
        )
    response = RedirectResponse(safe_next(next), status_code=303)
    # Lax: sent when a reviewer follows a link here, never with another site's POST.
    response.set_cookie(COOKIE, quote(name), max_age=60 * 60 * 24 * 30, httponly=True, samesite="lax")
    return response


@router.get("/logout")
def logout():
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response
