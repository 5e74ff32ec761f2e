"""POST /save: accept, correct or mark unanswerable, then publish and move on."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from questionnaire_returns.review.data import check_value, normalise_value
from questionnaire_returns.corrections.store import Conflict, fold
from questionnaire_returns.review.web import (field_info, filters_of, item_url, page, refused, render_item,
                                              review_of, signed_in_reviewer, user_of)

router = APIRouter()


@router.post("/save")
async def save(request: Request):
    form = await request.form()
    if denied := refused(request, form, "reviewer"):
        return denied
    reviewer = signed_in_reviewer(request)
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


def needs_approval(request: Request, action: str, value: str, extracted: str) -> bool:
    """Where config.yaml asks for a second pass, a reviewer's change (not a confirmation,
    and not an approver's own) waits for an approver."""
    user = user_of(request)
    if not review_of(request).second_pass or user is None or user.can("approver"):
        return False
    return action == "unanswerable" or (action == "correct" and value != extracted)


def save_form(request: Request, form, reviewer: str):
    review = review_of(request)
    data, store = review.data, review.store
    s, f = str(form.get("s", "")), str(form.get("f", ""))
    action = str(form.get("action", ""))
    filters = filters_of(form)
    base = str(form.get("base_version", "")).strip()
    if base and not (base.isdigit() and len(base) < 19):
        return PlainTextResponse("base_version must be the id of a correction", status_code=422)
    expected = int(base) if base else None
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

    queue_before = [i.key for i in data.queue(None, **filters)]
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
            needs_approval=needs_approval(request, action, value, item.extracted_value),
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
    queue_after = data.queue(None, **filters)
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


MAX_BULK = 1000


@router.post("/bulk-accept")
async def bulk_accept(request: Request):
    """Accept the selected rows as read, each with the checks of a single save (its value
    by type and meaning, the version it was shown at), then publish once."""
    form = await request.form()
    if denied := refused(request, form, "reviewer"):
        return denied
    keys = [str(k) for k in form.getlist("keys")][: MAX_BULK + 1]
    filters = filters_of(form)
    if not keys:
        return _queue_with(request, filters, 422, refused_rows=[("", "", "select the rows to accept first")])
    if len(keys) > MAX_BULK:
        return _queue_with(request, filters, 422, refused_rows=[("", "", f"at most {MAX_BULK} rows at a time")])
    return await run_in_threadpool(_accept_all, request, keys, filters, signed_in_reviewer(request))


def _accept_all(request: Request, keys: list[str], filters: dict[str, str], reviewer: str):
    review = review_of(request)
    data, store = review.data, review.store
    accepted, refused_rows = [], []
    for key in keys:
        s, _, rest = key.partition("|")
        f, _, base = rest.partition("|")
        item = data.item_or_absent(s, f)
        if item is None:
            refused_rows.append((s, f, "no such submission or field"))
            continue
        if base and not (base.isdigit() and len(base) < 19):
            refused_rows.append((s, f, "the version it was shown at is no correction id"))
            continue
        reason = check_value(f, item.value)
        if reason:
            refused_rows.append((s, f, f"{item.value!r} {reason}" if item.value else reason))
            continue
        try:
            store.add(s, f, "accept", old_value=item.value, new_value=item.value, evidence=item.evidence,
                      reviewer=reviewer, expected_latest=int(base) if base else None,
                      extracted_value=item.extracted_value)
        except Conflict as exc:
            refused_rows.append((s, f, str(exc)))
            continue
        accepted.append((s, f, item.value))
    if accepted:
        review.publisher()
    return _queue_with(request, filters, 200 if accepted or not refused_rows else 409,
                       accepted_rows=accepted, refused_rows=refused_rows)


def _queue_with(request: Request, filters: dict[str, str], status_code: int, **result):
    from questionnaire_returns.review.query import QueueQuery
    from questionnaire_returns.review.routes.queue import queue_context

    context = queue_context(request, QueueQuery(**filters), bulk=True, accepted_rows=[], refused_rows=[])
    context.update(result)
    return page(request, "queue.html", context, status_code=status_code)
