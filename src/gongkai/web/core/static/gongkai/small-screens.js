// Small screens (issue 15, item 9), from a static file because the Content-Security-Policy
// refuses inline script. Without JavaScript the navigation stays open and wide tables scroll.
//
// 1. The navigation collapses behind its 菜单 button on narrow screens (gongkai.css).
// 2. Each cell of a data table is labelled with its column's heading (data-label), so that a
//    row stacked on a narrow screen still says what each value is. A label the page already
//    gives is kept.
(function () {
  var nav = document.querySelector(".site-nav");
  var toggle = nav && nav.querySelector(".nav-toggle");
  if (toggle) {
    nav.classList.add("collapsible");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("open", open);
    });
  }

  function headings(table) {
    var labels = [];
    var row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!row) return labels;
    Array.prototype.forEach.call(row.cells, function (cell) {
      for (var i = 0; i < (cell.colSpan || 1); i++) labels.push(cell.textContent.trim());
    });
    return labels;
  }

  document.querySelectorAll("table.data-table").forEach(function (table) {
    var labels = headings(table);
    if (!labels.length) return;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute("data-label") && labels[column]) {
            cell.setAttribute("data-label", labels[column]);
          }
          column += cell.colSpan || 1;
        });
      });
    });
    table.classList.add("labelled");
  });
})();
