// @ts-check
// A person's own storage choice for this browser ("Op dit toestel"): keep
// answers on this device until wiped (localStorage) or until the browser
// closes (sessionStorage). The site's `storage` option stays the default; a
// site that stores nothing ("none") cannot be switched on here. Switching
// moves this handbook's keys to the other area: copied first, the old ones
// removed only once every key is across, so nothing is lost on the way.

import { newRecordId, recordKey } from "./records.js";
import { KEY_PREFIX, keysOf } from "./storage.js";

/** @param {string | undefined} site */
function choiceKey(site) {
  // Kept in localStorage: it must outlive the browser session it may end.
  return `${KEY_PREFIX}:${site}:storage-choice`;
}

/**
 * Whether a storage event's key is this site's storage choice.
 * @param {string | undefined} site
 * @param {string | null} key
 */
export function isChoiceKey(site, key) {
  return key === choiceKey(site);
}

/**
 * Show the texts (`[data-storage-text="local|session"]`) of the storage kind
 * in force, hide the others: pages describe what this browser does, not the
 * site's default.
 * @param {ParentNode} root
 * @param {string | undefined} kind
 */
export function showStorageText(root, kind) {
  for (const node of root.querySelectorAll("[data-storage-text]")) {
    if (node instanceof HTMLElement) node.hidden = node.dataset.storageText !== kind;
  }
}

/**
 * The storage kind this browser uses for a site: the person's choice, else
 * the site's setting.
 * @param {string | undefined} site
 * @param {string | undefined} kind the site's `storage` setting
 */
export function storageKind(site, kind) {
  if (kind !== "local" && kind !== "session") return kind;
  try {
    const chosen = localStorage.getItem(choiceKey(site));
    return chosen === "local" || chosen === "session" ? chosen : kind;
  } catch {
    return kind;
  }
}

/**
 * Move this handbook's data to the other area and remember the choice.
 * Returns false (and changes nothing) when the new area cannot take it all.
 * @param {string | undefined} site
 * @param {"local" | "session"} from
 * @param {"local" | "session"} to
 */
export function switchStorage(site, from, to) {
  if (from === to) return true;
  const prefix = `${KEY_PREFIX}:${site}:`;
  const choice = choiceKey(site);
  try {
    const source = from === "local" ? localStorage : sessionStorage;
    const target = to === "local" ? localStorage : sessionStorage;
    const keys = keysOf(source).filter((key) => key.startsWith(prefix) && key !== choice);
    /** @type {string[]} */
    const written = [];
    try {
      for (const key of keys) {
        const value = source.getItem(key);
        if (value === null) continue;
        target.setItem(key, value);
        written.push(key);
      }
      localStorage.setItem(choice, to);
    } catch {
      // The new area is full or blocked: undo the copies, keep the old area.
      for (const key of written) target.removeItem(key);
      return false;
    }
    for (const key of written) source.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * A tab whose own session area holds records when the person chose, in
 * another tab, to keep answers until wiped: those records join the shared
 * area too (each tab has its own session area; the other tab could only move
 * its own). A key the shared area already holds with other contents is never
 * written over: a record gets a new record id, anything else stays behind.
 * Returns the records that moved under a new key (old key -> new key).
 * @param {string | undefined} site
 * @param {Storage} session this tab's sessionStorage
 * @param {Storage} local localStorage
 */
export function joinShared(site, session, local) {
  const prefix = `${KEY_PREFIX}:${site}:`;
  /** @type {Map<string, string>} */
  const renamed = new Map();
  for (const key of keysOf(session).filter((name) => name.startsWith(prefix))) {
    const value = session.getItem(key);
    if (value === null) continue;
    const there = local.getItem(key);
    let target = key;
    if (there !== null && there !== value) {
      const record = /^(.*:v\d+)(?::r:[a-z0-9]+)?$/.exec(key);
      if (!record) continue;
      target = recordKey(record[1], newRecordId());
    }
    try {
      local.setItem(target, value);
    } catch {
      // Full: it stays in this tab's session area, where it was.
      continue;
    }
    session.removeItem(key);
    if (target !== key) renamed.set(key, target);
  }
  return renamed;
}
