"""OCR of image-only PDF pages with tesseract, so scanned returns still give lines.

Pages are rendered with pypdfium2 at 300 dpi; tesseract's words are grouped into
its own lines, boxes scaled back to PDF points, and each line keeps the mean word
confidence. A page with nothing readable is reported, never fatal.
"""

from __future__ import annotations

import math
import os
import re
import sys
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from questionnaire_returns.read import ocr_words, scan_boxes, scan_image
from questionnaire_returns.records import CHECKED, UNCHECKED
from questionnaire_returns.read.assemble import RawLine
from questionnaire_returns.read.pdf_text import PageFrame

DPI = 240
LOW_DPI = 200  # a scan below this is read at its own resolution, then brought up to DPI (prepare)
FAINT_DPI = 120  # a scan below this has one-pixel, grey box outlines: its ink is told before enlarging
MAX_PIXELS = 7000  # longest side of a rendered page: big sheets are rendered below 300 dpi
MIN_CONFIDENCE = 30  # mean word confidence (0-100) below which a page counts as unreadable
TIMEOUT = 180  # seconds per page


def _pytesseract():
    """pytesseract, imported without pandas: it loads pandas only for DataFrame output, which
    this module never asks for, and a worker process that reads scans keeps ~60 MB less.

    Every tesseract call goes through here, which sets OMP_THREAD_LIMIT=1 each time:
    tesseract's OpenMP threads fight each other and the other worker (one page took 8 s with
    them, 1.7 s with one thread; pages run in parallel across documents instead), and the
    setting must be renewed per call because a task runner may restore the worker's
    environment between tasks (Prefect's process pool does)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if "pytesseract" in sys.modules or "pandas" in sys.modules:
        import pytesseract

        return pytesseract
    sys.modules["pandas"] = None  # makes pytesseract's optional `import pandas` fail
    try:
        import pytesseract
    finally:
        del sys.modules["pandas"]
    return pytesseract


@lru_cache(maxsize=1)
def _installed() -> tuple[str | None, frozenset[str]]:
    """(why OCR is unavailable or None, installed tesseract languages)."""
    try:
        pytesseract = _pytesseract()
        pytesseract.get_tesseract_version()
        return None, frozenset(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001 - not installed, not on PATH, broken
        return "OCR is not available: tesseract is not installed on this machine", frozenset()


def unavailable(languages: str | None = None) -> str | None:
    """Why image-only pages cannot be OCR'd here (config, tesseract, languages), or None."""
    from questionnaire_returns.config import settings

    if not settings().reader.ocr:
        return "OCR is turned off in config.yaml (reader.ocr)"
    reason, installed = _installed()
    if reason:
        return reason
    if not _languages(languages, installed):
        return f"OCR languages not installed for tesseract: {languages or settings().reader.ocr_languages}"
    return None


def _languages(wanted: str | None, installed: frozenset[str]) -> str:
    from questionnaire_returns.config import settings

    wanted = wanted or settings().reader.ocr_languages
    return "+".join(lang for lang in wanted.split("+") if lang in installed)


def render(page, dpi: float = DPI):
    """The page as a greyscale PIL image, its resolution in `info["dpi"]`; pdfium calls must
    stay in one thread at a time. A page that is a scan of lower resolution than `dpi` is
    rendered at the scan's own resolution: prepare() cleans it there and brings it up."""
    width, height = page.get_size()
    dpi = min(dpi, scan_dpi(page) or dpi)
    scale = min(dpi / 72, MAX_PIXELS / max(width, height, 1))
    image = page.render(scale=scale, grayscale=True).to_pil()
    image.info["dpi"] = (scale * 72, scale * 72)
    return image


def scan_dpi(page) -> float | None:
    """The resolution of the largest image on the page (pixels per inch of the page), or None."""
    import pypdfium2 as pdfium

    best, dpi = 0.0, None
    try:
        for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
            px_w, _ = obj.get_px_size()
            left, bottom, right, top = obj.get_bounds()
            area = (right - left) * (top - bottom)
            if area > best and right - left > 72:
                best, dpi = area, px_w / ((right - left) / 72)
    except Exception:  # noqa: BLE001 - an odd image object: render as before
        return None
    return dpi


