// Show only the applicant fields that apply: a natural person's identity document, or an
// organisation's code and contact — neither until the applicant type is chosen. The
// stylesheet does the same with :has() (gongkai.css), so this is for browsers without it;
// with neither, both groups stay visible, each under its own heading.
document.querySelectorAll(".application-form").forEach(function (form) {
  function update() {
    var checked = form.querySelector("input[name$=applicant_type]:checked");
    var type = checked ? checked.value : "";
    form.querySelectorAll(".person-only").forEach(function (el) {
      el.hidden = type !== "natural";
    });
    form.querySelectorAll(".organisation-only").forEach(function (el) {
      el.hidden = type === "" || type === "natural";
    });
  }
  form.addEventListener("change", update);
  update();
});

// A form sent back with problems opens on its error summary, whose links lead to the fields.
var summary = document.getElementById("error-summary");
if (summary) {
  summary.focus();
}
