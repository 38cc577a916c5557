// @ts-check
// Answers <-> inputs: read a form's answers in the shape of FORMAT.md, and put
// answers (from storage or a file) back into it, checking them first.

import { all, fixed, one } from "./dom.js";
import { formatNumber } from "./format.js";
import { limitsOf } from "./limits.js";
import { cellsOf, rowsOf, setRowCount } from "./rows.js";
import { TEXT } from "./text.js";

/** @typedef {import("./rows.js").Cell} Cell */
/** @typedef {Record<string, unknown>} Answers */

/** @param {HTMLFormElement} form @returns {HTMLElement[]} */
export function itemsOf(form) {
  return fixed(form, "[data-item]");
}

/** @param {HTMLFormElement} form @param {string} id */
export function findItem(form, id) {
  return itemsOf(form).find((node) => node.dataset.item === id) || null;
}

/** The question as the page shows it (for messages and the printed summary). @param {HTMLElement} node */
export function itemText(node) {
  const text = node.querySelector("[data-item-text]");
  return (text ? text.textContent || "" : node.dataset.item || "").trim();
}

/** The radios or check boxes of a choice or multi item. @param {HTMLElement} node */
export function choicesOf(node) {
  return /** @type {HTMLInputElement[]} */ (fixed(node, `input[name="${CSS.escape(node.dataset.item || "")}"]`));
}

/** Parsed once per node: read on every answer, and fixed by the build's markup. @type {WeakMap<HTMLElement, unknown>} */
const values = new WeakMap();

/** The answer value a radio, check box or <option> stands for (a JSON scalar). @param {HTMLElement} node */
function valueOf(node) {
  if (!values.has(node)) values.set(node, JSON.parse(node.dataset.json ?? "null"));
  return values.get(node);
}

/**
 * The radio, check box or <option> whose data-json is this answer value.
 * @template {HTMLElement} T
 * @param {Iterable<T>} nodes
 * @param {unknown} value
 */
function withValue(nodes, value) {
  const wanted = JSON.stringify(value);
  return [...nodes].find((node) => JSON.stringify(valueOf(node)) === wanted);
}

/** @param {HTMLElement} node */
function numberInput(node) {
  return /** @type {HTMLInputElement} */ (one(node, "input"));
}

/** @param {HTMLElement} node */
function textArea(node) {
  return /** @type {HTMLTextAreaElement} */ (one(node, "textarea"));
}

/**
 * Every answered item's answer; unanswered items are left out.
 * @param {HTMLFormElement} form
 * @returns {Answers}
 */
export function collectAnswers(form) {
  /** @type {Answers} */
  const answers = {};
  for (const node of itemsOf(form)) {
    const value = readItem(node);
    if (value !== undefined) answers[node.dataset.item || ""] = value;
  }
  return answers;
}

/**
 * One item's answer, or undefined when it has none.
 * @param {HTMLElement} node
 * @returns {unknown}
 */
