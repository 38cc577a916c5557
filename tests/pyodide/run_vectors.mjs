// Runs the scoring vectors inside real Pyodide, loaded by Node.js from a folder
// laid out exactly like the site's runtime folder, with the loadPyodide options
// the site's worker.mjs uses:
// - a full runtime (core files, the scoring wheel, the lockfile it is
//   registered in): the package is installed the way the browser installs it,
//   loadPackage with an integrity check;
// - a trimmed runtime (engine files and scorer_stdlib.zip, the scorer inside):
//   stdLibURL and a lock with no packages, nothing else.
// Each vector is {instrument, op?, answers}: op is score (default), compare or
// group, called as messages.<op>_json like the browser worker does.
//
// usage: node run_vectors.mjs RUNTIME_DIR VECTORS.json [OPTIONS.json] → results JSON on stdout
// OPTIONS.json is what draaiboek.runtime.load_options gives (default: the full runtime's).
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [runtimeDir, vectorsPath, optionsPath] = process.argv.slice(2);
const options = optionsPath ? JSON.parse(await readFile(optionsPath, "utf8")) : { packages: ["draaiboek-scoring"] };
if (options.stdLibURL) options.stdLibURL = `${runtimeDir}/${options.stdLibURL}`;
const { loadPyodide } = await import(pathToFileURL(`${runtimeDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${runtimeDir}/`, ...options, stdout: () => {}, stderr: (m) => console.error(m) });

const vectors = JSON.parse(await readFile(vectorsPath, "utf8"));
pyodide.globals.set("vectors_json", JSON.stringify(vectors));
let output;
try {
  output = pyodide.runPython(`
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
stdlib = next(entry for entry in sys.path if entry.endswith(".zip"))
json.dumps({"results": results, "foreign_modules": foreign, "python": sys.version.split()[0],
            "scorer_file": messages.__file__, "stdlib": stdlib})
`);
} catch (error) {
  // The Python traceback's last lines name what went wrong (a missing module, …).
  console.error(String(error).split("\n").slice(-4).join("\n"));
  process.exit(1);
}
process.stdout.write(output);
