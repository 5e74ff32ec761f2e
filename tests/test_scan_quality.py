"""Scans of poor quality read as well as clean ones: low resolution (100-150 dpi) with a
scanner's grain and JPEG compression, and their tick boxes read from the pixels on a PDF
scan as on an image file."""

from __future__ import annotations

import io

import numpy as np
import pytest

from questionnaire_returns.read import ocr, read_bytes
from questionnaire_returns.records import CHECKED, UNCHECKED

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf"  # {}: "", "-Bold", "Mono"

PAGE = [
    ("bold", "1. Does your country have a recognized mechanism to co-ordinate policy?"),
    ("regular", "☒ Yes   ☐ No"),
    ("regular", "The national co-ordinator reports to the Council of Ministers."),
    ("bold", "5. Does the mechanism have a budget? If yes, what does it cover?"),
    ("regular", "☐ Yes   ☒ No"),
    ("bold", "6. The main function of this group is:"),
    ("regular", "☐ Advisory   ☒ Policy making   ☐ Other"),
    ("regular", "Reporting and evaluation are carried out by the secretariat every year."),
]


@pytest.fixture(autouse=True)
def fresh_tesseract_check():
    ocr._installed.cache_clear()
    yield
    ocr._installed.cache_clear()


def poor_scan(lines=PAGE, dpi: int = 100, seed: int = 3):
    """A greyscale page scanned at `dpi` through a dusty scanner: grain, a dark speck in every
    300 pixels or so, light grey paper, as a JPEG (quality 60)."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    fonts = {style: ImageFont.truetype(DEJAVU.format("-Bold" if style == "bold" else ""), round(11 * scale))
             for style in ("bold", "regular")}
    img = Image.new("L", (round(595 * scale), round(842 * scale)), 245)
    draw = ImageDraw.Draw(img)
    for i, (style, text) in enumerate(lines):
        draw.text((60 * scale, (80 + i * 24) * scale), text, fill=20, font=fonts[style])
    rng = np.random.default_rng(seed)
    grey = np.asarray(img, dtype=np.int16) + rng.normal(0, 12, (img.height, img.width)).astype(np.int16)
    grey[rng.random(grey.shape) < 0.003] = 60
    out = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=60, dpi=(dpi, dpi))
    return Image.open(io.BytesIO(buf.getvalue()))


def as_pdf(image, dpi: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=dpi)
    return buf.getvalue()


def texts(doc) -> list[str]:
    return [line.text for line in doc.lines]


BOX_LINES = {1: f"{CHECKED} Yes {UNCHECKED} No", 4: f"{UNCHECKED} Yes {CHECKED} No",
             6: f"{UNCHECKED} Advisory {CHECKED} Policy making {UNCHECKED} Other"}


def word_accuracy(got: list[str]) -> float:
    """Share of the page's words read right, in order (difflib's matching blocks)."""
    from difflib import SequenceMatcher

    want = " ".join(text for _, text in PAGE).split()
    have = " ".join(got).split()
    return sum(b.size for b in SequenceMatcher(None, want, have, autojunk=False).get_matching_blocks()) / len(want)


def boxes_right(got: list[str]) -> int:
    """How many of the page's box lines came back with every box, ticked as drawn."""
    return sum(1 for k, want in BOX_LINES.items() if k < len(got) and got[k] == want)


def ticks_wrong(got: list[str]) -> int:
    """Boxes read with the other state than drawn: the one error that must never happen."""
    wrong = 0
    for k, want in BOX_LINES.items():
        if k < len(got):
            for label in ("Yes", "No", "Advisory", "Policy", "Other"):
                w = want.split(" " + label)[0][-1:] if " " + label in want else ""
                g = got[k].split(" " + label)[0][-1:] if " " + label in got[k] else ""
                wrong += w in (CHECKED, UNCHECKED) and g in (CHECKED, UNCHECKED) and w != g
    return wrong


@pytest.mark.parametrize("dpi", [100, 150])
def test_a_low_resolution_noisy_pdf_scan_reads_its_words_and_its_tick_boxes(dpi):
    """At 100-150 dpi, enlarged by the renderer before the speck filter, OCR made 'Secs' of
    'reporting', 'finichion' of 'function', and '@', 'B', '&', 'OYes' or nothing of the boxes:
    which option was ticked was lost (no box line came back right)."""
    doc = read_bytes(as_pdf(poor_scan(dpi=dpi), dpi), "scan.pdf", "scan.pdf")
    got = texts(doc)
    assert doc.form == "pdf_scan" and len(got) == len(PAGE)
    assert word_accuracy(got) >= 0.9
    assert boxes_right(got) >= 2 and ticks_wrong(got) == 0