export function readItem(node) {
  switch (node.dataset.type) {
    case "choice": {
      const checked = choicesOf(node).find((input) => input.checked);
      return checked ? valueOf(checked) : undefined;
    }
    case "multi": {
      const values = choicesOf(node)
        .filter((input) => input.checked)
        .map((input) => valueOf(input));
      return values.length ? values : undefined;
    }
    case "number": {
      const input = numberInput(node);
      return input.value === "" ? undefined : Number(input.value);
    }
    case "text": {
      const text = textArea(node).value;
      return text.trim() ? text : undefined;
    }
    case "table": {
      const rows = [];
      for (const row of rowsOf(node)) {
        /** @type {Record<string, unknown>} */
        const cells = {};
        for (const cell of cellsOf(row)) {
          const value = readCell(cell);
          if (value !== undefined) cells[cell.dataset.column || ""] = value;
        }
        if (Object.keys(cells).length) rows.push(cells);
      }
      return rows.length ? rows : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * One table cell's answer, or undefined when it is empty.
 * @param {Cell} cell
 * @returns {unknown}
 */
export function readCell(cell) {
  if (cell instanceof HTMLSelectElement) {
    const option = cell.selectedOptions[0];
    const value = option ? valueOf(option) : null;
    return value === null ? undefined : value;
  }
  if (cell.type === "number") return cell.value === "" ? undefined : Number(cell.value);
  return cell.value.trim() ? cell.value : undefined;
}

/**
 * Put answers into the form. With check=true nothing changes: the returned
 * list says what would not fit. Used for stored records and imports.
 * @param {HTMLFormElement} form
 * @param {Answers} answers
 * @param {{check?: boolean}} [options]
 * @returns {string[]} what does not fit, in Dutch
 */
export function applyAnswers(form, answers, { check = false } = {}) {
  const problems = [];
  for (const [id, value] of Object.entries(answers)) {
    const node = findItem(form, id);
    if (!node) {
      problems.push(TEXT.unknownItem(id));
      continue;
    }
    const problem = applyItem(node, itemText(node), value, check, limitsOf(form));
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * @param {HTMLElement} node
 * @param {string} text
 * @param {unknown} value
 * @param {boolean} check
 * @param {import("./limits.js").Limits} limits
 * @returns {string | null}
 */
function applyItem(node, text, value, check, limits) {
  switch (node.dataset.type) {
    case "choice": {
      const input = withValue(choicesOf(node), value);
      if (!input) return TEXT.notOnScale(text, JSON.stringify(value));
      if (!check) input.checked = true;
      return null;
    }
    case "multi": {
      if (!Array.isArray(value)) return TEXT.notAList(text);
      const inputs = value.map((entry) => withValue(choicesOf(node), entry));
      const missing = value.filter((_, index) => !inputs[index]);
      if (missing.length) return TEXT.notOnScale(text, missing.map(String).join(", "));
      if (!check) for (const input of inputs) if (input) input.checked = true;
      return null;
    }
    case "number": {
      const input = numberInput(node);
      const problem = numberProblem(input, text, value);
      if (problem) return problem;
      if (!check) input.value = String(value);
      return null;
    }
    case "text": {
      if (typeof value !== "string") return TEXT.notText(text);
      if (value.length > limits.text) return TEXT.textTooLong(text, limits.text);
      if (!check) textArea(node).value = value;
      return null;
    }
    case "table":
      return applyTable(node, text, value, check, limits);
    default:
      return TEXT.unknownItem(node.dataset.item || "");
  }
}

/**
 * @param {HTMLElement} node
 * @param {string} text
 * @param {unknown} rows
 * @param {boolean} check
 * @param {import("./limits.js").Limits} limits
 * @returns {string | null}
 */
function applyTable(node, text, rows, check, limits) {
  if (!Array.isArray(rows)) return TEXT.notAList(text);
  // Before anything else: a huge table is refused without reading it.
  if (rows.length > limits.rows) return TEXT.tooManyRows(text, limits.rows);
  if (rows.some((row) => !row || typeof row !== "object" || Array.isArray(row))) return TEXT.notAList(text);
  const template = /** @type {HTMLTemplateElement} */ (one(node, "[data-row-template]")).content;
  const columns = new Map(cellsOf(template).map((cell) => [cell.dataset.column, cell]));
  for (const row of /** @type {Record<string, unknown>[]} */ (rows)) {
    for (const [column, value] of Object.entries(row)) {
      const cell = columns.get(column);
      if (!cell) return TEXT.unknownColumn(text, column);
      const label = `${text}, ${column}`;
      if (cell instanceof HTMLSelectElement) {
        if (!withValue(cell.options, value) || value === null) return TEXT.notOnScale(label, JSON.stringify(value));
      } else if (cell.type === "number") {
        const problem = numberProblem(cell, label, value);
        if (problem) return problem;
      } else if (typeof value !== "string") {
        return TEXT.notText(label);
      } else if (value.length > limits.text) {
        return TEXT.textTooLong(label, limits.text);
      }
    }
  }
  if (check) return null;
  setRowCount(node, Math.max(rows.length, 1));
  const rowNodes = rowsOf(node);
  rows.forEach((row, index) => {
    for (const cell of cellsOf(rowNodes[index])) {
      // Own properties only: a column named 'constructor' must not find Object's.
      const column = cell.dataset.column || "";
      if (!Object.hasOwn(row, column)) continue;
      const value = row[column];
      if (cell instanceof HTMLSelectElement) {
        const option = withValue(cell.options, value);
        if (option) option.selected = true;
      } else {
        cell.value = String(value);
      }
    }
  });
  return null;
}

/**
 * Why a value does not fit a number input (its min and max), or null.
 * @param {HTMLInputElement} input
 * @param {string} text
 * @param {unknown} value
 */
function numberProblem(input, text, value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return TEXT.notANumber(text);
  const min = input.getAttribute("min");
  const max = input.getAttribute("max");
  if ((min !== null && value < Number(min)) || (max !== null && value > Number(max))) {
    return TEXT.outOfRange(text, formatNumber(value, null));
  }
  return null;
}

/**
 * Empty every input of the form; tables go back to one empty row.
 * @param {HTMLFormElement} form
 */
export function resetInputs(form) {
  for (const input of /** @type {HTMLInputElement[]} */ (all(form, "input[type=radio], input[type=checkbox]"))) {
    input.checked = false;
  }
  // The record bar (label, assessor, date, which record) is not an answer.
  const answerFields = (/** @type {string} */ selector) => all(form, selector).filter((node) => !node.closest("[data-records]"));
  for (const input of /** @type {HTMLInputElement[]} */ (answerFields("input[type=number], input[type=text], textarea"))) {
    input.value = "";
  }
  for (const select of /** @type {HTMLSelectElement[]} */ (answerFields("select"))) select.selectedIndex = 0;
  for (const table of all(form, '[data-type="table"]')) setRowCount(table, 1);
  /** @type {HTMLInputElement} */ (one(form, 'input[type="file"][data-action="import"]')).value = "";
}
