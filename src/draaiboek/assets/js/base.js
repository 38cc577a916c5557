// @ts-check
// Where this script was loaded from: the worker and the instruments' JSON sit
// next to it. Read while the script runs (document.currentScript is null later).

const script = /** @type {HTMLScriptElement} */ (document.currentScript);

export const BASE = new URL(".", script.src);

/** @param {string} path a path relative to the folder of this script */
export function assetUrl(path) {
  return new URL(path, BASE);
}
