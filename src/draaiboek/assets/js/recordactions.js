// @ts-check
// What the record bar's controls do: open another record, start an empty one,
// duplicate one ("nieuwe meting": the same client measured again), delete one
// with a way back for a while.

import { openFresh, openRecord, saveAnswers } from "./autosave.js";
import { collectAnswers } from "./form.js";
import { showNotice } from "./notices.js";
import { readMeta, showRecords } from "./recordbar.js";
import { listRecords, newRecordId, recordKey, recordName } from "./records.js";
import { TEXT } from "./text.js";

/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

/** How long a deleted record can be brought back (the page must stay open). */
const UNDO_MS = 5 * 60 * 1000;

/** @param {InstrumentForm} instrument */
function storedRecords(instrument) {
  const { store } = instrument;
  if (!store) return [];
  return listRecords(store, instrument.key, instrument.id, instrument.version).filter(
    (entry) => entry.envelope && !instrument.blocked.has(entry.key),
  );
}

/** @param {HTMLFormElement} form */
function focusLabel(form) {
  const label = form.querySelector('input[data-record="label"]');
  if (label instanceof HTMLInputElement) label.focus();
}

/**
 * The select chose another record: the current one is saved already.
 * @param {InstrumentForm} instrument
 * @param {string} id
 */
export function switchRecord(instrument, id) {
  if (id === instrument.record.id) return;
  const target = storedRecords(instrument).find((entry) => entry.id === id);
  if (!target) return showRecords(instrument);
  openRecord(instrument, target);
  instrument.rescore();
}

/** @param {InstrumentForm} instrument */
export function newRecord(instrument) {
  openFresh(instrument);
  instrument.rescore();
  showNotice(instrument.form, "info", TEXT.newRecordStarted);
  focusLabel(instrument.form);
}

/**
 * A copy of the current record under a new id, dated today: the same client
 * measured again (T0 → T1). The original stays as it was.
 * @param {InstrumentForm} instrument
 */
export function duplicateRecord(instrument) {
  const answers = collectAnswers(instrument.form);
  const meta = readMeta(instrument.form);
  const id = newRecordId();
  instrument.record = { id, key: recordKey(instrument.key, id), raw: null, snapshot: "" };
  const date = instrument.form.querySelector('input[data-record="date"]');
  if (date instanceof HTMLInputElement) date.value = new Date().toISOString().slice(0, 10);
  saveAnswers(instrument, answers);
  instrument.lastSnapshot = null;
  showRecords(instrument);
  showNotice(instrument.form, "info", TEXT.duplicated(recordName(meta, TEXT.unnamedRecord)));
}

/**
 * Delete the current record; a notice offers to bring it back.
 * @param {InstrumentForm} instrument
 */
export function deleteRecord(instrument) {
  const { store, record, form } = instrument;
  const name = recordName(readMeta(form), TEXT.unnamedRecord);
  const removed = { key: record.key, raw: record.raw };
  if (store && removed.raw !== null) store.removeItem(removed.key);
  const next = storedRecords(instrument)[0];
  if (next) openRecord(instrument, next);
  else openFresh(instrument);
  instrument.rescore();
  if (removed.raw === null) return showNotice(form, "info", TEXT.discarded);
  const box = showNotice(form, "info", TEXT.deleted(name), [
    {
      label: TEXT.undo,
      run: () => {
        if (!store) return;
        if (store.getItem(removed.key) === null) store.setItem(removed.key, /** @type {string} */ (removed.raw));
        const back = storedRecords(instrument).find((entry) => entry.key === removed.key);
        if (back) openRecord(instrument, back);
        instrument.rescore();
        showNotice(form, "info", TEXT.undone(name));
      },
    },
  ]);
  setTimeout(() => box.remove(), UNDO_MS);
}
