// Runs the scoring vectors inside real Pyodide, loaded by Node.js from a folder
// laid out exactly like the site's runtime folder (core files, the scoring
// wheel, and the lockfile it is registered in), so the package is installed
// the way the browser installs it: loadPackage with an integrity check.
// Each vector is {instrument, op?, answers}: op is score (default), compare or
// group, called as messages.<op>_json like the browser worker does.
//
// usage: node run_vectors.mjs RUNTIME_DIR VECTORS.json  → results JSON on stdout
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [runtimeDir, vectorsPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${runtimeDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${runtimeDir}/`, stdout: () => {}, stderr: () => {} });
await pyodide.loadPackage("draaiboek-scoring", { messageCallback: () => {}, errorCallback: (m) => console.error(m) });

const vectors = JSON.parse(await readFile(vectorsPath, "utf8"));
pyodide.globals.set("vectors_json", JSON.stringify(vectors));
const output = pyodide.runPython(`
import json, sys
from draaiboek_scoring import messages

results = []
for vector in json.loads(vectors_json):
    key = messages.load_instrument(json.dumps(vector["instrument"]))
    call = getattr(messages, vector.get("op", "score") + "_json")
    results.append(json.loads(call(key, json.dumps(vector["answers"]))))

# Anything imported beyond the standard library (and Pyodide's own glue) would
# not exist in the browser: report it so the test fails.
allowed = set(sys.stdlib_module_names) | {"draaiboek_scoring", "pyodide", "_pyodide", "js", "pyodide_js", "__main__", "_pyodide_core"}
foreign = sorted({name.split(".")[0] for name in sys.modules} - allowed)
json.dumps({"results": results, "foreign_modules": foreign, "python": sys.version.split()[0]})
`);
process.stdout.write(output);
