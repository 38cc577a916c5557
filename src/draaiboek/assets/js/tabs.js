// @ts-check
// Two tabs on one record never lose data. The browser tells every other tab
// of the same site when localStorage changes (the `storage` event). A tab
// whose form holds exactly what it last stored takes the other tab's version;
// a tab with answers that are not stored keeps them as a record of its own
// and says so. (Saving checks the same thing: see saveAnswers.)

import { currentSnapshot, openFresh, openRecord, splitOff, saveAnswers } from "./autosave.js";
import { collectAnswers } from "./form.js";
import { showNotice } from "./notices.js";
import { showRecords } from "./recordbar.js";
import { parseRecord } from "./records.js";
import { TEXT } from "./text.js";

/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

/**
 * Follow other tabs' changes to this form's records; returns how to stop.
 * @param {InstrumentForm} instrument
 */
export function watchOtherTabs(instrument) {
  /** @param {StorageEvent} event */
  const listener = (event) => otherTabChanged(instrument, event);
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}

/**
 * @param {InstrumentForm} instrument
 * @param {StorageEvent} event
 */
function otherTabChanged(instrument, event) {
  if (!instrument.store || event.storageArea !== instrument.store) return;
  // key null: the other tab wiped the whole area.
  if (event.key !== null && !event.key.startsWith(instrument.key)) return;
  const { record } = instrument;
  const now = event.key === null ? null : event.newValue;
  if ((event.key !== null && event.key !== record.key) || now === record.raw) {
    return showRecords(instrument);
  }
  const clean = currentSnapshot(instrument) === record.snapshot;
  if (!clean) {
    // This tab has answers the storage does not: they become their own record.
    splitOff(instrument, TEXT.changedElsewhere);
    saveAnswers(instrument, collectAnswers(instrument.form));
    return;
  }
  if (now === null) {
    if (record.raw === null) return showRecords(instrument);
    openFresh(instrument);
    instrument.rescore();
    return tabNotice(instrument, TEXT.deletedElsewhere);
  }
  const envelope = parseRecord(now, instrument.id, instrument.version);
  if (!envelope) return showRecords(instrument);
  openRecord(instrument, { id: record.id, key: record.key, raw: now, envelope });
  instrument.rescore();
  tabNotice(instrument, TEXT.updatedElsewhere);
}

/**
 * One notice about the other tab at a time, however many changes arrive.
 * @param {InstrumentForm} instrument
 * @param {string} message
 */
function tabNotice(instrument, message) {
  instrument.tabNotice?.remove();
  instrument.tabNotice = showNotice(instrument.form, "info", message);
}
