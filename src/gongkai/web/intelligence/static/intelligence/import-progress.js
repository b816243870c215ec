// The import's progress page reloads itself every two seconds while the import runs.
(function () {
  "use strict";
  var progress = document.getElementById("import-progress");
  if (progress && progress.getAttribute("data-running") === "true") {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
