// @ts-check
// The comparison page `instrumenten/<id>/vergelijken/`: tick two or more
// records of this device and/or load files (envelopes or bundles), and see
// the scorer's comparison (draaiboek_scoring.compare): scores side by side
// with their change, the answers that differ, agreement in plain Dutch.

import { assetUrl } from "./base.js";
import { profileCharts } from "./comparechart.js";
import { levelTables } from "./comparegrid.js";
import { answerText, consensusSection } from "./consensus.js";
import { element, one } from "./dom.js";
import { formatNumber } from "./format.js";
import { isMapping, listRecords, recordName } from "./records.js";
import { scorer } from "./scorer.js";
import { KEY_PREFIX, storageArea } from "./storage.js";
import { storageKind } from "./storagechoice.js";
import { TEXT } from "./text.js";

/** @typedef {import("./records.js").Envelope} Envelope */
/** @typedef {{id: string, name: string, envelope: Envelope}} Choice */
/** @typedef {import("./consensus.js").ItemText} ItemText */
/**
 * What the page shows of the definition: item texts, option labels, score labels.
 * @typedef {{items: Map<string, ItemText>, scores: Map<string, import("./comparechart.js").ScoreText>, sections: Map<string, string>}} Texts
 */
/**
 * Where the comparison's records live and how a saved consensus opens.
 * @typedef {{store: Storage | null, base: string, instrument: string, version: number}} Place
 */

/**
 * Mount one `[data-compare]` page.
 * @param {HTMLElement} root
 */
export function mountCompare(root) {
  root.dataset.mounted = "";
  const instrument = root.dataset.instrument || "";
  const version = Number(root.dataset.version);
  const definition = assetUrl(`instruments/${root.dataset.definition}`).href;
  const store = storageArea(storageKind(root.dataset.site, root.dataset.storage));
  const base = `${KEY_PREFIX}:${root.dataset.site}:${instrument}:v${version}`;
  /** @type {Choice[]} */
  const choices = store
    ? listRecords(store, base, instrument, version).flatMap((entry) =>
        entry.envelope ? [{ id: entry.id, name: recordName(entry.envelope.meta, TEXT.unnamedRecord), envelope: entry.envelope }] : [],
      )
    : [];
  // Oldest first, so that "eerste → laatste" runs forward in time (T0 → T1).
  choices.reverse();
  const list = one(root, "[data-compare-records]");
  const status = one(root, "[data-compare-status]");
  /** @type {Place} */
  const place = { store, base, instrument, version };
  const texts = loadTexts(definition);
  const run = () => compareChosen(root, definition, texts, place, choices, status);
  const show = () => {
    list.replaceChildren(...choices.map((choice, index) => checkbox(root, choice, index, run)));
    if (!choices.length) list.append(element("p", {}, TEXT.compareNoRecords));
  };
  show();
  one(root, 'input[data-action="compare-import"]').addEventListener("change", async (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    for (const file of input.files || []) {
      for (const [index, envelope] of (await readEnvelopes(file)).entries()) {
        if (envelope.instrument !== instrument) continue;
        choices.push({ id: `file-${choices.length}`, name: `${file.name} ${index + 1}: ${recordName(envelope.meta, TEXT.unnamedRecord)}`, envelope });
      }
    }
    input.value = "";
    show();
    for (const box of list.querySelectorAll('input[data-compare-record^="file-"]')) {
      if (box instanceof HTMLInputElement) box.checked = true;
    }
    run();
  });
  scorer.listeners.add((state) => {
    if (state === "ready") run();
  });
  scorer.start();
}

/**
 * @param {HTMLElement} root
 * @param {Choice} choice
 * @param {number} index
 * @param {() => void} run
 */
function checkbox(root, choice, index, run) {
  const id = `${root.dataset.instrument}-compare-${index}`;
  const box = element("input", { type: "checkbox", id, "data-compare-record": choice.id });
  box.addEventListener("change", run);
  const line = element("p");
  line.append(box, " ", element("label", { for: id }, choice.name));
  return line;
}

/**
 * The answer sets in a file: an envelope or a bundle.
 * @param {File} file
 * @returns {Promise<Envelope[]>}
 */
async function readEnvelopes(file) {
  try {
    const data = JSON.parse(await file.text());
    const records = isMapping(data) && Array.isArray(data.records) ? data.records : [data];
    return records.filter((entry) => isMapping(entry) && isMapping(entry.answers));
  } catch {
    return [];
  }
}

/**
 * The texts of the compiled definition (the same file the scorer reads);
 * without them the page shows ids.
 * @param {string} definition
 * @returns {Promise<Texts>}
 */
async function loadTexts(definition) {
  /** @type {Texts} */
  const texts = { items: new Map(), scores: new Map(), sections: new Map() };
  try {
    const data = await (await fetch(definition)).json();
    for (const item of data.items || []) {
      const options = new Map((item.options || []).map((/** @type {any} */ option) => [String(option.value), String(option.label)]));
      texts.items.set(item.id, { text: String(item.text || item.id), section: String(item.section), options });
    }
    for (const section of data.sections || []) texts.sections.set(section.id, String(section.title || section.id));
    /** @param {unknown} value */
    const number = (value) => (typeof value === "number" ? value : null);
    for (const score of data.scores || []) {
      texts.scores.set(score.id, {
        label: String(score.label || score.id),
        chart: typeof score.chart === "string" ? score.chart : null,
        min: number(score.min),
        max: number(score.max),
        decimals: number(score.decimals),
      });
    }
  } catch {
    // The comparison itself comes from the scorer; ids stand in for texts.
  }
  return texts;
}

