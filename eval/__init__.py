"""Evaluation harness: accuracy and calibration of the whole pipeline on a generated corpus.

    python -m eval [--n 60] [--seed 1] [--forms ...] [--languages ...]   (or: make eval)
"""
