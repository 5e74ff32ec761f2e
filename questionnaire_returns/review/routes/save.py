"""POST /save: accept, correct or mark unanswerable, then publish and move on."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from questionnaire_returns.review.data import check_value, normalise_value
from questionnaire_returns.review.store import Conflict, fold
from questionnaire_returns.review.web import (field_info, filters_of, item_url, render_item, review_of,
                                              reviewer_of, same_origin)

router = APIRouter()


@router.post("/save")
async def save(request: Request):
    reviewer = reviewer_of(request)
    if not same_origin(request):
        return PlainTextResponse("cross-site request refused", status_code=403)
    if not reviewer:
        return RedirectResponse("/login", status_code=303)
    form = await request.form()
    # the store, the merge and publish block: keep them off the event loop
    return await run_in_threadpool(save_form, request, form, reviewer)


def _value_of(form, action: str, info: dict, field: str, shown: str) -> str:
    if action == "correct":
        if info["type"] in ("multi", "ministries") and form.getlist("values"):
            raw_value = ";".join(str(v) for v in form.getlist("values"))
        else:
            raw_value = str(form.get("value", ""))
        return normalise_value(field, raw_value)
    return shown if action == "accept" else ""


def save_form(request: Request, form, reviewer: str):
    review = review_of(request)
    data, store = review.data, review.store
    s, f = str(form.get("s", "")), str(form.get("f", ""))
    action = str(form.get("action", ""))
    filters = filters_of(form)
    base = str(form.get("base_version", "")).strip()
    expected = int(base) if base.isdigit() else None
    # the published row, or a field the extractor missed / a reviewer dropped
    item = data.item_or_absent(s, f)
    info = field_info(f)
    if item is None:
        return PlainTextResponse("no such submission or field", status_code=404)
    if action not in ("accept", "correct", "unanswerable"):
        return render_item(request, item, filters, status_code=422, error="Unknown action.")

    value = _value_of(form, action, info, f, item.value)
    if action != "unanswerable":
        reason = check_value(f, value)
        if reason:
            verb = "Cannot accept" if action == "accept" else "Not saved"
            return render_item(request, item, filters, status_code=422, attempted=value,
                               error=f"{verb}: {value!r} {reason}." if value else f"{verb}: {reason}.")

    # Names the reviewer wants the resolver to remember ("remember this name").
    aliases = []
    for idx in form.getlist("alias_on"):
        name = fold(str(form.get(f"alias_name_{idx}", "")))
        canonical = str(form.get(f"alias_id_{idx}", ""))
        if name:
            if canonical not in info["values"]:
                return render_item(request, item, filters, status_code=422, attempted=value,
                                   error=f"Not saved: choose the ministry {name!r} names, "
                                         "or untick remember.")
            aliases.append((name, canonical))

    queue_before = [i.key for i in data.queue(**filters)]
    try:
        correction = store.add(
            s, f, action,
            old_value=item.value,
            new_value=value,
            evidence=item.evidence,
            reviewer=reviewer,
            note=fold(str(form.get("note", ""))),
            expected_latest=expected,
            extracted_value=item.extracted_value,
        )
    except Conflict as exc:
        current = data.item_or_absent(s, f) or item
        if exc.latest:
            return render_item(request, current, filters, status_code=409, conflict=exc.latest)
        return render_item(request, current, filters, status_code=409,
                           error="Someone else changed this field; reload.")
    for name, canonical in aliases:
        store.add_alias("ministry", name, canonical, reviewer)
    review.publisher()
    return _next_after(data, item.key, queue_before, filters, correction.id)


def _next_after(data, key, queue_before: list, filters: dict[str, str], saved_id: int) -> RedirectResponse:
    """The field after the saved one in the queue as it was, else the queue's first, else the queue."""
    queue_after = data.queue(**filters)
    nxt = None
    if queue_after:
        at = queue_before.index(key) if key in queue_before else -1
        after = {i.key: i for i in queue_after}
        nxt = next((after[k] for k in queue_before[at + 1:] if k in after), queue_after[0])
    if nxt is None:
        query = {k: v for k, v in filters.items() if v}
        query["saved"] = str(saved_id)
        return RedirectResponse("/queue?" + urlencode(query), status_code=303)
    return RedirectResponse(item_url(nxt, filters, saved=saved_id), status_code=303)
