"""What a worker sets up once, not per document: the stages' modules, every configured
language's spaCy pipeline and matchers, the language detector, the schema, the alias tables.

The process pool's worker processes are forked from one server process that has imported
this module (multiprocessing's forkserver, flows/runners.py), so this set-up is paid once
per run, not once per worker: on these machines the French blank pipeline alone compiles a
1.4 MB tokenizer expression for 6-12 s, and the stages' imports take about 5 s.
Importing it never fails: a broken pattern file is reported by the document that needs it.
"""

from __future__ import annotations


def warm_up() -> None:
    import questionnaire_returns.prefect_env  # noqa: F401  - offline settings before Prefect

    import flows.reading  # noqa: F401  - what the workers run (no Prefect: a worker never talks to the API)
    from questionnaire_returns import pipeline  # noqa: F401  - every stage's modules
    from questionnaire_returns.config import settings
    from questionnaire_returns.language.detect import detect_text
    from questionnaire_returns.language.patterns import patterns_for
    from questionnaire_returns.resolve import get_resolver

    get_resolver()
    detect_text("The Ministry of the Interior co-ordinates the national response.")
    for lang in settings().languages:
        patterns_for(lang)


try:
    warm_up()
except Exception:  # noqa: BLE001 - the workers set up on their own, and say what is wrong
    pass

# What was set up lives as long as the worker: the garbage collector need not look at it again.
# Without this, every full collection in a worker walks the whole set-up (millions of objects)
# and writes to their pages, copying the server's memory into each worker (copy-on-write).
import gc  # noqa: E402

gc.freeze()
