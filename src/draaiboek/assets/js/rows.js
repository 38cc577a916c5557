// @ts-check
// Rows of a table item: add, remove, renumber. A row is a copy of the item's
// <template>, with __ROW__ and __NUMBER__ put in.

import { all, one } from "./dom.js";

/** @typedef {HTMLInputElement | HTMLSelectElement} Cell */

/** @param {ParentNode} row @returns {Cell[]} */
export function cellsOf(row) {
  return /** @type {Cell[]} */ (all(row, "[data-column]"));
}

/** @param {HTMLElement} table @returns {HTMLElement[]} */
export function rowsOf(table) {
  return all(table, "[data-row-list] > [data-row]");
}

/** @param {Cell} cell */
export function emptyCell(cell) {
  if (cell instanceof HTMLSelectElement) cell.selectedIndex = 0;
  else cell.value = "";
}

/**
 * Exactly `count` rows, all empty.
 * @param {HTMLElement} table
 * @param {number} count
 */
export function setRowCount(table, count) {
  const list = one(table, "[data-row-list]");
  while (list.children.length > count) list.lastElementChild?.remove();
  // All missing rows in one insertion: one parse and one layout, however many.
  const template = one(table, "[data-row-template]").innerHTML;
  const missing = [];
  for (let index = list.children.length; index < count; index++) missing.push(rowHtml(template, index));
  if (missing.length) list.insertAdjacentHTML("beforeend", missing.join(""));
  for (const cell of cellsOf(list)) emptyCell(cell);
}

/**
 * @param {string} template the row template's markup (our own build output)
 * @param {number} index
 */
function rowHtml(template, index) {
  return template.replaceAll("__ROW__", String(index)).replaceAll("__NUMBER__", String(index + 1));
}

/**
 * @param {HTMLElement} table
 * @param {{focus?: boolean}} [options] focus the new row's first cell
 */
export function addRow(table, { focus = true } = {}) {
  const list = one(table, "[data-row-list]");
  const template = one(table, "[data-row-template]").innerHTML;
  const index = list.children.length;
  // The template is our own build output; only the row placeholders change.
  list.insertAdjacentHTML("beforeend", rowHtml(template, index));
  if (focus && list.lastElementChild) one(list.lastElementChild, "[data-column]").focus();
}

/**
 * Remove a row (the last one is emptied instead) and focus its neighbour.
 * @param {HTMLElement} table
 * @param {HTMLElement} row
 */
export function removeRow(table, row) {
  const list = one(table, "[data-row-list]");
  const position = [...list.children].indexOf(row);
  if (list.children.length === 1) {
    for (const cell of cellsOf(row)) emptyCell(cell);
  } else {
    row.remove();
  }
  renumberRows(table);
  const rows = list.children;
  const next = rows[Math.min(position, rows.length - 1)];
  one(next, "[data-column]").focus();
}

/**
 * Names, ids and visible numbers follow the row's position, so the answers
 * keep the `<table>.<row>.<column>` names of ARCHITECTURE.md.
 * @param {HTMLElement} table
 */
function renumberRows(table) {
  const id = table.dataset.item;
  rowsOf(table).forEach((row, index) => {
    for (const cell of cellsOf(row)) {
      const column = cell.dataset.column;
      const domId = `${table.id}-${index}-${column}`;
      const label = row.querySelector(`label[for="${CSS.escape(cell.id)}"]`);
      cell.name = `${id}.${index}.${column}`;
      cell.id = domId;
      if (label instanceof HTMLLabelElement) label.htmlFor = domId;
    }
    for (const number of row.querySelectorAll("[data-row-number]")) {
      number.textContent = String(index + 1);
    }
  });
}
