// @ts-check
// Loads the QR decoder (qrdecode.js, a classic script next to forms.js) the
// first time the group page needs to read a code. A classic <script> element,
// not import(): it works from file:// too, and the CSP (script-src 'self')
// allows it.

import { assetUrl } from "./base.js";

/** @typedef {NonNullable<Window["draaiboekQrDecoder"]>} QrDecoder */

/** @type {Promise<QrDecoder> | null} */
let loading = null;

/**
 * The decoder, loaded once per page visit. Rejects when the script cannot be
 * loaded; a later call tries again.
 * @returns {Promise<QrDecoder>}
 */
export function loadQrDecoder() {
  if (window.draaiboekQrDecoder) return Promise.resolve(window.draaiboekQrDecoder);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      // The decoder's address, computed here and nowhere else.
      script.src = assetUrl("qrdecode.js").href;
      script.addEventListener("load", () => {
        if (window.draaiboekQrDecoder) resolve(window.draaiboekQrDecoder);
        else fail(new Error("qrdecode.js loaded without a decoder"));
      });
      script.addEventListener("error", () => fail(new Error("qrdecode.js could not be loaded")));
      /** @param {Error} error */
      const fail = (error) => {
        script.remove();
        loading = null;
        reject(error);
      };
      document.head.append(script);
    });
  }
  return loading;
}
