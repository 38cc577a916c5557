// @ts-check
// A result that no longer matches the answers is never shown as current:
// when the scorer refuses the answers (or fails), the numbers, bands,
// outcome and flags of the previous result are taken away and the region
// says why, until a result for the current answers arrives.

import { all, element, fixedOne, one } from "./dom.js";
import { TEXT } from "./text.js";

/** @param {HTMLFormElement} form */
export function markStale(form) {
  const region = fixedOne(form, "[data-result]");
  region.dataset.stale = "true";
  for (const output of all(region, "[data-score]")) {
    output.dataset.value = "";
    output.textContent = "–";
  }
  for (const band of all(region, "[data-band-for]")) {
    band.textContent = "";
    delete band.dataset.band;
  }
  for (const node of all(region, "[data-advice-for], [data-outcome], [data-flag]")) node.hidden = true;
  if (!region.querySelector("[data-stale-note]")) {
    one(region, "[data-progress]").after(element("p", { class: "db-stale", "data-stale-note": "" }, TEXT.staleResult));
  }
}

/** @param {HTMLFormElement} form */
export function clearStale(form) {
  const region = fixedOne(form, "[data-result]");
  delete region.dataset.stale;
  region.querySelector("[data-stale-note]")?.remove();
}
