"""Hostile inputs for the ingest's robustness tests, built in the tests (nothing stored).

    bomb_pdf(inflated_mb)   a valid one-page PDF whose content stream inflates to that many MB
    image_pdf(pages)        a PDF of page images (no text layer): every page goes to OCR
    zip_bomb_docx(gb)       a .docx whose zip declares a member of that many GB
    limits_config(...)      a config.yaml (absolute paths) with other reader limits
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def bomb_pdf(inflated_mb: int) -> bytes:
    """One page whose content stream (spaces and a line of text) inflates to `inflated_mb` MB."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Reply of the Republic) Tj ET\n")]
    parts += [comp.compress(chunk) for _ in range(inflated_mb)]
    parts.append(comp.flush())
    stream = b"".join(parts)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def image_pdf(path: Path, pages: int, text: str = "Question 1. Is there a national co-ordinator? Yes") -> Path:
    """A scan-like PDF: `pages` page images with a line of text each, no text layer."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        img = Image.new("L", (850, 1100), 255)
        ImageDraw.Draw(img).text((80, 100), f"{text} (page {n + 1})", fill=0)
        images.append(img.convert("RGB"))
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(path, "PDF", resolution=100, save_all=True, append_images=images[1:])
    return path


def zip_bomb_docx(gb: int) -> bytes:
    """A .docx-shaped zip whose document.xml declares `gb` GB once inflated (written as a stored stub)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    # declare the member's uncompressed size as `gb` GB in the central directory (what zipfile trusts)
    import struct
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, cd + 24, min(gb * (1 << 30), 0xFFFFFFFE))
    return bytes(data)


def limits_config(folder: Path, **reader) -> Path:
    """config.yaml of the project with absolute paths and these reader settings; returns its path."""
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    for key in ("schema", "canon", "patterns"):
        cfg["paths"][key] = str((ROOT / cfg["paths"][key]).resolve())
    cfg["paths"]["raw"] = str(folder / "raw")
    cfg["paths"]["normalized"] = str(folder / "normalized")
    cfg["paths"]["cache"] = str(folder / "normalized" / "cache")
    cfg["reader"].update(reader)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return path
