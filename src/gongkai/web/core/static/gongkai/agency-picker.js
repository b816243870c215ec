// The agency picker's search field (agencies/picker.py): shown only when this script runs.
// The first time it is used, it loads every agency of the list (its name and parent's, by
// the value the select sends) from the picker's data-source; typing or choosing a name so
// loaded selects that agency, adding it to the select when the select lists only one
// branch of the tree.
(function () {
  function enhance(picker) {
    var select = picker.querySelector("select");
    var field = picker.querySelector(".agency-search");
    var input = field.querySelector("input");
    var names = field.querySelector("datalist");
    var loaded = null;
    field.hidden = false;

    function load() {
      loaded = loaded || fetch(picker.dataset.source, { credentials: "same-origin" })
        .then(function (answer) { return answer.json(); })
        .then(function (body) {
          var byLabel = {};
          body.choices.forEach(function (choice) {
            byLabel[choice[1]] = choice[0];
            var option = document.createElement("option");
            option.value = choice[1];
            names.appendChild(option);
          });
          return byLabel;
        });
      return loaded;
    }

    function choose() {
      var typed = input.value;
      load().then(function (byLabel) {
        if (!Object.prototype.hasOwnProperty.call(byLabel, typed)) return;
        var value = byLabel[typed];
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        if (!known) select.add(new Option(typed, value));
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", choose);
  }

  document.querySelectorAll("[data-agency-picker]").forEach(function (picker) {
    if (picker.dataset.enhanced || !picker.querySelector(".agency-search")) return;
    picker.dataset.enhanced = "1";
    enhance(picker);
  });
})();
