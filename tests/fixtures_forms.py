"""Fillable returns built with reportlab's AcroForm API, in the ways other hands build them.

One builder, `form_pdf`, lays out a part of the questionnaire with its widgets:
- `layout`: "below" (each answer under its question, as the project's own forms) or "beside"
  (the wording in a left column, boxes and fields in a right column, starting on the
  question's first row, as many word-processor forms);
- `naming`: "generic" (Text12, Check Box3), "german" (Textfeld 12, Kontrollkästchen3),
  "translit" (vopros3a_da, vopros21a_text: names that name the question), "scheme"
  (sec_A_q3a_opt); `tooltips` adds each field's question as its /TU;
- `radios`: yes/no pairs as radio groups (one field, one widget per option);
- then `strip_values` (field names whose /V is removed, the appearance stream kept; `blank_values`: left empty) or
  `flatten` (every widget drawn into the page, no field left), as other tools leave them.

`ITEMS` is the questionnaire part drawn; `KEY` what a reader must find in it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4
FONT, SIZE = "Helvetica", 9


@dataclass(frozen=True)
class Q:
    """A question or a sub-question: its number (and letter), its wording as printed."""

    number: str
    part: str
    wording: str


@dataclass(frozen=True)
class Boxes:
    options: tuple[tuple[str, bool], ...]  # (label, ticked)


@dataclass(frozen=True)
class Text:
    value: str
    lines: int = 1


ITEMS: list[tuple[Q, list]] = [
    (Q("1", "", "1. Does your country have a recognized mechanism to co-ordinate policy and programmatic responses to human trafficking?"),
     [Boxes((("Yes", True), ("No", False)))]),
    (Q("2", "", "2. If yes, what is the nature of the mechanism?"),
     [Boxes((("a) National co-ordinator", False), ("b) National working group, commission or task force", True))),
      Text("Inter-Agency Working Group on Trafficking"), Boxes((("c) Other", False),))]),
    (Q("3", "", "3. If the co-ordination mechanism is a working group, commission, or task force, what is the composition?"), []),
    (Q("3", "a", "a) Inter-ministerial? If yes, which ministries are represented?"),
     [Boxes((("Yes", True), ("No", False))), Text("Ministry of Interior, Ministry of Justice, Ministry of Health", 2)]),
    (Q("3", "b", "b) Experts/operational? If yes, which experts are represented?"),
     [Boxes((("Yes", False), ("No", True)))]),
    (Q("3", "d", "d) Are representatives from civil society a part of this group? What percentage? Do they function in:"),
     [Boxes((("Yes", False), ("No", True)))]),
    (Q("4", "", "4. By what authority (legislation, recommended action, etc) was this mechanism established?"),
     [Text("Decree of the Council of Ministers No. 114")]),
    (Q("4", "w", "When was it established?"), [Text("2004")]),
    (Q("7", "", "7. What have been the primary achievements of this individual or group? Please cite specific instances."),
     [Text("The group drafted the new victim assistance regulation and launched the national hotline.", 2)]),
    (Q("8", "", "8. What have been the main challenges facing this group? Please cite specific examples."),
     [Text("Lack of reliable statistics shared by the police and the social services.", 2)]),
    (Q("21", "", "21. Structure of reports"), []),
    (Q("21", "a", "a) How often are reports issued?"), [Text("Every two years")]),
    (Q("21", "b", "b) To whom are they issued?"), [Text("To the Parliament")]),
    (Q("21", "c", "c) Are they made public?"), [Boxes((("Yes", True), ("No", False)))]),
]

KEY = {
    "ncm_exists": "yes",
    "ncm_interministerial": "yes",
    "ncm_experts": "no",
    "ncm_civil_society": "no",
    "ncm_legal_basis": "decree",
    "ncm_established_year": "2004",
    "ncm_achievements": "The group drafted the new victim assistance regulation and launched the national hotline.",
    "ncm_challenges": "Lack of reliable statistics shared by the police and the social services.",
    "report_frequency": "biennial",
    "report_recipient": "To the Parliament",
    "reports_public": "yes",
}


class _Names:
    """Field names in one of the ways forms are named."""

    def __init__(self, naming: str):
        self.naming, self.boxes, self.texts = naming, 0, 0

    def box(self, q: Q, option: int) -> str:
        self.boxes += 1
        return {"generic": f"Check Box{self.boxes}", "german": f"Kontrollkästchen{self.boxes}",
                "translit": f"vopros{q.number}{q.part}_{option + 1}",
                "scheme": f"sec_A_q{q.number}{q.part}_{option + 1}"}[self.naming]

    def group(self, q: Q) -> str:
        self.boxes += 1
        return {"generic": f"Group{self.boxes}", "german": f"Optionsfeld{self.boxes}",
                "translit": f"vopros{q.number}{q.part}", "scheme": f"sec_A_q{q.number}{q.part}_opt"}[self.naming]

    def text(self, q: Q) -> str:
        self.texts += 1
        return {"generic": f"Text{self.texts}", "german": f"Textfeld {self.texts}",
                "translit": f"vopros{q.number}{q.part}_text{self.texts}",
                "scheme": f"sec_A_q{q.number}{q.part}_text{self.texts}"}[self.naming]


def form_pdf(layout: str = "beside", naming: str = "generic", radios: bool = False, tooltips: bool = False,
             strip_values: tuple[str, ...] = (), flatten: bool = False, items=None, blank_values: tuple[str, ...] = (),
             spacing: float = 12, raise_fields: float = 0, field_lines: int = 0) -> bytes:
    """The form (see the module's docstring); `spacing` is the gap between questions, and
    `raise_fields` lifts every text field that many points above its row (a sloppy form whose
    boxes straddle the row above); `field_lines` makes every text field that many lines tall."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    form = c.acroForm
    names = _Names(naming)
    left, right, width = 60, 300, 235
    text_width = right - left - 15 if layout == "beside" else WIDTH - 2 * left
    y = HEIGHT - 60
    c.setFont(FONT, 11)
    c.drawString(left, y, "Co-ordinating and reporting on efforts to combat trafficking in human beings")
    y -= 30
    for q, widgets in items or ITEMS:
        c.setFont(FONT, SIZE)
        wording = simpleSplit(q.wording, FONT, SIZE, text_width)
        if y - 12 * len(wording) < 80:
            c.showPage()
            y = HEIGHT - 60
        top = y
        for k, line in enumerate(wording):
            c.drawString(left if not q.part or q.part == "w" else left + 10, top - 9 - 12 * k, line)
        wy = top if layout == "beside" else top - 12 * len(wording) - 2
        wx, ww = (right, width) if layout == "beside" else (left + 12, WIDTH - 2 * left - 12)
        tip = {"tooltip": q.wording} if tooltips else {}
        for w in widgets:
            if isinstance(w, Boxes):
                group = names.group(q) if radios and len(w.options) > 1 else None
                for k, (label, ticked) in enumerate(w.options):
                    c.setFont(FONT, SIZE)
                    if group:
                        form.radio(name=group, value=f"opt{k + 1}", selected=ticked, x=wx, y=wy - 10, size=9,
                                   buttonStyle="circle", borderWidth=0.8, **tip)
                    else:
                        form.checkbox(name=names.box(q, k), x=wx, y=wy - 10, size=9, checked=ticked,
                                      buttonStyle="cross", borderWidth=0.8, **tip)
                    c.drawString(wx + 14, wy - 9, label)
                    wy -= 13
            else:
                h = 4 + 11 * (field_lines or w.lines)
                form.textfield(name=names.text(q), value=w.value, x=wx, y=wy - h + raise_fields, width=ww, height=h,
                               fontName=FONT, fontSize=8, borderWidth=0.5,
                               fieldFlags="multiline" if (field_lines or w.lines) > 1 else "", **tip)
                wy -= h + 4
        y = min(top - 12 * len(wording), wy) - spacing
    c.showPage()
    c.save()
    data = buf.getvalue()
    if strip_values or blank_values:
        data = _strip_values(data, strip_values, blank_values)
    if flatten:
        data = _flatten(data)
    return data


def _strip_values(data: bytes, names: tuple[str, ...], blank: tuple[str, ...] = ()) -> bytes:
    """Remove /V of the named text fields (or, for those in `blank`, leave it empty), keeping what their
    appearance streams show."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/T") in names:
                annot.pop(NameObject("/V"), None)
            if annot.get("/T") in blank:
                annot[NameObject("/V")] = TextStringObject("")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flatten(data: bytes) -> bytes:
    """Every widget's appearance drawn into its page and the form removed, as 'print to PDF' does."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def wording_lines(q: Q, layout: str = "beside") -> list[str]:
    """The lines a question's wording is drawn in (as form_pdf wraps it)."""
    text_width = 300 - 60 - 15 if layout == "beside" else WIDTH - 2 * 60
    return simpleSplit(q.wording, FONT, SIZE, text_width)


def shown(w) -> list[str]:
    """The lines a reader should give for a widget group: '☒ Yes' / '☐ No', or the value."""
    if isinstance(w, Boxes):
        return [f"{'☒' if ticked else '☐'} {label}" for label, ticked in w.options]
    return [w.value]