def test_a_low_resolution_scan_sent_as_an_image_reads_as_well():
    image = poor_scan(dpi=150)
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(150, 150))
    got = texts(read_bytes(buf.getvalue(), "scan.png", "scan.png"))
    assert word_accuracy(got) >= 0.9
    assert boxes_right(got) >= 2 and ticks_wrong(got) == 0


def phone_photo(lines=PAGE, angle: float = 4.0, seed: int = 5):
    """A page photographed on a desk: the sheet (150 dpi) turned `angle` degrees on a dark
    table, light falling off from one corner to the other, sensor noise, a JPEG."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = 150
    scale = dpi / 72
    fonts = {style: ImageFont.truetype(DEJAVU.format("-Bold" if style == "bold" else ""), round(11 * scale))
             for style in ("bold", "regular")}
    sheet = Image.new("L", (round(595 * scale), round(842 * scale)), 235)
    draw = ImageDraw.Draw(sheet)
    for i, (style, text) in enumerate(lines):
        draw.text((60 * scale, (80 + i * 24) * scale), text, fill=30, font=fonts[style])
    desk = Image.new("L", (sheet.width + 120, sheet.height + 120), 60)
    desk.paste(sheet, (60, 60))
    photo = desk.rotate(angle, resample=Image.BICUBIC, fillcolor=60)
    h, w = photo.height, photo.width
    yy, xx = np.mgrid[0:h, 0:w]
    light = 1.0 - 0.55 * (xx / w + yy / h) / 2  # the far corner in shadow
    rng = np.random.default_rng(seed)
    grey = np.asarray(photo, dtype=np.float32) * light + rng.normal(0, 6, (h, w))
    out = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=70, dpi=(dpi, dpi))
    return Image.open(io.BytesIO(buf.getvalue()))


@pytest.mark.parametrize("angle", [4.0, -3.0])
def test_a_phone_photo_turned_on_a_dark_desk_in_uneven_light_reads(angle):
    """Tesseract's one threshold took the shadow for ink and its layout analysis the tilted
    lines for a picture: most of such a page came back as nothing or as noise."""
    doc = read_bytes(as_pdf(phone_photo(angle=angle), 150), "photo.pdf", "photo.pdf")
    got = texts(doc)
    assert word_accuracy(got) >= 0.9
    assert boxes_right(got) >= 2 and ticks_wrong(got) == 0


def test_a_straight_evenly_lit_scan_is_left_as_it_was():
    from questionnaire_returns.read import scan_image

    page = poor_scan(dpi=200)
    assert scan_image.straighten(page)[1] == 0.0
    assert scan_image.flatten(page) is page


TYPED_RU = [
    "1. Имеется ли в стране механизм координации в сфере противодействия торговле людьми?",
    "   [X] Да   [ ] Нет",
    "3. Состав органа: межведомственный состав, представленные министерства",
    "   [ ] Да   [X] Нет",
    "5. Располагает ли механизм бюджетом?",
    "   (x) Да   ( ) Нет",
    "6. Основная функция группы",
    "   ( ) консультативная   (x) выработка политики",
]


def typewritten_scan(lines, dpi: int = 150) -> bytes:
    """A return typed in a monospaced font with its choices as '[X]' / '( )', scanned to a PDF."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    font = ImageFont.truetype(DEJAVU.format("Mono"), round(10 * scale))
    img = Image.new("L", (round(595 * scale), round(842 * scale)), 255)
    draw = ImageDraw.Draw(img)
    for i, text in enumerate(lines):
        draw.text((50 * scale, (80 + i * 20) * scale), text, fill=0, font=font)
    return as_pdf(img, dpi)


def test_typed_brackets_on_a_russian_scan_are_read_as_ticks():
    """The Russian model reads the X of '[X]' as a Cyrillic 'Х' and drops the space of '( )':
    neither was a tick any more, and every yes/no of a typed Russian return was lost."""
    got = texts(read_bytes(typewritten_scan(TYPED_RU), "scan.pdf", "scan.pdf"))
    assert got[1] == f"{CHECKED} Да {UNCHECKED} Нет"
    assert got[3] == f"{UNCHECKED} Да {CHECKED} Нет"
    assert got[5] == f"{CHECKED} Да {UNCHECKED} Нет"
    assert got[7] == f"{UNCHECKED} консультативная {CHECKED} выработка политики"


