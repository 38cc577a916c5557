// The scorer, in its own thread: Pyodide plus the draaiboek_scoring wheel,
// both loaded from this site's own files. One worker serves every form in the
// tab and stays alive across instant navigation, so only the first form waits.
//
// Messages in:  {id, definition: <url of compiled JSON>, answers: {...}}
// Messages out: {type: "ready"} | {type: "failed", message}
//               {id, reply: {ok, result | kind, problems}} | {id, error}

import { loadPyodide } from "./pyodide/pyodide.mjs";

const scorer = (async () => {
  const pyodide = await loadPyodide({
    indexURL: new URL("./pyodide/", import.meta.url).href,
    stdout: () => {},
    stderr: () => {},
  });
  // Checks the wheel against the sha256 in the site's pyodide-lock.json.
  await pyodide.loadPackage("draaiboek-scoring", { messageCallback: () => {} });
  return pyodide.pyimport("draaiboek_scoring.messages");
})();

scorer.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String(error) }),
);

const loaded = new Map(); // definition URL -> Promise of the instrument key

async function instrumentKey(messages, definition) {
  if (!loaded.has(definition)) {
    const key = fetch(definition)
      .then((response) => {
        if (!response.ok) throw new Error(`${definition}: HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => messages.load_instrument(text));
    key.catch(() => loaded.delete(definition));
    loaded.set(definition, key);
  }
  return loaded.get(definition);
}

self.onmessage = async ({ data }) => {
  const { id, definition, answers } = data;
  try {
    const messages = await scorer;
    const key = await instrumentKey(messages, definition);
    const reply = JSON.parse(messages.score_json(key, JSON.stringify(answers)));
    postMessage({ id, reply });
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
