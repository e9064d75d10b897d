// Draws the charts whose data the page embeds with json_script; works with no network.
(function () {
  const colours = ["#b42318", "#0b5cad", "#126b3a", "#8d6e00", "#6b3fa0"];
  const source = document.getElementById("pairings-chart-data");
  const canvas = document.getElementById("pairings-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map((set, i) => ({
        label: set.label, data: set.data, backgroundColor: colours[i % colours.length],
      })),
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: "bottom" } },
    },
  });
  canvas.dataset.rendered = "true";
})();
