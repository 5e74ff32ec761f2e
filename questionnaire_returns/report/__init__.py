"""The summary report: Annex C tables, figures with their denominators, charts, HTML, data quality.

    from questionnaire_returns.report import build_report
    files = build_report(Path("normalized"), Path("normalized/report"))
"""

from __future__ import annotations

__all__ = ["build_report"]


def __getattr__(name: str):
    # lazy, so that importing the CLI command does not import openpyxl and jinja2
    if name == "build_report":
        from questionnaire_returns.report.build import build_report

        return build_report
    raise AttributeError(name)
