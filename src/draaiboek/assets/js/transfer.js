// @ts-check
// Answers as a file: export (the envelope of FORMAT.md "Answers file") and
// import, checked first; nothing is overwritten without confirmation.

import { ask } from "./dialog.js";
import { element } from "./dom.js";
import { applyAnswers, collectAnswers } from "./form.js";
import { timestamp } from "./format.js";
import { showNotice } from "./notices.js";
import { TEXT } from "./text.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

export const ANSWERS_FORMAT = "draaiboek-answers/1";
const MAX_FILE_BYTES = 5_000_000;

/**
 * The answers file of FORMAT.md: also what autosave stores.
 * @param {InstrumentForm} instrument
 * @param {Answers} [answers]
 */
export function envelope(instrument, answers = collectAnswers(instrument.form)) {
  return {
    format: ANSWERS_FORMAT,
    instrument: instrument.id,
    version: instrument.version,
    answers,
    meta: { saved_at: timestamp() },
  };
}

/**
 * Download the answers as `<instrument>-<date>.json`.
 * @param {InstrumentForm} instrument
 */
export function exportFile(instrument) {
  const json = JSON.stringify(envelope(instrument), null, 2);
  const link = element("a", {
    href: URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" })),
    download: `${instrument.id}-${timestamp().slice(0, 10)}.json`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isMapping(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
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
  const filled = Object.keys(collectAnswers(form)).length > 0;
  if (filled && !(await ask(TEXT.importConfirmOverwrite, TEXT.importConfirmButton, opener))) return;
  instrument.reset();
  applyAnswers(form, answers);
  notice("info", TEXT.imported(name));
  instrument.changed();
}
