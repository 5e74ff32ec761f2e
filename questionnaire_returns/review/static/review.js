// Keyboard shortcuts for the review app. No data is ever written into the page
// from here: only clicks on the page's own buttons and links.
(function () {
  "use strict";

  function typing(target) {
    if (!target) return false;
    var tag = target.tagName;
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

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) return;
    var handled = false;
    switch (event.key) {
      case "a": handled = click("accept"); break;
      case "u": handled = click("unanswerable"); break;
      case "n": case "j":
        handled = go("next");
        if (!handled) {
          var first = document.querySelector("#queue a.item-link");
          if (first) { window.location.href = first.href; handled = true; }
        }
        break;
      case "k": handled = go("prev"); break;
      case "c": case "e":
        var input = document.getElementById("new-value") ||
          document.querySelector("#new-value-choices input");
        if (input) { input.focus(); handled = true; }
        break;
    }
    if (handled) event.preventDefault();
  });

  // A queue row opens its item when clicked anywhere.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("tr[data-href]");
    if (row && !event.target.closest("a")) window.location.href = row.getAttribute("data-href");
  });

  // A page that cannot be rendered says so instead of showing a broken image.
  var image = document.getElementById("page-image");
  if (image) {
    image.addEventListener("error", function () {
      var note = document.createElement("p");
      note.className = "noimage";
      note.textContent = "The page image could not be rendered.";
      image.replaceWith(note);
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
  var form = document.getElementById("review-form");
  if (form) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = true; });
      }, 0);
    });
  }
})();