class Prepared(NamedTuple):
    """A page made ready for OCR: `page` for tesseract, turned straight; `ink` for box reading,
    not turned (a box's one-pixel outline turned pixel by pixel breaks up); `angle`: degrees
    `page` was turned counter-clockwise from `ink` (to_ink maps word boxes back)."""

    page: Any
    ink: np.ndarray
    angle: float


def prepare(image) -> Prepared:
    """The page for tesseract and its ink for box reading, from a page image whose resolution
    is in `info["dpi"]` (DPI when it is not): its light evened and its tilt turned straight
    (scan_image.py), turned after enlarging, so a letter's strokes are not blurred away.
    A flatbed scan's tilt of one to three degrees is turned too: at 100 dpi tesseract's layout
    analysis takes tilted lines for a picture and whole questions vanished (a generated page
    tilted 2.6° gave 5 of 28 lines; turned, all). The ink is left as it was scanned, and word
    boxes are mapped back onto it (to_ink), so a thin box outline is never resampled.
    A page below LOW_DPI (a 100 or 150 dpi scan, JPEG'd,
    with scanner grain) is cleaned at its own resolution, where a speck is one pixel and the
    median filter removes it, and then enlarged to DPI with Lanczos, so letters have the height
    tesseract's models read best; cleaned after enlarging, the specks had grown past the filter
    and were read as letters ('Secs' for 'reporting'). That holds below FAINT_DPI, where its
    ink is also told at its own resolution with a lighter threshold, since a tick box's
    one-pixel outline scans as mid grey, and enlarged with it. At 120-200 dpi strokes are two
    pixels wide and the filter at that size thinned letters ('осмовании'), and the lighter
    threshold made bold letters ('в') into boxes: the page is enlarged first, then cleaned
    and its ink told as for a scan at DPI."""
    from PIL import Image

    dpi = _dpi_of(image)
    image = scan_image.flatten(image)  # a photo's uneven light (scan_image.py)
    angle = scan_image.skew_angle(image)
    if dpi >= LOW_DPI:
        page, ink = clean(image), scan_boxes.ink_of(image)
    else:
        scale = min(DPI / dpi, MAX_PIXELS / max(image.size))
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        if dpi < FAINT_DPI:
            small = scan_boxes.despeckle(scan_boxes.ink_of(image, dark=scan_boxes.DARK_LOW_RES))
            ink = np.asarray(Image.fromarray(small).resize(size, Image.Resampling.NEAREST))
            page = clean(image).resize(size, Image.Resampling.LANCZOS)
        else:  # at 120-200 dpi strokes and box outlines are two pixels wide: enlarged first
            big = image.resize(size, Image.Resampling.LANCZOS)
            ink, page = scan_boxes.ink_of(big), clean(big)
        dpi *= scale
    page = scan_image.turn(page, angle)
    page.info["dpi"] = (dpi, dpi)
    return Prepared(page, ink, angle)


def to_ink(box: tuple[int, int, int, int], angle: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A word's pixel box (left, top, width, height) on the page turned `angle` degrees
    (scan_image.turn) moved to where the word stands on the unturned page of `size`: its
    centre turned back about the page's centre, its width and height kept."""
    if not angle:
        return box
    x, y, w, h = box
    cx, cy = size[0] / 2, size[1] / 2
    dx, dy = x + w / 2 - cx, y + h / 2 - cy
    a = math.radians(angle)
    sx, sy = cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)
    return round(sx - w / 2), round(sy - h / 2), w, h


def _dpi_of(image) -> float:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple) else dpi) if dpi else 0.0
    except (TypeError, ValueError):
        value = 0.0
    return value if value >= 30 else float(DPI)


