// On a phone the navigation folds behind its button; without scripts it simply shows.
(function () {
  var header = document.querySelector("header.top");
  var button = document.querySelector(".menu-toggle");
  if (!header || !button) return;
  button.hidden = false;
  header.classList.add("folded");
  button.addEventListener("click", function () {
    var folded = header.classList.toggle("folded");
    button.setAttribute("aria-expanded", folded ? "false" : "true");
  });
})();
