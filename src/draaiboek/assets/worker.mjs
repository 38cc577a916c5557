// The scorer, in its own thread: Pyodide plus the scorer, both loaded from
// this site's own files. One worker serves every form in the
// tab and stays alive across instant navigation, so only the first form waits.
//
// Messages in:  {preload: <url of compiled JSON>} (fetch it now, while Pyodide
//                 loads, and read it once the scorer is up)
//               {id, definition: <url of compiled JSON>, text: <answers as JSON text>}
//               {id, op: "compare" | "group" | …, definition, text: <payload as JSON>}
//                 (op defaults to "score"; calls draaiboek_scoring.messages.<op>_json)
// Messages out: {type: "ready"} | {type: "failed", message}
//               {type: "mark", name, at} (a stage of the start, for the page's
//                 performance timeline: `at` is milliseconds since the epoch)
//               {id, text: <JSON of {ok, result | kind, problems}>} | {id, error}
// Answers and replies cross as JSON text, as they do into and out of Python:
// copying a string between threads is cheaper than cloning the object.

import { loadPyodide } from "./pyodide/pyodide.mjs";
// Imported here rather than by loadPyodide: the browser fetches it together
// with pyodide.mjs instead of after it, one round trip less before the wasm.
import createPyodideModule from "./pyodide/pyodide.asm.mjs";

// Filled in by the build (draaiboek.runtime): either the standard library made
// for the scorer, with the scorer inside, and a lock with no packages
// ({stdLibURL, lockFileContents}), or Pyodide's own with the scorer's wheel
// ({packages}). File names are relative to the runtime folder.
const RUNTIME = {};

// Where the start's time goes (the worker's clock differs from the page's:
// both agree on the epoch). Cheap: five messages per tab.
function mark(name) {
  postMessage({ type: "mark", name, at: performance.timeOrigin + performance.now() });
}
mark("modules");

const indexURL = new URL("./pyodide/", import.meta.url).href;
const scorer = (async () => {
  const options = { ...RUNTIME };
  if (options.stdLibURL) options.stdLibURL = new URL(options.stdLibURL, indexURL).href;
  const pyodide = await loadPyodide({
    indexURL,
    createPyodideModule,
    ...options,
    stdout: () => {},
    stderr: () => {},
  });
  mark("python");
  const messages = pyodide.pyimport("draaiboek_scoring.messages");
  mark("scorer");
  return messages;
})();

scorer.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String(error) }),
);

const texts = new Map(); // definition URL -> Promise of its JSON text
const loaded = new Map(); // definition URL -> Promise of the instrument key

function definitionText(definition) {
  if (!texts.has(definition)) {
    const text = fetch(definition).then((response) => {
      if (!response.ok) throw new Error(`${definition}: HTTP ${response.status}`);
      return response.text();
    });
    text.catch(() => texts.delete(definition));
    texts.set(definition, text);
  }
  return texts.get(definition);
}

async function instrumentKey(messages, definition) {
  if (!loaded.has(definition)) {
    const key = definitionText(definition).then((text) => {
      const loadedKey = messages.load_instrument(text);
      mark("definition");
      return loadedKey;
    });
    key.catch(() => loaded.delete(definition));
    loaded.set(definition, key);
  }
  return loaded.get(definition);
}

// One proxy per entry point for the worker's life: looking it up on every
// answer would make (and leak) a new proxy each time.
const entryPoints = new Map();
function entryPoint(messages, op) {
  if (!entryPoints.has(op)) {
    const call = messages[`${op}_json`];
    if (typeof call !== "function") throw new Error(`unknown scorer operation '${op}'`);
    entryPoints.set(op, call);
  }
  return entryPoints.get(op);
}

self.onmessage = async ({ data }) => {
  if (data.preload) {
    // Fetched now, read by the scorer as soon as it is up: the page's first
    // request then finds the instrument ready. A real request reports errors.
    definitionText(data.preload).catch(() => {});
    scorer.then((messages) => instrumentKey(messages, data.preload)).catch(() => {});
    return;
  }
  const { id, definition, text, op = "score" } = data;
  try {
    const messages = await scorer;
    const key = await instrumentKey(messages, definition);
    const call = entryPoint(messages, op);
    postMessage({ id, text: call(key, text) });
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
