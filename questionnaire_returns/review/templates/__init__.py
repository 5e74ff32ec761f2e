"""Jinja2 templates of the review app (a package so that wheels carry the *.html files)."""