@pytest.mark.parametrize("ocr_text, typed", [
    ("[ХТ Да ☐ Нет", "[X] Да ☐ Нет"), ("(х) Да ()Нет", "(x) Да ( ) Нет"), ("{) в) Иное:", "( ) в) Иное:"), ("(_) Нет", "( ) Нет"),
    ("(хорошо) да", "(хорошо) да"), ("f(x)=1", "f(x)=1"),
])
def test_ocr_misreadings_of_typed_ticks_are_put_back(ocr_text, typed):
    assert ocr.typed_ticks(ocr_text) == typed


LONG_PAGE = [line for n in range(1, 15) for line in (
    ("bold", f"{n}. Does the national mechanism report on measure number {n} every year?"),
    ("regular", f"{CHECKED} Yes   {UNCHECKED} No" if n % 2 else f"{UNCHECKED} Yes   {CHECKED} No"))]


def tilted_scan(lines=LONG_PAGE, dpi: int = 100, angle: float = 2.0, seed: int = 3):
    """A full page laid a little crooked on a flatbed scanner: turned `angle` degrees, scanned
    at `dpi` with grain and specks, light grey paper, as a JPEG (quality 60)."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    fonts = {style: ImageFont.truetype(DEJAVU.format("-Bold" if style == "bold" else ""), round(11 * scale))
             for style in ("bold", "regular")}
    img = Image.new("L", (round(595 * scale), round(842 * scale)), 245)
    draw = ImageDraw.Draw(img)
    for i, (style, text) in enumerate(lines):
        draw.text((60 * scale, (60 + i * 24) * scale), text, fill=20, font=fonts[style])
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=245)
    rng = np.random.default_rng(seed)
    grey = np.asarray(img, dtype=np.int16) + rng.normal(0, 12, (img.height, img.width)).astype(np.int16)
    grey[rng.random(grey.shape) < 0.003] = 60
    out = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=60, dpi=(dpi, dpi))
    return Image.open(io.BytesIO(buf.getvalue()))


def long_page_accuracy(got: list[str]) -> float:
    """Share of LONG_PAGE's words read right, in order (as word_accuracy)."""
    from difflib import SequenceMatcher

    want = " ".join(text for _, text in LONG_PAGE).split()
    have = " ".join(got).split()
    return sum(b.size for b in SequenceMatcher(None, want, have, autojunk=False).get_matching_blocks()) / len(want)


@pytest.mark.parametrize("angle", [-1.8, -2.6])
def test_a_crooked_low_resolution_flatbed_scan_keeps_every_question(angle):
    """A page a degree or two off on a 100 dpi flatbed scan was read as it lay: tesseract's
    layout analysis took the tilted lines for a picture and whole questions with their answers
    vanished (2 of 28 lines came back at -2.6°, 13 of 14 questions at -1.8°). The page is
    turned straight for tesseract; its boxes are still read from the unturned ink."""
    got = texts(read_bytes(as_pdf(tilted_scan(angle=angle), 100), "scan.pdf", "scan.pdf"))
    assert sum("national mechanism report on measure" in line for line in got) == 14
    assert long_page_accuracy(got) >= 0.85


def long_page_boxes(got: list[str]) -> tuple[int, int]:
    """(box lines of LONG_PAGE read right, box lines read with the other option ticked)."""
    want = [" ".join(text.split()) for style, text in LONG_PAGE if style == "regular"]
    lines = [" ".join(line.split()) for line in got if "Yes" in line and "measure" not in line]
    right = sum(line in want for line in lines)
    flipped = sum(1 for line in lines for w in want if line.split(" Yes")[0] in (CHECKED, UNCHECKED)
                  and line.split(" Yes")[0] != w.split(" Yes")[0] and line.split(" Yes")[1:] == w.split(" Yes")[1:])
    return right, flipped


@pytest.mark.parametrize("angle", [0.0, 1.2])
def test_tick_boxes_on_a_100_dpi_scan_are_read_whole(angle):
    """The ink of a 100 dpi scan, told with a lighter threshold than tesseract's, is wider than
    the word tesseract made of a box ('&', '©', 'O'), and the box was looked for only inside
    that word: cut at its right edge it was no box, and the letter stayed in the answer
    (5 of 14 box lines came back right)."""
    got = texts(read_bytes(as_pdf(tilted_scan(angle=angle), 100), "scan.pdf", "scan.pdf"))
    right, flipped = long_page_boxes(got)
    assert right >= 8 and flipped == 0