_TESSERACT = {"en": "eng", "fr": "fra", "de": "deu", "ru": "rus", "es": "spa", "it": "ita"}


def clean(image):
    """The page with a scanner's speckle and grain smoothed away (a 3-pixel median filter): on
    generated scans tesseract's mean word confidence rose from 79-91% to 91-96%, and the specks
    it had read as stray letters and tick marks are gone."""
    from PIL import ImageFilter

    return image.filter(ImageFilter.MedianFilter(3))


def pick_languages(image) -> str | None:
    """The tesseract languages for a scanned return: a quick low-resolution read with Latin and
    Cyrillic models, its language told by the detector, then that language alone (plus English,
    which returns quote). Six models at once are several times slower and no more accurate."""
    from questionnaire_returns.language.detect import detect_text

    pytesseract = _pytesseract()

    reason, installed = _installed()
    if reason:
        return None
    probe_langs = "+".join(l for l in ("eng", "rus") if l in installed)
    try:
        image = prepare(image).page
        small = image.resize((max(1, image.width // 2), max(1, image.height // 2)))
        text = pytesseract.image_to_string(small, lang=probe_langs, timeout=TIMEOUT)
    except Exception:  # noqa: BLE001 - fall back to the configured languages
        return None
    lang, _ = detect_text(text)
    code = _TESSERACT.get(lang or "")
    if not code or code not in installed:
        return None
    return code if code == "eng" else f"{code}+eng"


def ocr_image(image, frame: PageFrame, page_no: int, languages: str | None = None,
              read_boxes: bool = True) -> tuple[list[RawLine], str | None]:
    """Lines OCR'd from a rendered page, or ([], reason) when nothing readable came out.
    `read_boxes`: tick boxes told from their pixels and written as ☒/☐ (scan_boxes.py), in
    place of the letters OCR made of them (on by default: PDF scans have boxes as images do).
    The image's resolution is taken from `info["dpi"]` (see prepare)."""
    pytesseract = _pytesseract()

    reason = unavailable(languages)
    if reason:
        return [], reason
    lang = _languages(languages, _installed()[1])
    image, page_ink, angle = prepare(image)  # ink before the median filter, which wipes thin box outlines
    ink = page_ink if read_boxes else None
    try:
        data = pytesseract.image_to_data(image, lang=lang, output_type=pytesseract.Output.DICT, timeout=TIMEOUT)
    except RuntimeError as exc:  # pytesseract's timeout
        return [], f"OCR gave up on the page: {exc}"
    except Exception as exc:  # noqa: BLE001 - a tesseract failure loses one page, not the file
        return [], f"OCR failed on the page: {exc}"
    scale = frame.width / image.width  # points per pixel
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= 0:
            groups.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    rows = page_rows(list(groups.values()), data)
    lines, confidences = [], []
    if ink is not None:
        kept = [i for idx in rows for i in idx]
        char = scan_boxes.char_width([data["text"][i] for i in kept], [_pixels(data, i) for i in kept])
        on_ink = {i: to_ink(_pixels(data, i), angle, image.size) for i in kept}
    for idx in rows:
        conf = [float(data["conf"][i]) for i in idx]
        if unread([data["text"][i] for i in idx], conf):
            continue  # a smudged footer or letterhead: garbage that read as an answer, with its line's mean confidence
        confidences.extend(conf)
        x0 = min(data["left"][i] for i in idx) * scale
        top = min(data["top"][i] for i in idx) * scale
        x1 = max(data["left"][i] + data["width"][i] for i in idx) * scale
        bottom = max(data["top"][i] + data["height"][i] for i in idx) * scale
        words = [data["text"][i] for i in idx]
        if ink is not None:
            words = scan_boxes.mark_line(words, [on_ink[i] for i in idx], ink, char)
        text = yes_no_row(ocr_words.mend(typed_ticks(question_number(" ".join(words)))))  # Cyrillic look-alike letters (ocr_words.py)
        bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
        lines.append(RawLine(text, page_no, bbox, origin="ocr", confidence=round(sum(conf) / len(conf) / 100, 3)))
    if not lines:
        return [], "OCR found no text on the page"
    mean = sum(confidences) / len(confidences)
    if mean < MIN_CONFIDENCE:
        return [], f"OCR text is unreliable (mean confidence {mean:.0f}%)"
    return lines, None


UNREAD = 30  # tesseract's confidence (0-100) below which a word was not read but guessed
UNREAD_SHARE = 0.5  # share of a line's letters in such words above which the line is dropped


def unread(words: list[str], confidences: list[float]) -> bool:
    """Whether most of a line's letters are in words of four letters or more that tesseract guessed
    (confidence under UNREAD): a footer in small grey type came back as '1 tetormateen os of 33
    Oecernter 2912' at a mean confidence of 54 %, and was kept as the answer to the question above
    it, auto. Short words do not count (a box OCR made a letter of, 'Q', is scan_boxes' job)."""
    letters = [sum(ch.isalpha() for ch in w) for w in words]
    total = sum(letters)
    guessed = sum(n for w, n, c in zip(words, letters, confidences) if n >= 4 and c < UNREAD and not _options_only(w))
    return total > 0 and guessed / total > UNREAD_SHARE


def _options_only(word: str) -> bool:
    """Whether a word is yes/no option words run together ('Да-Нет', 'Yes/No'): tesseract is unsure of
    such a word beside a mark, and the line is the answer, not garbage."""
    parts = re.findall(r"[^\W\d_]+", word.lower())
    return bool(parts) and all(p in YES_NO or p in YES_NO.values() for p in parts)


# a typed tick mark as OCR gives it: the Russian model reads the X in '[X]' / '(x)' as Cyrillic
# Х/х and a closing bracket as Т, I, l, J or |; the space in an empty '[ ]' / '( )' is dropped
# or read as '_'
_TYPED_TICK = re.compile(r"(?<!\w)([\[({])\s?[XxХх×]\s?(?:[\])}|IlJТT](?=\s|$))")
_EMPTY_TICK = re.compile(r"(?<!\w)([\[({])_?[\])}](?!\w)|(?<!\w)([\[({])_?[\])}](?=[^\W\d_])")


# a question's number at the start of a line with a one read as a letter: 'll.', 'l1.', '1l.', 'L1.'
# (never 'I.' or 'II.', which are sections numbered in Roman)
_NUMBER = re.compile(r"^(?=[0-9lLI|]{0,1}(?:[0-9]|l))([0-9lLI|]{1,2})(?=[.)]\s)")
_COMMA = re.compile(r"^([0-9]{1,2}),(?=\s+[A-ZÀ-ÝА-ЯЁ])")  # '14, Does': the full stop read as a comma


def question_number(text: str) -> str:
    """An OCR'd line with its leading question number put back: the ones ('ll. Does' -> '11. Does')
    and the full stop ('14, Does' -> '14. Does')."""
    text = _COMMA.sub(r"\1.", text, count=1)
    return _NUMBER.sub(lambda m: re.sub(r"[lLI|]", "1", m.group(1)), text, count=1)


def typed_ticks(text: str) -> str:
    """An OCR'd line with its typed tick marks as they were typed: '[X]', '(x)', '[ ]', '( )'."""
    text = _TYPED_TICK.sub(lambda m: "(x)" if m.group(1) in "({" else "[X]", text)
    return _EMPTY_TICK.sub(lambda m: "( ) " if (m.group(1) or m.group(2)) in "({" else "[ ] ", text).replace("  ", " ")


# a yes/no box row's two words in each language, lower case (the questionnaire's own options)
YES_NO = {"yes": "no", "oui": "non", "ja": "nein", "sí": "no", "si": "no", "sì": "no", "да": "нет"}
_NO_YES = {no: yes for yes, no in YES_NO.items() if no != "no"}  # 'no' is English, Spanish and Italian
_BOX_ROW = re.compile(r"^([☒☐]) (\S+) ([☒☐]) (\S+)$")
_SYMBOL_BOX = re.compile(r"^([®©=&@*#%§]) (\S+) ([☒☐]) (\S+)$")  # a box tesseract read as a symbol


def yes_no_row(text: str) -> str:
    """A box row '☒ Да ☐ <word>' with its second option put back when OCR made another word of it:
    on a Russian scan read with the Russian and English models, 'Нет' came back as 'der', 'nder',
    'Oder' and the row was lost (which box stood before 'Нет' no longer known). Only a row of two
    boxes, one option a yes or no word and the other no option word of any language, is mended,
    to that word's counterpart, in its case."""
    junk = _SYMBOL_BOX.match(text)
    if junk and (junk.group(2).lower() in YES_NO or junk.group(4).lower() in _NO_YES or junk.group(4).lower() == "no"):
        # "® Да ☐ Her": the ticked box read as a symbol beside one read empty (and the other way round)
        text = f"{CHECKED if junk.group(3) == UNCHECKED else UNCHECKED} {junk.group(2)} {junk.group(3)} {junk.group(4)}"
    m = _BOX_ROW.match(text)
    if not m:
        return text
    first, second = m.group(2), m.group(4)
    words = set(YES_NO) | set(YES_NO.values())
    if "/" in text or any(ch.isdigit() for ch in text):
        return text  # "N/A", a number: no misread option
    if first.lower() in YES_NO and second.lower() not in words and 2 <= len(second) <= 6:
        second = _cased(YES_NO[first.lower()], first)
    elif second.lower() in _NO_YES and first.lower() not in words and 2 <= len(first) <= 6:
        first = _cased(_NO_YES[second.lower()], second)
    else:
        return text
    return f"{m.group(1)} {first} {m.group(3)} {second}"


def _cased(word: str, like: str) -> str:
    return word.upper() if like.isupper() and len(like) > 1 else word.capitalize() if like[:1].isupper() else word


ROW_GAP = 2.0  # line heights: parts of one row further apart than this are columns, kept apart


def page_rows(groups: list[list[int]], data) -> list[list[int]]:
    """Tesseract's lines (lists of word indexes, in its order) with the parts of one printed row put
    back together: its layout analysis takes words that stand one above another on many lines (a
    form's repeated wording, a column of boxes) for a column and splits every such row in two
    blocks, so a question's number came out pages away from its wording ('1. Does the' fourteen
    times, then 'national mechanism ...'). A line joins an earlier one when they share most of
    their height and the gap between them is a word space or little more, under ROW_GAP line
    heights (a real column stands further off); its words go in left to right, at the place of
    the earlier line."""
    rows: list[list[int]] = []
    spans: list[list[float]] = []  # left, top, right, bottom, height of each row
    for idx in groups:
        left = min(data["left"][i] for i in idx)
        right = max(data["left"][i] + data["width"][i] for i in idx)
        top = min(data["top"][i] for i in idx)
        bottom = max(data["top"][i] + data["height"][i] for i in idx)
        height = float(np.median([data["height"][i] for i in idx]))
        for k, (l0, t0, r0, b0, h0) in enumerate(spans):
            shared = min(bottom, b0) - max(top, t0)
            gap = max(left - r0, l0 - right)
            if shared >= 0.6 * min(bottom - top, b0 - t0) and 0 <= gap <= ROW_GAP * max(height, h0):
                rows[k] = sorted(rows[k] + idx, key=lambda i: data["left"][i])
                spans[k] = [min(left, l0), min(top, t0), max(right, r0), max(bottom, b0), max(height, h0)]
                break
        else:
            rows.append(list(idx))
            spans.append([left, top, right, bottom, height])
    return rows


def _pixels(data, i: int) -> tuple[int, int, int, int]:
    """Word i's box in tesseract's output: left, top, width, height in pixels."""
    return data["left"][i], data["top"][i], data["width"][i], data["height"][i]
