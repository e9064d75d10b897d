// The header's search box by keyboard: "/" goes to it, the arrows move through the results
// as one types, Escape closes them and returns to the box.
(function () {
  var box = document.getElementById("search-q");
  var live = document.getElementById("search-live");
  if (!box || !live) return;
  function links() { return Array.prototype.slice.call(live.querySelectorAll("a")); }
  function close() { live.innerHTML = ""; box.focus(); }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (event.key === "/" && !typing) { event.preventDefault(); box.focus(); }
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
    if (event.key === "Escape") close();
  });
  live.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : box).focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".search-box")) live.innerHTML = "";
  });
})();
