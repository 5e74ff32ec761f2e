// The review app's keys, page turning, zoom and queue selection. No data is ever
// written into the page as markup from here: only clicks on the page's own buttons
// and links, text labels, and image addresses built with URLSearchParams.
(function () {
  "use strict";

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
    if (tag === "INPUT" && (target.type === "checkbox" || target.type === "radio")) return false;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  function go(id) {
    var link = document.getElementById(id);
    if (link && link.href) { window.location.href = link.href; return true; }
    return false;
  }

  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }

  function focusOn(id) {
    var el = document.getElementById(id);
    if (el) { el.focus(); if (el.select) el.select(); return true; }
    return false;
  }

  // ---------------------------------------------------------------- the queue
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tbody tr[data-href]"));
  var cursor = -1;

  function moveTo(i) {
    if (!rows.length) return false;
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, j) { r.classList.toggle("focused", j === cursor); });
    rows[cursor].scrollIntoView({block: "nearest"});
    return true;
  }

  function openRow(i) {
    var row = rows[i];
    if (row) { window.location.href = row.getAttribute("data-href"); return true; }
    return false;
  }

  function toggleRow(i) {
    var box = rows[i] && rows[i].querySelector("input.select");
    if (box) { box.checked = !box.checked; return true; }
    return false;
  }

  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      rows.forEach(function (r) { var b = r.querySelector("input.select"); if (b) b.checked = all.checked; });
    });
  }

  var sortSelect = document.getElementById("sort");
  if (sortSelect) {
    sortSelect.addEventListener("change", function () { sortSelect.form.submit(); });
  }

  function queueKey(event) {
    switch (event.key) {
      case "j": case "ArrowDown": return moveTo(cursor + 1);
      case "k": case "ArrowUp": return moveTo(cursor - 1);
      case "Enter": case "o": return cursor >= 0 ? openRow(cursor) : openRow(0);
      case "n": return openRow(cursor >= 0 ? cursor : 0);
      case "x": case " ": return cursor >= 0 ? toggleRow(cursor) : (moveTo(0) && toggleRow(0));
      case "*": if (all) { all.checked = !all.checked; all.dispatchEvent(new Event("change")); return true; } return false;
      case "A": return click("bulk-accept");
      case "/": return focusOn("search");
      case "f": return focusOn("filter-country");
      case "s": return focusOn("sort");
    }
    return false;
  }

  // ---------------------------------------------------------------- the item page
  var pager = document.getElementById("pager");
  var image = document.getElementById("page-image");
  var zooms = [0.5, 0.75, 1, 1.5, 2, 3];
  var state = null;
  if (pager && image) {
    state = {
      file: pager.getAttribute("data-file"),
      page: parseInt(pager.getAttribute("data-page"), 10) || 1,
      pages: parseInt(pager.getAttribute("data-pages"), 10) || 1,
      bbox: pager.getAttribute("data-bbox") || "",
      evidencePage: parseInt(pager.getAttribute("data-evidence-page"), 10) || 0,
      zoom: 2
    };
  }

  function showPage() {
    if (!state) return false;
    var params = new URLSearchParams();
    params.set("file", state.file);
    params.set("page", String(state.page));
    if (state.bbox && state.page === state.evidencePage) params.set("bbox", state.bbox);
    params.set("zoom", String(zooms[state.zoom]));
    image.src = "/page-image?" + params.toString();
    image.classList.toggle("zoomed", zooms[state.zoom] > 1);
    document.getElementById("page-label").textContent = "page " + state.page + " of " + state.pages;
    document.getElementById("zoom-label").textContent = Math.round(zooms[state.zoom] * 100) + "%";
    document.getElementById("page-prev").disabled = state.page <= 1;
    document.getElementById("page-next").disabled = state.page >= state.pages;
    return true;
  }

  function turn(by) {
    if (!state) return false;
    var next = Math.max(1, Math.min(state.pages, state.page + by));
    if (next === state.page) return true;
    state.page = next;
    return showPage();
  }

  function zoom(by) {
    if (!state) return false;
    state.zoom = Math.max(0, Math.min(zooms.length - 1, state.zoom + by));
    return showPage();
  }

  function toEvidence() {
    if (state && state.evidencePage) { state.page = state.evidencePage; showPage(); }
    var mark = document.getElementById("evidence-mark");
    if (mark) mark.scrollIntoView({block: "center"});
    return Boolean(state || mark);
  }

  if (state) {
    document.getElementById("page-prev").addEventListener("click", function () { turn(-1); });
    document.getElementById("page-next").addEventListener("click", function () { turn(1); });
    document.getElementById("zoom-in").addEventListener("click", function () { zoom(1); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoom(-1); });
    var back = document.getElementById("to-evidence");
    if (back) back.addEventListener("click", toEvidence);
    document.getElementById("page-prev").disabled = state.page <= 1;
    document.getElementById("page-next").disabled = state.page >= state.pages;
  }

  // the evidence in a text source: scrolled into view when the page opens
  var mark = document.getElementById("evidence-mark");
  if (mark) mark.scrollIntoView({block: "center"});

  function itemKey(event) {
    switch (event.key) {
      case "a": return click("accept");
      case "u": return click("unanswerable");
      case "n": case "j": return go("next");
      case "k": return go("prev");
      case "q": return go("queue-link");
      case "[": return turn(-1);
      case "]": return turn(1);
      case "+": case "=": return zoom(1);
      case "-": return zoom(-1);
      case "g": return toEvidence();
      case "c": case "e":
        var input = document.getElementById("new-value") ||
          document.querySelector("#new-value-choices input");
        if (input) { input.focus(); return true; }
        return false;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) return;
    var handled = rows.length ? queueKey(event) : itemKey(event);
    if (handled) event.preventDefault();
  });

  // A queue row opens its item when clicked anywhere but its checkbox.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("tr[data-href]");
    if (row && !event.target.closest("a") && !event.target.closest("input")) {
      window.location.href = row.getAttribute("data-href");
    }
  });

  // A page that cannot be rendered says so instead of showing a broken image.
  if (image) {
    image.addEventListener("error", function () {
      var note = document.getElementById("image-error");
      if (!note) {
        note = document.createElement("p");
        note.className = "noimage";
        note.id = "image-error";
        image.parentNode.insertBefore(note, image);
      }
      note.textContent = "The page image could not be rendered.";
    });
    image.addEventListener("load", function () {
      var note = document.getElementById("image-error");
      if (note) note.remove();
    });
  }

  // Choosing a ministry for an unknown name means "remember it".
  document.addEventListener("change", function (event) {
    var name = event.target.name || "";
    if (name.indexOf("alias_id_") === 0 && event.target.value) {
      var row = event.target.closest(".alias-row");
      var box = row && row.querySelector("input[name=alias_on]");
      if (box) box.checked = true;
    }
  });

  // One submission at a time: a double press must not post twice.
  ["review-form", "bulk-form"].forEach(function (id) {
    var form = document.getElementById(id);
    if (!form) return;
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
