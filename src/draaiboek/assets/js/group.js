// @ts-check
// The group page `instrumenten/<id>/groep/`: a trainer loads the answer files
// of a workshop's participants (envelopes or bundles, chosen or dropped) and
// sees the scorer's anonymous group overview (draaiboek_scoring.group, the
// same code as `draaiboek group`). Only the overview is shown: the page never
// displays a label, assessor, date or free text of a file, and below the
// minimum group size nothing but the count.

import { assetUrl } from "./base.js";
import { element, one } from "./dom.js";
import { formatNumber } from "./format.js";
import { mountQrScan } from "./qrscan.js";
import { isMapping } from "./records.js";
import { scorer } from "./scorer.js";
import { TEXT } from "./text.js";

/** @typedef {import("./records.js").Envelope} Envelope */
/** @typedef {{items: Map<string, any>, scores: Map<string, string>, bands: Map<string, Map<string, string>>, flags: Map<string, string>, outcomes: Map<string, string>}} Labels */

// The page's own strings (Dutch, plain language) live here, next to the only
// code that uses them.
const GROUP_TEXT = {
  none: "Nog geen antwoorden geladen.",
  loaded: (/** @type {number} */ n, /** @type {number} */ skipped) =>
    `${n} ${n === 1 ? "ingevuld formulier" : "ingevulde formulieren"} geladen.` +
    (skipped ? ` ${skipped} ${skipped === 1 ? "bestand hoorde" : "bestanden hoorden"} niet bij dit instrument of ${skipped === 1 ? "was" : "waren"} onleesbaar en ${skipped === 1 ? "werd" : "werden"} overgeslagen.` : ""),
  suppressed: (/** @type {number} */ n, /** @type {number} */ min) =>
    `${n} ${n === 1 ? "ingevuld formulier" : "ingevulde formulieren"}. Het overzicht verschijnt vanaf ${min} formulieren, zodat niemand te herkennen is.`,
  count: (/** @type {number} */ n) => `Aantal deelnemers: ${n}`,
  questions: "Antwoorden per vraag",
  scores: "Scores",
  flags: "Aandachtspunten",
  outcomes: "Uitkomsten",
  answered: (/** @type {number} */ n) => `${n} ${n === 1 ? "antwoord" : "antwoorden"}`,
  spread: (/** @type {string} */ median, /** @type {string} */ min, /** @type {string} */ max, /** @type {string} */ mean) =>
    `mediaan ${median}, van ${min} tot ${max} (gemiddelde ${mean})`,
  pending: (/** @type {number} */ n) => `Nog geen uitkomst: ${n}`,
  raised: (/** @type {number} */ n, /** @type {number} */ of) => `${n} van ${of}`,
  noFlags: "Geen aandachtspunten.",
};

/**
 * Mount one `[data-group]` page.
 * @param {HTMLElement} root
 */
export function mountGroup(root) {
  root.dataset.mounted = "";
  const instrument = root.dataset.instrument || "";
  const minGroup = Number(root.dataset.minGroup) || 3;
  const definition = assetUrl(`instruments/${root.dataset.definition}`).href;
  /** @type {Envelope[]} */
  const records = [];
  let skipped = 0;
  /** @type {Promise<Labels>} */
  const labels = fetch(definition).then((response) => response.json()).then(readLabels, () => emptyLabels());
  const status = one(root, "[data-group-status]");
  const output = one(root, "[data-group-output]");
  const run = () => showGroup(definition, records, skipped, minGroup, status, output, labels);
  /** @param {Iterable<File>} files */
  const load = async (files) => {
    for (const file of files) {
      const found = await readEnvelopes(file);
      const ours = found.filter((envelope) => envelope.instrument === instrument);
      if (!ours.length) skipped += 1;
      records.push(...ours);
    }
    run();
  };
  const input = /** @type {HTMLInputElement} */ (one(root, 'input[data-action="group-import"]'));
  input.addEventListener("change", async () => {
    await load([...(input.files || [])]);
    input.value = "";
  });
  one(root, 'button[data-action="group-clear"]').addEventListener("click", () => {
    records.length = 0;
    skipped = 0;
    output.replaceChildren();
    status.textContent = GROUP_TEXT.none;
  });
  // Files dropped anywhere on the page count, not only on the small input.
  root.addEventListener("dragover", (event) => event.preventDefault());
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    load([...(event.dataTransfer?.files || [])]);
  });
  mountQrScan(root, (envelopes) => {
    records.push(...envelopes.filter((envelope) => envelope.instrument === instrument));
    run();
  });
  scorer.listeners.add((state) => {
    if (state === "ready" && records.length) run();
  });
  scorer.start();
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

