// Charts read in the page's direction: in Uyghur (right to left) legends and tooltips run right
// to left, the x axis starts on the right and the y axis stands there; labels use the page's font.
(function () {
  if (typeof Chart === "undefined") return;
  const rtl = document.documentElement.dir === "rtl";
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.plugins.legend.rtl = rtl;
  Chart.defaults.plugins.tooltip.rtl = rtl;
  window.chartDirection = {
    rtl,
    // A chart's scales with the direction's: x reversed and y on the right when rtl.
    scales(scales) {
      const x = Object.assign({}, (scales || {}).x, { reverse: rtl });
      const y = Object.assign({}, (scales || {}).y, { position: rtl ? "right" : "left" });
      return Object.assign({}, scales, { x, y });
    },
  };
})();
