// @ts-check
// The instrument overview filtered by keyword: one toggle button per tag (and
// "Alle"), no framework. Without JavaScript the whole list stays visible.

import { element } from "./dom.js";
import { TEXT } from "./text.js";

/** Set up every tag filter on the page that is not set up yet. */
export function mountTagFilters() {
  for (const bar of document.querySelectorAll("[data-tag-filter]:not([data-mounted])")) {
    if (bar instanceof HTMLElement) setUp(bar);
  }
}

/** @param {HTMLElement} bar */
function setUp(bar) {
  bar.dataset.mounted = "";
  const root = bar.parentElement || document.body;
  const entries = /** @type {HTMLElement[]} */ ([...root.querySelectorAll(".db-overview-entry[data-tags]")]);
  const tagsOf = (/** @type {HTMLElement} */ entry) => (entry.dataset.tags || "").split("|").filter(Boolean);
  const tags = [...new Set(entries.flatMap(tagsOf))].sort((a, b) => a.localeCompare(b, "nl"));
  if (!tags.length) return;
  const count = root.querySelector("[data-tag-count]");
  /** @param {string} chosen "" for all */
  const show = (chosen) => {
    let shown = 0;
    for (const entry of entries) {
      entry.hidden = chosen !== "" && !tagsOf(entry).includes(chosen);
      if (!entry.hidden) shown += 1;
    }
    for (const button of bar.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(button.dataset.tag === chosen));
    }
    if (count) count.textContent = chosen ? TEXT.tagCount(shown, chosen) : "";
  };
  for (const tag of ["", ...tags]) {
    const button = element("button", { type: "button", "data-tag": tag }, tag || TEXT.tagAll);
    button.addEventListener("click", () => show(tag));
    bar.append(button);
  }
  bar.hidden = false;
  show("");
}
