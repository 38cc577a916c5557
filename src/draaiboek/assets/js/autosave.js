// @ts-check
// The form's current record on this device: saved on every change, restored
// when the page opens. A record that does not fit is reported and kept aside
// under a key of its own, never deleted; when it cannot be moved (storage
// full) it stays where it is and nothing is ever written over it. A record of
// an older version is offered, never applied by itself. A record another tab
// changed in the meantime is never overwritten: this tab's answers become a
// record of their own.

import { applyAnswers, collectAnswers } from "./form.js";
import { formatDate, timestamp } from "./format.js";
import { showNotice } from "./notices.js";
import { readMeta, showRecords, writeMeta } from "./recordbar.js";
import {
  FIRST_RECORD,
  isEmptyRecord,
  listRecords,
  newRecordId,
  recordKey,
} from "./records.js";
import { keysOf } from "./storage.js";
import { TEXT } from "./text.js";
import { envelope } from "./transfer.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {import("./records.js").Meta} Meta */
/** @typedef {import("./records.js").StoredRecord} StoredRecord */
/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

/**
 * The record a form shows: its id and key, the text last written to or read
 * from its key (null: nothing stored yet), and the form's state that text
 * stands for (to tell whether the form has changes that are not stored).
 * @typedef {{id: string, key: string, raw: string | null, snapshot: string}} CurrentRecord
 */

/**
 * What a form holds, as one comparable string.
 * @param {Answers} answers
 * @param {Meta} meta
 */
export function snapshotOf(answers, meta) {
  return JSON.stringify([answers, meta.label || "", meta.assessor || "", meta.date || ""]);
}

/** @param {InstrumentForm} instrument */
export function currentSnapshot(instrument) {
  return snapshotOf(collectAnswers(instrument.form), readMeta(instrument.form));
}

/**
 * A record that is not stored yet. The very first record of an instrument
 * takes the key earlier versions of draaiboek used for their one record.
 * @param {InstrumentForm} instrument
 * @returns {CurrentRecord}
 */
export function freshRecord(instrument) {
  const firstFree = !instrument.store || instrument.store.getItem(instrument.key) === null;
  const id = firstFree && !instrument.blocked.has(instrument.key) ? FIRST_RECORD : newRecordId();
  return { id, key: recordKey(instrument.key, id), raw: null, snapshot: snapshotOf({}, {}) };
}

/**
 * Save the current record (one that holds nothing is removed).
 * @param {InstrumentForm} instrument
 * @param {Answers} answers
 */
export function saveAnswers(instrument, answers) {
  const { store } = instrument;
  if (!store) return;
  const meta = readMeta(instrument.form);
  const snapshot = snapshotOf(answers, meta);
  if (snapshot === instrument.record.snapshot) return;
  let stored;
  try {
    stored = store.getItem(instrument.record.key);
  } catch {
    stored = null;
  }
  if (stored !== instrument.record.raw || instrument.blocked.has(instrument.record.key)) {
    // Another tab changed or deleted this record since this tab read it (or it
    // is a damaged record that could not be set aside): keep both.
    splitOff(instrument, TEXT.changedElsewhere);
  }
  const { key } = instrument.record;
  try {
    if (isEmptyRecord(answers, meta)) {
      store.removeItem(key);
      instrument.record.raw = null;
    } else {
      const raw = JSON.stringify(envelope(instrument, answers, meta));
      store.setItem(key, raw);
      instrument.record.raw = raw;
    }
    instrument.record.snapshot = snapshot;
    rememberOpen(instrument);
    instrument.fullNotice?.remove();
    instrument.fullNotice = null;
  } catch {
    storageFull(instrument);
  }
  // The record bar reads and lists every stored record of the instrument:
  // worth doing when what it shows of this one changed, not on every answer.
  const listedAs = JSON.stringify([key, instrument.record.raw === null, meta.label || "", meta.assessor || "", meta.date || ""]);
  if (listed.get(instrument) !== listedAs) {
    listed.set(instrument, listedAs);
    showRecords(instrument);
  }
}

/**
 * What the record bar showed of each form's current record after its last save.
 * @type {WeakMap<InstrumentForm, string>}
 */
const listed = new WeakMap();

/**
 * Give this tab's answers a record of their own (not stored until saved).
 * @param {InstrumentForm} instrument
 * @param {string} why the notice, in Dutch
 */
export function splitOff(instrument, why) {
  const id = newRecordId();
  instrument.record = { id, key: recordKey(instrument.key, id), raw: null, snapshot: "" };
  const label = /** @type {HTMLInputElement | null} */ (instrument.form.querySelector('[data-record="label"]'));
  if (label) label.value = TEXT.otherTabLabel(label.value.trim());
  showNotice(instrument.form, "warning", why);
}

