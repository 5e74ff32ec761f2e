"""pdfplumber is the reference the fast PDF readers are held to, and the reader a page falls back to.

The fast path reads tables (pdf_tables), drawn boxes (pdf_shapes) and widgets (pdf_form) from
pdfium and pypdf in about a millisecond a page; pdfplumber's layout parse costs a hundred. On
fixture pages drawn every common way, both must find the same cells, boxes and widgets. Where
the fast path is unsure (a rule stopping just short of a corner, a box drawn in one path with
its tick), the page is read by pdfplumber, and a reader would see the difference.
"""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest

from questionnaire_returns.records import CHECKED, UNCHECKED
from questionnaire_returns.read import read_bytes
from questionnaire_returns.read.pdf_form import read_widgets
from questionnaire_returns.read.pdf_shapes import page_shapes, tick_boxes
from questionnaire_returns.read.pdf_tables import page_tables
from questionnaire_returns.read.pdf_text import PageFrame
from tests import fixtures_pdf as P

STROKE = 1.5  # points: pdfium's bounds include the stroke's width, pdfplumber's the bare path


def read(data: bytes):
    return read_bytes(data, "return.pdf", "return.pdf")


def close(a, b, tol: float = STROKE) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


@pytest.fixture
def no_pdfplumber(monkeypatch):
    """The page must be read by the fast path alone."""
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: pytest.fail("pdfplumber opened on a sure page"))


def fast_page(data: bytes):
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    frame = PageFrame.of(page)
    return page, frame, page_shapes(page, frame)


# --- the reference: pdfplumber's own view of each fixture ---------------------------------------

def plumber_tables(data: bytes):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [([[" ".join((c or "").split()) for c in row] for row in t.extract()], t.bbox)
                for t in pdf.pages[0].find_tables()]


def plumber_boxes(data: bytes):
    """The boxes rule applied to pdfplumber's rects (closed rectangles) and lines and curves (strokes)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        dy = page.mediabox[1]

        def box(o):
            return (o["x0"] - page.mediabox[0], o["top"] - dy, o["x1"] - page.mediabox[0], o["bottom"] - dy)

        paths = [(box(o), True) for o in page.rects] + [(box(o), False) for o in page.lines + page.curves]
    return tick_boxes(paths)


def plumber_widgets(data: bytes):
    """(full name, kind, value or state, box) of every widget pdfplumber lists among the annots."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for a in pdf.pages[0].annots:
            d = a["data"]
            if str(d.get("Subtype")) != "/'Widget'":
                continue
            node, names, kind = d, [], None
            while node is not None:
                names.append(node["T"].decode()) if "T" in node else None
                kind = kind or node.get("FT")
                node = node.get("Parent")
                node = node.resolve() if hasattr(node, "resolve") else node
            value = d.get("AS") if str(kind) == "/'Btn'" else d.get("V")
            value = value.decode() if isinstance(value, bytes) else str(value).strip("/'")
            out.append((".".join(reversed(names)), value, (a["x0"], a["top"], a["x1"], a["bottom"])))
    return out


# --- tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(P.TABLES))
def test_ruled_tables_match_pdfplumbers_cells_without_its_layout_parse(name, monkeypatch):
    data = P.TABLES[name]()
    expected = plumber_tables(data)
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: pytest.fail("pdfplumber opened on a sure page"))
    tables = read(data).tables
    assert [[list(r) for r in t.rows] for t in tables] == [rows for rows, _ in expected]
    assert all(close(t.bbox, bbox) for t, (_, bbox) in zip(tables, expected))


@pytest.mark.parametrize("name", sorted(P.TABLES))
def test_the_fast_grid_is_sure_of_every_well_drawn_table(name):
    page, frame, shapes = fast_page(P.TABLES[name]())
    assert page_tables(shapes.rules, page.get_textpage(), frame, 1, shapes.loose_rules).unsure == ""


