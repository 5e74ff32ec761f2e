"""Evaluation harness (make eval): the pipeline's accuracy and calibration on keyed corpora
written by other hands (scored with the shared scorer) and on a generated corpus.

    python -m eval [--corpus NAME ...] [--list] [--n 132] [--seed 1] [--forms ...] [--languages ...]
"""
