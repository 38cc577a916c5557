// @ts-check
// Printing: a sheet of its own (a blank form or a filled summary), shown only
// by the print stylesheet, so the page itself is never changed or left.

import { all, element, one } from "./dom.js";
import { choicesOf, itemText, readCell, readItem } from "./form.js";
import { formatDate, formatNumber } from "./format.js";
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
 * The form with every question shown and nothing filled in, with room to
 * write in tables.
 * @param {HTMLFormElement} form
 * @param {string} title
 */
export function blankSheet(form, title) {
  const clone = /** @type {HTMLElement} */ (form.cloneNode(true));
  clone.classList.remove("db-instrument");
  for (const node of clone.querySelectorAll("[data-result], .db-actions, .db-status, [data-notices], .db-privacy")) {
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
  for (const node of clone.querySelectorAll("button, template")) node.remove();
  const sheet = element("div", { class: "db-print-blank" });
  sheet.append(element("h1", {}, title), clone);
  return sheet;
}

/**
 * A summary of the filled form: the date, every visible answer, the result.
 * @param {HTMLFormElement} form
 * @param {string} title
 */
export function filledSheet(form, title) {
  const sheet = element("div", { class: "db-print-filled" });
  sheet.append(
    element("h1", {}, title),
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
      list.append(element("dt", {}, itemText(node)));
      const answer = element("dd");
      describeAnswer(node, answer);
      list.append(answer);
    }
    sheet.append(list);
  }
  const result = /** @type {HTMLElement} */ (one(form, "[data-result]").cloneNode(true));
  result.removeAttribute("aria-live");
  for (const node of result.querySelectorAll("[hidden]")) node.remove();
  for (const node of result.querySelectorAll("[id]")) node.removeAttribute("id");
  result.removeAttribute("aria-labelledby");
  sheet.append(result);
  return sheet;
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
