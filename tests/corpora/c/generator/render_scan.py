# -*- coding: utf-8 -*-
"""Image-only PDFs: a typed retyped questionnaire with hand ticks, scanned (rotation, noise, JPEG)."""
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

from lines import ir_lines, mark_fn

FD = "/usr/share/fonts/truetype/"
BOX_ON, BOX_OFF = "\u2612", "\u2610"


def _wrap(draw, text, font, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if draw.textlength(t.replace(BOX_ON, "MM").replace(BOX_OFF, "MM"), font=font) <= width:
            cur = t
        else:
            if cur:
                lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def scan_pdf(path, blocks, meta, seed, dpi=200, font_file="liberation2/LiberationMono-Regular.ttf", pt=10.5,
             angle=0.6, hide_substrings=(), tick="x", quality=55):
    rng = np.random.RandomState(seed)
    W, H = int(8.27 * dpi), int(11.69 * dpi)
    px = int(pt / 72 * dpi)
    font = ImageFont.truetype(FD + font_file, px)
    fontb = ImageFont.truetype(FD + "liberation2/LiberationMono-Bold.ttf", px) if "Mono" in font_file else \
        ImageFont.truetype(FD + font_file.replace("Regular", "Bold"), px)
    lh = int(px * 1.45)
    mL, mR, mT, mB = int(0.9 * dpi), int(0.8 * dpi), int(0.9 * dpi), int(0.9 * dpi)
    pages = []
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    y = [mT]

    def newpage():
        nonlocal img, d
        pages.append(img)
        img = Image.new("L", (W, H), 255)
        d = ImageDraw.Draw(img)
        y[0] = mT

    def tickmark(x0, y0, s):
        col = int(rng.randint(10, 60))
        jit = lambda: rng.randint(-2, 3)
        w = max(3, dpi // 60)
        if tick == "x":
            d.line([(x0 + jit(), y0 + jit()), (x0 + s + jit(), y0 + s + jit())], fill=col, width=w)
            d.line([(x0 + s + jit(), y0 + jit()), (x0 + jit(), y0 + s + jit())], fill=col, width=w)
        else:  # check mark overshooting the box
            d.line([(x0 + s * 0.1, y0 + s * 0.5), (x0 + s * 0.4, y0 + s * 0.95), (x0 + s * 1.2, y0 - s * 0.4)], fill=col, width=w)

    def line(text, f=font, indent=0, center=False):
        width = W - mL - mR - indent
        for ln in _wrap(d, text, f, width):
            if y[0] + lh > H - mB:
                newpage()
            x = mL + indent
            if center:
                x = (W - d.textlength(ln, font=f)) // 2
            hidden = any(h in ln for h in hide_substrings)
            # draw segments, boxes as rectangles
            seg = ""
            for ch in ln + "\0":
                if ch in (BOX_ON, BOX_OFF, "\0"):
                    if seg:
                        d.text((x, y[0]), seg, font=f, fill=20)
                        x += d.textlength(seg, font=f)
                        seg = ""
                    if ch == "\0":
                        break
                    s = int(px * 0.8)
                    bx, by = x + 2, y[0] + int(px * 0.15)
                    d.rectangle([bx, by, bx + s, by + s], outline=30, width=max(1, dpi // 110))
                    if ch == BOX_ON:
                        tickmark(bx + 2, by + 2, s - 4)
                    x += s + int(px * 0.5)
                else:
                    seg += ch
            if hidden:  # ink blot / correction fluid smear over the line
                cx = mL + indent + 40
                for _ in range(24):
                    rx, ry = rng.randint(0, int(width * 0.6)), rng.randint(-4, lh - 4)
                    r = rng.randint(lh // 2, lh)
                    d.ellipse([cx + rx - r, y[0] + ry - r // 2, cx + rx + r, y[0] + ry + r], fill=int(rng.randint(15, 45)))
            y[0] += lh

    for ln in meta.get("letterhead", []):
        line(ln, fontb, center=True)
    y[0] += lh // 2
    if meta.get("dateline"):
        line(meta["dateline"], indent=int((W - mL - mR) * 0.55))
    y[0] += lh // 2
    for kind, text in ir_lines(blocks, mark_fn("scanbox")):
        if kind == "title":
            line(text, fontb, center=False)
            y[0] += lh // 3
        elif kind == "sec":
            y[0] += lh // 2
            line(text, fontb)
        elif kind == "q":
            y[0] += lh // 4
            line(text)
        elif kind == "sub":
            line(text, indent=int(px * 2))
        else:
            line(text, indent=int(px * 3.5))
    y[0] += lh
    for ln in meta.get("signature", []):
        line(ln, indent=int((W - mL - mR) * 0.5))
    # signature scribble + round stamp
    if y[0] + 3 * lh > H - mB:
        newpage()
    sx, sy = mL + int((W - mL - mR) * 0.55), y[0] + lh // 2
    pts = [(sx + i * 6, sy + int(18 * math.sin(i / 2.5) + rng.randint(-5, 6))) for i in range(45)]
    d.line(pts, fill=25, width=max(2, dpi // 70))
    if meta.get("stamp"):
        cx, cy, R = mL + int(dpi * 1.3), y[0] + lh, int(dpi * 0.55)
        d.ellipse([cx - R, cy - R, cx + R, cy + R], outline=90, width=4)
        d.ellipse([cx - R + 14, cy - R + 14, cx + R - 14, cy + R - 14], outline=90, width=2)
        sf = ImageFont.truetype(FD + "liberation2/LiberationSans-Bold.ttf", int(px * 0.8))
        d.text((cx - d.textlength(meta["stamp"], font=sf) // 2, cy - px // 2), meta["stamp"], font=sf, fill=90)
    pages.append(img)

    out = []
    for i, im in enumerate(pages):
        a = angle * (1 if i % 2 == 0 else -0.7) + rng.uniform(-0.25, 0.25)
        im = im.rotate(a, resample=Image.BICUBIC, expand=False, fillcolor=255)
        arr = np.asarray(im).astype(np.float32)
        arr = arr * 0.93 + 10  # grey paper
        arr += rng.normal(0, 9, arr.shape)
        specks = rng.rand(*arr.shape) < 0.0008
        arr[specks] = rng.randint(0, 120)
        # darker band at the page edge (scanner lid)
        arr[:, : int(dpi * 0.08)] *= 0.75
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.55))
        out.append(im)
    import datetime as _dt
    import time as _t
    stamp = _t.gmtime(_dt.datetime(2007, 11, 20, 10, 0, 0, tzinfo=_dt.timezone.utc).timestamp())
    out[0].save(path, save_all=True, append_images=out[1:], resolution=dpi, quality=quality,
                creationDate=stamp, modDate=stamp, producer="Canon iR-ADV C5030 PDF", creator="Canon iR-ADV C5030")
