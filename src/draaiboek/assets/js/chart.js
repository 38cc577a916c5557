// @ts-check
// A simple profile chart: one bar per score, values written next to the bars.

import { one } from "./dom.js";

/** @typedef {import("./scorer.js").Result} Result */

const ROW_HEIGHT = 34;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;

// The chart's <svg> is in the page already (the HTML parser gives it the SVG
// namespace); new shapes take their namespace from it.
/**
 * @param {SVGSVGElement} chart
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 */
function svg(chart, tag, attributes, text = "") {
  const node = document.createElementNS(chart.namespaceURI, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text) node.textContent = text;
  return node;
}

/**
 * Draw the bars of one chart from the scores the result region already shows.
 * @param {HTMLElement} figure the `[data-chart]` figure
 * @param {Result} result
 */
export function drawChart(figure, result) {
  const region = /** @type {HTMLElement} */ (figure.closest("[data-result]"));
  const ids = (figure.dataset.chartScores || "").split(" ");
  const chart = /** @type {SVGSVGElement} */ (figure.querySelector("svg"));
  chart.setAttribute("viewBox", `0 0 ${LABEL_WIDTH + BAR_WIDTH + 90} ${ids.length * ROW_HEIGHT + 8}`);
  const title = svg(chart, "title", {}, one(figure, "figcaption").textContent || "");
  const rows = ids.map((id, index) => {
    const block = one(region, `[data-score-block="${CSS.escape(id)}"]`);
    const label = (one(block, ".db-score-label").textContent || "").replace(/:$/, "");
    const output = one(block, "[data-score]");
    const value = result.scores[id]?.value;
    const min = Number(output.dataset.min ?? 0);
    const max = Number(output.dataset.max ?? NaN);
    const y = index * ROW_HEIGHT + 4;
    const group = svg(chart, "g", { class: "db-chart-row" });
    group.append(svg(chart, "text", { x: 0, y: y + 20, class: "db-chart-label" }, label));
    group.append(svg(chart, "rect", { x: LABEL_WIDTH, y: y + 4, width: BAR_WIDTH, height: 22, class: "db-chart-track" }));
    if (typeof value === "number" && Number.isFinite(max) && max > min) {
      const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
      group.append(
        svg(chart, "rect", { x: LABEL_WIDTH, y: y + 4, width: share * BAR_WIDTH, height: 22, class: "db-chart-bar" }),
      );
    }
    group.append(
      svg(chart, "text", { x: LABEL_WIDTH + BAR_WIDTH + 8, y: y + 20, class: "db-chart-value" }, output.textContent || ""),
    );
    return group;
  });
  chart.replaceChildren(title, ...rows);
}
