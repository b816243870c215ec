// The review page: the chosen cell marked in the official table and scrolled into view next
// to its source line; ↓/↑ (or j/k outside a field) move between the figures to review.
(function () {
  "use strict";
  var tables = document.querySelector(".report-tables");
  function mark(key) {
    if (!tables) return;
    tables.querySelectorAll("td.marked").forEach(function (cell) { cell.classList.remove("marked"); });
    tables.querySelectorAll("td[data-key]").forEach(function (cell) {
      if (cell.getAttribute("data-key") === key) {
        cell.classList.add("marked");
        cell.scrollIntoView({ block: "nearest" });
      }
    });
  }
  var inputs = Array.prototype.slice.call(document.querySelectorAll(".review-items input[name=value]"));
  function move(from, step) {
    var next = inputs[inputs.indexOf(from) + step];
    if (next) { next.focus(); next.select(); }
  }
  inputs.forEach(function (input) {
    input.addEventListener("focus", function () { mark(input.getAttribute("data-key")); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); move(input, 1); }
      if (event.key === "ArrowUp") { event.preventDefault(); move(input, -1); }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.target.tagName === "INPUT" || !inputs.length) return;
    if (event.key === "j" || event.key === "k") { inputs[0].focus(); inputs[0].select(); }
  });
  if (tables) mark(tables.getAttribute("data-chosen"));
  var line = document.getElementById("marked-line");
  if (line) line.scrollIntoView({ block: "center" });
})();
