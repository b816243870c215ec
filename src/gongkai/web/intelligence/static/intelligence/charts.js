// The chart of a chart page (chart_page.html), drawn by the vendored ECharts from the rows
// in the page's JSON data element — the same rows as its data table, which stays the page
// without JavaScript. Buttons switch between the chart and the table and download the chart
// as a PNG image (drawn in the browser; nothing is sent anywhere).
(function () {
  "use strict";

  function column(rows, index) {
    return rows.map(function (row) { return row[index]; });
  }

  function line(data) {
    var axes = data.axes;
    return {
      tooltip: { trigger: "axis" },
      grid: { containLabel: true, left: 16, right: 48, top: 48 },
      xAxis: { type: "category", name: data.columns[axes.x], data: column(data.rows, axes.x).map(String) },
      yAxis: { type: "value", name: data.columns[axes.y], nameTextStyle: { align: "left" } },
      series: [{ type: "line", name: data.columns[axes.y], data: column(data.rows, axes.y), connectNulls: false }]
    };
  }

  function pie(data) {
    var axes = data.axes;
    var parts = data.rows.filter(function (row) { return row[axes.value] !== null; })
      .map(function (row) { return { name: row[axes.name], value: row[axes.value] }; });
    return {
      tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
      legend: { bottom: 0 },
      series: [{ type: "pie", name: data.columns[axes.value], radius: ["30%", "65%"], data: parts,
                 label: { formatter: "{b}\n{c}（{d}%）" } }]
    };
  }

  function bar(data) {
    var axes = data.axes;
    var rows = data.rows.filter(function (row) { return row[axes.value] !== null; }).reverse();
    var option = {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { containLabel: true, left: 16, right: 48, bottom: 48 },
      xAxis: { type: "value", name: data.columns[axes.value], nameLocation: "middle", nameGap: 28 },
      yAxis: { type: "category", data: column(rows, axes.name) },
      series: [{ type: "bar", name: data.columns[axes.value], data: column(rows, axes.value),
                 label: { show: true, position: "right" } }]
    };
    if (rows.length > 25) {
      option.dataZoom = [{ type: "slider", yAxisIndex: 0, startValue: rows.length - 25, endValue: rows.length - 1 }];
    }
    return option;
  }

  function unique(values) {
    return values.filter(function (value, index) { return values.indexOf(value) === index; });
  }

  function heatmap(data) {
    var axes = data.axes;
    var years = unique(column(data.rows, axes.x)).sort().map(String);
    var names = unique(column(data.rows, axes.y)).reverse();
    var cells = data.rows.map(function (row) {
      return [years.indexOf(String(row[axes.x])), names.indexOf(row[axes.y]), row[axes.value]];
    });
    var most = Math.max.apply(null, column(data.rows, axes.value).concat([1]));
    return {
      tooltip: { position: "top" },
      grid: { containLabel: true, left: 16, right: 48, bottom: 64 },
      xAxis: { type: "category", name: data.columns[axes.x], data: years, splitArea: { show: true } },
      yAxis: { type: "category", data: names, splitArea: { show: true } },
      visualMap: { min: 0, max: most, calculable: true, orient: "horizontal", left: "center", bottom: 0,
                   inRange: { color: ["#f7fbff", "#fdae61", "#b2182b"] } },
      series: [{ type: "heatmap", name: data.columns[axes.value], data: cells, label: { show: true } }]
    };
  }

  var DRAWINGS = { line: line, pie: pie, bar: bar, heatmap: heatmap };

  function show(which, tools, figure, table) {
    figure.hidden = which !== "chart";
    table.hidden = which !== "table";
    tools.querySelectorAll("[data-show]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.show === which));
    });
  }

  function download(chart, filename) {
    var link = document.createElement("a");
    link.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function start() {
    var source = document.getElementById("chart-data");
    var holder = document.getElementById("chart");
    if (!source || !holder || typeof echarts === "undefined") return;
    var data = JSON.parse(source.textContent);
    if (!data.rows.length || !DRAWINGS[data.drawing]) return;
    var figure = holder.closest("figure");
    var table = document.getElementById("chart-table");
    var tools = document.querySelector(".chart-tools");
    if (data.drawing === "heatmap" && data.rows.length > 60) holder.classList.add("tall");
    tools.hidden = false;
    show("chart", tools, figure, table);
    var chart = echarts.init(holder, null, { renderer: "canvas" });
    chart.on("finished", function () { holder.dataset.rendered = "true"; });
    chart.setOption(Object.assign({ animation: false }, DRAWINGS[data.drawing](data)));
    window.addEventListener("resize", function () { chart.resize(); });
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.show) show(button.dataset.show, tools, figure, table);
      if (button.dataset.download) {
        if (figure.hidden) show("chart", tools, figure, table);
        download(chart, data.filename);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
