// @ts-check
// The result region: shows what the scorer computed. Every text that can
// appear (advice, outcomes, flags) is rendered at build time; this module
// only fills in numbers and shows or hides, with textContent.

import { drawChart } from "./chart.js";
import { element, fixed, fixedOne, replaceIfChanged, setData, setHidden, setText } from "./dom.js";
import { itemsOf, itemText } from "./form.js";
import { formatNumber } from "./format.js";
import { TEXT } from "./text.js";

/** @typedef {import("./scorer.js").Result} Result */

/**
 * Apply a result to the form: hidden items and sections, progress, scores
 * and bands, the outcome, flags, highlights and charts.
 * @param {HTMLFormElement} form
 * @param {Result} result
 */
export function showResult(form, result) {
  const hidden = new Set(result.hidden);
  const hiddenSections = new Set(result.hidden_sections || []);
  const items = itemsOf(form);
  for (const node of items) setHidden(node, hidden.has(node.dataset.item || ""));
  for (const node of fixed(form, "[data-section]")) setHidden(node, hiddenSections.has(node.dataset.section || ""));
  const region = fixedOne(form, "[data-result]");
  showProgress(form, region, result);
  showScores(region, result);
  const outcome = result.outcome_pending || !result.outcome ? null : result.outcome.id;
  for (const node of fixed(region, "[data-outcome]")) setHidden(node, node.dataset.outcome !== outcome);
  for (const node of fixed(region, "[data-outcome-pending]")) setHidden(node, !result.outcome_pending);
  const raised = new Set(result.flags.map((flag) => flag.id));
  for (const node of fixed(region, "[data-flag]")) setHidden(node, !raised.has(node.dataset.flag || ""));
  const byId = new Map(items.map((node) => [node.dataset.item || "", node]));
  fillList(byId, fixed(region, "[data-strengths]")[0] ?? null, result.highlights?.strengths);
  fillList(byId, fixed(region, "[data-work-points]")[0] ?? null, result.highlights?.work_points);
  fillList(byId, fixed(region, "[data-missing]")[0] ?? null, result.missing_required);
  for (const figure of fixed(region, "[data-chart]")) drawChart(figure, result);
  showRefused(form, 0);
  showSummary(form, result);
}

/**
 * How far the form is: data-complete on the form, and until it is complete
 * the result is marked provisional (FORMAT.md "Complete, provisional,
 * decided"): scores and flags are live but can still change.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} region
 * @param {Result} result
 */
function showProgress(form, region, result) {
  setData(form, "complete", String(result.complete));
  const { answered, total, complete } = result;
  setText(
    fixedOne(region, "[data-progress]"),
    answered === 0 ? TEXT.nothingYet : complete ? TEXT.progress(answered, total) : TEXT.provisional(answered, total),
  );
  for (const node of fixed(region, "[data-provisional]")) setHidden(node, complete || answered === 0);
}

/**
 * Each score's value (Dutch number format, raw JSON in data-value), its band
 * and the band's advice.
 * @param {HTMLElement} region
 * @param {Result} result
 */
function showScores(region, result) {
  for (const output of fixed(region, "[data-score]")) {
    const id = output.dataset.score || "";
    const score = result.scores[id] || { value: null };
    const decimals = output.dataset.decimals === undefined ? null : Number(output.dataset.decimals);
    const value = score.value;
    const empty = value === null || value === undefined;
    setData(output, "value", empty ? "" : JSON.stringify(value));
    setText(output, empty ? "–" : formatNumber(value, decimals));
    const band = fixedOne(region, `[data-band-for="${CSS.escape(id)}"]`);
    setText(band, score.band_label ? score.band_label : "");
    setData(band, "band", score.band || null);
    for (const advice of fixed(region, `[data-advice-for="${CSS.escape(id)}"]`)) {
      setHidden(advice, advice.dataset.band !== score.band);
    }
  }
}

/**
 * Fill a list of item texts (strengths, work points, missing answers); the
 * box is hidden when the list is empty.
 * @param {Map<string, HTMLElement>} items the form's items by id
 * @param {Element | null} box
 * @param {string[] | undefined} ids
 */
