// The ranking editor: reorder posts by dragging, or with the buttons (keyboard and screen
// readers); the hidden inputs of the ranked list, in their order, are what the form sends.
(function () {
  const ranked = document.getElementById("ranked");
  const candidates = document.getElementById("candidates");
  const status = document.getElementById("ranking-status");
  if (!ranked || !candidates) return;

  function refresh(item, message) {
    ranked.querySelectorAll("input[name=post]").forEach((input) => (input.disabled = false));
    candidates.querySelectorAll("input[name=post]").forEach((input) => (input.disabled = true));
    ranked.querySelectorAll(".rank-item").forEach((li, i) => (li.dataset.position = i + 1));
    if (message && status) status.textContent = message;
    if (item) item.classList.add("moved");
  }

  function announce(item) {
    const position = Array.prototype.indexOf.call(ranked.children, item) + 1;
    return `${item.dataset.title}: ${position} / ${ranked.children.length}`;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    const item = button.closest(".rank-item");
    const move = button.dataset.move;
    if (move === "up" && item.previousElementSibling) {
      ranked.insertBefore(item, item.previousElementSibling);
    } else if (move === "down" && item.nextElementSibling) {
      ranked.insertBefore(item.nextElementSibling, item);
    } else if (move === "remove") {
      candidates.prepend(item);
      refresh(null, `${item.dataset.title}: −`);
      item.querySelector("button[data-move=add]").focus();
      return;
    } else if (move === "add") {
      ranked.append(item);
    }
    refresh(item, announce(item));
    const again = item.querySelector(`button[data-move=${move === "add" ? "up" : move}]`);
    if (again) again.focus();
  });

  let dragged = null;
  document.addEventListener("dragstart", (event) => {
    dragged = event.target.closest(".rank-item");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  ranked.addEventListener("dragover", (event) => {
    if (!dragged) return;
    event.preventDefault();
    const over = event.target.closest(".rank-item");
    if (!over || over === dragged) {
      if (!over) ranked.append(dragged);
      return;
    }
    const box = over.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    ranked.insertBefore(dragged, after ? over.nextElementSibling : over);
  });
  ranked.addEventListener("drop", (event) => {
    event.preventDefault();
    if (dragged) refresh(dragged, announce(dragged));
    dragged = null;
  });
  document.addEventListener("dragend", () => (dragged = null));
  refresh();
})();