/** @returns {Labels} */
function emptyLabels() {
  return { items: new Map(), scores: new Map(), bands: new Map(), flags: new Map(), outcomes: new Map() };
}

/**
 * Item texts, option labels and score/flag/outcome titles from the compiled
 * definition, so the overview speaks the form's words rather than its ids.
 * @param {any} data
 * @returns {Labels}
 */
function readLabels(data) {
  const labels = emptyLabels();
  /** @param {any} entry */
  const title = (entry) => String(entry.label || entry.title || entry.id);
  for (const item of data.items || []) {
    const options = new Map((item.options || []).map((/** @type {any} */ o) => [String(o.value), String(o.label ?? o.value)]));
    labels.items.set(item.id, { text: String(item.text || item.id), options });
  }
  for (const score of data.scores || []) {
    labels.scores.set(score.id, title(score));
    labels.bands.set(score.id, new Map((score.bands || []).map((/** @type {any} */ band) => [String(band.id), title(band)])));
  }
  // A flag has no title of its own (FORMAT.md): its message names it.
  for (const flag of data.flags || []) labels.flags.set(flag.id, flag.message ? plainText(String(flag.message)) : title(flag));
  for (const outcome of data.outcomes || []) labels.outcomes.set(outcome.id, title(outcome));
  return labels;
}

/**
 * A Markdown message as plain text for a table cell: link text without its
 * address, no emphasis or code marks.
 * @param {string} markdown
 */
