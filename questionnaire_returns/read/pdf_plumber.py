"""pdfplumber, the careful reader a page falls back to when the fast path is unsure.

The fast path (pdf_shapes, pdf_tables) reads object bounds and ruling lines from pdfium
in about a millisecond a page. It says when its reconstruction may be wrong: a path
object holding a box among other subpaths (Shapes.boxes_unsure), a rule that stops just
short of the rule it should meet (PageTables.unsure). Only such pages pay for
pdfplumber's layout parse (about 100 ms a page): its paths are split into subpaths and
its table finder joins rules with its own tolerances. The PDF is opened by pdfplumber at
most once per document, and only when a page needs it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from questionnaire_returns.records import BBox, Table
from questionnaire_returns.read.pdf_shapes import tick_boxes
from questionnaire_returns.read.pdf_tables import by_top, rounded
from questionnaire_returns.read.pdf_text import PageFrame

if TYPE_CHECKING:  # imported when first needed: most documents never open it
    import pdfplumber


class Plumber:
    """One document's pdfplumber view, opened on first use."""

    def __init__(self, data: bytes):
        self._data = data
        self._pdf: pdfplumber.PDF | None = None
        self.pages_read: set[int] = set()  # 0-based indexes of the pages that fell back

    def _page(self, index: int):
        import pdfplumber

        if self._pdf is None:
            self._pdf = pdfplumber.open(io.BytesIO(self._data))
        self.pages_read.add(index)
        return self._pdf.pages[index]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def tick_boxes(self, index: int, frame: PageFrame) -> list[tuple[BBox, bool]] | None:
        """Drawn boxes, by the fast path's own rule, from pdfplumber's rects, lines and curves
        (None when pdfplumber cannot parse the page: the fast path's answer stands)."""
        try:
            return self._tick_boxes(index, frame)
        except Exception:  # noqa: BLE001 - pdfminer's errors are many; the fast result is kept
            return None

    def tables(self, index: int, frame: PageFrame, page_no: int) -> list[Table] | None:
        """The page's ruled tables by pdfplumber's 'lines' strategy with its default tolerances
        (None when pdfplumber cannot parse the page)."""
        try:
            return self._tables(index, frame, page_no)
        except Exception:  # noqa: BLE001
            return None

    def _tick_boxes(self, index: int, frame: PageFrame) -> list[tuple[BBox, bool]]:
        page = self._page(index)
        to_frame = _converter(page, frame)
        paths = [(to_frame(o), True) for o in page.rects]
        paths += [(to_frame(o), False) for o in page.lines + page.curves]
        return tick_boxes(paths)

    def _tables(self, index: int, frame: PageFrame, page_no: int) -> list[Table]:
        page = self._page(index)
        to_frame = _converter(page, frame)
        out: list[Table] = []
        for found in page.find_tables():
            rows = tuple(tuple(" ".join((cell or "").split()) for cell in row) for row in found.extract())
            x0, top, x1, bottom = found.bbox
            box = to_frame({"x0": x0, "x1": x1, "top": top, "bottom": bottom})
            out.append(Table(rows, page_no, rounded(box)))
        return by_top(out)


def _converter(page, frame: PageFrame):
    """pdfplumber's top-left coordinates (from the MediaBox's corner) -> the fast path's (from the
    page box pdfium gives, which may be a CropBox)."""
    mb_y0 = float(page.page_obj.mediabox[1])
    mb_top = page.mediabox[1]
    dx = -frame.left  # pdfplumber's x is PDF user space already

    def to_frame(obj) -> BBox:
        # y in PDF user space: pdfplumber's top = height - (y - mb_y0) + mb_top
        y_top = page.height - obj["top"] + mb_top + mb_y0
        y_bottom = page.height - obj["bottom"] + mb_top + mb_y0
        return (round(obj["x0"] + dx, 2), round(frame.top - y_top, 2),
                round(obj["x1"] + dx, 2), round(frame.top - y_bottom, 2))

    return to_frame
