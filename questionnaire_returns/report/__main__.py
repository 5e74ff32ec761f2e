"""python -m questionnaire_returns.report [--data DIR] [--out DIR]"""

import typer

from questionnaire_returns.report.cli import report

typer.run(report)
