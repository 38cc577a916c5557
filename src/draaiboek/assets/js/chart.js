// @ts-check
// A profile chart: one row per score, a bar measured from the scale's minimum
// against the axis the page already shows (level names or numbers), and the
// value with its band written next to it. Built from HTML, not SVG, so the
// text keeps the page's font size on a phone and a screen reader reads each
// row as "label, value, band".

import { element, one, replaceIfChanged } from "./dom.js";
import { formatNumber } from "./format.js";
import { TEXT } from "./text.js";

/** @typedef {import("./scorer.js").Result} Result */

/**
 * Draw the rows of one chart from the scores the result region already holds.
 * @param {HTMLElement} figure the `[data-chart]` figure
 * @param {Result} result
 */
export function drawChart(figure, result) {
  const region = /** @type {HTMLElement} */ (figure.closest("[data-result]"));
  const ids = (figure.dataset.chartScores || "").split(" ");
  // A shared axis when the chart has one, else each score's own range.
  const shared = figure.dataset.chartMax !== undefined;
  const rows = ids.map((id) => {
    const block = one(region, `[data-score-block="${CSS.escape(id)}"]`);
    const label = (one(block, ".db-score-label").textContent || "").replace(/:$/, "");
    const output = one(block, "[data-score]");
    const band = one(block, `[data-band-for="${CSS.escape(id)}"]`).textContent || "";
    const value = result.scores[id]?.value;
    const min = Number((shared ? figure.dataset.chartMin : output.dataset.min) ?? 0);
    const max = Number((shared ? figure.dataset.chartMax : output.dataset.max) ?? NaN);
    // A value on the minimum is drawn as the baseline alone: the axis names it.
    const share =
      typeof value === "number" && Number.isFinite(max) && max > min
        ? Math.min(1, Math.max(0, (value - min) / (max - min)))
        : null;
    let shown = output.textContent || "–";
    if (!shared && shown !== "–" && Number.isFinite(max)) shown = `${shown} ${TEXT.chartOf(formatNumber(max, null))}`;
    return { id, label, share, text: band && shown !== "–" ? `${shown} · ${band}` : shown };
  });
  replaceIfChanged(one(figure, "[data-chart-rows]"), JSON.stringify(rows), () => rows.map(chartRow));
}

/** @param {{id: string, label: string, share: number | null, text: string}} row */
function chartRow({ id, label, share, text }) {
  const track = element("span", { class: "db-chart-track", "aria-hidden": "true" });
  if (share !== null) {
    const bar = element("span", { class: "db-chart-bar" });
    bar.style.width = `${share * 100}%`;
    track.append(bar);
  }
  const row = element("li", { class: "db-chart-row", "data-chart-row": id });
  row.append(element("span", { class: "db-chart-label" }, label), track, element("span", { class: "db-chart-value" }, text));
  return row;
}