function fillList(items, box, ids) {
  if (!(box instanceof HTMLElement)) return;
  const texts = (ids || []).map((id) => {
    const node = items.get(id);
    return node ? itemText(node) : id;
  });
  replaceIfChanged(fixedOne(box, "[data-list]"), JSON.stringify(texts), () =>
    texts.map((text) => element("li", {}, text)),
  );
  setHidden(box, !texts.length);
}

/**
 * The summary bar: progress, the scores that are not drawn in a chart (with
 * their band), the outcome or that it is still provisional, and the number of
 * raised flags.
 * @param {HTMLFormElement} form
 * @param {Result} result
 */
function showSummary(form, result) {
  const summary = fixed(form, "[data-summary]")[0];
  if (!(summary instanceof HTMLElement)) return;
  const region = fixedOne(form, "[data-result]");
  setText(
    fixedOne(summary, "[data-summary-progress]"),
    result.answered === 0 ? TEXT.nothingYet : TEXT.summaryProgress(result.answered, result.total),
  );
  const charted = new Set(
    fixed(region, "[data-chart]").flatMap((figure) => (figure.dataset.chartScores || "").split(" ")),
  );
  const parts = [];
  for (const output of fixed(region, "[data-score]")) {
    const id = output.dataset.score || "";
    if (charted.has(id) || output.dataset.value === "") continue;
    const block = fixedOne(region, `[data-score-block="${CSS.escape(id)}"]`);
    const label = (fixedOne(block, ".db-score-label").textContent || "").replace(/:$/, "");
    const band = fixedOne(region, `[data-band-for="${CSS.escape(id)}"]`).textContent;
    parts.push(`${label}: ${output.textContent}${band ? ` (${band})` : ""}`);
  }
  setText(fixedOne(summary, "[data-summary-scores]"), parts.join(" · "));
  const shown = fixed(region, "[data-outcome]").find((node) => !node.hidden);
  const outcome = shown ? (fixedOne(shown, ".db-outcome-label strong").textContent || "") : "";
  const hasOutcomes = fixed(region, "[data-outcome]").length > 0;
  setText(
    fixedOne(summary, "[data-summary-outcome]"),
    outcome ? TEXT.summaryOutcome(outcome) : hasOutcomes && result.answered > 0 ? TEXT.summaryPending : "",
  );
  setText(fixedOne(summary, "[data-summary-flags]"), result.flags.length ? TEXT.summaryFlags(result.flags.length) : "");
}

/**
 * Answers the scorer refused (a number out of range): said in the summary,
 * where the person is looking, and the result region is marked as not using
 * them. An empty count clears it.
 * @param {HTMLFormElement} form
 * @param {number} count
 */
export function showRefused(form, count) {
  const stale = fixed(form, "[data-summary-stale]")[0];
  if (stale instanceof HTMLElement) {
    setHidden(stale, count === 0);
    setText(stale, count ? TEXT.summaryStale(count) : "");
  }
  const region = fixed(form, "[data-result]")[0];
  if (region instanceof HTMLElement) setData(region, "stale", count ? "" : null);
}

/**
 * Keep the focused field out from under the sticky summary (WCAG 2.2, 2.4.11):
 * when focus lands behind the bar, scroll it into the free part of the screen.
 * @param {HTMLFormElement} form
 */
export function watchFocus(form) {
  form.addEventListener("focusin", (event) => {
    const summary = fixed(form, "[data-summary]")[0];
    const target = event.target;
    if (!(summary instanceof HTMLElement) || !(target instanceof HTMLElement) || summary.contains(target)) return;
    // Only focus that came from the keyboard: scrolling between a mouse's press
    // and release would move a radio button away from under the pointer, and
    // the click would be lost.
    if (!target.matches(":focus-visible")) return;
    const bar = summary.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    if (box.bottom > bar.top && box.top < bar.bottom) window.scrollBy(0, box.bottom - bar.top + 16);
  });
}
