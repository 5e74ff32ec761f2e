"""Sign-in with an account's name and password; sign-out; the one-time first-admin setup.

Accounts are made with `returns review users add NAME --role ROLE`. When the store
has none, `returns review` prints a one-time /setup link that makes the first admin.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from questionnaire_returns.review.accounts import AccountError
from questionnaire_returns.review.sessions import SESSION_COOKIE, SIGNIN_COOKIE, SIGNIN_MAX_AGE, same_token
from questionnaire_returns.review.web import message, page, refused, review_of, safe_next, same_origin, user_of

router = APIRouter()


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _signin_page(request: Request, next_url: str, error: str | None = None, status_code: int = 200, name: str = ""):
    cookie, token = review_of(request).sessions.signin_token(request.cookies.get(SIGNIN_COOKIE))
    response = page(request, "login.html", {"next": safe_next(next_url), "error": error, "signin_token": token,
                                            "name": name}, status_code=status_code)
    # Strict: the sign-in form's token only ever travels with this site's own form
    response.set_cookie(SIGNIN_COOKIE, cookie, max_age=SIGNIN_MAX_AGE, httponly=True, samesite="strict",
                        secure=_secure(request))
    return response


def _signed_in(request: Request, account, next_url: str) -> RedirectResponse:
    review = review_of(request)
    response = RedirectResponse(safe_next(next_url), status_code=303)
    # Lax: sent when a reviewer follows a link here, never with another site's POST
    response.set_cookie(SESSION_COOKIE, review.sessions.issue(account), max_age=review.sessions.max_age_s,
                        httponly=True, samesite="lax", secure=_secure(request))
    response.delete_cookie(SIGNIN_COOKIE)
    return response


@router.get("/login")
def login_form(request: Request, next: str = "/queue"):
    return _signin_page(request, next)


@router.post("/login")
async def login(request: Request):
    form = await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    next_url = str(form.get("next", "/queue"))
    review = review_of(request)
    if not same_origin(request) or not review.sessions.signin_ok(request.cookies.get(SIGNIN_COOKIE),
                                                                   str(form.get("csrf", ""))):
        return message(request, "Refused", "The sign-in form is out of date or came from another site: "
                       "reload it and try again.", 403)
    wait = review.sessions.throttle.wait_s(name)
    if wait:
        return _signin_page(request, next_url, f"Too many failed sign-ins for this name: try again in "
                            f"{max(1, round(wait / 60))} minute(s).", 429, name=name[:80])
    account = await run_in_threadpool(review.accounts.verify, name, password) if name and password else None
    if account is None:
        review.sessions.throttle.failed(name)
        return _signin_page(request, next_url, "Wrong name or password.", 401, name=name[:80])
    review.sessions.throttle.succeeded(name)
    return _signed_in(request, account, next_url)


@router.post("/logout")
async def logout(request: Request):
    form = await request.form()
    if user_of(request) is not None and (denied := refused(request, form)):
        return denied
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


def _setup_open(request: Request, token: str) -> bool:
    review = review_of(request)
    return same_token(review.setup_token, token) and review.accounts.count() == 0


@router.get("/setup")
def setup_form(request: Request, token: str = ""):
    if not _setup_open(request, token):
        return message(request, "No setup", "There is no setup to do here: sign in, or ask an admin for an account.",
                       404, "/login")
    return page(request, "setup.html", {"token": token, "error": None})


@router.post("/setup")
async def setup(request: Request):
    form = await request.form()
    token = str(form.get("token", ""))
    if not same_origin(request) or not _setup_open(request, token):
        return message(request, "No setup", "There is no setup to do here.", 404, "/login")
    password = str(form.get("password", ""))
    if password != str(form.get("password2", "")):
        return page(request, "setup.html", {"token": token, "error": "The two passwords differ."}, 422)
    review = review_of(request)
    try:
        account = await run_in_threadpool(review.accounts.add, str(form.get("name", "")), "admin", password,
                                          "setup link")
    except AccountError as exc:
        return page(request, "setup.html", {"token": token, "error": f"{exc}."}, 422)
    review.setup_token = None  # one time only
    return _signed_in(request, account, "/queue")
