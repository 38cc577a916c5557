// @ts-check
// A person's own storage choice for this browser ("Op dit toestel"): keep
// answers on this device until wiped (localStorage) or until the browser
// closes (sessionStorage). The site's `storage` option stays the default; a
// site that stores nothing ("none") cannot be switched on here. Switching
// moves this handbook's keys to the other area: copied first, the old ones
// removed only once every key is across, so nothing is lost on the way.

import { KEY_PREFIX, keysOf } from "./storage.js";

/** @param {string | undefined} site */
function choiceKey(site) {
  // Kept in localStorage: it must outlive the browser session it may end.
  return `${KEY_PREFIX}:${site}:storage-choice`;
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
