// @ts-check
// The status line of a form: the scorer's state (data-scorer), a scoring
// error, and the answers the scorer asks to check.

import { all, element, fixedOne, one, setData, setText } from "./dom.js";
import { findItem, itemText } from "./form.js";
import { TEXT } from "./text.js";

/** @typedef {import("./scorer.js").ScorerState} ScorerState */
/** @typedef {import("./scorer.js").Problem} Problem */

/**
 * Show the scorer's state on the form.
 * @param {HTMLFormElement} form
 * @param {ScorerState} state
 * @param {string} reason why it is unavailable, in Dutch
 */
export function showScorerState(form, state, reason) {
  const status = one(form, "[data-status-text]");
  if (state === "unavailable") {
    form.dataset.scorer = "unavailable";
    status.textContent = reason;
    // Nothing can evaluate show_if now: show every question and section.
    for (const node of all(form, "[data-item][hidden], [data-section][hidden]")) node.hidden = false;
    // Nor decide an outcome: "fill in everything first" would promise one.
    for (const node of all(form, "[data-outcome-pending]")) node.hidden = true;
  } else if (state === "ready") {
    showReady(form);
  } else {
    form.dataset.scorer = "loading";
    status.textContent = TEXT.loading;
  }
}

/** @param {HTMLFormElement} form */
export function showReady(form) {
  setData(form, "scorer", "ready");
  setText(fixedOne(form, "[data-status-text]"), TEXT.ready);
}

/**
 * @param {HTMLFormElement} form
 * @param {string} message why the result could not be computed
 */
export function showScoringError(form, message) {
  form.dataset.scorer = "error";
  one(form, "[data-status-text]").textContent = TEXT.scoringError(message);
}

/**
 * Mark the items the scorer rejected (aria-invalid) and list why; an empty
 * list clears the marks.
 * @param {HTMLFormElement} form
 * @param {Problem[]} problems
 */
export function markInvalid(form, problems) {
  const status = fixedOne(form, "[data-status]");
  const shown = status.querySelector("[data-problems]");
  // The marks and the list come and go together: nothing shown, nothing to clear.
  if (!shown && !problems.length) return;
  for (const node of all(form, "[data-item][aria-invalid]")) node.removeAttribute("aria-invalid");
  shown?.remove();
  if (!problems.length) return;
  const box = element("div", { "data-problems": "", role: "alert", class: "db-problems" });
  box.append(element("p", {}, TEXT.checkAnswers));
  const list = element("ul");
  for (const problem of problems) {
    const node = problem.item ? findItem(form, problem.item) : null;
    if (node) node.setAttribute("aria-invalid", "true");
    const prefix = node ? `${itemText(node)}: ` : "";
    list.append(element("li", {}, prefix + problem.message));
  }
  box.append(list);
  status.append(box);
}
