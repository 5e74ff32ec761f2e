"""The reviewers' loop: corrections that survive every rerun.

store.py   CorrectionStore, the append-only ledger of corrections and learned aliases
merge.py   merge(extracted, latest corrections) -> the published answers
data.py    the merged view the app and the Excel export share (queue, progress)
app.py     the review web app (create_app, serve)
pages.py   page images of raw/ files, evidence highlighted, only under raw/
excel.py   export_queue / import_corrections (.xlsx)
cli.py     `returns review` (Typer sub-app: review_app)

Nothing is imported here, so the pipeline can use merge/store without FastAPI.
"""
