"""The reviewers' loop: corrections that survive every rerun, made by signed-in reviewers.

data.py       the merged view the app and the Excel export share (queue, progress)
query.py      a queue's filters, search and sort
checks.py     values checked by their meaning (country, dates, years); labels.py: labels beside codes
accounts.py   accounts with roles and argon2id hashes; sessions.py: signed cookies, CSRF tokens
app.py        the review web app (create_app, serve): its state and one router per screen
web.py        what the screens share (the app's state, item page, links, sign-in and role checks)
routes/       the routers: signin, queue, item, save, pages, approvals, audit
pages.py      page images of raw/ files (fillable forms drawn), evidence highlighted, only under raw/
sources.py    Word, HTML, e-mail and text sources as text, the evidence found in them
publisher.py  publish after each save, one at a time
excel.py      export_queue / import_corrections (.xlsx)
cli.py        `returns review` (Typer sub-app: review_app; users add/remove/list)

The corrections themselves (store, merge) live in questionnaire_returns/corrections/.
"""
