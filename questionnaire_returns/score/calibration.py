"""Confidence as a probability of being right, fitted on returns written by other hands.

score/confidence.py gives a score from how and where a value was read; on returns the
pipeline has not seen that score says more than it knows (a pattern's 0.88 was right about
80 % of the time). The calibration model (config.yaml's `paths.calibration`, written by
`make calibrate`, eval/calibrate.py) is a logistic regression over that score, how and where
the value was read, its value type and field, the document's fit and the value's own evidence
(score/evidence.py: segment score, OCR confidence, evidence length, the question's wording in it,
readings that agree or disagree), and a few products of them, fitted on keyed corpora. A value's
confidence is the model's probability that it is right. The file is validated when loaded: an
unknown feature or a weight that is no finite number fails naming the file. Without a model
file the score passes through unchanged. Copied words whose evidence is mostly the question's
own wording, and readings that doubt themselves (a weak pattern, vague words, a guessed place
scored under DOUBT_BELOW), stay below the review threshold whatever the model says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

from questionnaire_returns import data_yaml
from questionnaire_returns.config import settings
from questionnaire_returns.contract import CONTRACT
from questionnaire_returns.score.confidence import BASE, GUESSED_PLACE, SEGMENT, SELF_DOUBTING

# the basis's numbers (score/evidence.py says what each is); "raw", confidence.py's score, is weighed as its log-odds
BASIS = ("raw", "found_share", "in_order", "yield_share", "agree", "disagree", "place_score", "ocr", "is_ocr",
         "name_score", "words", "question_words", "extra", "logic")
KINDS = tuple(sorted({spec.type for spec in CONTRACT.fields.values()}))  # the contract's value types
# products the model weighs beside the features themselves: how much the raw score says depends on how
# and what was read (a box's 0.95 and a pattern's 0.88 are not equally honest), and a letter's sentence
# depends more on how much of the form the letter answers than a numbered answer does
INTERACTIONS = tuple(("raw", f"how.{h}") for h in BASE) + tuple(("raw", f"kind.{k}") for k in KINDS) + (
    ("place.narrative", "raw"), ("place.narrative", "found_share"), ("place.narrative", "yield_share"))
# copied words whose evidence line is mostly the question's own wording are the form retyped, no answer
# (right 3 times in 6 on tests/corpora c-g: too few for the model to learn): they stay with a reviewer
FORM_WORDING, FORM_WORDING_CAP = 0.6, 0.5
# a reading that doubts itself (a weak pattern, vague words, a place the segmenter guessed: score/answers.py's
# SELF_DOUBTING and GUESSED_PLACE) scored under this by confidence.py's own rules stays with a reviewer,
# whatever the model or the review threshold say: confidence.py's numbers were set against this line
DOUBT_BELOW = 0.80
_EDGE = 0.005  # scores are kept inside (_EDGE, 1 - _EDGE) before their log-odds are taken


class CalibrationError(ValueError):
    """The calibration file is unreadable or names what the pipeline does not know."""


def known_features() -> frozenset[str]:
    """Every feature a model may weigh: the basis's numbers, one indicator per how, place, kind and field,
    and the product `a*b` of two of those."""
    return (frozenset(BASIS) | {f"how.{h}" for h in BASE} | {f"place.{p}" for p in SEGMENT}
            | {f"kind.{k}" for k in KINDS} | {f"field.{f}" for f in CONTRACT.fields})


def _known(name: str, known: frozenset[str]) -> bool:
    return name in known or (name.count("*") == 1 and all(part in known for part in name.split("*")))


def features(basis: Mapping[str, float], how: str, place: str, kind: str | None, field: str | None = None) -> dict[str, float]:
    """The model's inputs for one value from its basis (what eval/calibrate.py fits on, and what
    `calibrated` weighs); a number the basis lacks (an answer cached before it was kept) counts 0."""
    edge = min(1 - _EDGE, max(_EDGE, float(basis.get("raw", 0.0))))
    out = {name: float(basis.get(name, 0.0)) for name in BASIS}
    out["raw"] = math.log(edge / (1 - edge))
    out[f"how.{how}"] = 1.0
    out[f"place.{place}"] = 1.0
    if kind:
        out[f"kind.{kind}"] = 1.0
    if field:
        out[f"field.{field}"] = 1.0
    for a, b in INTERACTIONS:
        if a in out and b in out:
            out[f"{a}*{b}"] = out[a] * out[b]
    return out


@dataclass(frozen=True)
class Model:
    intercept: float
    weights: dict[str, float]
    fitted_on: tuple[str, ...] = ()
    values: int = 0

    def probability(self, x: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in x.items())
        return 1 / (1 + math.exp(-max(-40.0, min(40.0, z))))


def load_model(path: Path) -> Model | None:
    """The model in `path` (None when there is no file), validated."""
    if not path.is_file():
        return None
    try:
        data = data_yaml.load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CalibrationError(f"{path}: cannot be read ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise CalibrationError(f"{path}: no `weights` mapping (write it with `make calibrate`)")
    known = known_features()
    weights: dict[str, float] = {}
    for name, value in data["weights"].items():
        if not _known(name, known):
            raise CalibrationError(f"{path}: unknown feature {name!r} (known: {', '.join(sorted(known))})")
        weights[name] = _number(path, name, value)
    return Model(_number(path, "intercept", data.get("intercept")), weights,
                 tuple(str(c) for c in data.get("fitted_on") or ()), int(data.get("values") or 0))


def _number(path: Path, name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise CalibrationError(f"{path}: {name} must be a finite number, not {value!r}")
    return float(value)


@lru_cache(maxsize=1)
def active_model() -> Model | None:
    return load_model(settings().path("calibration"))


def calibrated(basis: Mapping[str, float], how: str, place: str, kind: str | None, field: str | None = None) -> float:
    """The probability that a value read this way, with this evidence (`basis`: confidence.py's score as
    "raw", the document's fit, the value's own evidence), is right (the raw score without a model)."""
    model = active_model()
    p = float(basis.get("raw", 0.0)) if model is None else round(model.probability(features(basis, how, place, kind, field)), 3)
    if kind == "text" and basis.get("question_words", 0.0) >= FORM_WORDING:
        p = min(p, FORM_WORDING_CAP)
    if doubts_itself(basis, how):
        p = min(p, float(basis.get("raw", 0.0)), _below(settings().review.threshold_for(field) if field else settings().review.threshold))
    return p


def doubts_itself(basis: Mapping[str, float], how: str) -> bool:
    """A weak pattern, vague words or a guessed place that confidence.py's own rules scored under DOUBT_BELOW."""
    guessed = float(basis.get("place_score", 1.0)) < GUESSED_PLACE
    return (how in SELF_DOUBTING or guessed) and float(basis.get("raw", 0.0)) < DOUBT_BELOW


def _below(threshold: float) -> float:
    return round(max(0.0, threshold - 0.001), 3)
