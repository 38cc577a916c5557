// @ts-check
// Records: several answer sets of one instrument on this device (FORMAT.md
// "Several answer sets"). Each record is one answers envelope under a key of
// its own:
//
//   <prefix><instrument>:v<version>          record "0": the first record, and
//                                            the one record of earlier versions
//                                            of draaiboek (so nothing is migrated,
//                                            nothing can be lost on the way)
//   <prefix><instrument>:v<version>:r:<id>   every further record
//
// A record's label, assessor and date travel in the envelope's `meta`.

import { timestamp } from "./format.js";
import { keysOf } from "./storage.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {{label?: string, assessor?: string, date?: string, saved_at?: string}} Meta */
/**
 * @typedef {object} Envelope
 * @property {string} format
 * @property {string} instrument
 * @property {number} version
 * @property {Answers} answers
 * @property {Meta} [meta]
 */
/**
 * A record found on the device.
 * @typedef {object} StoredRecord
 * @property {string} id
 * @property {string} key
 * @property {string} raw the stored text, as it was read
 * @property {Envelope | null} envelope null when damaged
 */

export const FIRST_RECORD = "0";
const RECORD_ID = /^[a-z0-9]+$/;

/** A new record id: short, unique on this device, sortable by creation. */
export function newRecordId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
}

/**
 * @param {string} base `<prefix><instrument>:v<version>`
 * @param {string} id
 */
export function recordKey(base, id) {
  return id === FIRST_RECORD ? base : `${base}:r:${id}`;
}

/**
 * The record id a key stands for under `base`, or null when it is no record
 * key (a record kept aside, another version, another instrument).
 * @param {string} base
 * @param {string} key
 */
export function recordIdOf(base, key) {
  if (key === base) return FIRST_RECORD;
  if (!key.startsWith(`${base}:r:`)) return null;
  const id = key.slice(base.length + 3);
  return RECORD_ID.test(id) ? id : null;
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export function isMapping(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/**
 * The envelope in a stored text, or null when it is damaged or not for this
 * instrument and version.
 * @param {string} raw
 * @param {string} instrument
 * @param {number} version
 * @returns {Envelope | null}
 */
export function parseRecord(raw, instrument, version) {
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isMapping(data) || data.instrument !== instrument || data.version !== version) return null;
  if (!isMapping(data.answers)) return null;
  if (data.meta !== undefined && !isMapping(data.meta)) return null;
  return /** @type {Envelope} */ (data);
}

/**
 * Every record of one instrument version in a storage area, newest first.
 * @param {Storage} store
 * @param {string} base
 * @param {string} instrument
 * @param {number} version
 * @returns {StoredRecord[]}
 */
export function listRecords(store, base, instrument, version) {
  /** @type {StoredRecord[]} */
  const found = [];
  for (const key of keysOf(store)) {
    const id = recordIdOf(base, key);
    const raw = id === null ? null : store.getItem(key);
    if (id === null || raw === null) continue;
    found.push({ id, key, raw, envelope: parseRecord(raw, instrument, version) });
  }
  return found.sort((a, b) => savedAt(b) - savedAt(a));
}

/** @param {StoredRecord} record */
function savedAt(record) {
  const time = Date.parse(record.envelope?.meta?.saved_at || "");
  return Number.isNaN(time) ? 0 : time;
}

/**
 * Meta with only what was filled in, plus the time of saving.
 * @param {Meta} meta
 * @returns {Meta}
 */
export function savedMeta(meta) {
  /** @type {Meta} */
  const kept = {};
  for (const key of /** @type {const} */ (["label", "assessor", "date"])) {
    const value = (meta[key] || "").trim();
    if (value) kept[key] = value;
  }
  return { ...kept, saved_at: timestamp() };
}

/** True when a record holds nothing worth keeping. @param {Answers} answers @param {Meta} meta */
export function isEmptyRecord(answers, meta) {
  return !Object.keys(answers).length && !meta.label?.trim() && !meta.assessor?.trim() && !meta.date?.trim();
}

/**
 * How a record is named in lists: its label (or that it has none) and its
 * observation date.
 * @param {Meta | undefined} meta
 * @param {string} unnamed
 */
export function recordName(meta, unnamed) {
  const label = meta?.label?.trim() || unnamed;
  return meta?.date ? `${label} · ${meta.date}` : label;
}
