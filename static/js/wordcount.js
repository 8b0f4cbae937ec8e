/* Live word count while writing. The word rule mirrors portfolios/uploads/wordcount.py (WORD_RE). */
(function () {
  "use strict";
  var WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

  function countWords(text) {
    var m = (text || "").match(WORD);
    return m ? m.length : 0;
  }

  function fmt(n) { return n.toLocaleString("en-GB"); }

  function requirementsFor(kind) {
    var node = document.getElementById("word-requirements");
    if (!node) { return []; }
    var all = [];
    try { all = JSON.parse(node.textContent) || []; } catch (e) { all = []; }
    return all.filter(function (r) { return !kind || r.kind === kind; });
  }

  function describe(words, reqs) {
    var parts = [fmt(words) + " word" + (words === 1 ? "" : "s") + " written here"];
    reqs.forEach(function (r) {
      var verdict = "within the limits";
      if (r.min && words < r.min) { verdict = fmt(r.min - words) + " under the minimum"; }
      else if (r.max && words > r.max) { verdict = fmt(words - r.max) + " over the maximum"; }
      parts.push("unit " + r.unit + " asks for " + r.label + " (" + verdict + ")");
    });
    return parts.join("; ") + (reqs.length ? ". Words in uploaded documents are added when you save." : ".");
  }

  document.querySelectorAll("textarea[data-word-count]").forEach(function (area) {
    var out = document.querySelector("[data-word-count-output]");
    var form = area.form;
    var kindSelect = form ? form.querySelector("select[name=kind]") : null;
    if (!out) { return; }
    var timer = null;
    function update() {
      var kind = kindSelect ? kindSelect.value : "";
      var words = countWords(area.value);
      out.textContent = describe(words, requirementsFor(kind));
      var reqs = requirementsFor(kind);
      var bad = reqs.some(function (r) { return (r.min && words < r.min) || (r.max && words > r.max); });
      out.classList.toggle("text-warning-emphasis", bad && words > 0);
    }
    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
    if (kindSelect) { kindSelect.addEventListener("change", update); }
    update();
  });

  window.AttestWordCount = { countWords: countWords };
})();
