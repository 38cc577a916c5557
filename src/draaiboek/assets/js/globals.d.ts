// What other scripts put on `window` for this runtime.

interface EarlyWorker extends Worker {
  /** Messages the worker sent before forms.js adopted it. */
  missed?: unknown[];
}

interface Window {
  /** The scorer's worker, started by the plugin's inline script in <head>. */
  draaiboekWorker?: EarlyWorker;
  /** Lets mkdocs-material's search worker start (the plugin's SEARCH_AFTER_RESULT). */
  draaiboekStartSearch?: () => void;
  /** mkdocs-material's page observable (instant navigation). */
  document$?: { subscribe(next: () => void): unknown };
  /** The QR decoder, set by qrdecode.js once the group page has loaded it. */
  draaiboekQrDecoder?: {
    /** The text of the QR code in the image, or null when there is none. */
    read(image: ImageData): string | null;
  };
}
