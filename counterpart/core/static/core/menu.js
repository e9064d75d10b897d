// On a phone the navigation folds behind its button; without scripts it simply shows. The
// header's menus: one open at a time, closed by Escape (back to its name) or a click elsewhere.
(function () {
  var header = document.querySelector("header.top");
  var button = document.querySelector(".menu-toggle");
  if (header && button) {
    button.hidden = false;
    header.classList.add("folded");
    button.addEventListener("click", function () {
      var folded = header.classList.toggle("folded");
      button.setAttribute("aria-expanded", folded ? "false" : "true");
    });
  }
  var menus = Array.prototype.slice.call(document.querySelectorAll("details.menu"));
  menus.forEach(function (menu) {
    menu.addEventListener("toggle", function () {
      if (!menu.open) return;
      menus.forEach(function (other) { if (other !== menu) other.open = false; });
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    menus.forEach(function (menu) { if (!menu.contains(event.target)) menu.open = false; });
  });
})();
