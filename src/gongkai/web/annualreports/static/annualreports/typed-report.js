// Live checks of a report typed in from the published table: as staff type, the figures go
// to the page's check endpoint and the rulebook's findings replace the list beside the table;
// the cells they name are marked. Without JavaScript the "Check" button does the same.
(function () {
  var form = document.getElementById("typed-report");
  var panel = document.getElementById("live-findings");
  if (!form || !panel || !window.fetch || !window.FormData) { return; }
  var confirmBox = document.getElementById("confirm-errors");
  var timer = null;
  var asked = 0;

  function item(finding) {
    var entry = document.createElement("li");
    var label = document.createElement("strong");
    entry.className = "finding-" + finding.severity;
    label.textContent = finding.label;
    entry.appendChild(label);
    entry.appendChild(document.createTextNode(" " + finding.rule + "：" + finding.message));
    return entry;
  }

  function mark(findings) {
    form.querySelectorAll("td.flagged").forEach(function (cell) {
      cell.classList.remove("flagged", "flagged-error");
    });
    findings.forEach(function (finding) {
      if (finding.severity === "info") { return; }
      finding.cells.forEach(function (key) {
        var cell = form.querySelector('td[data-key="' + key + '"]');  // keys are [a-z0-9._]
        if (!cell) { return; }
        cell.classList.add("flagged");
        if (finding.severity === "error") { cell.classList.add("flagged-error"); }
      });
    });
  }

  function show(data) {
    var list = document.createElement("ul");
    list.className = "findings";
    data.findings.forEach(function (finding) { list.appendChild(item(finding)); });
    panel.replaceChildren(data.findings.length ? list : document.createTextNode(panel.dataset.allMet));
    mark(data.findings);
    if (confirmBox && !confirmBox.querySelector(".errorlist")) { confirmBox.hidden = !data.has_errors; }
  }

  function check() {
    var ticket = ++asked;
    fetch(form.dataset.checkUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && ticket === asked) { show(data); } })
      .catch(function () {});  // offline or refused: the Check button still works
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
