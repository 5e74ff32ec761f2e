"""The document around a return's flow (title, letterhead, date, cover text, signature) and its
plain-text, Markdown and HTML renderings."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

# (ticked mark, unticked mark, mark after the label?)
GLYPH_TICKS = [("☒", "☐", False), ("☑", "☐", False), ("✓", "", False), ("✔", "", False),
               ("■", "□", False), ("[X]", "[ ]", False), ("(x)", "( )", False), ("X", "", True),
               ("✔", "", True)]
ASCII_TICKS = [("[X]", "[ ]", False), ("(x)", "( )", False), ("X", "", True), ("[x]", "[ ]", False),
               ("(X)", "( )", False)]


@dataclass
class Doc:
    """A questionnaire-form return ready to render."""
    lang: str
    country_label: str  # the country as the return writes it
    title: str
    subtitle: str
    header: str  # running header/footer template with {page} {pages}
    letterhead: list = field(default_factory=list)
    date_line: str | None = None
    pre: list = field(default_factory=list)  # paragraphs before the questions
    flow: list = field(default_factory=list)
    post: list = field(default_factory=list)  # paragraphs after (annex list, signature)
    appendix: tuple | None = None  # (title, paragraphs): an appended text that answers nothing
    ticks: tuple = GLYPH_TICKS[0]
    beside: bool = False  # short answers on the question's line


@dataclass
class Letter:
    """A narrative return (note verbale or letter)."""
    lang: str
    letterhead: list
    ref: str | None
    place_date: str | None
    addressee: str | None
    opening: str | None
    paras: list
    closing: str
    signature: list
    annex: str | None = None
    appendix: tuple | None = None


def opt_text(o, ticks) -> str:
    mark = ticks[0] if o.ticked else ticks[1]
    label = o.label + (f": {o.fill}" if o.fill else "")
    if not mark:
        return label
    return f"{label} {mark}" if ticks[2] else f"{mark} {label}"


def merged_flow(doc: Doc):
    """Flow with ('qa', label, text, answer) where a short answer sits beside its question."""
    out, fl, i = [], doc.flow, 0
    while i < len(fl):
        e = fl[i]
        if (doc.beside and e[0] == "q" and i + 1 < len(fl) and fl[i + 1][0] == "ans"
                and len(fl[i + 1][1]) < 40 and (i + 2 >= len(fl) or fl[i + 2][0] != "ans")):
            out.append(("qa", e[1], e[2], fl[i + 1][1]))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


def to_text(doc: Doc, md: bool = False, width: int = 0) -> str:
    L: list[str] = []
    for line in doc.letterhead:
        L.append(line)
    if doc.letterhead:
        L.append("")
    L.append(("# " if md else "") + doc.title)
    if not md:
        L.append("=" * min(len(doc.title), 78))
    if doc.subtitle:
        L.append(("**" + doc.subtitle + "**") if md else doc.subtitle)
    if doc.date_line:
        L.append(doc.date_line)
    L.append("")
    for p in doc.pre:
        L += [p, ""]
    for e in merged_flow(doc):
        kind = e[0]
        if kind == "section":
            L += ["", ("## " if md else "") + e[1], "" if md else "-" * min(len(e[1]), 78)]
        elif kind == "q":
            L.append("")
            L.append((f"**{e[1]}** {e[2]}" if md else f"{e[1]} {e[2]}").rstrip())
        elif kind == "qa":
            L.append("")
            L.append((f"**{e[1]}** {e[2]} {e[3]}" if md else f"{e[1]} {e[2]}  {e[3]}").replace("  ", " " if md else "  "))
        elif kind == "part":
            L.append(f"   {e[1]} {e[2]}".rstrip())
        elif kind == "opts":
            if md:
                for o in e[1]:
                    L.append(f"- [{'x' if o.ticked else ' '}] {o.label}" + (f": {o.fill}" if o.fill else ""))
            elif e[2]:
                L.append("   " + "    ".join(opt_text(o, doc.ticks) for o in e[1]))
            else:
                for o in e[1]:
                    L.append("   " + opt_text(o, doc.ticks))
        elif kind == "ans":
            L.append(("" if md else "   ") + e[1])
    L.append("")
    for p in doc.post:
        L += [p, ""] if p else [""]
    return "\n".join(L).rstrip() + "\n"


def to_html(doc: Doc, webform: bool) -> str:
    h = html.escape
    B: list[str] = [f'<!DOCTYPE html>\n<html lang="{doc.lang}">\n<head>\n<meta charset="utf-8">',
                    f"<title>{h(doc.title)}</title>", "</head>", "<body>"]
    for line in doc.letterhead:
        B.append(f"<div class=\"letterhead\">{h(line)}</div>")
    B.append(f"<h1>{h(doc.title)}</h1>")
    if doc.subtitle:
        B.append(f"<h2>{h(doc.subtitle)}</h2>")
    if doc.date_line:
        B.append(f"<p class=\"date\">{h(doc.date_line)}</p>")
    for p in doc.pre:
        B.append(f"<p>{h(p)}</p>")
    if webform:
        B.append('<form id="questionnaire">')
    n = 0
    for e in merged_flow(doc):
        kind = e[0]
        if kind == "section":
            B.append(f"<h3>{h(e[1])}</h3>")
        elif kind == "q":
            B.append(f'<p class="question"><b>{h(e[1])}</b> {h(e[2])}</p>')
        elif kind == "qa":
            B.append(f'<p class="question"><b>{h(e[1])}</b> {h(e[2])} <span class="answer">{h(e[3])}</span></p>')
        elif kind == "part":
            B.append(f'<p class="subquestion">{h(e[1])} {h(e[2])}</p>')
        elif kind == "opts":
            if webform:
                B.append("<div class=\"options\">")
                for o in e[1]:
                    n += 1
                    chk = " checked" if o.ticked else ""
                    B.append(f'  <label><input type="checkbox" name="opt{n}" value="1"{chk} disabled> {h(o.label)}</label>'
                             + (f' <input type="text" name="opt{n}_text" value="{h(o.fill)}" readonly>' if o.fill else "")
                             + "<br>")
                B.append("</div>")
            else:
                B.append("<p>" + "<br>\n".join(h(opt_text(o, doc.ticks)) for o in e[1]) + "</p>")
        elif kind == "ans":
            if webform:
                n += 1
                B.append(f'<textarea name="answer{n}" readonly>{h(e[1])}</textarea>')
            else:
                B.append(f'<p class="answer">{h(e[1])}</p>')
    if webform:
        B.append("</form>")
    for p in doc.post:
        B.append(f"<p>{h(p)}</p>" if p else "<br>")
    B += ["</body>", "</html>", ""]
    return "\n".join(B)


def letter_text(let: Letter) -> str:
    L = list(let.letterhead) + [""]
    if let.ref:
        L.append(let.ref)
    if let.place_date:
        L.append(let.place_date)
    if let.addressee:
        L += ["", let.addressee]
    L.append("")
    if let.opening:
        L += [let.opening, ""]
    for p in let.paras:
        L += [p, ""]
    L += [let.closing, ""] + list(let.signature)
    if let.annex:
        L += ["", let.annex]
    return "\n".join(L) + "\n"


def letter_html(let: Letter) -> str:
    h = html.escape
    B = ['<html><head><meta charset="utf-8"></head><body>']
    B += [f"<div>{h(x)}</div>" for x in let.letterhead]
    for x in (let.ref, let.place_date, let.addressee, let.opening):
        if x:
            B.append(f"<p>{h(x)}</p>")
    B += [f"<p>{h(p)}</p>" for p in let.paras]
    B.append(f"<p>{h(let.closing)}</p>")
    B.append("<p>" + "<br>".join(h(s) for s in let.signature) + "</p>")
    if let.annex:
        B.append(f"<p><i>{h(let.annex)}</i></p>")
    B.append("</body></html>\n")
    return "\n".join(B)
