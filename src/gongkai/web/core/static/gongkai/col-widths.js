// Column widths of the statutory tables, given as data-width (per cent) because the
// Content-Security-Policy refuses style attributes; setting them from a script is allowed.
document.querySelectorAll("col[data-width]").forEach(function (col) {
  col.style.width = col.dataset.width + "%";
});
