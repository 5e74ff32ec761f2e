"""A scanned or photographed page made fit for OCR: uneven light evened out, the page turned
straight.

A phone photo of a return has a dark table around the sheet, light falling off across it and
the text a few degrees off the horizontal; tesseract's global threshold then takes the shadow
for ink and its layout analysis takes the tilted lines for a picture (five lines came back from
a page of forty). Dividing the page by an estimate of its paper's brightness flattens the light;
the angle at which the rows of ink line up best (the projection profile's variance is highest)
turns it straight. A flat, straight scan is left exactly as it was; ocr.prepare turns the page
it gives tesseract, photo or flatbed scan, and reads tick boxes from the unturned ink.
"""

from __future__ import annotations

import numpy as np

UNEVEN = 40  # grey levels between the lightest and darkest paper: the light is uneven
MAX_ANGLE = 8.0  # degrees; a page further off is not a skew but a turned page (OSD's job)
MIN_ANGLE = 0.4  # degrees below which the page is left as it is
PROBE_SIDE = 900  # pixels: the long side of the copy the angle is measured on


def straighten(image):
    """(the page flattened and turned straight, the angle it was turned by in degrees)."""
    image = flatten(image)
    angle = skew_angle(image)
    return turn(image, angle), angle


def turn(image, angle: float):
    """The page turned `angle` degrees counter-clockwise (white comes in at the corners); the
    same page when the angle is 0."""
    if not angle:
        return image
    from PIL import Image

    turned = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    turned.info.update(image.info)
    return turned


def turn_ink(ink: np.ndarray, angle: float) -> np.ndarray:
    """A page's ink (boolean array) turned as turn() turns the page, pixel for pixel."""
    if not angle:
        return ink
    from PIL import Image

    turned = Image.fromarray(ink.astype(np.uint8) * 255).rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
    return np.asarray(turned) > 0


def paper(image):
    """The paper's brightness across the page: the lightest grey around each point, smoothed."""
    from PIL import Image, ImageFilter

    small = image.resize((max(1, image.width // 8), max(1, image.height // 8)), Image.Resampling.BILINEAR)
    return small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(4))


def flatten(image):
    """The page divided by its paper's brightness when the light is uneven, else as it was."""
    from PIL import Image

    bg = paper(image)
    levels = np.asarray(bg, dtype=np.float32)
    if levels.size == 0 or float(np.percentile(levels, 95) - np.percentile(levels, 5)) < UNEVEN:
        return image
    full = np.asarray(bg.resize(image.size, Image.Resampling.BILINEAR), dtype=np.float32)
    flat = np.asarray(image, dtype=np.float32) / np.maximum(full, 1.0) * 255.0
    out = Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8), "L")
    out.info.update(image.info)
    return out


def skew_angle(image) -> float:
    """Degrees to turn the page (counter-clockwise) so its lines of text run level: the angle,
    within MAX_ANGLE, whose rows of ink have the sharpest profile, to a fifth of a degree."""
    from PIL import Image

    scale = PROBE_SIDE / max(image.size)
    small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.Resampling.BILINEAR)
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype(np.uint8))
    if not np.asarray(ink).any():
        return 0.0

    def sharpness(angle: float) -> float:
        rows = (np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST)) > 0).sum(axis=1)
        return float(np.var(rows))

    coarse = max(np.arange(-MAX_ANGLE, MAX_ANGLE + 0.01, 1.0), key=sharpness)
    fine = max(np.arange(coarse - 1.0, coarse + 1.01, 0.2), key=sharpness)
    if abs(fine) < MIN_ANGLE or sharpness(fine) <= sharpness(0.0) * 1.02:
        return 0.0  # no angle lines the rows up clearly better than none
    return round(float(fine), 2)
