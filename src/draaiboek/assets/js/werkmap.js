// @ts-check
// The werkmap page: a trainer ticks several instruments and prints them blank
// in one go. The list comes from the instrument overview (so it never goes
// out of date); each ticked instrument's page is fetched from this same site
// and its form turned into the same blank sheet as "Leeg formulier afdrukken".

import { element } from "./dom.js";
import { blankSheet, printSheet } from "./print.js";
import { TEXT } from "./text.js";

/** Set up every werkmap on the page that is not set up yet. */
export function mountWerkmaps() {
  for (const box of document.querySelectorAll("[data-werkmap]:not([data-mounted])")) {
    if (box instanceof HTMLElement) {
      box.dataset.mounted = "";
      void setUp(box);
    }
  }
}

/**
 * A page of this site, parsed.
 * @param {URL} url
 */
async function fetchPage(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), "text/html");
}

/**
 * The checklist of instruments and the print button.
 * @param {HTMLElement} box `[data-werkmap]`, its value the overview's URL
 */
async function setUp(box) {
  const overview = new URL(box.dataset.werkmap || "../instrumenten/", location.href);
  /** @type {Document} */
  let page;
  try {
    page = await fetchPage(overview);
  } catch {
    // file:// (a folder from a USB stick) cannot fetch pages.
    box.replaceChildren(element("p", { class: "db-werkmap-message", role: "status" }, TEXT.werkmapUnavailable));
    return;
  }
  const fieldset = element("fieldset", { class: "db-werkmap-list" });
  fieldset.append(element("legend", {}, TEXT.werkmapLegend));
  for (const link of page.querySelectorAll("article h2 > a[href]:not(.headerlink)")) {
    const href = new URL(link.getAttribute("href") || "", overview).href;
    const label = element("label", { class: "db-werkmap-choice" });
    const input = element("input", { type: "checkbox", name: "werkmap", value: href });
    label.append(input, document.createTextNode(` ${(link.textContent || "").trim()}`));
    fieldset.append(label);
  }
  const button = element("button", { type: "button", class: "md-button md-button--primary" }, TEXT.werkmapPrint);
  const message = element("p", { class: "db-werkmap-message", role: "status" });
  button.addEventListener("click", () => void printChosen(fieldset, message));
  box.replaceChildren(fieldset, button, message);
}

/**
 * Print the ticked instruments blank, one after the other (each from a new page).
 * @param {HTMLElement} fieldset
 * @param {HTMLElement} message
 */
async function printChosen(fieldset, message) {
  const chosen = /** @type {HTMLInputElement[]} */ ([...fieldset.querySelectorAll("input:checked")]);
  if (!chosen.length) {
    message.textContent = TEXT.werkmapNothing;
    return;
  }
  message.textContent = TEXT.werkmapLoading;
  const sheets = element("div", { class: "db-werkmap-sheets" });
  try {
    for (const input of chosen) {
      const page = await fetchPage(new URL(input.value));
      const form = page.querySelector("form.db-instrument");
      if (!(form instanceof HTMLFormElement)) throw new Error(input.value);
      sheets.append(blankSheet(form, form.dataset.title || ""));
    }
  } catch {
    message.textContent = TEXT.werkmapFailed;
    return;
  }
  message.textContent = "";
  printSheet(sheets, "blank");
}
