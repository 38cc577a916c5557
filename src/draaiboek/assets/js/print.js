// @ts-check
// Printing: a sheet of its own (a blank form or a filled summary), shown only
// by the print stylesheet, so the page itself is never changed or left.

import { all, element, one } from "./dom.js";
import { choicesOf, itemText, readCell, readItem } from "./form.js";
import { formatDate, formatDay, formatNumber } from "./format.js";
import { cellsOf, rowsOf } from "./rows.js";
import { TEXT } from "./text.js";

/**
 * Print a sheet: put it in the page, mark the page for the print stylesheet,
 * open the browser's print dialog.
 * @param {HTMLElement} content
 * @param {"blank" | "filled"} mode
 */
export function printSheet(content, mode) {
  document.getElementById("db-print-sheet")?.remove();
  const sheet = element("div", { id: "db-print-sheet", "data-print-mode": mode });
  sheet.append(content);
  document.body.append(sheet);
  document.documentElement.dataset.dbPrint = mode;
  window.print();
}

/** Remove the sheet after printing (once per page, whatever the number of forms). */
export function watchPrint() {
  addEventListener("afterprint", () => {
    document.getElementById("db-print-sheet")?.remove();
    delete document.documentElement.dataset.dbPrint;
  });
}

/**
 * What the records bar (issue 12) says about this answer set: the client's
 * name or code, the assessor and the day of the observation. Read from the
 * DOM hooks when they are on the page; empty otherwise.
 * @param {HTMLFormElement} form
 */
function recordMeta(form) {
  const scope = form.closest(".db-instrument-wrap") || form;
  /** @param {string} name */
  const value = (name) => {
    const input = scope.querySelector(`input[data-record="${name}"]`);
    return input instanceof HTMLInputElement ? input.value.trim() : "";
  };
  return { label: value("label"), assessor: value("assessor"), date: value("date") };
}

/**
 * The sheet's heading: the instrument with its version, the handbook, and
 * lines for who was observed, by whom and when (filled in from the record, or
 * left blank to write on).
 * @param {HTMLFormElement} form
 * @param {string} title
 */
function sheetHead(form, title) {
  const head = element("header", { class: "db-print-head" });
  head.append(
    element("h1", {}, title),
    element(
      "p",
      { class: "db-print-instrument" },
      `${TEXT.printInstrument(document.title.split(" - ").pop() || "", form.dataset.version || "")}`,
    ),
  );
  const meta = recordMeta(form);
  const table = element("table", { class: "db-print-meta" });
  for (const [label, text] of [
    [TEXT.printClient, meta.label],
    [TEXT.printAssessor, meta.assessor],
    [TEXT.printObserved, meta.date ? formatDay(meta.date) : ""],
  ]) {
    const row = element("tr");
    row.append(element("th", { scope: "row" }, label), element("td", {}, text));
    table.append(row);
  }
  head.append(table);
  // The instrument's introduction carries what a reader of the paper must
  // know too (for the SAM: which indicators are a starting point to calibrate).
  const intro = form.querySelector(".db-intro");
  if (intro) head.append(intro.cloneNode(true));
  return head;
}

/**
 * The form with every question shown and nothing filled in: rubric grids as
 * an observation sheet (a tick box per level, room for notes), tables with
 * rows to write in, fields as boxes.
 * @param {HTMLFormElement} form
 * @param {string} title
 */
export function blankSheet(form, title) {
  const clone = /** @type {HTMLElement} */ (form.cloneNode(true));
  clone.classList.remove("db-instrument");
  for (const node of clone.querySelectorAll(
    "[data-result], [data-summary], [data-records], .db-actions, .db-status, [data-notices], .db-privacy, .db-intro, .db-caption",
  )) {
    node.remove();
  }
  for (const node of all(clone, "[hidden]")) node.hidden = false;
  for (const node of /** @type {HTMLInputElement[]} */ (all(clone, "input[type=radio], input[type=checkbox]"))) {
    node.checked = false;
    node.removeAttribute("checked");
  }
  for (const node of /** @type {HTMLInputElement[]} */ (all(clone, "input, textarea"))) node.value = "";
  for (const node of /** @type {HTMLDetailsElement[]} */ (all(clone, "details"))) node.open = false;
  for (const list of all(clone, "[data-row-list]")) {
    // Room to write on paper.
    const table = /** @type {HTMLElement} */ (list.parentElement?.parentElement);
    const template = one(table, "[data-row-template]");
    list.replaceChildren();
    for (let i = 0; i < 5; i++) list.insertAdjacentHTML("beforeend", template.innerHTML);
  }
  for (const section of all(clone, ".db-section-grid")) {
    // On paper a level is ticked, not clicked: a box instead of the radio.
    for (const radio of all(section, "input[type=radio]")) {
      radio.replaceWith(element("span", { class: "db-tick", "aria-hidden": "true" }));
    }
    const notes = element("div", { class: "db-print-notes" });
    notes.append(element("span", {}, TEXT.printNotes));
    section.append(notes);
  }
  for (const node of clone.querySelectorAll("button, template")) node.remove();
  const sheet = element("div", { class: "db-print-blank" });
  sheet.append(sheetHead(form, title), clone);
  return sheet;
}

