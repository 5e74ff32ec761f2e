"""Page images of raw/ files, evidence highlighted (only files under raw/)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from questionnaire_returns.review.pages import Refused
from questionnaire_returns.review.web import review_of

router = APIRouter()


@router.get("/page-image")
def page_image(request: Request, file: str = "", page: int = 1, bbox: str = ""):
    try:
        png = review_of(request).images.png(file, page, bbox or None)
    except Refused as exc:
        return PlainTextResponse(f"refused: {exc}", status_code=404)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})
