// Show only the applicant fields that apply: a natural person's identity document, or an
// organisation's code and contact. Without JavaScript both groups stay visible.
document.querySelectorAll(".application-form").forEach(function (form) {
  function update() {
    var checked = form.querySelector("input[name$=applicant_type]:checked");
    var natural = !checked || checked.value === "natural";
    form.querySelectorAll(".person-only").forEach(function (el) { el.hidden = !natural; });
    form.querySelectorAll(".organisation-only").forEach(function (el) { el.hidden = natural; });
  }
  form.addEventListener("change", update);
  update();
});
