// Story page: hovering or tapping a summary sentence (or a quote, fact or event that
// carries offsets) highlights the span it cites in its source article and shows it
// under the summary. Text is copied with textContent only, never as HTML.
(function () {
  "use strict";
  var preview = document.getElementById("cite-preview");

  function clear() {
    document.querySelectorAll("mark.hl").forEach(function (m) { m.classList.remove("hl"); });
    document.querySelectorAll(".sent.active").forEach(function (s) { s.classList.remove("active"); });
  }

  function show(sentence, scroll) {
    clear();
    sentence.classList.add("active");
    var ids = (sentence.getAttribute("data-cite") || "").split(" ").filter(Boolean);
    var first = null;
    if (preview) { preview.textContent = ""; }
    ids.forEach(function (id) {
      // a cited span may be cut into several marks where other citations overlap it
      var marks = document.querySelectorAll('mark[data-c~="' + CSS.escape(id) + '"]');
      if (!marks.length) { return; }
      var text = "";
      marks.forEach(function (mark) {
        mark.classList.add("hl");
        text += mark.textContent;
      });
      if (!first) { first = marks[0]; }
      if (preview) {
        var from = document.createElement("span");
        from.className = "from";
        from.textContent = "cited from " + (marks[0].getAttribute("data-outlet") || "source");
        preview.appendChild(from);
        preview.appendChild(document.createTextNode(text));
      }
    });
    if (preview) { preview.hidden = !first; }
    if (first && scroll) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.querySelectorAll(".sent[data-cite]").forEach(function (sentence) {
    sentence.addEventListener("mouseenter", function () { show(sentence, false); });
    sentence.addEventListener("click", function () { show(sentence, true); });
    sentence.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(sentence, true);
      }
    });
  });
})();
