// @ts-check
// Browser storage on this device: which area the site owner chose, whether it
// works at all, and the keys of this handbook.

export const KEY_PREFIX = "draaiboek";

/**
 * The storage area of the plugin's `storage` setting, or null when it is off
 * or the browser blocks it (private mode, full quota, policy).
 * @param {string | undefined} kind "local" | "session" | "none"
 * @returns {Storage | null}
 */
export function storageArea(kind) {
  try {
    const area = kind === "local" ? localStorage : kind === "session" ? sessionStorage : null;
    if (area) {
      const probe = `${KEY_PREFIX}:probe`;
      area.setItem(probe, "1");
      area.removeItem(probe);
    }
    return area;
  } catch {
    return null;
  }
}

/**
 * The storage area of the `storage` setting and whether it takes new data.
 * A full area (the probe cannot be written) still gives back what it holds:
 * answers saved earlier are shown, read-only, rather than hidden.
 * @param {string | undefined} kind "local" | "session" | "none"
 * @returns {{area: Storage | null, writable: boolean}}
 */
export function openStorage(kind) {
  const area = storageArea(kind);
  if (area) return { area, writable: true };
  try {
    const readable = kind === "local" ? localStorage : kind === "session" ? sessionStorage : null;
    // Reading works although writing failed: the area is full, not blocked.
    if (readable && readable.length >= 0 && keysOf(readable).length) return { area: readable, writable: false };
  } catch {
    // Blocked by the browser or a policy: nothing to read either.
  }
  return { area: null, writable: false };
}

/** @param {Storage} area */
export function keysOf(area) {
  /** @type {string[]} */
  const keys = [];
  for (let i = 0; i < area.length; i++) {
    const key = area.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * Remove every key of one handbook (its prefix) from both storage areas.
 * @param {string} prefix
 */
export function removeHandbookData(prefix) {
  for (const area of [storageArea("local"), storageArea("session")]) {
    if (!area) continue;
    for (const key of keysOf(area)) if (key.startsWith(prefix)) area.removeItem(key);
  }
}