/**
 * One calm notice while storage stays full, not one per keystroke.
 * @param {InstrumentForm} instrument
 */
export function storageFull(instrument) {
  if (instrument.fullNotice?.isConnected) return;
  instrument.fullNotice = showNotice(instrument.form, "warning", TEXT.storageFull);
}

/**
 * Which record this tab shows, so a reload opens the same one (per tab: two
 * tabs can show two clients).
 * @param {InstrumentForm} instrument
 */
function rememberOpen(instrument) {
  try {
    sessionStorage.setItem(`${instrument.key}:open`, instrument.record.id);
  } catch {
    // Without it a reload opens the newest record: nothing is lost.
  }
}

/** @param {InstrumentForm} instrument */
function openedBefore(instrument) {
  try {
    return sessionStorage.getItem(`${instrument.key}:open`);
  } catch {
    return null;
  }
}

/**
 * Show a stored record in the form.
 * @param {InstrumentForm} instrument
 * @param {StoredRecord} stored with a valid envelope
 */
export function openRecord(instrument, stored) {
  const data = stored.envelope;
  if (!data) return;
  instrument.reset();
  applyAnswers(instrument.form, data.answers);
  writeMeta(instrument.form, data.meta || {});
  const snapshot = currentSnapshot(instrument);
  instrument.record = { id: stored.id, key: stored.key, raw: stored.raw, snapshot };
  instrument.lastSnapshot = null;
  rememberOpen(instrument);
  showRecords(instrument);
}

/**
 * Start an empty record in the form.
 * @param {InstrumentForm} instrument
 */
export function openFresh(instrument) {
  instrument.reset();
  writeMeta(instrument.form, {});
  instrument.record = freshRecord(instrument);
  instrument.lastSnapshot = null;
  showRecords(instrument);
}

/**
 * Put the stored answers back into the form, or say why not.
 * @param {InstrumentForm} instrument
 */
export function restoreAnswers(instrument) {
  const { store, form } = instrument;
  instrument.record = freshRecord(instrument);
  if (!store) return showRecords(instrument);
  // Also the one notice autosave would give: nothing more per keystroke.
  if (!instrument.writable) instrument.fullNotice = showNotice(form, "warning", TEXT.storageFullReadOnly);
  const usable = [];
  for (const stored of listRecords(store, instrument.key, instrument.id, instrument.version)) {
    if (!stored.envelope) {
      setAside(instrument, stored, "beschadigd", []);
      continue;
    }
    const problems = applyAnswers(form, stored.envelope.answers, { check: true });
    if (problems.length) setAside(instrument, stored, "past-niet", problems);
    else usable.push(stored);
  }
  instrument.record = freshRecord(instrument);
  if (!usable.length) {
    showRecords(instrument);
    return offerOlderVersions(instrument, store);
  }
  const wanted = openedBefore(instrument);
  const chosen = usable.find((stored) => stored.id === wanted) || usable[0];
  openRecord(instrument, chosen);
  const saved = Date.parse(chosen.envelope?.meta?.saved_at || "");
  if (!Number.isNaN(saved)) showNotice(form, "info", TEXT.restored(formatDate(new Date(saved))));
}

/**
 * Report a record that cannot be opened and move it aside; when it cannot be
 * moved, say so and never write to its key.
 * @param {InstrumentForm} instrument
 * @param {StoredRecord} stored
 * @param {string} why
 * @param {string[]} problems
 */
function setAside(instrument, stored, why, problems) {
  const aside = keepAside(instrument, stored.key, stored.raw, why);
  if (aside === null) {
    instrument.blocked.add(stored.key);
    return showNotice(instrument.form, "error", TEXT.notSetAside(stored.key));
  }
  const message = why === "beschadigd" ? TEXT.damagedRecord(aside) : TEXT.unusableRecord(aside, problems);
  showNotice(instrument.form, "error", message);
}

/**
 * Move a record to `<key>:<why>:<time>`; returns where it is now, or null
 * when it could not be moved (it then stays where it was).
 * @param {InstrumentForm} instrument
 * @param {string} key
 * @param {string} raw
 * @param {string} why
 */
function keepAside(instrument, key, raw, why) {
  const store = instrument.store;
  if (!store || !instrument.writable) return null;
  const aside = `${key}:${why}:${timestamp()}`;
  try {
    store.setItem(aside, raw);
  } catch {
    return null;
  }
  store.removeItem(key);
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
  const pattern = new RegExp(`^${escapeRegExp(instrument.prefix + instrument.id)}:v(\\d+)(?::r:[a-z0-9]+)?$`);
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
        /** @type {Meta} */
        let meta = {};
        try {
          const data = JSON.parse(store.getItem(key) || "null");
          answers = data.answers || {};
          meta = data.meta || {};
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
        writeMeta(form, meta);
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
