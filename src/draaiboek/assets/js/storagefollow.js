// @ts-check
// A storage choice made in another tab ("Op dit toestel"): a form that is
// already open moves along to the chosen area instead of writing on in the
// area the person left (where its answers would no longer be found). What the
// form shows is written to the new area as its current record, never over a
// different record there, and the form says in a notice what happened.

import { currentSnapshot } from "./autosave.js";
import { collectAnswers } from "./form.js";
import { showNotice } from "./notices.js";
import { readMeta, showRecords } from "./recordbar.js";
import { isEmptyRecord, newRecordId, recordIdOf, recordKey } from "./records.js";
import { isChoiceKey, joinShared, showStorageText, storageKind } from "./storagechoice.js";
import { openStorage } from "./storage.js";
import { TEXT } from "./text.js";
import { envelope } from "./transfer.js";

/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */

/**
 * Follow the storage choice of this site from other tabs; returns how to stop.
 * @param {InstrumentForm} instrument
 */
export function followStorageChoice(instrument) {
  /** @param {StorageEvent} event */
  const listener = (event) => {
    // key null: another tab wiped localStorage, the choice with it.
    if (event.key === null || isChoiceKey(instrument.form.dataset.site, event.key)) follow(instrument);
  };
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}

/** @param {"local" | "session"} kind */
function area(kind) {
  try {
    return kind === "local" ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

/** @param {InstrumentForm} instrument */
function follow(instrument) {
  const { form } = instrument;
  const site = form.dataset.site;
  const kind = storageKind(site, form.dataset.storage);
  if (kind !== "local" && kind !== "session") return;
  showStorageText(form, kind);
  const storage = openStorage(kind);
  if (storage.area === instrument.store) return;
  const session = area("session");
  const local = area("local");
  if (instrument.store && instrument.store === session && storage.area === local && local) {
    // This tab's session area is its own: its records join the shared area here.
    const moved = joinShared(site, instrument.store, local).get(instrument.record.key);
    const id = moved ? recordIdOf(instrument.key, moved) : null;
    if (moved && id) instrument.record = { ...instrument.record, id, key: moved };
  }
  instrument.store = storage.area;
  instrument.writable = storage.writable;
  keepCurrent(instrument);
  showRecords(instrument);
  instrument.tabNotice?.remove();
  instrument.tabNotice = showNotice(
    form,
    "info",
    TEXT.storageFollowed(kind === "local" ? TEXT.storageLocal : TEXT.storageSession),
  );
}

/**
 * What the form shows becomes its current record in the new area: under its
 * own key when that is free or holds the same, else under a new record id.
 * @param {InstrumentForm} instrument
 */
function keepCurrent(instrument) {
  const { store, form } = instrument;
  const answers = collectAnswers(form);
  const meta = readMeta(form);
  if (!store) return;
  if (isEmptyRecord(answers, meta)) {
    instrument.record = { ...instrument.record, raw: store.getItem(instrument.record.key) };
    return;
  }
  const raw = JSON.stringify(envelope(instrument, answers, meta));
  let { id, key } = instrument.record;
  const there = store.getItem(key);
  if (there !== null && there !== instrument.record.raw) {
    id = newRecordId();
    key = recordKey(instrument.key, id);
  }
  if (there !== null && there === instrument.record.raw) {
    instrument.record = { ...instrument.record, snapshot: currentSnapshot(instrument) };
    return;
  }
  try {
    store.setItem(key, raw);
    instrument.record = { id, key, raw, snapshot: currentSnapshot(instrument) };
  } catch {
    // Not written: the form keeps its answers and the next change tries again.
    instrument.record = { id, key, raw: null, snapshot: "" };
  }
}
