"""What a text field's appearance stream shows, for fields some tool left without a value.

A partly flattened form keeps its widgets but drops /V from some text fields; the answer
is still drawn by the field's appearance stream, which the page's text layer does not
include. pdfium draws the widgets into a copy of the page (FPDFPage_Flatten) and the text
inside each field's rectangle is read from it. A one-line field whose text overflows its
box is clipped on screen but whole in the stream: the text is read on to the right, up to
the next widget on that row. Only pages with such fields pay for it.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Rect = tuple[float, float, float, float]  # PDF user space: x0, y0, x1, y1


def drawn_texts(data: bytes, wanted: dict[int, list[Rect]], widgets: dict[int, list[Rect]]) -> dict[tuple[int, Rect], str]:
    """{(page index, rect): the text the page shows in rect (and to its right, up to the next of
    the page's `widgets` on its row) once its widgets are drawn into it, minus what the page shows
    there without them}. The caller holds pdfium's lock."""
    out: dict[tuple[int, Rect], str] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for index, rects in wanted.items():
            reach = {r: _reach(r, widgets.get(index, [])) for r in rects}
            before = _texts(pdf, index, reach)
            page = pdf[index]
            flattened = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
            page.close()
            if flattened != pdfium_c.FLATTEN_SUCCESS:
                continue
            after = _texts(pdf, index, reach)  # the page reloaded, as pdfium asks after flattening
            for rect in rects:
                text = after[rect]
                if before[rect] and text.startswith(before[rect]):
                    text = text[len(before[rect]):]
                if text.strip():
                    out[(index, rect)] = " ".join(text.split())
    finally:
        pdf.close()
    return out


def _reach(rect: Rect, others: list[Rect]) -> Rect:
    """The rect widened to the right, up to the next widget whose height overlaps it."""
    x0, y0, x1, y1 = rect
    right = [o[0] for o in others if o != rect and o[0] >= x1 - 1 and min(y1, o[3]) - max(y0, o[1]) > 0]
    return (x0, y0, min(right) if right else x1 + OVERFLOW, y1)


OVERFLOW = 10_000.0  # points: how far right a clipped line's text is looked for


def _texts(pdf, index: int, reach: dict[Rect, Rect]) -> dict[Rect, str]:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        return {r: textpage.get_text_bounded(*box) or "" for r, box in reach.items()}
    finally:
        textpage.close()
        page.close()
