"""Found values → answers: a confidence each, one value per field, pointers followed, the
questionnaire's logic checked.

Where two places of a return answer the same field differently, the surer one is kept
and loses confidence, with a note naming the other value, so the conflict reaches a
reviewer. An answer that points at another question takes over that question's fields
(the schema's `crossrefs`). A return that answers a question its own answers say it should
have skipped (no mechanism at Q1, then Q2-8 answered: the schema's `condition`s) sends every
field involved to review, the note saying which answers disagree; one or two stray answers under a
denial (the signature below the last question) go to review without the denial. In a letter, a part whose
condition the letter itself denies ("There is no national rapporteur") gives no further
choices or lists: its loose words about the thing are no answer.
"""

from __future__ import annotations

from dataclasses import replace

from questionnaire_returns.config import settings
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.records import Answer, Document, Found, Line, Pointer, Read
from questionnaire_returns.score.calibration import calibrated
from questionnaire_returns.score.confidence import GUESSED_PLACE, SELF_DOUBTING, VAGUE, combine
from questionnaire_returns.score.evidence import DESCRIBED_PART, NO_FIT, DocumentFit, describes, gated_by, value_evidence

CONFLICT = "conflict"
CROSSREF = "crossref"  # an answer that only points at another question: its value taken over, for a reviewer
UNRESOLVED_CAP = 0.5  # a value holding a name no alias table knows, or words that fit no value


def answer_of(f: Found, source_file: str, fit: DocumentFit = NO_FIT) -> Answer:
    """One found value with its confidence: how and where it was read, and how well its document was
    read (`fit`), through the calibration model (score/calibration.py)."""
    kind = CONTRACT.field(f.field).type if f.field in CONTRACT.fields else None
    read = f.read
    raw = combine(read.how, f.place, f.place_score, [read.line], kind=kind, name_score=f.name_score)
    basis = (("raw", raw),) + fit.features() + value_evidence(f, fit)
    conf = calibrated(dict(basis), read.how, f.place, kind, f.field)
    if (read.how in SELF_DOUBTING or f.place_score < GUESSED_PLACE) and raw < settings().review.threshold_for(f.field):
        conf = min(conf, raw)  # a reading that doubts itself stays with a reviewer, whatever the model says
    note = f.note or (f"{VAGUE}: the answer's words fit no {kind or 'value'}" if read.how == VAGUE else "")
    if note:
        conf = min(conf, UNRESOLVED_CAP)
    return Answer(f.field, read.value, conf, f"{read.how}.{f.place}", read.line.text.strip()[:500],
                  read.line.page, read.line.bbox, source_file, note, basis=basis)


def settle_answers(found: list[Found], pointers: list[Pointer], source_file: str, letter: bool,
                   fit: DocumentFit = NO_FIT) -> list[Answer]:
    """One answer per field (see the module's docstring); `letter`: every segment is a letter's;
    `fit`: how well the document as a whole was read."""
    answers: dict[str, list[Answer]] = {}
    fallbacks: dict[str, list[Answer]] = {}
    for f in found + implied_gates(found):
        (fallbacks if f.fallback else answers).setdefault(f.field, []).append(answer_of(f, source_file, fit))
    settled = {field: _settle(candidates) for field, candidates in answers.items()}
    for field, candidates in fallbacks.items():
        if field not in settled:
            settled[field] = _settle(candidates)
    _follow_pointers(settled, pointers, source_file)
    if letter:
        _drop_parts_denied(settled)
    else:
        _flag_skipped_but_answered(settled)
    return [a for a in settled.values() if a.field in CONTRACT.fields]


