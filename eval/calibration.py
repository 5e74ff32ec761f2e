"""Reliability of the confidences: per confidence bin, how often the values in it are right,
and the expected calibration error (ECE: the bins' gaps between mean confidence and
accuracy, weighted by their share of the values)."""

from __future__ import annotations

import pandas as pd

BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.0)]


def reliability(values: pd.DataFrame) -> tuple[list[dict], float | None]:
    """(a row per bin: values, mean confidence, accuracy; the ECE) of a frame with columns
    `confidence` and `correct`; values without a confidence are left out."""
    values = values[values["confidence"].notna()]
    table: list[dict] = []
    ece, n = 0.0, len(values)
    if not n:
        return table, None
    for lo, hi in BINS:
        conf: float | None
        acc: float | None
        upper = values["confidence"] <= hi if hi == 1.0 else values["confidence"] < hi
        sel = values[(values["confidence"] >= lo) & upper]
        if len(sel):
            conf, acc = float(sel["confidence"].mean()), float(sel["correct"].mean())
            ece += len(sel) / n * abs(acc - conf)
        else:
            conf = acc = None
        table.append({"bin": f"{lo:g}-{hi:g}", "rows": int(len(sel)),
                      "mean_confidence": None if conf is None else round(conf, 4),
                      "accuracy": None if acc is None else round(acc, 4)})
    return table, round(ece, 4)
