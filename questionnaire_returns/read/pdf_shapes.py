"""Vector shapes of a PDF page, read cheaply from pypdfium2's page objects.

Three questions need them: is the page a scan (images, no text), are there drawn
tick boxes (small squares, ticked when strokes lie inside, as pdfplumber's own
tests decide), and which ruling lines could make a table (pdf_tables). Object
bounds cost about a millisecond a page, where pdfplumber's rects/lines/curves cost
its full layout parse (~80 ms), which a questionnaire with boxes on every page
would pay on every page. Objects inside form XObjects are placed with their matrix.

Object bounds see one path object as one shape. A path object that draws a box and
its tick (or a row of boxes) as several subpaths is one shape to them but several to
pdfplumber, which splits subpaths: such a page's boxes are `boxes_unsure`, and
pdf.py asks pdfplumber (read/pdf_plumber.py) for them instead.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from questionnaire_returns.records import BBox
from questionnaire_returns.read.pdf_text import PageFrame
from questionnaire_returns.read.ticks import symbol_font

BOX_MIN, BOX_MAX = 5.0, 24.0  # a tick box's side, in points
SQUARE = 0.25  # |w - h| / side allowed for a square
INSIDE = 1.5  # points of slack for a stroke inside a box
BORDER = 0.75  # a square inside a box, at least this share of its side, is a second border
RULE_THIN, RULE_LONG = 2.5, 20.0
STAMP_HEIGHT, STAMP_WIDTH = 160.0, 0.9  # a flattened field: at most this tall (points), this share of the page wide


@dataclass
class Shapes:
    paths: list[tuple[BBox, bool]] = field(default_factory=list)  # box, is it an axis-aligned rectangle
    rules: list[tuple[str, float, float, float]] = field(default_factory=list)  # ('h', y, x0, x1) / ('v', x, top, bottom)
    loose_rules: list[tuple[str, float, float, float]] = field(default_factory=list)  # rules not from a closed rectangle
    images: int = 0
    image_cover: float = 0.0  # the largest image's share of the page area
    texts: int = 0
    symbol_font: bool = False  # a Wingdings font is used: its boxes need decoding
    compound_boxes: int = 0  # path objects holding a box-sized rectangle among other subpaths
    stamps: list[BBox] = field(default_factory=list)  # field-sized form XObjects drawing text (a flattened form's fields)

    def tick_boxes(self) -> list[tuple[BBox, bool]]:
        """Small square rectangles, each with: is something drawn inside it."""
        return tick_boxes(self.paths)

    def boxes_unsure(self) -> bool:
        """Some boxes may be hidden in compound paths, whose bounds are not theirs."""
        return self.compound_boxes > 0

    def has_rules(self) -> bool:
        """At least two horizontal and two vertical ruling lines: a ruled table may be here."""
        h = sum(1 for r in self.rules if r[0] == "h")
        return h >= 2 and len(self.rules) - h >= 2


def tick_boxes(paths: list[tuple[BBox, bool]]) -> list[tuple[BBox, bool]]:
    """The rule for drawn boxes, whoever read the paths (pdfium here, pdfplumber in the fallback):
    square rectangles not nested in a bigger one, ticked when a tick-sized stroke lies inside."""
    squares = [b for b, rect in paths if rect and _is_square(b)]
    boxes = [b for b in squares if not any(o is not b and _inside(b, o) and _side(o) > _side(b) for o in squares)]
    return [(box, any(o != box and _ticks(o, box) and not (rect and _border_of(o, box)) for o, rect in paths))
            for box in boxes]


def _border_of(inner: BBox, box: BBox) -> bool:
    """A square nearly the box's size inside it is its second border (a double-ruled box), not a
    filled-square mark (which leaves a margin of a quarter of the side or more)."""
    return _is_square(inner) and _inside(inner, box) and _side(inner) >= BORDER * _side(box)


def page_shapes(page, frame: PageFrame) -> Shapes:
    shapes = Shapes()
    _walk(page.raw, frame, shapes, None, 0, form=False)
    return shapes


def _walk(parent, frame, shapes, matrix, depth, form) -> int:
    """Read the objects of a page or form XObject into `shapes`; the number of text objects it
    holds itself (not through nested forms)."""
    direct = 0
    count = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            shapes.texts += 1
            direct += 1
            if not shapes.symbol_font:
                shapes.symbol_font = _uses_symbol_font(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            shapes.images += 1
            if pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
                x0, y0, x1, y1 = _transform(matrix, l.value, b.value, r.value, t.value)
                area = max(frame.width * frame.height, 1.0)
                shapes.image_cover = max(shapes.image_cover, min(1.0, (x1 - x0) * (y1 - y0) / area))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if not pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
                continue
            bounds = _transform(matrix, l.value, b.value, r.value, t.value)
            box = frame.box(*bounds)
            w, h = box[2] - box[0], box[3] - box[1]
            small = _is_square(box)
            rect = (small or (min(w, h) >= 8 and max(w, h) >= RULE_LONG)) and _is_rectangle(obj)
            shapes.paths.append((box, rect))
            if not small:
                found = _rules(obj, box, rect, matrix, frame)
                shapes.rules.extend(found)
                if not (rect and min(w, h) > RULE_THIN):
                    shapes.loose_rules.extend(found)
            if not rect and _holds_a_box_among_others(obj, matrix, frame):
                shapes.compound_boxes += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            inner = _walk(obj, frame, shapes, _compose(matrix, _matrix(obj)), depth + 1, form=True)
            if inner and pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
                box = frame.box(*_transform(matrix, l.value, b.value, r.value, t.value))
                if _field_sized(box, frame):
                    shapes.stamps.append(box)  # a form XObject drawing text of its own: a field, once flattened
    return direct


def _rules(obj, box: BBox, rect: bool, matrix, frame: PageFrame) -> list[tuple[str, float, float, float]]:
    """Horizontal and vertical segments a path draws: a thin path is one rule, a rectangle four,
    a longer path (a whole grid in one path) gives each of its straight axis-aligned segments."""
    x0, top, x1, bottom = box
    if bottom - top <= RULE_THIN and x1 - x0 >= 5:
        return [("h", (top + bottom) / 2, x0, x1)]
    if x1 - x0 <= RULE_THIN and bottom - top >= 5:
        return [("v", (x0 + x1) / 2, top, bottom)]
    if rect:
        return [("h", top, x0, x1), ("h", bottom, x0, x1), ("v", x0, top, bottom), ("v", x1, top, bottom)]
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if not 2 < n <= 2000:
        return []
    out, prev = [], None
    for kind, point in _segments(obj, n, matrix, frame):
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            (ax, ay), (bx, by) = prev, point
            if abs(ay - by) < 0.5 and abs(ax - bx) >= 5:
                out.append(("h", ay, min(ax, bx), max(ax, bx)))
            elif abs(ax - bx) < 0.5 and abs(ay - by) >= 5:
                out.append(("v", ax, min(ay, by), max(ay, by)))
        prev = point
    return out


def _segments(obj, n: int, matrix, frame: PageFrame):
    """(segment type, point in page coordinates) of a path's n segments."""
    own = _compose(matrix, _matrix(obj))
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py, _, _ = _transform(own, x.value, y.value, x.value, y.value)
        yield kind, (px - frame.left, frame.top - py)


