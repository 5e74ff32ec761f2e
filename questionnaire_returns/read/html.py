"""HTML returns and e-mail bodies: the visible text, block by block, with form inputs.

Scripts and styles are dropped; each block element (p, li, td, th, headings...) and
each <br> starts a line; ticked checkboxes and radio buttons become ☒ (unticked ☐)
beside their labels; text inputs, textareas and selects give the value entered.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from questionnaire_returns.records import BBox, Document
from questionnaire_returns.read.assemble import RawLine, finish
from questionnaire_returns.read.ticks import Hit

_BLOCKS = frozenset(
    "address article aside blockquote body caption dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_DROP = frozenset("script style noscript template head iframe object svg button".split())
_TEXT_INPUTS = frozenset("text email number date tel url search month week time datetime-local".split())


class _Lines:
    """Collects the text of the current line and the boxes inserted into it."""

    def __init__(self) -> None:
        self.out: list[RawLine] = []
        self.parts: list[str] = []
        self.inserts: list[tuple[Hit, BBox | None, str]] = []  # no boxes in HTML: bbox always None
        self.block = 0

    def text(self, s: str) -> None:
        self.parts.append(s)

    def box(self, checked: bool, name: str) -> None:
        pos = len("".join(self.parts))
        self.inserts.append((Hit(pos, pos, checked, "form_field"), None, name))

    def flush(self, new_block: bool = False) -> None:
        text = "".join(self.parts)
        if text.strip() or self.inserts:
            self.out.append(RawLine(text, block=self.block, inserts=self.inserts))
        self.parts, self.inserts = [], []
        if new_block and self.out and self.out[-1].block == self.block:
            self.block += 1


def html_lines(markup: bytes | str) -> tuple[list[RawLine], dict[str, str], str | None]:
    """The visible lines of an HTML page, its title, and the encoding its bytes were in."""
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    acc = _Lines()
    _walk(soup, acc, pre=False)
    acc.flush()
    return acc.out, ({"title": title} if title else {}), soup.original_encoding


def _walk(node: Tag, acc: _Lines, pre: bool) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, CDATA or doctype
                _string(str(child), acc, pre)
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            acc.flush()
        elif name == "input":
            _input(child, acc)
        elif name == "textarea":
            acc.flush(new_block=True)
            _string(child.get_text(), acc, pre=True)
            acc.flush(new_block=True)
        elif name == "select":
            chosen = [o.get_text(" ", strip=True) for o in child.find_all("option") if o.has_attr("selected")]
            acc.text(" " + "; ".join(chosen) + " ")
        elif name in _BLOCKS:
            acc.flush(new_block=True)
            _walk(child, acc, pre or name == "pre")
            acc.flush(new_block=True)
        else:
            _walk(child, acc, pre)


def _string(s: str, acc: _Lines, pre: bool) -> None:
    if not pre:
        words = " ".join(s.split())
        lead = " " if s[:1].isspace() else ""
        acc.text(lead + words + (" " if words and s[-1:].isspace() else ""))
        return
    for k, part in enumerate(s.split("\n")):
        if k:
            acc.flush()
        acc.text(part)


def _input(tag: Tag, acc: _Lines) -> None:
    kind = (_attr(tag, "type") or "text").lower()
    if kind in ("checkbox", "radio"):
        acc.box(tag.has_attr("checked"), _attr(tag, "name") or _attr(tag, "id"))
    elif kind in _TEXT_INPUTS and (value := _attr(tag, "value")):
        acc.text(" " + value + " ")


def _attr(tag: Tag, name: str) -> str:
    """An attribute's value as text, '' when absent. bs4 types every value as text or a list; a
    list comes only for its multi-valued attributes (class, rel, ...), and then reads space-joined."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def read_html(data: bytes, source_file: str) -> Document:
    raw, meta, encoding = html_lines(data)
    lines, marks = finish(raw)
    return Document(
        source_file=source_file, form="html", lines=tuple(lines), marks=tuple(marks), meta=meta, encoding=encoding
    )
