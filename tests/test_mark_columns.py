"""A questionnaire retyped as a ruled table with a narrow Yes and a No column: the answer is an X in one
of them, alone in its cell (read/mark_columns.py). The X is the answer; before, it was taken for part of
the question's cell and every yes/no of such a return was lost."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from questionnaire_returns.pipeline import process_file
from questionnaire_returns.read import read_bytes

_, HEIGHT = A4
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Cyrillic and accents

TABLES = {
    "es": ("Misión Permanente de Portugal ante la OSCE", ("Pregunta", "Sí", "No", "Respuesta"), [
        ("Q1 – ¿Existe un mecanismo nacional de coordinación?", "X", "", ""),
        ("Q2 – Naturaleza del mecanismo", "", "", "Grupo de trabajo / comisión"),
        ("Q5 – Presupuesto", "", "X", ""),
        ("Q9a – Plan Nacional de Acción", "X", "", "aprobado en 2002"),
        ("Q16 – Relator nacional o mecanismo equivalente", "", "X", ""),
    ]),
    "ru": ("Постоянное представительство Республики Беларусь при ОБСЕ", ("Вопрос", "Да", "Нет", "Ответ"), [
        ("В1 – Есть ли механизм координации?", "Х", "", ""),
        ("В2 – Характер механизма", "", "", "Межведомственная комиссия"),
        ("В5 – Бюджет", "", "Х", ""),
        ("В9а – Национальный план действий", "Х", "", "утверждён в 2002 году"),
        ("В16 – Национальный докладчик", "", "Х", ""),
    ]),
}


def table_pdf(lang: str) -> bytes:
    """The form as a ruled table: question, a Yes column, a No column, the answer."""
    head, header, rows = TABLES[lang]
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("DejaVu", 10)
    c.drawString(58, HEIGHT - 60, head)
    xs, top, h = (55, 305, 335, 365, 560), HEIGHT - 100, 22
    c.setFont("DejaVu", 8)
    for r, row in enumerate([header, *rows]):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 5, top - (r + 1) * h + 8, cell)
    for r in range(len(rows) + 2):
        c.line(xs[0], top - r * h, xs[-1], top - r * h)
    for x in xs:
        c.line(x, top, x, top - (len(rows) + 1) * h)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_an_x_under_a_yes_column_becomes_a_ticked_yes_on_its_row():
    doc = read_bytes(table_pdf("es"), "tabla.pdf", "tabla.pdf")
    texts = [line.text for line in doc.lines]
    assert "☒ Sí ☐ No" in texts and "☐ Sí ☒ No" in texts
    assert "X" not in texts


@pytest.mark.parametrize("lang", ["es", "ru"])
def test_yes_and_no_marked_in_columns_are_read(lang, tmp_path):
    path = tmp_path / f"{lang}.pdf"
    path.write_bytes(table_pdf(lang))
    got = {a.field: a.value for a in process_file(path, tmp_path).answers}
    assert got["ncm_exists"] == "yes"
    assert got["ncm_budget"] == "no"
    assert got["nap_exists"] == "yes"
    assert got["nrm_exists"] == "no"


def test_a_lone_x_with_no_yes_no_header_above_is_left_as_it_is():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawString(60, HEIGHT - 80, "Name   Yes   No")
    c.drawString(60, HEIGHT - 110, "1. Is there a national co-ordination mechanism?")
    c.drawString(480, HEIGHT - 110, "X")
    c.showPage()
    c.save()
    doc = read_bytes(buf.getvalue(), "plain.pdf", "plain.pdf")
    assert not any("☒" in line.text or "☐" in line.text for line in doc.lines)  # no box invented


def two_column_pdf(rows: list[tuple[list[str], list[str]]]) -> bytes:
    """The form as a ruled two-column table: the question's lines left, the answer's lines right."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(58, HEIGHT - 60, "Misión Permanente de España ante la OSCE")
    y = HEIGHT - 100
    c.setFont("Helvetica", 8)
    for question, answer in rows:
        height = 10 * max(len(question), len(answer)) + 8
        for k, text in enumerate(question):
            c.drawString(60, y - 12 - 10 * k, text)
        for k, text in enumerate(answer):
            c.drawString(305, y - 12 - 10 * k, text)
        c.line(55, y, 560, y)
        c.line(55, y - height, 560, y - height)
        for x in (55, 300, 560):
            c.line(x, y, x, y - height)
        y -= height
    c.showPage()
    c.save()
    return buf.getvalue()


def test_an_answer_cell_that_wraps_a_list_of_the_options_is_read_whole(tmp_path):
    """The answer cell lists the options chosen over three lines; its second line, made of the options' own
    words, is the answer going on, not the question's wording retyped."""
    path = tmp_path / "es.pdf"
    path.write_bytes(two_column_pdf([
        (["1. ¿Existe un mecanismo nacional de coordinación?"], ["Sí"]),
        (["9. ¿Existe un Plan Nacional de Acción?"], ["Sí, aprobado en 2004"]),
        (["10. ¿Qué abarca su respuesta nacional? (Reforma", "legislativa, prevención, protección y asistencia,",
          "aplicación de la ley y enjuiciamiento, cooperación", "internacional, calendario de ejecución, otros)"],
         ["Reforma legislativa, Prevención,", "Aplicación de la ley y enjuiciamiento, Cooperación", "internacional"]),
        (["11. ¿Está definida la trata de seres humanos en su legislación?"], ["Sí"]),
    ]))
    got = {a.field: a.value for a in process_file(path, tmp_path).answers}
    assert got["nap_coverage"] == "international_cooperation;law_enforcement;legislative_reform;prevention"


def test_an_x_printed_over_a_box_ticks_that_box():
    """A fillable form flattened to print: each ticked box's X is drawn over the empty box, and the text layer
    reads 'X ☐ Да ☐ Нет' (yes) or '☐ Да X ☐ Нет' (no)."""
    from questionnaire_returns.pipeline import process_document
    from questionnaire_returns.records import Document, Line

    rows = ["Постоянное представительство Монголии при ОБСЕ", "",
            "1. Имеется ли в вашей стране признанный механизм координации политики и программ по противодействию торговле людьми?",
            "X ☐ Да ☐ Нет",
            "5. Располагает ли национальный координационный механизм бюджетом?",
            "☐ Да X ☐ Нет"]
    doc = Document("mongolia.pdf", "pdf_typed", tuple(Line(t, page=1) for t in rows))
    from questionnaire_returns.read.mark_columns import with_column_marks

    got = {a.field: a.value for a in process_document(with_column_marks(doc)).answers}
    assert got["ncm_exists"] == "yes" and got["ncm_budget"] == "no"


def test_boxes_given_before_their_words_go_with_the_word_in_their_place():
    """A table printed from a word processor may give a cell's boxes before its words: '☒ ☐ Sì No' is yes,
    '☐ ☒ Sì No' no; the answer after them stays."""
    from questionnaire_returns.records import Document, Line
    from questionnaire_returns.read.mark_columns import with_column_marks

    doc = Document("t.pdf", "pdf_typed", (Line("☒ ☐ Sì No Ministero dell'Interno"), Line("☐ ☒ Sì No"),
                                           Line("☒ ☐ Coordinatore Gruppo")))
    assert [line.text for line in with_column_marks(doc).lines] == [
        "☒ Sì ☐ No Ministero dell'Interno", "☐ Sì ☒ No", "☒ ☐ Coordinatore Gruppo"]
