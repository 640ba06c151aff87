// Draws the dashboard's aggregates (computed in SQL by admin_ui/dashboard.py) with Chart.js.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dashboard-data").textContent);
  var palette = ["#206bc4", "#f59f00", "#2fb344", "#d63939", "#ae3ec9", "#17a2b8", "#6c7a91"];
  // Chart.js's own font stack has no CJK font: prefer Noto CJK where the OS has it.
  Chart.defaults.font.family = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif";
  Chart.defaults.animation = false; // render at once: screenshots and slow machines

  function draw(id, type, series, options) {
    var canvas = document.getElementById(id);
    if (!canvas || !series) return;
    new Chart(canvas, {
      type: type,
      data: {
        labels: series.labels,
        datasets: [{
          data: series.values,
          backgroundColor: type === "bar" ? palette[0] : palette.slice(0, series.values.length),
        }],
      },
      options: Object.assign({
        responsive: true,
        maintainAspectRatio: false, // the box sets the height
        plugins: { legend: { display: type !== "bar", position: "right" } },
      },
        options || {}),
    });
    canvas.dataset.rendered = "true";
  }

  var integers = { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
  draw("chart-by-status", "doughnut", data.byStatus);
  draw("chart-overdue", "bar", data.overdue, integers);
  draw("chart-lead-time", "bar", data.leadTime, { scales: { y: { beginAtZero: true } } });
  draw("chart-board", "doughnut", data.board);

  // Choosing a requirement shows its board (a listener: the CSP refuses inline handlers).
  var chooser = document.getElementById("board-requirement");
  if (chooser) chooser.addEventListener("change", function () { chooser.form.submit(); });
})();