def specked_box_scan(dpi: int = 150) -> bytes:
    """PAGE scanned at `dpi` with a speck of dust just left of the first box of every box line,
    as a PDF."""
    from PIL import ImageDraw

    img = poor_scan(dpi=dpi).convert("L")
    draw = ImageDraw.Draw(img)
    scale = dpi / 72
    for k in BOX_LINES:
        x, y = round(60 * scale) - 3, round((80 + k * 24 + 3) * scale)
        draw.rectangle((x, y, x + 1, y + 1), fill=30)
    return as_pdf(img, dpi)


def test_a_speck_beside_a_tick_box_does_not_hide_the_box():
    """A speck a few pixels left of a box made the box look like a letter among letters, so it
    was not read, and what OCR made of it ('М', 'В', '&') stayed in the answer."""
    got = texts(read_bytes(specked_box_scan(), "scan.pdf", "scan.pdf"))
    assert boxes_right(got) == 3 and ticks_wrong(got) == 0


@pytest.mark.parametrize("dpi, angle", [(150, 0.0), (200, 0.5)])
def test_a_question_keeps_its_number_when_its_wording_repeats_down_the_page(dpi, angle):
    """Words that stand one above another on many lines (a form's repeated wording) made
    tesseract's layout analysis cut every such row into columns: '1. Does the' came back
    fourteen times, then the rest of each question far away, and the questions lost their
    numbers (about 0.6 of the page's words in order)."""
    got = texts(read_bytes(as_pdf(tilted_scan(dpi=dpi, angle=angle), dpi), "scan.pdf", "scan.pdf"))
    whole = [n for n in range(1, 15) for line in got
             if line.startswith(f"{n}. Does the national mechanism report on measure number {n} every")]
    assert len(whole) >= 13
    assert long_page_accuracy(got) >= 0.9


@pytest.mark.parametrize("ocr_text, meant", [
    ("ll. Does the mechanism", "11. Does the mechanism"), ("L1. Does", "11. Does"), ("1l) Does", "11) Does"),
    ("I. National structures", "I. National structures"), ("II. Plans", "II. Plans"), ("11. Does", "11. Does"),
    ("la. Yes", "la. Yes"), ("14, Does the", "14. Does the"), ("14, 15 and 16", "14, 15 and 16"),
])
def test_a_question_number_with_a_one_read_as_a_letter_is_put_back(ocr_text, meant):
    assert ocr.question_number(ocr_text) == meant


def test_every_question_of_a_slightly_crooked_100_dpi_scan_keeps_its_number():
    """At 100 dpi and half a degree off, tesseract read '11.' as 'L1.' or 'll.' and '14.' as '14,':
    those questions were lost."""
    got = texts(read_bytes(as_pdf(tilted_scan(dpi=100, angle=0.5), 100), "scan.pdf", "scan.pdf"))
    numbered = {n for n in range(1, 15) for line in got if line.startswith(f"{n}. Does the national mechanism")}
    assert numbered == set(range(1, 15))


@pytest.mark.parametrize("angle", [0.5, -0.7])
def test_tick_boxes_with_grain_on_their_outline_are_read(angle):
    """At 100 dpi the scanner's grain, told with the light threshold and enlarged, sticks out of
    a box's outline in blobs: the box was no box, and what OCR
    made of it ('O', '0', 'C', '&') stayed in the answer (10 of 14 box lines right at 0.5°, 6 at
    -0.7°; now 11 and 8)."""
    got = texts(read_bytes(as_pdf(tilted_scan(angle=angle), 100), "scan.pdf", "scan.pdf"))
    right, flipped = long_page_boxes(got)
    assert right >= 8 and flipped == 0
    box_lines = [line for line in got if "Yes" in line and "measure" not in line]
    assert all(line.split()[-1].endswith("No") for line in box_lines)  # an 'o' is never taken for a box


HEADINGS = [("bold", "B. National action plans or other co-ordinated policy responses"), ("regular", "☒ Yes   ☐ No"),
            ("bold", "D. Definitions"), ("bold", "C. National reporting mechanism")]


@pytest.mark.parametrize("seed", [3, 4])
def test_a_bold_section_letter_is_never_read_as_a_ticked_box(seed):
    """A bold 'B' has a straight back, a top and a bottom: with its bowls cut off as grain, or a
    corner let off as chipped, it became '☒' and the section heading an answer's option."""
    got = texts(read_bytes(as_pdf(poor_scan(HEADINGS, dpi=150, seed=seed), 150), "scan.pdf", "scan.pdf"))
    assert got[0].startswith("B. National action plans") and got[2] == "D. Definitions"


