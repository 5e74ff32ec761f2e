"""Page images for the review app: a source file's page as PNG, evidence highlighted.

Only files under the raw folder are ever opened, whatever path a request names:
'..' parts, absolute paths and symlinks that lead out of raw/ are refused.
E-mail attachments are named "mail.eml::name.pdf"; the attachment is read from
the message. Fillable PDFs are drawn with their form fields filled in (pdfium's
form environment, init_forms). Pages render at one of a few zoom levels, are
cached on disk (keyed by the file's content identity, page and scale) and the
highlight is drawn on a copy.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import math
import os
import threading
from pathlib import Path, PurePosixPath

from PIL import Image, ImageDraw

SCALE = 1.5  # 108 dpi at zoom 1: readable on a laptop screen, small enough to cache
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
MAX_PAGE_PIXELS = 6000
MAX_PAGE = 100_000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp")
_render_lock = threading.Lock()  # pdfium is not thread-safe


class Refused(ValueError):
    """The request names a file outside raw/ or one that does not exist."""


class BadParameter(ValueError):
    """A page, zoom or box that makes no sense (the app answers 422 with the message)."""


def safe_raw_path(raw_dir: Path, name: str) -> Path:
    """The file `name` names inside raw_dir, resolved; Refused for anything else."""
    if not name or "\x00" in name or "\\" in name:
        raise Refused("not a file name")
    pure = PurePosixPath(name)
    if pure.is_absolute() or name.startswith("~") or (len(name) > 1 and name[1] == ":"):
        raise Refused("absolute paths are refused")
    if any(part in ("..", "") for part in name.split("/")) or ".." in pure.parts:
        raise Refused("'..' is refused")
    root = Path(raw_dir).resolve()
    try:
        path = (root / pure).resolve(strict=True)
    except (OSError, RuntimeError):
        raise Refused("no such file") from None
    if not path.is_relative_to(root) or not path.is_file():
        raise Refused("outside the raw folder")
    return path


def split_source(source_file: str) -> tuple[str, str | None]:
    """'mail.eml::a.pdf' -> ('mail.eml', 'a.pdf'); 'x.pdf' -> ('x.pdf', None)."""
    if "::" in source_file:
        outer, inner = source_file.split("::", 1)
        return outer, inner
    return source_file, None


def _attachment(path: Path, name: str) -> bytes:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for part in message.walk():
        filename = part.get_filename()
        if filename and (filename == name or PurePosixPath(filename).name == name):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                return payload
    raise Refused(f"no attachment {name!r} in the message")


def source_identity(raw_dir: Path, source_file: str) -> tuple[Path, str | None, str]:
    """(checked path under raw_dir, attachment name or None, identity for caching)."""
    outer, inner = split_source(source_file)
    path = safe_raw_path(raw_dir, outer)
    stat = path.stat()
    return path, inner, f"{path}|{stat.st_size}|{stat.st_mtime_ns}|{inner or ''}"


def source_bytes(raw_dir: Path, source_file: str) -> tuple[bytes, str, str]:
    """(content, file name, identity) of a source file or an e-mail's attachment."""
    path, inner, identity = source_identity(raw_dir, source_file)
    if inner is None:
        return path.read_bytes(), path.name, identity
    return _attachment(path, inner), PurePosixPath(inner).name, identity


def has_image(source_file: str) -> bool:
    """Whether the review app can show a page image for this source."""
    name = split_source(source_file or "")[1] or source_file or ""
    return name.lower().endswith((".pdf",) + IMAGE_SUFFIXES)


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """'x0,top,x1,bottom' in PDF points; BadParameter for anything else (NaN, inf, huge)."""
    if not bbox:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in str(bbox).split(","))
    except ValueError:
        raise BadParameter("bbox must be four numbers: x0,top,x1,bottom") from None
    if not all(math.isfinite(v) and abs(v) < 1e6 for v in (x0, top, x1, bottom)):
        raise BadParameter("bbox must be four finite numbers of points on the page")
    if x1 < x0:
        x0, x1 = x1, x0
    if bottom < top:
        top, bottom = bottom, top
    return x0, top, x1, bottom


