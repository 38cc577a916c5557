// @ts-check
// draaiboek forms: live scoring, autosave, export, import, print, clear.
//
// The entry of forms.js. The sources are ES modules; esbuild bundles them into
// one classic script, because browsers refuse module scripts from file://, and
// a handbook opened from a USB stick must still let people fill in, save and
// print its forms.
//
// Nothing typed here leaves the device: the only requests are for the site's
// own files (the worker, Pyodide, the instrument's JSON).

import { watchPages } from "./mount.js";

watchPages();
