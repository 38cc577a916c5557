// Finds and compiles the standard library the scorer needs, inside real Pyodide.
//
// usage: node prepare_stdlib.mjs PYODIDE_DIR JOB.json OUT.json
//
// JOB.json: {"package": "draaiboek_scoring",
//            "sources": {"draaiboek_scoring/messages.py": "<text>", ...},
//            "imports": ["json", "draaiboek_scoring.scoring", ...],
//            "operations": ["score_json", ...],
//            "vectors": [{"instrument": <compiled JSON>, "cases": [{"op": "score", "answers": ...}]}],
//            "program": "<trace_stdlib.py>"}
// OUT.json: what trace_stdlib.collect returns, plus the calls that raised.
//
// The scorer is driven from JavaScript exactly as the browser's worker.mjs
// drives it (pyimport, then strings in and out), so the modules Pyodide's
// own glue imports on that path, and when a Python error crosses into
// JavaScript, are recorded too.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [pyodideDir, jobPath, outPath] = process.argv.slice(2);
const raised = [];
const job = JSON.parse(await readFile(jobPath, "utf8"));
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdout: () => {}, stderr: () => {} });

const root = "/draaiboek_trace";
for (const [relative, text] of Object.entries(job.sources)) {
  const path = `${root}/${relative}`;
  pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  pyodide.FS.writeFile(path, text);
}
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(root)})`);

// Every module of the scorer and every module its source imports anywhere
// (also inside a function), in case no vector reaches that line.
for (const name of job.imports) attempt(`import ${name}`, () => pyodide.pyimport(name));
const messages = pyodide.pyimport(`${job.package}.messages`);
const operations = job.operations;

function attempt(what, call) {
  try {
    return call();
  } catch (error) {
    // A Python exception on this path is what we want recorded, not a failure.
    raised.push(`${what}: ${String(error).split("\n").slice(-2).join(" ")}`);
    return null;
  }
}

// An instrument the scorer cannot read: the path where a Python error reaches JavaScript.
attempt("load_instrument({)", () => messages.load_instrument("{"));
for (const [index, vector] of job.vectors.entries()) {
  const key = attempt(`vector ${index}`, () => messages.load_instrument(JSON.stringify(vector.instrument)));
  if (key === null) continue;
  for (const operation of operations) {
    const own = vector.cases.filter((c) => `${c.op ?? "score"}_json` === operation);
    // Each case with its own answers; an operation no case names (a comparison
    // of several records, a group) gets every answer set of the file at once.
    const payloads = own.length
      ? own.map((c) => c.answers)
      : [vector.cases.map((c) => c.answers)];
    for (const answers of payloads) {
      attempt(`vector ${index} ${operation}`, () => messages[operation](key, JSON.stringify(answers)));
    }
  }
}

const tracer = pyodide.runPython(
  `import types; types.ModuleType("draaiboek_trace")`,
);
pyodide.runPython(job.program, { globals: tracer.__dict__ });
const result = JSON.parse(tracer.collect(root));
result.raised = raised;
await writeFile(outPath, JSON.stringify(result));
