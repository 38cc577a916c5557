// What other scripts put on `window` for this runtime.

interface EarlyWorker extends Worker {
  /** Messages the worker sent before forms.js adopted it. */
  missed?: unknown[];
}

interface Window {
  /** The scorer's worker, started by the plugin's inline script in <head>. */
  draaiboekWorker?: EarlyWorker;
  /** mkdocs-material's page observable (instant navigation). */
  document$?: { subscribe(next: () => void): unknown };
}