def test_boxes_stacked_a_few_points_apart_are_no_careless_table(no_pdfplumber):
    """Closed rectangles are whole: only drawn lines are suspected of stopping short."""
    page, frame, shapes = fast_page(P.stacked_boxes_pdf())
    assert page_tables(shapes.rules, page.get_textpage(), frame, 1, shapes.loose_rules).unsure == ""
    assert read(P.stacked_boxes_pdf()).tables == ()


def test_a_rule_stopping_just_short_of_a_corner_makes_the_grid_unsure():
    data = P.short_rules_table_pdf()
    page, frame, shapes = fast_page(data)
    fast = page_tables(shapes.rules, page.get_textpage(), frame, 1, shapes.loose_rules)
    assert "stops 2.3 pt short" in fast.unsure
    assert [list(map(list, t.rows)) for t in fast.tables] != [rows for rows, _ in plumber_tables(data)]


def test_an_unsure_table_is_read_by_pdfplumber():
    """Without the fallback the four rows come out as one run-together cell."""
    (table,) = read(P.short_rules_table_pdf()).tables
    assert table.rows == tuple(map(tuple, P.ROWS))


def test_a_table_pdfplumber_cannot_parse_keeps_the_fast_grid(monkeypatch):
    from questionnaire_returns.read import pdf_plumber

    monkeypatch.setattr(pdf_plumber.Plumber, "_tables", lambda *a: (_ for _ in ()).throw(ValueError("bad page")))
    (table,) = read(P.short_rules_table_pdf()).tables
    assert table.rows[0][0].startswith("Question Answer Page Q1")


# --- drawn boxes (rects, lines and curves) ------------------------------------------------------

@pytest.mark.parametrize("name", sorted(P.BOXES))
def test_drawn_boxes_match_pdfplumbers_rects_and_curves(name):
    data = P.BOXES[name]()
    _, _, shapes = fast_page(data)
    assert not shapes.boxes_unsure()
    ours, ref = shapes.tick_boxes(), plumber_boxes(data)
    assert len(ours) == len(ref) > 0
    for (box, ticked), (ref_box, ref_ticked) in zip(sorted(ours), sorted(ref)):
        assert close(box, ref_box) and ticked == ref_ticked


def test_each_way_of_ticking_a_drawn_box_reads_as_a_mark(no_pdfplumber):
    doc = read(P.boxes_pdf())
    marks = {m.label: m.checked for m in doc.marks}
    assert marks == {"a) X of two lines": True, "b) bent check": True, "c) curved check": True,
                     "d) filled square": True, "e) empty": False, "f) double border": False,
                     "g) form XObject": True, "h) scaled": True}


def test_a_box_drawn_in_one_path_with_its_tick_makes_the_boxes_unsure():
    _, _, shapes = fast_page(P.compound_boxes_pdf())
    assert shapes.boxes_unsure()
    assert shapes.tick_boxes() == []  # one path's bounds are not its boxes


def test_boxes_drawn_in_one_path_with_their_ticks_are_read_by_pdfplumber():
    doc = read(P.compound_boxes_pdf())
    assert [line.text for line in doc.lines][1:] == [f"{CHECKED} Yes", f"{UNCHECKED} No", f"{CHECKED} Independent National Rapporteur"]
    assert [(m.label, m.checked, m.how) for m in doc.marks] == [
        ("Yes", True, "vector"), ("No", False, "vector"), ("Independent National Rapporteur", True, "vector")]


# --- widgets (annotations) ---------------------------------------------------------------------

def test_widgets_match_pdfplumbers_annotations():
    data = P.widgets_pdf()
    frame = PageFrame.of(pdfium.PdfDocument(data)[0])
    widgets, warnings = read_widgets(data, [frame])
    assert warnings == []
    ours = [(w.field.name, w.option if w.field.kind == "radio" and w.checked else
             ("Off" if w.field.kind == "radio" else w.field.value), w.field.bbox) for w in widgets]
    ref = plumber_widgets(data)
    assert [(n, v) for n, v, _ in ours] == [(n, v) for n, v, _ in ref]
    assert all(close(b, rb, 0.01) for (_, _, b), (_, _, rb) in zip(ours, ref))
