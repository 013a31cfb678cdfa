// The region form of /instansi/{id}/pengaturan: the regency/city list shows only the chosen province's.
// Without this script every regency is listed, grouped by province; the server checks the pair either way.
(function () {
  "use strict";
  var province = document.querySelector("[data-region-province]");
  var regency = document.querySelector("[data-region-regency]");
  if (!province || !regency) {
    return;
  }
  function filter() {
    var chosen = province.value;
    regency.querySelectorAll("optgroup").forEach(function (group) {
      var show = group.getAttribute("data-province") === chosen;
      group.hidden = !show;
      group.disabled = !show;
    });
    var selected = regency.options[regency.selectedIndex];
    if (selected && selected.parentElement && selected.parentElement.tagName === "OPTGROUP" && selected.parentElement.disabled) {
      regency.value = regency.options[0].value;
    }
  }
  province.addEventListener("change", filter);
  filter();
})();
