// @ts-check
// The form's answers on this device: saved on every change, restored when the
// page opens. A record that does not fit is reported and kept aside under a
// key of its own, never deleted; a record of an older version is offered,
// never applied by itself.

import { applyAnswers } from "./form.js";
import { formatDate, timestamp } from "./format.js";
import { showNotice } from "./notices.js";
import { keysOf } from "./storage.js";
import { TEXT } from "./text.js";
import { envelope } from "./transfer.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

/**
 * Save the answers (an empty form removes its record).
 * @param {InstrumentForm} instrument
 * @param {Answers} answers
 */
export function saveAnswers(instrument, answers) {
  const { store, key } = instrument;
  if (!store) return;
  try {
    if (Object.keys(answers).length) {
      store.setItem(key, JSON.stringify(envelope(instrument, answers)));
    } else {
      store.removeItem(key);
    }
  } catch {
    showNotice(instrument.form, "error", TEXT.storageFull);
  }
}

/**
 * Put the stored answers back into the form, or say why not.
 * @param {InstrumentForm} instrument
 */
export function restoreAnswers(instrument) {
  const { store, key, form } = instrument;
  if (!store) return;
  const raw = store.getItem(key);
  if (raw === null) return offerOlderVersions(instrument, store);
  /** @type {any} */
  let record = null;
  try {
    record = JSON.parse(raw);
  } catch {
    record = null;
  }
  const valid =
    record &&
    typeof record === "object" &&
    record.instrument === instrument.id &&
    record.version === instrument.version &&
    record.answers &&
    typeof record.answers === "object" &&
    !Array.isArray(record.answers);
  if (!valid) {
    const aside = keepAside(store, key, raw, "beschadigd");
    return showNotice(form, "error", TEXT.damagedRecord(aside));
  }
  const problems = applyAnswers(form, record.answers, { check: true });
  if (problems.length) {
    const aside = keepAside(store, key, raw, "past-niet");
    return showNotice(form, "error", TEXT.unusableRecord(aside, problems));
  }
  applyAnswers(form, record.answers);
  const saved = Date.parse(record.meta?.saved_at);
  if (!Number.isNaN(saved)) showNotice(form, "info", TEXT.restored(formatDate(new Date(saved))));
}

/**
 * Move a record to `<key>:<why>:<time>`; returns where it is now.
 * @param {Storage} store
 * @param {string} key
 * @param {string} raw
 * @param {string} why
 */
function keepAside(store, key, raw, why) {
  const aside = `${key}:${why}:${timestamp()}`;
  try {
    store.setItem(aside, raw);
    store.removeItem(key);
  } catch {
    // Storage full: leave the record where it is rather than lose it.
    return key;
  }
  return aside;
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Offer the newest record of an older version of this instrument, if any.
 * @param {InstrumentForm} instrument
 * @param {Storage} store
 */
function offerOlderVersions(instrument, store) {
  const { form } = instrument;
  const pattern = new RegExp(`^${escapeRegExp(instrument.prefix + instrument.id)}:v(\\d+)$`);
  const older = keysOf(store)
    .map((key) => /** @type {const} */ ([key, pattern.exec(key)]))
    .filter(([, match]) => match && Number(match[1]) < instrument.version)
    .sort((a, b) => Number(b[1]?.[1]) - Number(a[1]?.[1]));
  if (!older.length) return;
  const [key, match] = older[0];
  showNotice(form, "info", TEXT.olderVersion(match?.[1] || ""), [
    {
      label: TEXT.loadOlder,
      run: () => {
        /** @type {Answers} */
        let answers = {};
        try {
          answers = JSON.parse(store.getItem(key) || "null").answers || {};
        } catch {
          showNotice(form, "error", TEXT.damagedRecord(key));
          return;
        }
        const problems = [];
        for (const [id, value] of Object.entries(answers)) {
          const problem = applyAnswers(form, { [id]: value }, { check: true })[0];
          if (problem) problems.push(problem);
          else applyAnswers(form, { [id]: value });
        }
        // The old record stays where it is: nothing is lost.
        showNotice(
          form,
          problems.length ? "warning" : "info",
          TEXT.olderLoaded + (problems.length ? ` ${TEXT.notTakenOver(problems)}` : ""),
        );
        instrument.changed();
      },
    },
  ]);
}
