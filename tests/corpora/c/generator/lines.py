# -*- coding: utf-8 -*-
"""IR -> plain lines, with a pluggable tick mark (for Word-printed PDFs, scans, html, xlsx)."""

LETTERS = "abcdefghij"


def mark_fn(style):
    """returns f(label, selected) -> str"""
    if style == "glyph":
        return lambda lab, s: ("☒ " if s else "☐ ") + lab
    if style == "square":
        return lambda lab, s: ("■ " if s else "□ ") + lab
    if style == "underscore":
        return lambda lab, s: lab + (" _X_" if s else " ___")
    if style == "paren":
        return lambda lab, s: ("(x) " if s else "( ) ") + lab
    if style == "bracket":
        return lambda lab, s: ("[X] " if s else "[ ] ") + lab
    if style == "symbol":
        return lambda lab, s: ("\uf0fd " if s else "\uf0a8 ") + lab
    if style == "scanbox":  # \u2610 everywhere; selected ones get a drawn tick (renderer knows via \u2612)
        return lambda lab, s: ("\u2612 " if s else "\u2610 ") + lab
    raise ValueError(style)


def part_lines(p, mark, opt_letters=True, inline_max=3):
    """returns list of strings for one answer part"""
    k = p["k"]
    if k == "yn":
        return ["   ".join([mark(p["yes"], p["v"] == "yes"), mark(p["no"], p["v"] == "no")])]
    if k == "opts":
        labs = p["labels"]
        items = []
        for i, (lab, s) in enumerate(zip(labs, p["sel"])):
            txt = (f"{LETTERS[i]}) " if opt_letters and len(labs) > 3 else "") + lab
            if p.get("other") and i == len(labs) - 1:
                txt += " " + p["other"]
            items.append(mark(txt, s))
        head = [p["label"]] if p.get("label") else []
        if len(labs) <= inline_max:
            return head + ["   ".join(items)] if not head else [head[0] + " " + "   ".join(items)]
        return head + items
    if k == "text":
        return [((p["label"] + " ") if p.get("label") else "") + p["v"]]
    if k == "na":
        return [p["v"]]
    return []


def ir_lines(blocks, mark, letters_q=True):
    """-> list of (kind, text) ; kinds: title, sec, q, sub, ans, note"""
    out = []
    for b in blocks:
        if b["t"] == "title":
            out.append(("title", b["text"]))
        elif b["t"] == "sec":
            out.append(("sec", b["text"]))
        elif b["t"] == "note":
            out.append(("note", b["text"]))
        else:
            out.append(("q", f"{b['n']}. {b['text']}"))
            for p in b["parts"]:
                for ln in part_lines(p, mark):
                    out.append(("ans", ln))
            for s in b.get("subs", []):
                lab = f"{s['l']}) " if s["l"] else ""
                pl = []
                for p in s["parts"]:
                    pl += part_lines(p, mark)
                # first short answer line may go on the sub-question line
                if pl and len(pl[0]) < 40 and s["parts"][0]["k"] in ("yn", "na"):
                    out.append(("sub", f"{lab}{s['text']}  {pl[0]}"))
                    pl = pl[1:]
                else:
                    out.append(("sub", f"{lab}{s['text']}"))
                for ln in pl:
                    out.append(("ans", ln))
    return out


def plain_answer(parts, sep="; "):
    """answer as plain words (selected labels) for table cells, xlsx, html"""
    out = []
    for p in parts:
        k = p["k"]
        if k == "yn":
            if p["v"] == "yes":
                out.append(p["yes"])
            elif p["v"] == "no":
                out.append(p["no"])
        elif k == "opts":
            sel = [lab.rstrip(":") + ((": " + p["other"]) if p.get("other") and i == len(p["labels"]) - 1 else "")
                   for i, (lab, s) in enumerate(zip(p["labels"], p["sel"])) if s]
            if sel:
                out.append(((p["label"] + " ") if p.get("label") else "") + sep.join(sel))
        elif k == "text":
            out.append(((p["label"] + " ") if p.get("label") else "") + p["v"])
        elif k == "na":
            out.append(p["v"])
    return out


def ir_rows(blocks):
    """-> rows (number, question, [parts]) one per question / sub-question"""
    rows = []
    for b in blocks:
        if b["t"] in ("title", "sec", "note"):
            rows.append((b["t"], "", b["text"], []))
            continue
        rows.append(("q", b["n"], b["text"], b["parts"]))
        for s in b.get("subs", []):
            rows.append(("sub", f"{b['n']}{s['l'] or ''}" if s["l"] else "", s["text"], s["parts"]))
    return rows
