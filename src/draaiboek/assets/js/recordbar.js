// @ts-check
// The record bar above a form: which record it shows (a select of this
// instrument's records on the device) and that record's label, assessor and
// observation date. Only the DOM lives here; what the buttons do is in
// recordactions.js. A site whose own templates have no bar still works: the
// form then simply has one record.

import { element } from "./dom.js";
import { listRecords, recordName } from "./records.js";
import { TEXT } from "./text.js";

/** @typedef {import("./records.js").Meta} Meta */
/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

const META_KEYS = /** @type {const} */ (["label", "assessor", "date"]);

/**
 * @param {HTMLFormElement} form
 * @param {"label" | "assessor" | "date"} name
 */
function metaInput(form, name) {
  const input = form.querySelector(`input[data-record="${name}"]`);
  return input instanceof HTMLInputElement ? input : null;
}

/**
 * The record's label, assessor and date as filled in.
 * @param {HTMLFormElement} form
 * @returns {Meta}
 */
export function readMeta(form) {
  /** @type {Meta} */
  const meta = {};
  for (const name of META_KEYS) {
    const value = metaInput(form, name)?.value.trim();
    if (value) meta[name] = value;
  }
  return meta;
}

/**
 * @param {HTMLFormElement} form
 * @param {Meta} meta
 */
export function writeMeta(form, meta) {
  for (const name of META_KEYS) {
    const input = metaInput(form, name);
    if (input) input.value = typeof meta[name] === "string" ? meta[name] || "" : "";
  }
}

/** @param {HTMLFormElement} form */
export function recordSelect(form) {
  const select = form.querySelector('select[data-action="record"]');
  return select instanceof HTMLSelectElement ? select : null;
}

/**
 * Fill the select with this instrument's records, the form's own selected.
 * @param {InstrumentForm} instrument
 */
export function showRecords(instrument) {
  const select = recordSelect(instrument.form);
  if (!select) return;
  const { store, record } = instrument;
  const stored = store ? listRecords(store, instrument.key, instrument.id, instrument.version) : [];
  const options = stored
    .filter((entry) => entry.envelope && !instrument.blocked.has(entry.key))
    .map((entry) => element("option", { value: entry.id }, recordName(entry.envelope?.meta, TEXT.unnamedRecord)));
  if (!options.some((option) => option.value === record.id)) {
    const meta = readMeta(instrument.form);
    options.unshift(element("option", { value: record.id }, `${recordName(meta, TEXT.unnamedRecord)} ${TEXT.notSavedYet}`));
  }
  select.replaceChildren(...options);
  select.value = record.id;
  const count = instrument.form.querySelector("[data-record-count]");
  if (count) count.textContent = TEXT.recordCount(stored.length);
}