SHADOW_LINES = [  # (text, boxes ticked): each box drawn before its option, as a form's '■' / '❏'
    ("6. The main function of this group is:", ()),
    ("a) Advisory        b) Policy making        c) Implementation        d) Other", (True, False, True, False)),
    ("10. What is covered in your national policy response?", ()),
    ("a) Legislative reform", (False,)), ("b) Prevention", (False,)), ("c) Protection and Assistance", (True,)),
    ("d) Law Enforcement and Prosecution", (False,)), ("e) International co-operation", (True,)),
    ("16. Does your country have a national reporting mechanism?", ()), ("Yes       No", (True, False)),
]


def shadow_box_scan(dpi: int = 150, seed: int = 3) -> bytes:
    """A form whose boxes are smaller than its letters, '■' ticked and '❏' empty (a hairline
    square with a drop shadow on its right and bottom), printed and scanned at `dpi` with grain,
    the hairline broken into dashes by it, as a PDF."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    regular = ImageFont.truetype(DEJAVU.format(""), round(11 * scale))
    bold = ImageFont.truetype(DEJAVU.format("-Bold"), round(11 * scale))
    img = Image.new("L", (round(595 * scale), round(842 * scale)), 235)
    draw = ImageDraw.Draw(img)
    side, shadow = round(6.5 * scale), max(2, round(1.3 * scale))
    for i, (text, ticks) in enumerate(SHADOW_LINES):
        y = round((80 + i * 24) * scale)
        if not ticks:
            draw.text((60 * scale, y), text, fill=20, font=bold)
            continue
        x = round(80 * scale)
        parts = text.split("        ") if len(ticks) > 2 else text.split("       ")
        for ticked, part in zip(ticks, parts):
            top = y + round(2.5 * scale)
            if ticked:
                draw.rectangle((x, top, x + side, top + side), fill=15)
            else:
                draw.rectangle((x, top, x + side, top + side), outline=120, width=1)
                draw.rectangle((x + side - shadow + 1, top + 2, x + side + 1, top + side + 1), fill=40)
                draw.rectangle((x + 2, top + side - shadow + 1, x + side + 1, top + side + 1), fill=40)
            draw.text((x + side + round(5 * scale), y), part, fill=20, font=regular)
            x += side + round(5 * scale) + round(draw.textlength(part, font=regular)) + round(30 * scale)
    rng = np.random.default_rng(seed)
    grey = np.asarray(img, dtype=np.int16) + rng.normal(0, 14, (img.height, img.width)).astype(np.int16)
    grey[rng.random(grey.shape) < 0.003] = 60
    out = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L")
    buf = io.BytesIO()
    out.save(buf, "JPEG", quality=60, dpi=(dpi, dpi))
    return as_pdf(Image.open(io.BytesIO(buf.getvalue())), dpi)


@pytest.mark.parametrize("seed", [3, 4])
def test_small_solid_and_shadowed_boxes_on_a_150_dpi_scan_are_read(seed):
    """A '■' at 0.73 of its line's height was thought too small for a box, and a '❏' whose hairline
    the grain had broken had no straight edge: both stayed as what OCR made of them ('@', 'Q',
    '©', '4') and which options were ticked was lost (Q6 and Q10 came back with no choice)."""
    got = texts(read_bytes(shadow_box_scan(seed=seed), "scan.pdf", "scan.pdf"))
    want = {}
    for text, ticks in SHADOW_LINES:
        if ticks:
            parts = text.split("        ") if len(ticks) > 2 else text.split("       ")
            want[text] = " ".join(f"{CHECKED if t else UNCHECKED} {' '.join(p.split())}" for t, p in zip(ticks, parts))
    right = sum(1 for line in got if line in want.values())
    wrong = sum(1 for line in got for w in want.values()
                if line.replace(CHECKED, UNCHECKED) == w.replace(CHECKED, UNCHECKED) and line != w)
    assert right >= len(want) - 1 and wrong == 0, got


def test_an_empty_box_before_a_lettered_option_on_a_scan_is_not_taken_for_a_tick():
    """The boxes read from a scan's pixels ('☐ a) Legislative reform') were taken, on OCR'd lines, for
    what a tesseract scratch before a lettered option is, a tick: every option of Q10 came back chosen."""
    from questionnaire_returns.pipeline import process_document

    answers = {a.field: a.value for a in process_document(read_bytes(shadow_box_scan(seed=3), "scan.pdf", "scan.pdf")).answers}
    assert answers.get("nap_coverage") == "international_cooperation;protection_assistance"
    assert answers.get("ncm_function") == "advisory;implementation"
