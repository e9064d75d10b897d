// "Print or save as PDF": the browser's print dialogue, with the page's print styles (A4, page
// numbers, when and from where it was printed).
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
