// A select whose options are refreshed (the projects of the pairing just chosen, a search's
// results) keeps the person's choice when the new options still offer it.
(function () {
  var kept = new WeakMap();
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.tagName === "SELECT") kept.set(target, target.value);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.tagName !== "SELECT" || !kept.has(target)) return;
    var value = kept.get(target);
    kept.delete(target);
    if (!value) return;
    for (var i = 0; i < target.options.length; i++) {
      if (target.options[i].value === value) {
        target.value = value;
        return;
      }
    }
  });
})();
