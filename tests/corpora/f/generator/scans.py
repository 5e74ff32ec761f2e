# -*- coding: utf-8 -*-
"""Turn a rendered table PDF into a 'scanned' return: PDF of images, multi-page TIFF or JPEG of page 1."""
import glob, os, subprocess, tempfile, time
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _pages(pdf, dpi):
    d = tempfile.mkdtemp()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(d, "p")], check=True)
    files = sorted(glob.glob(os.path.join(d, "p*.png")))
    ims = [Image.open(f).convert("L") for f in files]
    for f in files:
        os.remove(f)
    os.rmdir(d)
    return ims


def _degrade(im, rng, seed):
    ang = rng.uniform(-1.2, 1.2)
    im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im).astype(np.int16)
    rs = np.random.RandomState(seed)
    a = a + rs.normal(0, 7, a.shape).astype(np.int16)
    # speckles
    n = 300
    ys, xs = rs.randint(0, a.shape[0], n), rs.randint(0, a.shape[1], n)
    a[ys, xs] = rs.randint(0, 90, n)
    # slightly grey background (paper)
    a = np.clip(a * 0.93 + 10, 0, 255).astype(np.uint8)
    return Image.fromarray(a, "L")


def _stamp(im, text, rng):
    im = im.convert("RGB")
    d = ImageDraw.Draw(im)
    W, H = im.size
    x, y = int(W * 0.70), int(H * 0.008)
    w, h = int(W * 0.25), int(H * 0.052)
    col = (170, 30, 40) if rng.random() < .6 else (40, 50, 160)
    d.rounded_rectangle([x, y, x + w, y + h], radius=12, outline=col, width=4)
    f = ImageFont.truetype(FONT, int(h * 0.32))
    d.text((x + 14, y + 8), text, fill=col, font=f)
    f2 = ImageFont.truetype(FONT, int(h * 0.22))
    d.text((x + 14, y + h * 0.55), f"N. {rng.randint(100, 9999)}", fill=col, font=f2)
    return im


def scan_outputs(src_pdf, out, mode, stamp, rng):
    dpi = 150 if mode != "tif" else 140
    ims = _pages(src_pdf, dpi)
    seed = rng.randint(0, 10**6)
    ims = [_degrade(im, rng, seed + i) for i, im in enumerate(ims)]
    if stamp:
        ims[0] = _stamp(ims[0], stamp, rng)
    if mode == "pdf":
        rgb = [im.convert("RGB") for im in ims]
        rgb[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=rgb[1:], quality=55,
                    creationDate=time.gmtime(1201684320), modDate=time.gmtime(1201684320), producer="KONICA MINOLTA bizhub C250")
    elif mode == "tif":
        rgb = [im.convert("RGB") for im in ims]
        rgb[0].save(out, "TIFF", save_all=True, append_images=rgb[1:], compression="jpeg", quality=55, dpi=(dpi, dpi))
    else:
        ims[0].convert("RGB").save(out, "JPEG", quality=70, dpi=(dpi, dpi))
