// Draws the charts whose data the page embeds with json_script; works with no network.
// Their words in the page's own fonts (the self-hosted Chinese and Uyghur ones among them).
if (typeof Chart !== "undefined") Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

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
      scales: window.chartDirection.scales({
        x: { stacked: true, ticks: { precision: 0 } },
        y: { stacked: true },
      }),
      plugins: { legend: { position: "bottom" } },
    },
  });
  canvas.dataset.rendered = "true";
})();

// Dashboard charts: each <canvas data-chart="slug"> draws the JSON of <script id="slug">.
(function () {
  if (typeof Chart === "undefined") return;
  const colours = ["#0b5cad", "#126b3a", "#8d6e00", "#b42318", "#6b3fa0"];
  // A canvas asks for no font file itself: the glyphs of its words are loaded first.
  const family = Chart.defaults.font.family;
  function glyphsOf(data) {
    const text = [...data.labels, ...data.datasets.map((set) => set.label)].join(" ");
    const loading = ["12px", "bold 12px"].map((size) => document.fonts.load(`${size} ${family}`, text));
    return Promise.all(loading).catch(() => null);
  }
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    glyphsOf(data).then(() => draw(canvas, data));
  });
  function draw(canvas, data) {
    const kind = canvas.dataset.kind;
    const share = kind === "share";
    new Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map((set, i) => ({
          label: set.label,
          data: set.data,
          backgroundColor: share && i === 1 ? "rgba(180,35,24,.25)" : colours[i % colours.length],
          borderColor: share && i === 1 ? "#b42318" : colours[i % colours.length],
          borderWidth: share && i === 1 ? 2 : 1,
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        indexAxis: kind === "bar" && data.labels.length > 6 ? "y" : "x",
        scales: window.chartDirection.scales(
          share
            ? { y: { min: 0, max: 100 } }
            : data.integer
              ? { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } }
              : {},
        ),
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.dataset.rendered = "true";
  }
})();
