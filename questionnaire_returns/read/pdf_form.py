"""A fillable PDF's fields and what the respondent entered, read with pypdf.

Filled AcroForm values are not in the page's text layer, so they are read from the
page annotations (widgets): checkboxes' and radio buttons' appearance state (/AS,
else /V), text and choice fields' /V, and each widget's /Rect to place the value.
A text field some tool left without /V (or with an empty one) but with an appearance stream
(the value shows on the page) is marked `drawn`: pdf_appearance.py reads what its appearance shows.
The field's tooltip (/TU) is kept: it may name the question the field answers.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from questionnaire_returns.records import FormField
from questionnaire_returns.read.pdf_text import PageFrame

RADIO, PUSHBUTTON = 1 << 15, 1 << 16


@dataclass(frozen=True, slots=True)
class Widget:
    """One widget on a page: its field record, and for a box whether it is ticked."""

    field: FormField
    checked: bool | None  # None for text and choice fields
    option: str = ""  # a radio button's export value
    tooltip: str = ""  # the field's /TU
    rect: tuple[float, float, float, float] | None = None  # /Rect in PDF user space (x0, y0, x1, y1)
    drawn: bool = False  # a text field with no /V (or an empty one) whose appearance stream may show its value


def read_widgets(data: bytes, frames: list[PageFrame]) -> tuple[list[Widget], list[str]]:
    """Every widget of every page, in page order; warnings for what could not be read."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = list(reader.pages)
    except Exception as exc:  # noqa: BLE001 - a form we cannot parse still has its text
        return [], [f"form fields could not be read: {exc}"]
    out: list[Widget] = []
    for number, page in enumerate(pages, start=1):
        frame = frames[number - 1] if number <= len(frames) else None
        for ref in page.get("/Annots") or []:
            try:
                widget = _widget(ref.get_object(), number, frame)
            except Exception:  # noqa: BLE001 - one odd annotation must not lose the others
                continue
            if widget is not None:
                out.append(widget)
    return out, []


def _widget(annot, page: int, frame: PageFrame | None) -> Widget | None:
    if annot.get("/Subtype") != "/Widget":
        return None
    kind = _inherited(annot, "/FT")
    name = _full_name(annot)
    if kind is None or not name:
        return None
    flags = int(_inherited(annot, "/Ff") or 0)
    bbox = rect = None
    if annot.get("/Rect"):
        x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
        rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        bbox = frame.box(*rect) if frame is not None else None
    tip = str(_inherited(annot, "/TU") or "")
    value = _inherited(annot, "/V")
    if kind == "/Btn":
        if flags & PUSHBUTTON:
            return None
        state = annot.get("/AS")
        on = _on_state(annot)
        checked = str(state if state is not None else value or "/Off") not in ("/Off", "Off", "")
        if flags & RADIO:
            chosen = _name(value) if value is not None and _name(value) != "Off" else "Off"
            return Widget(FormField(name, chosen, "radio", page, bbox), checked, on, tip, rect)
        return Widget(FormField(name, on if checked else "Off", "checkbox", page, bbox), checked, on, tip, rect)
    if kind == "/Ch":
        text = "; ".join(str(v) for v in value) if isinstance(value, list) else ("" if value is None else str(value))
        return Widget(FormField(name, text, "choice", page, bbox), None, "", tip, rect)
    if kind == "/Tx":
        drawn = not value and _has_appearance(annot)  # no /V, or an empty one a tool left beside what it drew
        return Widget(FormField(name, "" if value is None else str(value), "text", page, bbox), None, "", tip, rect, drawn)
    return None


def _has_appearance(annot) -> bool:
    try:
        return annot["/AP"]["/N"] is not None
    except (KeyError, TypeError):
        return False


def _inherited(annot, key):
    node, depth = annot, 0
    while node is not None and depth < 20:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
        depth += 1
    return None


def _full_name(annot) -> str:
    parts, node, depth = [], annot, 0
    while node is not None and depth < 20:
        if "/T" in node:
            parts.append(str(node["/T"]))
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
        depth += 1
    return ".".join(reversed(parts))


def _on_state(annot) -> str:
    """The name of the widget's 'on' appearance (Yes, On, 1, an option name)."""
    try:
        names = [_name(k) for k in annot["/AP"]["/N"].keys()]
    except (KeyError, TypeError, AttributeError):
        names = []
    on = [n for n in names if n != "Off"]
    return on[0] if on else "On"


def _name(value) -> str:
    return str(value).lstrip("/")
