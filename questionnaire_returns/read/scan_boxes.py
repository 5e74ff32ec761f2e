"""Tick boxes on a scanned page, told from their pixels, put in the OCR'd line as ☒ / ☐.

Tesseract reads a box glyph as whatever it resembles ('@' for ■, '4', 'a', '+' for ❏, 'W'
for ☒), drops it, or swallows it into the next word, so which option is ticked is lost. So
each OCR'd line's band of the page is cut into glyphs (runs of inked columns) and every glyph
that stands apart, is square and about as tall as the line's letters is classified: a solid
square is a ticked box, a square outline with an empty inside an empty box, an outline with
a cross, a tick or a scribble inside a ticked box. The box's token then replaces what OCR
made of it. Letters do not pass: an outline inks its glyph's outermost pixels nearly all the
way round and has four straight edges, which round ('o', 'D', 'B') and open ('E', 'П', 'Н')
letters, however bold, do not; a solid square has no gap in any row ('и', 'п' have one).
"""

from __future__ import annotations

from typing import cast

import numpy as np

from questionnaire_returns.records import CHECKED, UNCHECKED

DARK = 160  # grey level below which a pixel is ink: a scanner's thin box outline, resampled, is grey
DARK_LOW_RES = 200  # the same at 100-150 dpi, before enlarging: a one-pixel outline scans at 150-200
SOLID = 0.8  # share of rows and of columns inked across in a filled square (■)
RIM = 0.72  # share of the glyph's outermost ring an outline inks (a '❏': ~0.85; a bold 'o': ~0.55)
SIDE = 0.75  # share of each side an outline's straight edge must cover
EMPTY_INSIDE = 0.06  # at most this share of the inside dark: an empty box
CUT = 0.15  # at most this share of a box's side may stick out of its outline (a scanner's grain)
TALL = 0.7  # a box cut to its outline is at least this share of its line's height: an 'o' is not
MIN_TALL = 0.7  # a box glyph as found: a 150 dpi scan's ■ stood at 0.73 of its line's height (descenders count)
OUTLINE = 0.6  # share of a line of the glyph inked across: part of the box's outline or shadow
MARKED_INSIDE = 0.10  # at least this share: something drawn inside (✗, ✓, a scribble)

Box = tuple[int, int, bool]  # left and right pixel columns, ticked


def ink_of(image, dark: int = DARK) -> np.ndarray:
    """The page (greyscale PIL image) as a boolean array, True where darker than `dark`."""
    return np.asarray(image.convert("L")) < dark