def _holds_a_box_among_others(obj, matrix, frame: PageFrame) -> bool:
    """A path of several subpaths, one of them a box-sized axis-aligned rectangle (a box drawn
    with its tick, or a row of boxes, as one path object)."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if not 6 < n <= 400:
        return False
    subpaths: list[list[tuple[int, tuple[float, float]]]] = []
    for kind, point in _segments(obj, n, matrix, frame):
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([])
        subpaths[-1].append((kind, point))
    return len(subpaths) > 1 and any(_is_box_subpath(sp) for sp in subpaths)


def _is_box_subpath(subpath) -> bool:
    if not 4 <= len(subpath) <= 6 or any(k == pdfium_c.FPDF_SEGMENT_BEZIERTO for k, _ in subpath):
        return False
    pts = [p for _, p in subpath] + [subpath[0][1]]
    if not all(abs(a[0] - c[0]) < 0.5 or abs(a[1] - c[1]) < 0.5 for a, c in zip(pts, pts[1:])):
        return False
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return _is_square((min(xs), min(ys), max(xs), max(ys)))


def _field_sized(box: BBox, frame: PageFrame) -> bool:
    """A form XObject the size of a form field (a flattened widget), not a page or a letterhead band."""
    w, h = box[2] - box[0], box[3] - box[1]
    return 0 < h <= STAMP_HEIGHT and 0 < w <= STAMP_WIDTH * frame.width


def _uses_symbol_font(obj) -> bool:
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    buf = ctypes.create_string_buffer(128)
    pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    return symbol_font(buf.value.decode("latin-1")) is not None


def _is_rectangle(obj) -> bool:
    """A closed path of at most five points, every side horizontal or vertical (no tick strokes)."""
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if not 4 <= n <= 6:
        return False
    x, y = ctypes.c_float(), ctypes.c_float()
    pts = []
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return False
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pts.append((x.value, y.value))
    pts.append(pts[0])
    return all(abs(a[0] - c[0]) < 0.5 or abs(a[1] - c[1]) < 0.5 for a, c in zip(pts, pts[1:]))


def _matrix(obj):
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return None
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(outer, inner):
    """The matrix of an object inside a form XObject: inner first, then outer."""
    if outer is None or inner is None:
        return inner or outer
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _transform(m, l, b, r, t):
    if m is None:
        return l, b, r, t
    a, bb, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((l, b), (l, t), (r, b), (r, t)):
        xs.append(a * x + c * y + e)
        ys.append(bb * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


def _ticks(stroke: BBox, box: BBox) -> bool:
    """A stroke ticks a box when most of it lies inside and it is tick-sized.

    Hand-drawn and Word ticks overshoot their box (a check's long arm), so 'inside'
    means at least half of the stroke's bounding box, not all of it.
    """
    side, size = _side(box), _side(stroke)
    if not 0.3 * side <= size <= 1.8 * side:
        return False
    w = min(stroke[2], box[2] + INSIDE) - max(stroke[0], box[0] - INSIDE)
    h = min(stroke[3], box[3] + INSIDE) - max(stroke[1], box[1] - INSIDE)
    area = max(stroke[2] - stroke[0], 0.1) * max(stroke[3] - stroke[1], 0.1)
    return w > 0 and h > 0 and w * h >= 0.5 * area


def _side(b: BBox) -> float:
    return max(b[2] - b[0], b[3] - b[1])


def _is_square(b: BBox) -> bool:
    w, h = b[2] - b[0], b[3] - b[1]
    return BOX_MIN <= min(w, h) and max(w, h) <= BOX_MAX and abs(w - h) <= SQUARE * max(w, h)


def _inside(inner: BBox, outer: BBox) -> bool:
    return (inner[0] >= outer[0] - INSIDE and inner[1] >= outer[1] - INSIDE
            and inner[2] <= outer[2] + INSIDE and inner[3] <= outer[3] + INSIDE)