def implied_gates(found: list[Found]) -> list[Found]:
    """A part's "does it exist?" that the return leaves unanswered while it describes the thing (DESCRIBED_PART
    of the questions that hang on it answered with more than a "no"): the thing exists, read as `inferred`
    (its evidence the first answer describing it), for the model to weigh. Only the first field of a condition
    is implied (a plan, not its equivalent) and only where no other field of the condition says yes."""
    have = {f.field for f in found}
    yes = {f.field for f in found if f.read.value == "yes"}
    order = {key: n for n, key in enumerate(CONTRACT.questions)}
    out: list[Found] = []
    for field, spec in CONTRACT.fields.items():
        gated = gated_by(field)
        if field in have or spec.type != "yesno" or not gated:
            continue
        conditions = [CONTRACT.questions[key].condition for key in gated]
        if any(c is None or c.fields[0] != field or yes & set(c.fields) for c in conditions):
            continue
        describing = [f for f in found if f.field in CONTRACT.fields and CONTRACT.fields[f.field].question in gated
                      and describes(f.field, f.read.value)]
        if len({CONTRACT.fields[f.field].question for f in describing}) < DESCRIBED_PART:
            continue
        first = min(describing, key=lambda f: order.get(CONTRACT.fields[f.field].question or "", 0))
        out.append(Found(field, Read("yes", first.read.line, "inferred"), first.place, first.place_score, fallback=True))
    return out


def _settle(answers: list[Answer]) -> Answer:
    best = max(answers, key=lambda a: a.confidence)
    values = {a.value for a in answers}
    if len(values) > 1:
        others = sorted(v for v in values if v != best.value)
        return replace(best, confidence=round(best.confidence * 0.6, 3), note=f"{CONFLICT}: also read {', '.join(others)}")
    return best


def _follow_pointers(settled: dict[str, Answer], pointers: list[Pointer], source_file: str) -> None:
    """'See the answer to question 7': the referenced fields' values, for a reviewer to confirm (FIELDS.md),
    the pointer as evidence; where that question gives nothing, the fields go to review with no value."""
    for p in pointers:
        question = CONTRACT.questions.get(p.question)
        if question is None:
            continue
        takes = question.crossrefs.get(p.target) or {spec.id: "" for spec in CONTRACT.fields_of(p.question)}
        note = f"{CROSSREF}: the answer refers to question {p.target}"
        for field, source in takes.items():
            if field in settled:
                continue
            src = settled.get(source)
            value = _within_vocabulary(field, src.value) if src else ""
            evidence, page, bbox = p.line.text.strip()[:500], p.line.page, p.line.bbox
            if src and value:
                settled[field] = replace(src, field=field, value=value, confidence=min(round(src.confidence * 0.95, 3), UNRESOLVED_CAP),
                                         rule=f"crossref.{p.question}->{p.target}", evidence=evidence, note=note,
                                         page=page, bbox=bbox)
            else:
                settled[field] = Answer(field, "", 0.0, f"crossref.{p.question}->{p.target}", evidence,
                                        source_file=source_file, note=note, page=page, bbox=bbox)


def _within_vocabulary(field: str, value: str) -> str:
    """A value taken over from another field, kept to this field's vocabulary."""
    spec = CONTRACT.fields[field]
    if spec.type != "multi" or not spec.values:
        return value
    return ";".join(v for v in value.split(";") if v in spec.values)


DESCRIBED_ANYWAY = 2  # sentences besides the denial that give a denied part's choices: the letter answers it


def _drop_parts_denied(settled: dict[str, Answer]) -> None:
    """A letter that denies what a part's condition needs ("There is no national rapporteur") gives
    that part no choices or lists: its loose words about the thing are no answer. A letter that goes on to
    answer the part's questions in sentences of their own (how often it reports, to whom, on what) contradicts
    itself: those answers are kept and, with the denial, go to a reviewer."""
    values = {field: a.value for field, a in settled.items()}
    denied: dict[str, list[str]] = {}  # a condition the letter denies -> the questions that hang on it
    for question in CONTRACT.questions.values():
        if question.condition is not None and question.condition.holds(values) is False:
            denied.setdefault(str(question.condition), []).append(question.key)
    contradicted: set[str] = set()
    for keys in denied.values():
        condition = CONTRACT.questions[keys[0]].condition
        assert condition is not None
        denials = {settled[f].evidence for f in condition.fields if f in settled}
        choices = [spec.id for key in keys for spec in CONTRACT.fields_of(key) if spec.type != "text" and spec.id in settled]
        if len({settled[f].evidence for f in choices} - denials) < DESCRIBED_ANYWAY:
            for field in choices:
                settled.pop(field, None)
        else:
            contradicted.update(keys)
    if contradicted:
        _flag_skipped_but_answered(settled, only=contradicted)