def despeckle(ink: np.ndarray) -> np.ndarray:
    """The ink without the scanner's specks: a pixel is kept when at least two of its eight
    neighbours are ink too, as along any stroke or box outline, one pixel wide or more."""
    padded = np.pad(ink, 1).astype(np.int8)
    h, w = ink.shape
    neighbours = sum(padded[1 + dy:1 + dy + h, 1 + dx:1 + dx + w]
                     for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
    return ink & (neighbours >= 2)


def mark_line(words: list[str], boxes: list[tuple[int, int, int, int]], ink: np.ndarray, char: float) -> list[str]:
    """The words of one OCR'd line (pixel boxes: left, top, width, height) with each tick box
    beside them as ☒/☐, and the letters OCR made of a box dropped (`char`: a letter's width on
    the page, see char_width). Boxes are looked for word by word, in the band of each word and
    the space before it: a skewed scan's line drifts."""
    if not words:
        return words
    height = float(np.median([b[3] for b in boxes]))
    found: list[Box] = []
    prev_right = None
    for k, (x, y, w, h) in enumerate(boxes):
        start = max(0, x - int(2 * height)) if prev_right is None else prev_right
        pad = int(0.3 * height)
        # up to the next word, or half a line's height on: the ink, told with a lighter threshold
        # than tesseract's, is wider than the word tesseract made of a box, and a box cut at its
        # right edge was no box ('&', '©', 'O' stayed in the line)
        right = x + w + int(0.5 * height)
        if k + 1 < len(boxes):
            right = max(x + w, min(right, boxes[k + 1][0]))
        for box in find_boxes(ink, start, y - pad, right, y + h + pad, height, (y + h / 2) - (y - pad)):
            if not any(a < box[1] and b > box[0] for a, b, _ in found):
                found.append(box)
        prev_right = x + w
    if not found:
        return words
    placed: list[tuple[int, str]] = [(a, CHECKED if ticked else UNCHECKED) for a, _, ticked in found]
    for word, (x, y, w, h) in zip(words, boxes):
        over = [(a, b) for a, b, _ in found if a < x + w and b > x]
        if not over:
            placed.append((x, word))
            continue
        after = max(b for _, b in over)
        inked = np.flatnonzero(ink[max(y, 0):y + h, after:x + w].any(axis=0))
        rest = (x + w) - (after + int(inked[0])) if inked.size else 0  # the letters right of the box
        keep = min(len(word), max(1, round(rest / char))) if rest >= 0.6 * char else 0
        if keep:
            placed.append((x + w - rest, word[len(word) - keep:]))
    placed.sort(key=lambda p: p[0])
    return [text for _, text in placed]


def find_boxes(ink: np.ndarray, left: int, top: int, right: int, bottom: int, height: float, middle: float) -> list[Box]:
    """The tick boxes in a band of the page, left to right; `middle`: the row (in the band) of
    the line's middle, so a box of the line above or below is not taken for part of this one."""
    region = ink[max(top, 0):max(bottom, 0), max(left, 0):max(right, 0)]
    if region.size == 0:
        return []
    # numpy's stubs type ndarray.any(axis=k) as `np.bool | NDArray` (they do not track the number
    # of dimensions); over one axis of a 2-D array it is always a 1-D array
    columns = cast(np.ndarray, region.any(axis=0))
    runs = [run for run in _runs(columns) if not _speck(region[:, run[0]:run[1]], height)]
    out = []
    for k, (s, e) in enumerate(runs):
        gap_before = s - runs[k - 1][1] if k else s + 1_000
        gap_after = runs[k + 1][0] - e if k + 1 < len(runs) else 1_000
        if min(gap_before, gap_after) < 0.25 * height:
            continue  # a letter among letters ('By'), not a box standing before its option
        row_runs = _runs(cast(np.ndarray, region[:, s:e].any(axis=1)))  # 1-D, as above
        r0, r1 = min(row_runs, key=lambda r: 0 if r[0] <= middle < r[1] else min(abs(r[0] - middle), abs(r[1] - middle)))
        glyph = region[r0:r1, s:e]
        cols = glyph.any(axis=0)
        if not cols.all():  # the run held another line's glyph too: keep this row run's own columns
            inked = np.flatnonzero(cols)
            glyph = glyph[:, inked[0]:inked[-1] + 1]
            s, e = s + int(inked[0]), s + int(inked[-1]) + 1
        glyph, cut = _trim(glyph)
        s, e = s + cut, s + cut + glyph.shape[1]
        h, w = glyph.shape
        if h < 8 or w < 8 or not 0.75 <= w / h <= 1.35 or h < MIN_TALL * height:
            continue
        ticked = classify(glyph)
        edged = _to_edges(glyph)
        if ticked is None and edged is not glyph and edged.shape[0] >= TALL * height:
            ticked = classify(edged)  # a box with grain stuck to its outline; a round letter is shorter
        if ticked is not None:
            out.append((left + s, left + e, ticked))
    return out


def _speck(strip: np.ndarray, height: float) -> bool:
    """Whether a run of inked columns holds only a scanner's speck: under a third of the line's
    height both ways. A speck left of a box made the box look like a letter among letters and
    it was missed (the box OCR had read as 'М' or 'В' stayed in the answer)."""
    rows = np.flatnonzero(cast(np.ndarray, strip.any(axis=1)))
    return strip.shape[1] < height / 3 and (rows.size == 0 or rows[-1] - rows[0] + 1 < height / 3)


def _trim(glyph: np.ndarray) -> tuple[np.ndarray, int]:
    """(the glyph without a speck stuck to its edge, columns cut at its left): a scanner's speck
    touching a box made its top-left corner empty and the box was missed. Only thin stray rows
    and columns before a box's straight edge go: each inked at most a fifth across, at most a
    fifth of the glyph's side (a bold 'в' has no such edge and stays as it is)."""
    h, w = glyph.shape
    if h < 8 or w < 8:
        return glyph, 0
    rows, cols = glyph.sum(axis=1), glyph.sum(axis=0)
    top = _stray(rows, w, h)
    bottom = h - _stray(rows[::-1], w, h)
    left = _stray(cols, h, w)
    right = w - _stray(cols[::-1], h, w)
    if bottom - top < 8 or right - left < 8:
        return glyph, 0
    return glyph[top:bottom, left:right], left


def _stray(counts: np.ndarray, across: int, side: int) -> int:
    """How many lines at the start of `counts` are a speck's: thin, within a fifth of the side,
    and followed by a straight edge (a line inked three quarters across), as a box has."""
    n = 0
    while n < side // 5 and counts[n] <= across / 5:
        n += 1
    return n if n < side // 5 and counts[n] >= 0.75 * across else 0


def _to_edges(glyph: np.ndarray) -> np.ndarray:
    """The glyph cut to its outermost straight edges (a column inked down SIDE of the height, a
    row across SIDE of the width) when it has all four: the grain of a 100 dpi scan, told with a
    light threshold and enlarged, sticks out of a box's outline in blobs three pixels wide, and
    the outermost ring was then mostly blank ('ONo', '0 Yes'). A glyph without four such edges
    (every letter) or with more than CUT of a side outside them is left as it is."""
    h, w = glyph.shape
    cols = np.flatnonzero([_longest_run(c) >= SIDE * h for c in glyph.T])
    rows = np.flatnonzero([_longest_run(r) >= SIDE * w for r in glyph])
    if cols.size < 2 or rows.size < 2:
        return glyph
    left, right, top, bottom = int(cols[0]), int(cols[-1]) + 1, int(rows[0]), int(rows[-1]) + 1
    if right - left < (1 - 2 * CUT) * w or bottom - top < (1 - 2 * CUT) * h or (right - left, bottom - top) == (w, h):
        return glyph
    if max(left, w - right) > CUT * w or max(top, h - bottom) > CUT * h:
        return glyph
    outside_cols = np.concatenate((glyph[:, :left].sum(axis=0), glyph[:, right:].sum(axis=0)))
    outside_rows = np.concatenate((glyph[:top, :].sum(axis=1), glyph[bottom:, :].sum(axis=1)))
    if (outside_cols > h / 3).any() or (outside_rows > w / 3).any():
        return glyph  # more than grain outside: a bold 'B' or 'D' has its bowls there
    return glyph[top:bottom, left:right]


def classify(glyph: np.ndarray) -> bool | None:
    """True for a ticked box, False for an empty one, None for no box (a letter, a smudge)."""
    h, w = glyph.shape
    t = max(1, round(0.12 * min(h, w)))
    rim = (glyph[:t, :].any(axis=0).sum() + glyph[-t:, :].any(axis=0).sum()
           + glyph[:, :t].any(axis=1).sum() + glyph[:, -t:].any(axis=1).sum()) / (2 * (h + w))
    k = max(1, round(0.1 * min(h, w)))
    if rim < RIM:
        return None
    if not (glyph[:k, :k].any() and glyph[-k:, -k:].any()):  # square corners at top left and bottom right ('❏' shades the other two)
        return False if _empty_inside(glyph) and _broken_outline(glyph) else None
    rows = [_longest_run(r) / w for r in glyph]
    cols = [_longest_run(c) / h for c in glyph.T]
    if np.mean([r >= 0.85 for r in rows]) >= SOLID and np.mean([c >= 0.85 for c in cols]) >= SOLID:
        return True  # solid: nearly every row and column inked across
    band_h, band_w = max(1, round(0.3 * h)), max(1, round(0.3 * w))
    edges = (max(rows[:band_h]), max(rows[-band_h:]), max(cols[:band_w]), max(cols[-band_w:]))
    share = _inside(glyph)
    if share is None:
        return None
    if min(edges) < SIDE:
        return False if _empty_inside(glyph) and _broken_outline(glyph) else None
    if share <= EMPTY_INSIDE:
        return False
    if share >= MARKED_INSIDE:
        return True
    return None


def _inside(glyph: np.ndarray) -> float | None:
    """The inked share of the box's inside, None when it has none: the glyph without its
    outline (the outer lines inked more than OUTLINE across, as thick as they come: a '❏'s
    drop shadow takes a quarter of its side), then a fifth of what is left in from each side.
    A fixed quarter of the glyph took the shadow for a mark inside, and an empty '❏' read as
    ticked."""
    h, w = glyph.shape
    rows, cols = glyph.mean(axis=1), glyph.mean(axis=0)
    top, bottom = _outline_depth(rows), h - _outline_depth(rows[::-1])
    left, right = _outline_depth(cols), w - _outline_depth(cols[::-1])
    k_h, k_w = max(1, round(0.2 * (bottom - top))), max(1, round(0.2 * (right - left)))
    inside = glyph[top + k_h:bottom - k_h, left + k_w:right - k_w]
    return float(inside.mean()) if inside.size else None


def _outline_depth(share: np.ndarray) -> int:
    """How many lines from the start of `share` (each line's inked share) belong to the outline:
    up to the innermost line of the outer third inked OUTLINE across (grain outside it is
    passed over)."""
    outer = np.flatnonzero(share[: max(1, len(share) // 3)] >= OUTLINE)
    return int(outer[-1]) + 1 if outer.size else 0


def _empty_inside(glyph: np.ndarray) -> bool:
    share = _inside(glyph)
    return share is not None and share <= EMPTY_INSIDE


def _broken_outline(glyph: np.ndarray) -> bool:
    """Whether the glyph's outermost lines (its outer sixth or so on each side, taken together) cover
    SIDE of each side: the hairline of a 150 dpi box, its drop shadow on two sides ('❏'), comes
    out of the scanner in dashes, no one line of it long enough for classify's straight edge
    ('Q', '©', '4' stayed in the line and the choice was lost). Only an empty inside is read
    so (see classify): a letter with four such sides and nothing inside is a box."""
    h, w = glyph.shape
    t_h, t_w = max(2, round(0.15 * h)), max(2, round(0.15 * w))
    c_h, c_w = max(2, round(0.125 * h)), max(2, round(0.125 * w))
    sides = (glyph[:t_h].any(axis=0).mean(), glyph[-t_h:].any(axis=0).mean(),
             glyph[:, :t_w].any(axis=1).mean(), glyph[:, -t_w:].any(axis=1).mean())
    corners = glyph[:c_h, :c_w].any() and glyph[-c_h:, -c_w:].any()  # a round 'O' leaves them blank
    return bool(corners) and min(sides) >= SIDE


def char_width(words: list[str], boxes: list[tuple[int, int, int, int]]) -> float:
    """A letter's width on the page (median over its words of three letters or more), in pixels."""
    widths = [w / len(word) for word, (_, _, w, _) in zip(words, boxes) if len(word) >= 3]
    heights = [h for _, _, _, h in boxes]
    return float(np.median(widths)) if widths else 0.5 * float(np.median(heights)) if heights else 10.0


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each stretch of True."""
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    changes = np.flatnonzero(np.diff(padded))
    return list(zip(changes[0::2].tolist(), changes[1::2].tolist()))


def _longest_run(line: np.ndarray) -> int:
    """The longest stretch of inked pixels in a row or column."""
    runs = _runs(line)
    return max((e - s for s, e in runs), default=0)
