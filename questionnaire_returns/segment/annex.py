"""Lines that list what a return encloses ("Annex: National Action Plan"): they answer nothing."""

from questionnaire_returns.language.patterns import Cue

ANNEX = Cue(r"^\s*{annex.cue}\s*(?:\d+\s*)?[:.\-–]")
