"""What a worker sets up once, not per document: the stages' modules, every configured
language's spaCy pipeline and matchers, the language detector, the schema, the alias tables,
and what reading a first document sets up (a short typed return is read once).

The process pool's worker processes are forked from one server process that has imported
this module (multiprocessing's forkserver, flows/runners.py), so this set-up is paid once
per run, not once per worker: on these machines the French blank pipeline alone compiles a
1.4 MB tokenizer expression for 6-12 s, and the stages' imports take about 5 s.
Importing it never fails: a broken pattern file is reported by the document that needs it.
"""

from __future__ import annotations


def warm_up() -> None:
    import questionnaire_returns.prefect_env  # noqa: F401  - offline settings before Prefect

    import flows.reading  # noqa: F401  - what the workers run (no Prefect: a worker never talks to the API)
    from questionnaire_returns import pipeline  # noqa: F401  - every stage's modules
    from questionnaire_returns.config import settings
    from questionnaire_returns.language.detect import detect_text
    from questionnaire_returns.language.patterns import patterns_for
    from questionnaire_returns.resolve import get_resolver

    get_resolver()
    detect_text("The Ministry of the Interior co-ordinates the national response.")
    for lang in settings().languages:
        patterns_for(lang)
    read_a_short_return()


# A short typed return, read once here as a worker reads any document: the PDF readers' modules
# (pypdfium2 and read/pdf*) and the stages' expressions compiled on first use are then in every
# forked worker, instead of each worker paying ~0.3-0.6 s on its first document.
WARM_UP_LINES = (
    "Questionnaire on co-ordinating and reporting efforts against trafficking in human beings",
    "1. Is there a national co-ordinator or co-ordinating body? Yes.",
    "2. Which ministry co-ordinates the national response? The Ministry of the Interior.",
    "3. Has a national action plan been adopted? No.",
)


def short_return_pdf(lines: tuple[str, ...] = WARM_UP_LINES) -> bytes:
    """A one-page typed PDF holding `lines` (Helvetica), made with pypdfium2."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    try:
        page = pdf.new_page(595, 842)
        for i, text in enumerate(lines):
            obj = raw.FPDFPageObj_NewTextObj(pdf, b"Helvetica", 11.0)
            wide = (text + "\x00").encode("utf-16-le")
            raw.FPDFText_SetText(obj, (raw.FPDF_WCHAR * (len(wide) // 2)).from_buffer_copy(wide))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, 770 - 16 * i)
            raw.FPDFPage_InsertObject(page, obj)
        raw.FPDFPage_GenerateContent(page)
        page.close()
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()
    finally:
        pdf.close()


def read_a_short_return() -> None:
    from questionnaire_returns import pipeline
    from questionnaire_returns.read import read_bytes

    pipeline.process_document(read_bytes(short_return_pdf(), "warm-up.pdf", "warm-up.pdf"))


try:
    warm_up()
except Exception:  # noqa: BLE001 - the workers set up on their own, and say what is wrong
    pass

# What was set up lives as long as the worker: the garbage collector need not look at it again.
# Without this, every full collection in a worker walks the whole set-up (millions of objects)
# and writes to their pages, copying the server's memory into each worker (copy-on-write).
import gc  # noqa: E402

gc.freeze()
