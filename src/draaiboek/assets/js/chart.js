// @ts-check
// A profile chart: one row per score, a bar measured from the scale's minimum
// against the axis the page already shows (level names or numbers), and the
// value with its band written next to it. Built from HTML, not SVG, so the
// text keeps the page's font size on a phone and a screen reader reads each
// row as "label, value, band".

import { element, fixedOne, one, setText } from "./dom.js";
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
    const block = fixedOne(region, `[data-score-block="${CSS.escape(id)}"]`);
    const label = (fixedOne(block, ".db-score-label").textContent || "").replace(/:$/, "");
    const output = fixedOne(block, "[data-score]");
    const band = fixedOne(block, `[data-band-for="${CSS.escape(id)}"]`).textContent || "";
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
  const list = fixedOne(figure, "[data-chart-rows]");
  const drawnRows = /** @type {HTMLElement[]} */ ([...list.children]);
  // The rows stay and only their bar and text change: rebuilding them on every
  // answer would make the browser lay the whole result out again.
  if (drawnRows.length !== rows.length || rows.some((row, i) => drawnRows[i].dataset.chartRow !== row.id)) {
    list.replaceChildren(...rows.map((row) => chartRow(row.id)));
  }
  rows.forEach((row, i) => fillRow(/** @type {HTMLElement} */ (list.children[i]), row));
}

/** @param {string} id */
function chartRow(id) {
  const row = element("li", { class: "db-chart-row", "data-chart-row": id });
  row.append(
    element("span", { class: "db-chart-label" }),
    element("span", { class: "db-chart-track", "aria-hidden": "true" }),
    element("span", { class: "db-chart-value" }),
  );
  return row;
}

/**
 * @param {HTMLElement} row
 * @param {{id: string, label: string, share: number | null, text: string}} shown
 */
function fillRow(row, { label, share, text }) {
  setText(one(row, ".db-chart-label"), label);
  setText(one(row, ".db-chart-value"), text);
  const track = one(row, ".db-chart-track");
  const bar = track.querySelector(".db-chart-bar");
  // No value, no bar: an empty track is not a bar of length zero.
  if (share === null) bar?.remove();
  else if (bar instanceof HTMLElement) bar.style.width = `${share * 100}%`;
  else {
    const added = element("span", { class: "db-chart-bar" });
    added.style.width = `${share * 100}%`;
    track.append(added);
  }
}
