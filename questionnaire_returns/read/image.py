"""Scanned returns sent as images (.tif with one or many pages, .png, .jpg): every page through OCR.

Each frame is turned upright (a phone photo's EXIF orientation), made greyscale and brought
to the resolution the PDF scans are rendered at (ocr.DPI), then read by the same OCR path as
an image-only PDF page, so the lines, boxes (in points) and confidences look alike. The
resolution comes from the file when it is plausible, else from the page's size taken as A4.
"""

from __future__ import annotations

import io

from questionnaire_returns.records import Document
from questionnaire_returns.read import ocr
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.errors import ReadError
from questionnaire_returns.read.furniture import drop_furniture
from questionnaire_returns.read.pdf_text import PageFrame

A4_LONG_SIDE = 11.69  # inches
MAX_PAGES = 200


def read_image(data: bytes, source_file: str) -> Document:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        kind = image.format or "image"
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ReadError(source_file, f"the image cannot be opened: it is damaged or of a kind not read here ({exc})") from None
    reason = ocr.unavailable()
    if reason:
        raise ReadError(source_file, f"the file is a scanned {kind} image, and {reason}")
    raw: list[RawLine] = []
    heights: dict[int, float] = {}
    unreadable: list[tuple[int, str]] = []
    languages: str | None = None
    pages = decoded = 0
    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if number > MAX_PAGES:
                unreadable.append((number, f"pages after {MAX_PAGES} are not read"))
                break
            pages = number
            try:
                page, frame_pt = page_image(frame)
            except (OSError, ValueError) as exc:
                unreadable.append((number, f"the page is damaged or cut short ({exc})"))
                continue
            decoded += 1
            heights[number] = frame_pt.height
            if languages is None:
                languages = ocr.pick_languages(page) or ""  # once per document, as for PDF scans
            page_lines, why = ocr.ocr_image(page, frame_pt, number, languages or None)
            if why:
                unreadable.append((number, why))
            raw.extend(page_lines)
    except (OSError, ValueError) as exc:  # a truncated multi-page TIFF: keep the pages read
        unreadable.append((pages + 1, f"the file ends early or is damaged ({exc})"))
    if decoded == 0:
        why = unreadable[0][1] if unreadable else "no page in the file"
        raise ReadError(source_file, f"the {kind} image cannot be read: {why}")
    raw, _ = drop_furniture(raw, heights, pages)
    lines, marks = finish(raw)
    return Document(
        source_file=source_file, form="image", lines=tuple(lines), page_count=pages, marks=tuple(marks),
        image_only_pages=tuple(range(1, pages + 1)), unreadable_pages=tuple(unreadable),
    )


def page_image(frame):
    """(greyscale page at ocr.DPI, its PageFrame in points) for one frame of an image file."""
    from PIL import Image, ImageOps

    page = ImageOps.exif_transpose(frame.copy())
    if page.mode in ("RGBA", "LA", "P", "PA"):  # transparency on white, as it prints
        page = page.convert("RGBA")
        white = Image.new("RGBA", page.size, (255, 255, 255, 255))
        page = Image.alpha_composite(white, page)
    page = page.convert("L")
    dpi = resolution(frame)
    scale = ocr.DPI / dpi
    if scale > 1.25 and dpi < ocr.LOW_DPI:
        scale = 1.0  # a low-resolution scan is cleaned at its own resolution, then enlarged (ocr.prepare)
    if not 0.8 <= scale <= 1.25:
        scale = min(scale, ocr.MAX_PIXELS / max(page.size))
        page = page.resize((max(1, round(page.width * scale)), max(1, round(page.height * scale))), Image.LANCZOS)
        dpi *= scale
    page.info["dpi"] = (dpi, dpi)
    width, height = page.width / dpi * 72, page.height / dpi * 72
    return page, PageFrame(0.0, height, width, height)


def resolution(frame) -> float:
    """Dots per inch: the file's own when it gives a page between 3 and 20 inches long, else the
    long side taken as A4's (phone photos say 72 dpi over a 4,000-pixel page)."""
    long_side = max(frame.size)
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple) else dpi) if dpi else 0.0
    except (TypeError, ValueError):
        value = 0.0
    if value >= 50 and 3 <= long_side / value <= 20:
        return value
    return max(long_side / A4_LONG_SIDE, 1.0)