function plainText(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * @param {string} definition
 * @param {Envelope[]} records
 * @param {number} skipped
 * @param {number} minGroup
 * @param {HTMLElement} status
 * @param {HTMLElement} output
 * @param {Promise<Labels>} labels
 */
async function showGroup(definition, records, skipped, minGroup, status, output, labels) {
  if (!records.length) {
    output.replaceChildren();
    status.textContent = skipped ? GROUP_TEXT.loaded(0, skipped) : GROUP_TEXT.none;
    return;
  }
  if (scorer.state !== "ready") {
    status.textContent = TEXT.loading;
    return;
  }
  const reply = await scorer.run("group", definition, { records, min_group: minGroup });
  if (!reply.ok) {
    output.replaceChildren();
    status.textContent = TEXT.scoringError(reply.problems.map((problem) => problem.message).join("; "));
    return;
  }
  const result = reply.result;
  status.textContent = GROUP_TEXT.loaded(result.n, skipped);
  const count = element("p", { class: "db-group-n", "data-group-n": "", "data-value": JSON.stringify(result.n), "data-present-slide": "" }, GROUP_TEXT.count(result.n));
  if (result.suppressed) {
    const note = element("p", { class: "db-group-suppressed", "data-group-suppressed": "", "data-present-slide": "" }, GROUP_TEXT.suppressed(result.n, minGroup));
    output.replaceChildren(count, note);
    return;
  }
  output.replaceChildren(count, ...overview(result, await labels));
}

/**
 * @param {any} result the scorer's group overview
 * @param {Labels} labels
 * @returns {HTMLElement[]}
 */
function overview(result, labels) {
  /** @type {HTMLElement[]} */
  const parts = [];
  const scores = Object.entries(/** @type {Record<string, any>} */ (result.scores || {}));
  if (scores.length) {
    const section = element("section", { class: "db-group-part", "data-present-slide": "" });
    section.append(element("h2", {}, GROUP_TEXT.scores));
    for (const [id, score] of scores) {
      const block = element("div", {
        class: "db-group-score",
        "data-group-score": id,
        "data-mean": JSON.stringify(score.mean),
        "data-median": JSON.stringify(score.median),
        "data-min": JSON.stringify(score.min),
        "data-max": JSON.stringify(score.max),
      });
      block.append(element("h3", {}, labels.scores.get(id) || id));
      block.append(element("p", {}, score.n ? GROUP_TEXT.spread(number(score.median), number(score.min), number(score.max), number(score.mean)) : GROUP_TEXT.answered(0)));
      if (score.bands && Object.keys(score.bands).length) block.append(bars(score.bands, score.n, (band) => labels.bands.get(id)?.get(band) || band));
      section.append(block);
    }
    parts.push(section);
  }
  const outcomes = /** @type {Record<string, number>} */ (result.outcomes || {});
  if (Object.keys(outcomes).length) {
    const section = element("section", { class: "db-group-part", "data-group-outcomes": "", "data-present-slide": "" });
    section.append(element("h2", {}, GROUP_TEXT.outcomes));
    section.append(bars(outcomes, result.n, (id) => labels.outcomes.get(id) || id));
    if (result.outcome_pending) section.append(element("p", {}, GROUP_TEXT.pending(result.outcome_pending)));
    parts.push(section);
  }
  const flags = /** @type {Record<string, number>} */ (result.flags || {});
  if (Object.keys(flags).length) {
    const section = element("section", { class: "db-group-part", "data-group-flags": "", "data-present-slide": "" });
    section.append(element("h2", {}, GROUP_TEXT.flags));
    section.append(bars(flags, result.n, (id) => labels.flags.get(id) || id));
    parts.push(section);
  }
  const items = Object.entries(/** @type {Record<string, any>} */ (result.items || {}));
  if (items.length) {
    const section = element("section", { class: "db-group-part" });
    section.append(element("h2", {}, GROUP_TEXT.questions));
    for (const [id, item] of items) {
      const known = labels.items.get(id);
      const block = element("div", { class: "db-group-item", "data-group-item": id, "data-n": JSON.stringify(item.n), "data-present-slide": "" });
      block.append(element("h3", {}, known ? known.text : id));
      if (item.counts) {
        block.append(bars(item.counts, item.n, (value) => (known && known.options.get(value)) || value));
      } else if (typeof item.median === "number") {
        block.append(element("p", {}, `${GROUP_TEXT.answered(item.n)}; ${GROUP_TEXT.spread(number(item.median), number(item.min), number(item.max), number(item.mean))}`));
      } else {
        block.append(element("p", {}, GROUP_TEXT.answered(item.n)));
      }
      section.append(block);
    }
    parts.push(section);
  }
  return parts;
}

/** @param {unknown} value */
function number(value) {
  return typeof value === "number" ? formatNumber(value, null) : "–";
}

/**
 * Counts as horizontal bars: a table, so a screen reader reads label and
 * count together; the bar itself is decoration (its width is the share).
 * @param {Record<string, number>} counts
 * @param {number} total
 * @param {(key: string) => string} label
 */
function bars(counts, total, label) {
  const table = element("table", { class: "db-group-bars" });
  for (const [key, count] of Object.entries(counts)) {
    const row = element("tr", { "data-count-key": key, "data-count": JSON.stringify(count) });
    row.append(element("th", { scope: "row" }, label(key)));
    const cell = element("td");
    const bar = element("span", { class: "db-group-bar", "aria-hidden": "true" });
    // Every bar on the same track: the cell less room for the count, so a
    // full bar keeps its count on the same line.
    bar.style.width = `calc((100% - 3em) * ${total ? Math.round((count / total) * 1000) / 1000 : 0})`;
    cell.append(bar, element("span", { class: "db-group-count" }, String(count)));
    row.append(cell);
    table.append(row);
  }
  return table;
}