def _flag_skipped_but_answered(settled: dict[str, Answer], only: set[str] | None = None) -> None:
    """A question answered although the return's own answer to its condition says to skip it: the
    question's fields go to review, the note naming the disagreement; where the return goes on to describe
    the denied thing (DESCRIBED_PART questions answered), the condition's fields too. `only`: the
    questions to check (all where None), each such question then counting as a contradiction."""
    values = {field: a.value for field, a in settled.items()}
    notes: dict[str, list[str]] = {}
    skipped: dict[str, list[tuple[str, list[str], str]]] = {}  # condition -> (question, its fields, why)
    for question in CONTRACT.questions.values():
        condition = question.condition
        if condition is None or condition.holds(values) is not False or (only is not None and question.key not in only):
            continue
        answered = [spec.id for spec in CONTRACT.fields_of(question.key) if spec.id in settled]
        if not answered:
            continue
        said = ", ".join(f"{f} = {values[f]}" for f in condition.fields if f in values)
        why = f"{CONFLICT}: question {question.number} is answered although {said} (it is asked only if {condition})"
        skipped.setdefault(str(condition), []).append((question.key, answered, why))
    for entries in skipped.values():
        condition = CONTRACT.questions[entries[0][0]].condition
        assert condition is not None
        describing = [key for key, answered, _ in entries if any(describes(f, settled[f].value) for f in answered)]
        real = only is not None or len(describing) >= DESCRIBED_PART
        for _, answered, why in entries:
            for field in ([f for f in condition.fields if f in settled] if real else []) + answered:
                notes.setdefault(field, []).append(why)
    for field, whys in notes.items():
        answer = settled[field]
        note = "; ".join(dict.fromkeys(([answer.note] if answer.note else []) + _merged(whys)))
        settled[field] = replace(answer, note=note)


def _merged(whys: list[str]) -> list[str]:
    """One note per condition however many of its questions are answered: the questions named together."""
    by_reason: dict[str, list[str]] = {}
    for why in whys:
        question, _, reason = why.partition(" is answered although ")
        by_reason.setdefault(reason, []).append(question.rsplit(" ", 1)[1])
    return [f"{CONFLICT}: question {numbers[0]} is answered although {reason}" if len(numbers) == 1 else
            f"{CONFLICT}: questions {', '.join(numbers)} are answered although {reason}"
            for reason, numbers in by_reason.items()]


def submission_answers(doc: Document, country: tuple[str, float, Line] | None, respondent_type: str | None,
                       lang: str | None, lang_conf: float, date: Read | None) -> list[Answer]:
    """country, respondent_type, language and submitted_on, each with its evidence."""
    out: list[Answer] = []
    if country:
        name, conf, line = country
        out.append(Answer("country", name, conf, "country.sender", line.text.strip()[:300], line.page, line.bbox, doc.source_file))
        out.append(Answer("respondent_type", respondent_type or "", conf, "country.canon",
                          line.text.strip()[:300], line.page, line.bbox, doc.source_file))
    if lang:
        out.append(Answer("language", lang, round(min(0.99, lang_conf), 3), "language.lingua",
                          f"detected from {len(doc.text.split())} words", None, None, doc.source_file))
    if date:
        out.append(Answer("submitted_on", date.value, combine(date.how, "numbered", 1.0, [date.line], kind="date"), f"date.{date.how}",
                          date.line.text.strip()[:300], date.line.page, date.line.bbox, doc.source_file))
    return out
