"""Page images of raw/ files (fillable forms drawn with their values), evidence
highlighted, at a zoom level; only files under raw/."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from questionnaire_returns.review.pages import BadParameter, Refused
from questionnaire_returns.review.web import message, page, review_of

router = APIRouter()


@router.get("/page-image")
def page_image(request: Request, file: str = "", page: str = "1", bbox: str = "", zoom: str = "1"):
    try:
        number = int(page) if page.isdigit() and len(page) < 7 else 0
        try:
            scale = float(zoom)
        except ValueError:
            scale = -1.0
        png = review_of(request).images.png(file, number, bbox or None, scale)
    except BadParameter as exc:
        return PlainTextResponse(f"bad request: {exc}", status_code=422)
    except Refused as exc:
        return PlainTextResponse(f"refused: {exc}", status_code=404)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get("/source-text")
def source_text(request: Request, file: str = "", evidence: str = ""):
    """A Word, HTML, e-mail or text source as the pipeline reads it, the evidence marked."""
    review = review_of(request)
    if len(evidence) > 20000:
        return PlainTextResponse("bad request: evidence is too long", status_code=422)
    try:
        text = review.sources.view(file, evidence)
    except Refused as exc:
        return message(request, "No source", f"{exc}.", 404)
    return page(request, "source.html", {"file": file, "text": text})
