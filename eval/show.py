"""Print make eval's figures: one line per corpus (the independent ones first), then each
keyed corpus's tables, then the generated corpus's."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

LEFT = {"corpus", "type", "language", "form", "family", "field", "bin"}
HEADERS = {"accuracy_found": "acc. found", "auto_precision": "auto prec.", "auto_rows": "auto rows",
           "review_share": "review", "mean_confidence": "mean conf."}
SUMMARY = [("keyed", "keyed"), ("accuracy", "accuracy"), ("recall", "recall"), ("accuracy_found", "acc. found"),
           ("auto_precision", "auto prec."), ("review_share", "review"), ("ece", "ECE"), ("form_text", "form text")]


def console() -> Console:
    """Wide enough for the tables when the output goes to a file or a pipe (make eval | tee)."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=150)


def _cell(v) -> str:
    return "" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def table(console: Console, title: str, rows: list[dict]) -> None:
    if not rows:
        return
    t = Table(title=title)
    for col in rows[0]:
        t.add_column(HEADERS.get(col, col), justify="left" if col in LEFT else "right")
    for r in rows:
        t.add_row(*[_cell(v) for v in r.values()])
    console.print(t)


def summary_table(console: Console, keyed: list[dict], generated: dict | None) -> None:
    rows = []
    for result in keyed + ([generated] if generated else []):
        rows.append({"corpus": result["name"], "files": result["files"],
                     **{label: result["summary"].get(k) for k, label in SUMMARY}})
    table(console, "Every corpus (independent ones first): accuracy counts misses; auto precision counts auto "
                   "values for fields the key does not hold as wrong", rows)


def keyed_corpus(console: Console, r: dict) -> None:
    s = r["scorer"]
    console.print(f"\n[bold]{r['name']}[/bold] ({r['path']}): {r['files']} files, {s.get('fields_scored')} keyed values; "
                  f"accuracy {s.get('field_accuracy')}, recall {s.get('recall')}, accuracy on values found "
                  f"{s.get('accuracy_found')}, auto precision {s.get('auto_precision')} ({s.get('auto_rows')} auto rows, "
                  f"{s.get('extra_auto_rows')} for fields the key does not hold), review share {s.get('review_share')}, "
                  f"ECE {r['ece']}; bad inputs handled {s.get('bad_inputs_handled')}, contradictions sent to review "
                  f"{s.get('contradictions_sent_to_review')}", highlight=False)
    if r["failed_files"]:
        console.print(f"failed files: {', '.join(r['failed_files'])}", highlight=False)
    for line in r["disagreements"]:
        console.print(f"[red]eval's sums differ from score.py's:[/red] {line}", highlight=False)
    table(console, f"{r['name']}: by form family", r["by_family"])
    table(console, f"{r['name']}: by language", r["by_language"])
    table(console, f"{r['name']}: reliability (every value found)", r["reliability"])
    form_text(console, r)


def form_text(console: Console, r: dict) -> None:
    f = r["form_text"]
    console.print(f"{r['name']}: form text read as an answer: {f['count']} ({f['auto']} auto)", highlight=False)
    for e in f["examples"][:5]:
        console.print(f"  {e['file']} {e['field']} ({e['status']}): {e['value'][:100]!r}", highlight=False)


def generated_corpus(console: Console, result: dict) -> None:
    o = result["overall"]
    console.print(f"\n[bold]generated[/bold]: {result['returns']} returns, {result['files']} files; accuracy on values "
                  f"compared {o['accuracy']}, recall {o['recall']}, missed {o['missed']}, spurious {o['spurious']}; "
                  f"sent to review {result['review_share']}; precision of auto {result['auto_precision']} "
                  f"({result['auto_rows']} rows); ECE {result['ece']}", highlight=False)
    if result["failed_files"]:
        console.print(f"failed files: {', '.join(result['failed_files'])}", highlight=False)
    table(console, "generated: by value type", result["by_type"])
    table(console, "generated: by language", result["by_language"])
    table(console, "generated: by form", result["by_form"])
    table(console, "generated: typed returns by language, and scans (yes/no, choice and year against English)",
          result.get("targets_by_language", []))
    table(console, "generated: reliability (every extracted value)", result["reliability"])
    form_text(console, result)
