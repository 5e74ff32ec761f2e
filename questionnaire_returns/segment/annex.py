"""Lines that list what a return encloses ("Annex: National Action Plan"): they answer nothing."""

import re

ANNEX = re.compile(
    r"^\s*(?:annex(?:e|es)?|anlagen?|beilagen?|приложени[ея]|anexos?|allegat[oi]|attachments?|enclosures?|encl\.|"
    r"pièces? jointes?|p\.\s?j\.|adjuntos?)\s*(?:\d+\s*)?[:.\-–]",
    re.I,
)