/**
 * A summary of the filled form: who, by whom and when, every visible answer
 * (each question kept with its answer), and the result, or why there is none.
 * @param {HTMLFormElement} form
 * @param {string} title
 */
export function filledSheet(form, title) {
  const sheet = element("div", { class: "db-print-filled" });
  sheet.append(
    sheetHead(form, title),
    element("p", { class: "db-print-date" }, TEXT.printDate(formatDate(new Date()))),
    element("h2", {}, TEXT.printAnswers),
  );
  for (const section of all(form, "[data-section]")) {
    if (section.hidden) continue;
    const legend = section.querySelector(":scope > legend");
    if (legend) sheet.append(element("h3", {}, (legend.textContent || "").trim()));
    const list = element("dl", { class: "db-print-answers" });
    for (const node of all(section, "[data-item]")) {
      if (node.hidden) continue;
      // A <div> in a <dl> groups a question with its answer, so a page break
      // never falls between them.
      const pair = element("div", { class: "db-print-answer" });
      pair.append(element("dt", {}, itemText(node)));
      const answer = element("dd");
      describeAnswer(node, answer);
      pair.append(answer);
      list.append(pair);
    }
    sheet.append(list);
  }
  sheet.append(resultCopy(form));
  return sheet;
}

/**
 * The result region as the page shows it, or, when the scorer never ran on
 * this page (file://, an old browser), a sentence that says so: "nog niets
 * ingevuld" under a filled form would be false.
 * @param {HTMLFormElement} form
 */
function resultCopy(form) {
  if (form.dataset.scorer !== "ready") {
    return element("p", { class: "db-print-no-result" }, TEXT.printNotComputed);
  }
  const result = /** @type {HTMLElement} */ (one(form, "[data-result]").cloneNode(true));
  result.removeAttribute("aria-live");
  for (const node of result.querySelectorAll("[hidden]")) node.remove();
  for (const node of result.querySelectorAll("[id]")) node.removeAttribute("id");
  result.removeAttribute("aria-labelledby");
  if (form.querySelector("[data-item][aria-invalid]")) {
    result.prepend(element("p", { class: "db-print-stale" }, TEXT.printStale));
  }
  return result;
}

/**
 * One answer as a reader sees it: option labels, a number with its unit, the
 * text, or a table of the filled rows.
 * @param {HTMLElement} node the item
 * @param {HTMLElement} target where the answer goes
 */
function describeAnswer(node, target) {
  /** @param {HTMLInputElement} input */
  const labelOf = (input) => input.dataset.label || input.value;
  switch (node.dataset.type) {
    case "choice":
    case "multi": {
      const chosen = choicesOf(node).filter((input) => input.checked).map(labelOf);
      target.textContent = chosen.length ? chosen.join(", ") : TEXT.noAnswer;
      return;
    }
    case "number": {
      const input = /** @type {HTMLInputElement} */ (one(node, "input"));
      const unit = node.querySelector(".db-unit")?.textContent || "";
      target.textContent =
        input.value === "" ? TEXT.noAnswer : `${formatNumber(Number(input.value), null)} ${unit}`.trim();
      return;
    }
    case "text":
      target.textContent = /** @type {HTMLTextAreaElement} */ (one(node, "textarea")).value.trim() || TEXT.noAnswer;
      return;
    case "table": {
      const rows = /** @type {unknown[] | undefined} */ (readItem(node)) || [];
      if (!rows.length) {
        target.textContent = TEXT.noAnswer;
        return;
      }
      const table = element("table");
      const head = element("tr");
      for (const th of node.querySelectorAll("thead th")) head.append(element("th", {}, (th.textContent || "").trim()));
      head.lastElementChild?.remove();
      table.append(head);
      for (const row of rowsOf(node)) {
        const cells = cellsOf(row);
        if (cells.every((cell) => readCell(cell) === undefined)) continue;
        const tr = element("tr");
        for (const cell of cells) {
          const text =
            cell instanceof HTMLSelectElement
              ? cell.selectedIndex > 0
                ? cell.selectedOptions[0].textContent || ""
                : ""
              : cell.value;
          tr.append(element("td", {}, text));
        }
        table.append(tr);
      }
      target.append(table);
      return;
    }
    default:
      target.textContent = TEXT.noAnswer;
  }
}