/**
 * @param {HTMLElement} root
 * @param {string} definition
 * @param {Promise<Texts>} texts
 * @param {Place} place
 * @param {Choice[]} choices
 * @param {HTMLElement} status
 */
async function compareChosen(root, definition, texts, place, choices, status) {
  const ticked = [...root.querySelectorAll("input[data-compare-record]:checked")].map((box) =>
    choices.find((choice) => choice.id === /** @type {HTMLElement} */ (box).dataset.compareRecord),
  );
  const chosen = /** @type {Choice[]} */ (ticked.filter(Boolean));
  const output = one(root, "[data-compare-output]");
  if (chosen.length < 2) {
    output.replaceChildren();
    status.textContent = TEXT.comparePick;
    return;
  }
  if (scorer.state !== "ready") {
    status.textContent = TEXT.loading;
    return;
  }
  const reply = await scorer.run("compare", definition, { records: chosen.map((choice) => choice.envelope) });
  if (!reply.ok) {
    output.replaceChildren();
    status.textContent = TEXT.scoringError(reply.problems.map((problem) => problem.message).join("; "));
    return;
  }
  const known = await texts;
  status.textContent = TEXT.compared(chosen.length);
  output.replaceChildren(...comparison(reply.result, chosen, known, `${root.dataset.instrument}`));
  const differ = Object.entries(/** @type {Record<string, any>} */ (reply.result.items)).filter(([, item]) => item.differ);
  if (!differ.length) return;
  const opened = (/** @type {string} */ id) => {
    try {
      // The form opens the record this tab asks for (see autosave.js).
      sessionStorage.setItem(`${place.base}:open`, id);
    } catch {
      // Then the form opens its newest record: the consensus, just saved.
    }
    // The comparison page is instrumenten/<id>/vergelijken/, the form one level up.
    location.assign(new URL("../", location.href).href);
  };
  output.append(consensusSection({ differ, chosen, items: known.items, ...place, idPrefix: `${root.dataset.instrument}`, opened }));
}

/**
 * @param {any} result the scorer's comparison
 * @param {Choice[]} chosen
 * @param {Texts} texts
 * @param {string} idPrefix for element ids
 */
function comparison(result, chosen, texts, idPrefix) {
  const scores = element("table", { class: "db-compare-scores" });
  const head = element("tr");
  head.append(element("th", { scope: "col" }, TEXT.compareScore));
  for (const choice of chosen) head.append(element("th", { scope: "col" }, choice.name));
  head.append(element("th", { scope: "col" }, TEXT.compareChange));
  scores.append(element("caption", {}, TEXT.compareScores), head);
  for (const [id, score] of Object.entries(/** @type {Record<string, any>} */ (result.scores))) {
    const row = element("tr", { "data-compare-score": id, "data-values": JSON.stringify(score.values) });
    row.append(element("th", { scope: "row" }, texts.scores.get(id)?.label || id));
    for (const value of score.values) row.append(element("td", {}, typeof value === "number" ? formatNumber(value, null) : "–"));
    const change = score.change;
    row.append(element("td", {}, typeof change === "number" ? (change > 0 ? "+" : "") + formatNumber(change, null) : "–"));
    scores.append(row);
  }
  const agreement = element("div", { class: "db-compare-agreement" });
  agreement.append(element("h2", {}, TEXT.compareAgreement));
  for (const [key, figures] of Object.entries(/** @type {Record<string, any>} */ (result.agreement))) {
    const line = element("p", {
      "data-agreement": key,
      "data-exact": JSON.stringify(figures.exact),
      "data-within-one": JSON.stringify(figures.within_one),
      "data-kappa": JSON.stringify(figures.kappa),
      "data-n-items": JSON.stringify(figures.n_items),
    });
    line.textContent = TEXT.agreementLine(key === "all" ? TEXT.compareAll : texts.sections.get(key) || key, figures);
    agreement.append(line);
  }
  const levels = levelTables({
    items: result.items,
    sections: Object.keys(result.agreement).filter((key) => key !== "all"),
    names: chosen.map((choice) => choice.name),
    texts: texts.items,
    titles: texts.sections,
  });
  agreement.append(...levels);
  const differ = Object.entries(/** @type {Record<string, any>} */ (result.items)).filter(([, item]) => item.differ);
  const items = element("div", { class: "db-compare-items" });
  items.append(element("h2", {}, TEXT.compareDiffer(differ.length)));
  const list = element("ul");
  for (const [id, item] of differ) {
    const values = item.values.map((/** @type {unknown} */ value) => answerText(value, texts.items.get(id)));
    list.append(element("li", { "data-compare-item": id }, `${texts.items.get(id)?.text || id}: ${values.join(" → ")}`));
  }
  items.append(list);
  const charts = profileCharts(result.scores, texts.scores, chosen.map((choice) => choice.name), idPrefix);
  return [scores, ...charts, agreement, items];
}
