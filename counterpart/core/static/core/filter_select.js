// A select of organizations or regions (core.widgets.NamedSelect) gets a box before it that
// narrows its options as one types: every word must be in an option's names, pinyin or code.
(function () {
  function fold(text) { return text.normalize("NFKC").toLowerCase(); }
  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[data-filter]"), function (select) {
      if (select.dataset.filtered) return;
      select.dataset.filtered = "yes";
      var box = document.createElement("input");
      box.type = "search";
      box.autocomplete = "off";
      box.className = "select-filter";
      box.placeholder = select.dataset.filter;
      box.setAttribute("aria-label", select.dataset.filter);
      box.setAttribute("aria-controls", select.id);
      select.parentNode.insertBefore(box, select);
      box.addEventListener("input", function () {
        var words = fold(box.value).split(/\s+/).filter(Boolean);
        Array.prototype.forEach.call(select.options, function (option) {
          var text = option.dataset.words || fold(option.text);
          option.hidden = !(!option.value || option.selected || words.every(function (word) {
            return text.indexOf(word) >= 0;
          }));
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
