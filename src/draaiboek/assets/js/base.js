// @ts-check
// Where this script was loaded from: the worker and the instruments' JSON sit
// next to it. Read while the script runs (document.currentScript is null later).

const script = /** @type {HTMLScriptElement} */ (document.currentScript);

export const BASE = new URL(".", script.src);

// The build names the site's browser files after their content (worker.mjs ->
// worker.<hash>.mjs, see draaiboek.browser_assets) and writes the names here,
// so browsers may keep them for good. Unbuilt, the files keep their own names.
/** @type {Record<string, string>} */
const ASSET_NAMES = {};

/** @param {string} path a path relative to the folder of this script */
export function assetUrl(path) {
  return new URL(ASSET_NAMES[path] || path, BASE);
}
