// An institution's terms of service as floating bars, one row per post (Chart.js, offline).
(function () {
  const source = document.getElementById("timeline-data");
  const canvas = document.getElementById("timeline");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const day = 86400000;
  const asDate = (days) => new Date(days * day).toISOString().slice(0, 10);
  const starts = data.bars.map((bar) => bar.start);
  const ends = data.bars.map((bar) => bar.end);
  const margin = 45; // days either side of the first start and the last end
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: canvas.dataset.label,
          data: data.bars.map((bar) => ({ x: [bar.start, bar.end], y: data.labels[bar.row], text: bar.label })),
          backgroundColor: data.bars.map((bar) => (bar.extended ? "#8d6e00" : "#0b5cad")),
          borderSkipped: false,
          barPercentage: 0.6,
        },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      parsing: { xAxisKey: "x", yAxisKey: "y" },
      scales: window.chartDirection.scales({
        x: {
          type: "linear",
          min: Math.min(...starts) - margin,
          max: Math.max(...ends) + margin,
          ticks: { callback: (value) => asDate(value).slice(0, 7) },
        },
      }),
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (context) => context.raw.text } },
      },
    },
  });
  canvas.dataset.rendered = "true";
})();