def _render(content: bytes, name: str, page: int, zoom: float = 1.0) -> tuple[Image.Image, float]:
    """The page as an RGB image and the pixels per PDF point (fillable forms with their values)."""
    if name.lower().endswith(IMAGE_SUFFIXES):
        with Image.open(io.BytesIO(content)) as im:
            frames = getattr(im, "n_frames", 1)
            if not 1 <= page <= frames:
                raise Refused(f"page {page} is not in the image ({frames} page(s))")
            if page > 1:
                im.seek(page - 1)  # multi-page TIFF
            image = im.convert("RGB")
        if zoom != 1.0:
            image = image.resize((max(1, int(image.width * zoom)), max(1, int(image.height * zoom))))
        return image, zoom
    import pypdfium2 as pdfium

    with _render_lock:
        pdf = pdfium.PdfDocument(content)
        try:
            pdf.init_forms()  # before any page is loaded: draws the fields' values, not empty boxes
            if not 1 <= page <= len(pdf):
                raise Refused(f"page {page} is not in the document ({len(pdf)} pages)")
            pdf_page = pdf[page - 1]
            width, height = pdf_page.get_size()
            scale = min(SCALE * zoom, MAX_PAGE_PIXELS / max(width, height, 1))
            image = pdf_page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
            pdf_page.close()
        finally:
            pdf.close()
    return image, scale


def _page_count(content: bytes, name: str) -> int:
    if name.lower().endswith(IMAGE_SUFFIXES):
        with Image.open(io.BytesIO(content)) as im:
            return getattr(im, "n_frames", 1)
    import pypdfium2 as pdfium

    with _render_lock:
        pdf = pdfium.PdfDocument(content)
        try:
            return len(pdf)
        finally:
            pdf.close()


class PageImages:
    """Renders and caches page images under `cache_dir`."""

    def __init__(self, raw_dir: Path, cache_dir: Path):
        self.raw_dir = Path(raw_dir)
        self.cache_dir = Path(cache_dir)
        self._counts: dict[str, int] = {}

    def page_count(self, source_file: str) -> int:
        """How many pages the source has (Refused when it cannot be opened)."""
        _path, _inner, identity = source_identity(self.raw_dir, source_file)
        if identity not in self._counts:
            content, name, _ = source_bytes(self.raw_dir, source_file)
            try:
                self._counts[identity] = _page_count(content, name)
            except Exception as exc:  # a broken or non-PDF file
                raise Refused(f"cannot open {source_file!r}: {exc}") from exc
        return self._counts[identity]

    def png(self, source_file: str, page: int, bbox: str | None = None, zoom: float = 1.0) -> bytes:
        """The page as PNG with the box highlighted; BadParameter for a page, zoom or box
        that makes no sense, Refused for a file that is not there (or not under raw/)."""
        if zoom not in ZOOMS:
            raise BadParameter(f"zoom must be one of {', '.join(f'{z:g}' for z in ZOOMS)}")
        if not 1 <= page <= MAX_PAGE:
            raise BadParameter(f"page must be a number from 1 to {MAX_PAGE}")
        box = parse_bbox(bbox)
        _path, _inner, identity = source_identity(self.raw_dir, source_file)
        key = hashlib.sha256(f"{identity}|{page}|{SCALE}|{zoom}".encode()).hexdigest()
        cached = self.cache_dir / f"{key}.png"
        scale_file = self.cache_dir / f"{key}.scale"
        if cached.exists() and scale_file.exists():
            with Image.open(cached) as im:
                image = im.convert("RGB")
            scale = float(scale_file.read_text())
        else:
            content, name, _ = source_bytes(self.raw_dir, source_file)
            try:
                image, scale = _render(content, name, page, zoom)
            except Refused:
                raise
            except Exception as exc:  # a broken or non-PDF file
                raise Refused(f"cannot render {source_file!r}: {exc}") from exc
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            unique = f"{os.getpid()}-{threading.get_ident()}"
            tmp_scale = scale_file.with_name(f"{key}.{unique}.scale.tmp")
            tmp_scale.write_text(str(scale))
            tmp_scale.replace(scale_file)
            tmp = cached.with_name(f"{key}.{unique}.png.tmp")
            image.save(tmp, format="PNG")
            tmp.replace(cached)
        if box:
            image = highlight(image, [v * scale for v in box])
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()


def highlight(image: Image.Image, box: list[float]) -> Image.Image:
    """The image with `box` (pixels) filled translucent yellow and outlined red."""
    x0, top, x1, bottom = box
    pad = 3
    rect = [max(0, x0 - pad), max(0, top - pad), min(image.width, x1 + pad), min(image.height, bottom + pad)]
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle(rect, fill=(255, 230, 0, 90), outline=(220, 0, 0, 255), width=3)
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
