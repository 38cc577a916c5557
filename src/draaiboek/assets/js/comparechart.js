// @ts-check
// The profiles of the compared records drawn over each other: per chart name
// (scores with the same `chart`), one SVG with a bar per record for every
// score, a legend, and the values in words as the text alternative. Records
// are told apart by their number next to each bar and a different fill, never
// by colour alone.

import { element } from "./dom.js";
import { formatNumber } from "./format.js";
import { TEXT } from "./text.js";

/** @typedef {{label: string, chart: string | null, min: number | null, max: number | null, decimals: number | null}} ScoreText */

// The SVG namespace, taken from the HTML parser (so that our files name no address).
const holder = document.createElement("div");
holder.innerHTML = "<svg></svg>";
const SVG = holder.firstElementChild?.namespaceURI || "";
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;
const BAR_HEIGHT = 14;
const GAP = 12;

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 */
function svg(tag, attributes, text = "") {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text) node.textContent = text;
  return node;
}

/**
 * One figure per chart name.
 * @param {Record<string, {values: unknown[]}>} scores the scorer's comparison of scores
 * @param {Map<string, ScoreText>} texts
 * @param {string[]} names the records' names, in the order of the values
 * @param {string} idPrefix
 */
export function profileCharts(scores, texts, names, idPrefix) {
  /** @type {Map<string, string[]>} */
  const charts = new Map();
  for (const id of Object.keys(scores)) {
    const chart = texts.get(id)?.chart;
    if (chart) charts.set(chart, [...(charts.get(chart) || []), id]);
  }
  return [...charts].map(([chart, ids], index) => figure(chart, ids, scores, texts, names, `${idPrefix}-chart-${index}`));
}

/**
 * @param {string} chart
 * @param {string[]} ids
 * @param {Record<string, {values: unknown[]}>} scores
 * @param {Map<string, ScoreText>} texts
 * @param {string[]} names
 * @param {string} domId
 */
function figure(chart, ids, scores, texts, names, domId) {
  const box = element("figure", { class: "db-chart db-compare-chart", "data-compare-chart": chart });
  const caption = element("figcaption", { id: `${domId}-caption` }, TEXT.compareChart(chart));
  const rowHeight = names.length * (BAR_HEIGHT + 2) + GAP;
  const picture = svg("svg", {
    class: "db-chart-svg",
    role: "img",
    "aria-labelledby": `${domId}-caption ${domId}-desc`,
    viewBox: `0 0 ${LABEL_WIDTH + BAR_WIDTH + 110} ${ids.length * rowHeight + 4}`,
  });
  /** @type {string[]} */
  const words = [];
  for (const [row, id] of ids.entries()) {
    const text = texts.get(id);
    const label = text?.label || id;
    const top = row * rowHeight + 2;
    picture.append(svg("text", { x: 0, y: top + BAR_HEIGHT, class: "db-chart-label" }, label));
    /** @type {string[]} */
    const said = [];
    for (const [series, value] of scores[id].values.entries()) {
      const y = top + series * (BAR_HEIGHT + 2);
      picture.append(svg("rect", { x: LABEL_WIDTH, y, width: BAR_WIDTH, height: BAR_HEIGHT, class: "db-chart-track" }));
      const shown = typeof value === "number" ? formatNumber(value, text?.decimals ?? null) : "–";
      const min = text?.min ?? 0;
      const max = text?.max ?? null;
      if (typeof value === "number" && max !== null && max > min) {
        const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
        picture.append(svg("rect", { x: LABEL_WIDTH, y, width: share * BAR_WIDTH, height: BAR_HEIGHT, class: `db-chart-series db-chart-series-${series % 4}` }));
      }
      picture.append(svg("text", { x: LABEL_WIDTH + BAR_WIDTH + 6, y: y + BAR_HEIGHT - 3, class: "db-chart-value" }, `${series + 1}: ${shown}`));
      said.push(`${names[series]} ${shown}`);
    }
    words.push(`${label}: ${said.join(", ")}`);
  }
  const legend = element("ol", { class: "db-chart-legend" });
  for (const [series, name] of names.entries()) {
    const item = element("li");
    item.append(element("span", { class: `db-chart-swatch db-chart-series-${series % 4}`, "aria-hidden": "true" }), ` ${name}`);
    legend.append(item);
  }
  const description = element("p", { id: `${domId}-desc`, class: "db-visually-hidden" }, `${words.join(". ")}.`);
  box.append(caption, picture, legend, description);
  return box;
}
