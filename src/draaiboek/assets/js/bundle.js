// @ts-check
// Every record of the handbook as one file (FORMAT.md "Record metadata and
// bundles": `draaiboek-bundle/1`), and such a file loaded back. Loading never
// overwrites: each record becomes a record of its own, and one that is
// already on the device (same answers, label, assessor and date) is skipped.

import { applyAnswers } from "./form.js";
import { timestamp } from "./format.js";
import { showNotice } from "./notices.js";
import { showRecords } from "./recordbar.js";
import { isMapping, newRecordId, parseRecord, recordKey } from "./records.js";
import { keysOf } from "./storage.js";
import { TEXT } from "./text.js";
import { ANSWERS_FORMAT, download } from "./transfer.js";

/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */
/** @typedef {import("./records.js").Envelope} Envelope */

export const BUNDLE_FORMAT = "draaiboek-bundle/1";
const INSTRUMENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Every record of one handbook (its key prefix) in a storage area.
 * @param {Storage} store
 * @param {string} prefix
 * @returns {{key: string, envelope: Envelope}[]}
 */
export function handbookRecords(store, prefix) {
  const pattern = /^([a-z0-9]+(?:-[a-z0-9]+)*):v(\d+)(?::r:[a-z0-9]+)?$/;
  const found = [];
  for (const key of keysOf(store)) {
    if (!key.startsWith(prefix)) continue;
    const match = pattern.exec(key.slice(prefix.length));
    const raw = match ? store.getItem(key) : null;
    if (!match || raw === null) continue;
    const envelope = parseRecord(raw, match[1], Number(match[2]));
    if (envelope) found.push({ key, envelope });
  }
  return found;
}

/**
 * "Alle gegevens bewaren": download every record of this handbook as one bundle.
 * @param {InstrumentForm} instrument
 */
export function exportAll(instrument) {
  const { store, prefix, form } = instrument;
  const records = store ? handbookRecords(store, prefix).map((entry) => entry.envelope) : [];
  if (!records.length) return showNotice(form, "info", TEXT.nothingToExport);
  const site = prefix.split(":")[1] || "draaiboek";
  download(
    JSON.stringify({ format: BUNDLE_FORMAT, records }, null, 2),
    `${site}-alle-gegevens-${timestamp().slice(0, 10)}.json`,
  );
  markExported(store, prefix);
}

/**
 * When answers were last saved to a file (shown on "Op dit toestel").
 * @param {Storage | null} store
 * @param {string} prefix
 */
export function markExported(store, prefix) {
  try {
    store?.setItem(`${prefix}exported`, timestamp());
  } catch {
    // Only the reminder is lost, never answers.
  }
}

/**
 * What makes two records the same for an import.
 * @param {Envelope} envelope
 */
function identity(envelope) {
  const meta = envelope.meta || {};
  return JSON.stringify([envelope.instrument, envelope.version, envelope.answers, meta.label, meta.assessor, meta.date]);
}

/**
 * Add a bundle's records to the device, each as a record of its own.
 * @param {InstrumentForm} instrument the form whose import input was used
 * @param {Record<string, unknown>} data
 * @param {string} name the file's name
 */
export function importBundle(instrument, data, name) {
  const { store, prefix, form } = instrument;
  /** @param {import("./notices.js").NoticeKind} kind @param {string} message @param {string[]} [details] */
  const notice = (kind, message, details = []) => showNotice(form, kind, message, [], details);
  if (!Array.isArray(data.records)) return notice("error", TEXT.importNotAnswers(name));
  if (!store) return notice("error", TEXT.bundleNeedsStorage(name));
  const present = new Set(handbookRecords(store, prefix).map((entry) => identity(entry.envelope)));
  const problems = [];
  let added = 0;
  let skipped = 0;
  for (const [index, entry] of data.records.entries()) {
    const where = TEXT.bundleEntry(index + 1);
    const valid =
      isMapping(entry) &&
      entry.format === ANSWERS_FORMAT &&
      typeof entry.instrument === "string" &&
      INSTRUMENT_ID.test(entry.instrument) &&
      Number.isInteger(entry.version) &&
      isMapping(entry.answers) &&
      (entry.meta === undefined || isMapping(entry.meta));
    if (!valid) {
      problems.push(`${where}: ${TEXT.notAnEnvelope}`);
      continue;
    }
    const envelope = /** @type {Envelope} */ (/** @type {unknown} */ (entry));
    if (envelope.instrument === instrument.id && envelope.version === instrument.version) {
      // This form can check the answers now; other instruments' are checked
      // when their form opens them (and set aside if they do not fit).
      const wrong = applyAnswers(form, envelope.answers, { check: true });
      if (wrong.length) {
        problems.push(`${where}: ${wrong.join("; ")}`);
        continue;
      }
    }
    if (present.has(identity(envelope))) {
      skipped++;
      continue;
    }
    const base = `${prefix}${envelope.instrument}:v${envelope.version}`;
    try {
      store.setItem(recordKey(base, newRecordId() + String(index)), JSON.stringify(envelope));
    } catch {
      problems.push(`${where}: ${TEXT.storageFull}`);
      continue;
    }
    present.add(identity(envelope));
    added++;
  }
  showRecords(instrument);
  notice(problems.length ? "warning" : "info", TEXT.bundleImported(name, added, skipped), problems);
}
