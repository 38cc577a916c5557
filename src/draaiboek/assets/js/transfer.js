// @ts-check
// Answers as a file: export (the envelope of FORMAT.md "Answers file") and
// import, checked first; nothing is overwritten: a file loaded into a form
// that holds answers becomes a record of its own. A bundle (several records)
// is handled by bundle.js.

import { currentSnapshot } from "./autosave.js";
import { BUNDLE_FORMAT, importBundle, markExported } from "./bundle.js";
import { ask } from "./dialog.js";
import { element } from "./dom.js";
import { applyAnswers, collectAnswers } from "./form.js";
import { timestamp } from "./format.js";
import { showNotice } from "./notices.js";
import { readMeta, writeMeta } from "./recordbar.js";
import { isMapping, newRecordId, recordKey, savedMeta } from "./records.js";
import { TEXT } from "./text.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

export const ANSWERS_FORMAT = "draaiboek-answers/1";
export const MAX_FILE_BYTES = 20_000_000;

/**
 * The answers file of FORMAT.md: also what autosave stores.
 * @param {InstrumentForm} instrument
 * @param {Answers} [answers]
 * @param {import("./records.js").Meta} [meta] the record's label, assessor, date
 */
export function envelope(instrument, answers = collectAnswers(instrument.form), meta = readMeta(instrument.form)) {
  return {
    format: ANSWERS_FORMAT,
    instrument: instrument.id,
    version: instrument.version,
    answers,
    meta: savedMeta(meta),
  };
}

/**
 * A file name's part from free text: lower case, letters and digits.
 * @param {string} text
 */
function fileNamePart(text) {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/**
 * Offer a JSON text as a download.
 * @param {string} json
 * @param {string} name
 */
export function download(json, name) {
  const link = element("a", {
    href: URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" })),
    download: name,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/**
 * Download the answers as `<instrument>[-<label>]-<date>.json` (the
 * observation date when there is one, else today).
 * @param {InstrumentForm} instrument
 */
export function exportFile(instrument) {
  const data = envelope(instrument);
  const label = fileNamePart(data.meta.label || "");
  const date = data.meta.date || timestamp().slice(0, 10);
  download(JSON.stringify(data, null, 2), `${instrument.id}${label ? `-${label}` : ""}-${date}.json`);
  markExported(instrument.store, instrument.prefix);
}

/**
 * Whether what the form shows is stored on this device as it is now.
 * @param {InstrumentForm} instrument
 */
function isStored(instrument) {
  const { store, record } = instrument;
  if (!store || !instrument.writable || record.raw === null) return false;
  try {
    return store.getItem(record.key) === record.raw && currentSnapshot(instrument) === record.snapshot;
  } catch {
    return false;
  }
}

/**
 * Load the file chosen in an import input, after checking that it is an
 * answers file of this instrument whose answers all fit.
 * @param {InstrumentForm} instrument
 * @param {HTMLInputElement} input
 */
export async function importFile(instrument, input) {
  const { form } = instrument;
  // The (visually hidden, focusable) file input: focus returns there after a question.
  const opener = input;
  /** @param {import("./notices.js").NoticeKind} kind @param {string} message @param {string[]} [details] */
  const notice = (kind, message, details = []) => showNotice(form, kind, message, [], details);
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  const name = file.name;
  if (file.size > MAX_FILE_BYTES) return notice("error", TEXT.tooLarge(name));
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return notice("error", TEXT.importUnreadable(name));
  }
  if (isMapping(data) && data.format === BUNDLE_FORMAT) return importBundle(instrument, data, name);
  if (!isMapping(data)) return notice("error", TEXT.importNotAnswers(name));
  // The envelope of FORMAT.md, or (like the scorer) a bare answers mapping.
  const isEnvelope = "format" in data || "answers" in data || "instrument" in data;
  if (isEnvelope) {
    if (data.format !== ANSWERS_FORMAT || !isMapping(data.answers)) {
      return notice("error", TEXT.importNotAnswers(name));
    }
    if (data.instrument !== instrument.id) {
      return notice("error", TEXT.importOtherInstrument(name, String(data.instrument), instrument.title));
    }
  }
  const answers = /** @type {Answers} */ (isEnvelope ? data.answers : data);
  const problems = applyAnswers(form, answers, { check: true });
  if (problems.length) return notice("error", TEXT.importProblems(name), problems);
  if (isEnvelope && data.version !== instrument.version) {
    const question = TEXT.importOtherVersion(name, String(data.version), instrument.version);
    if (!(await ask(`${question} ${TEXT.importConfirmVersion}`, TEXT.importConfirmButton, opener))) {
      return notice("warning", question);
    }
  }
  const meta = isEnvelope && isMapping(data.meta) ? /** @type {import("./records.js").Meta} */ (data.meta) : {};
  const filled = Object.keys(collectAnswers(form)).length > 0;
  // Answers that are safely stored stay where they are: the file becomes a
  // record of its own. Answers that are not (no storage, storage full) would
  // be replaced, and the question says so.
  const separate = filled && isStored(instrument);
  if (filled) {
    const question = separate ? TEXT.importConfirmSeparate : TEXT.importConfirmOverwrite;
    // Nothing changes before the answer: "Annuleren" leaves the form on its own record.
    if (!(await ask(question, TEXT.importConfirmButton, opener))) return;
  }
  if (separate) {
    const id = newRecordId();
    instrument.record = { id, key: recordKey(instrument.key, id), raw: null, snapshot: "" };
  }
  instrument.reset();
  applyAnswers(form, answers);
  if (separate || Object.keys(meta).length) writeMeta(form, meta);
  notice("info", separate ? TEXT.importedSeparately(name) : TEXT.imported(name));
  instrument.changed();
}
