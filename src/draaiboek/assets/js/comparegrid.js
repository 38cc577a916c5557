// @ts-check
// Rubric grids on the comparison page: per section the scorer compares on
// levels (a rubric grid or a single scale, the sections of `agreement`),
// every indicator with each record's level, the rows that differ marked in
// words and with a sign (not by colour alone).

import { answerText } from "./consensus.js";
import { element } from "./dom.js";
import { TEXT } from "./text.js";

/** @typedef {import("./consensus.js").ItemText} ItemText */

/**
 * @param {object} context
 * @param {Record<string, {values: unknown[], differ: boolean}>} context.items the scorer's items
 * @param {string[]} context.sections the sections with agreement figures
 * @param {string[]} context.names the compared records' names, in the order of the values
 * @param {Map<string, ItemText>} context.texts
 * @param {Map<string, string>} context.titles section titles
 */
export function levelTables({ items, sections, names, texts, titles }) {
  const tables = [];
  for (const section of sections) {
    const rows = Object.entries(items).filter(([id]) => texts.get(id)?.section === section);
    if (!rows.length) continue;
    const scroll = element("div", { class: "db-table-scroll" });
    const table = element("table", { class: "db-compare-levels", "data-compare-levels": section });
    const head = element("tr");
    head.append(element("th", { scope: "col" }, TEXT.compareIndicator));
    for (const name of names) head.append(element("th", { scope: "col" }, name));
    head.append(element("th", { scope: "col" }, TEXT.compareSame));
    table.append(element("caption", {}, TEXT.compareLevels(titles.get(section) || section)), head);
    for (const [id, item] of rows) {
      const row = element("tr", { "data-compare-level": id });
      if (item.differ) row.dataset.differ = "";
      row.append(element("th", { scope: "row" }, texts.get(id)?.text || id));
      for (const value of item.values) row.append(element("td", {}, answerText(value, texts.get(id))));
      row.append(element("td", {}, item.differ ? `≠ ${TEXT.compareDiffers}` : TEXT.compareAgrees));
      table.append(row);
    }
    scroll.append(table);
    tables.push(scroll);
  }
  return tables;
}
