// @ts-check
// Reading participants' QR codes on the group page: with the laptop's camera
// (only in a secure context: https or localhost) or from image files. Parts
// come in any order; the status says how many are still missing. The decoder
// is loaded (qrload.js) only when the trainer starts the camera or chooses an
// image; if it cannot be loaded, answer files still work.

import { one } from "./dom.js";
import { QrCollector } from "./qr.js";
import { loadQrDecoder } from "./qrload.js";

/** @typedef {import("./qrload.js").QrDecoder} QrDecoder */

/** @typedef {import("./records.js").Envelope} Envelope */

const SCAN_TEXT = {
  start: "QR-codes scannen met de camera",
  stop: "Camera stoppen",
  noCamera: "De camera kan hier niet gebruikt worden: dat kan alleen als het handboek via https of op dit toestel (localhost) geopend is. Antwoordbestanden laden werkt wel.",
  noDecoder: "De QR-lezer kon niet geladen worden. Herlaad de pagina en probeer opnieuw; antwoordbestanden laden werkt wel.",
  denied: "De camera is niet beschikbaar of je gaf geen toestemming. Antwoordbestanden laden werkt wel.",
  read: (/** @type {number} */ missing) => (missing ? `QR-code gelezen. Nog ${missing} ${missing === 1 ? "deel" : "delen"} nodig.` : "QR-code gelezen: de antwoorden zijn toegevoegd."),
  repeat: "Deze QR-code was al gelezen.",
  notOurs: "Dit is geen QR-code met antwoorden van dit handboek.",
  noCode: "Op deze afbeelding is geen QR-code gevonden.",
  unreadable: (/** @type {number} */ n) => `${n} ${n === 1 ? "afbeelding" : "afbeeldingen"} zonder leesbare QR-code.`,
};

/**
 * Wire the QR controls of one group page.
 * @param {HTMLElement} root
 * @param {(envelopes: Envelope[]) => void} add
 */
export function mountQrScan(root, add) {
  const collector = new QrCollector();
  const status = one(root, "[data-qr-status]");
  /** @param {string} text */
  const take = (text) => {
    const got = collector.add(text);
    if (!got) status.textContent = SCAN_TEXT.notOurs;
    else if (got.repeat && !got.envelope) status.textContent = SCAN_TEXT.repeat;
    else {
      status.textContent = SCAN_TEXT.read(collector.missing);
      status.dataset.qrMissing = String(collector.missing);
      if (got.envelope) add([/** @type {Envelope} */ (/** @type {unknown} */ (got.envelope))]);
    }
  };
  const images = /** @type {HTMLInputElement} */ (one(root, 'input[data-action="group-qr-image"]'));
  /** The decoder, or null after saying it could not be loaded. */
  const decoder = async () => {
    try {
      return await loadQrDecoder();
    } catch {
      status.textContent = SCAN_TEXT.noDecoder;
      return null;
    }
  };
  images.addEventListener("change", async () => {
    const files = [...(images.files || [])];
    images.value = "";
    const reader = files.length ? await decoder() : null;
    if (!reader) return;
    // Of several images, each read one overwrites the status: count the
    // unreadable ones so none goes unnoticed.
    let unreadable = 0;
    for (const file of files) {
      const text = await imageText(file, reader);
      if (text === null) unreadable += 1;
      else take(text);
    }
    if (unreadable && files.length === 1) status.textContent = SCAN_TEXT.noCode;
    else if (unreadable === files.length) status.textContent = SCAN_TEXT.unreadable(unreadable);
    else if (unreadable) status.textContent += ` ${SCAN_TEXT.unreadable(unreadable)}`;
  });
  const button = one(root, 'button[data-action="group-scan"]');
  const video = /** @type {HTMLVideoElement} */ (one(root, "video[data-qr-video]"));
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    button.setAttribute("disabled", "");
    status.textContent = SCAN_TEXT.noCamera;
    return;
  }
  /** @type {MediaStream | null} */
  let stream = null;
  let last = "";
  const stopCamera = () => {
    for (const track of stream?.getTracks() || []) track.stop();
    stream = null;
    video.hidden = true;
    button.textContent = SCAN_TEXT.start;
  };
  const canvas = document.createElement("canvas");
  /** @type {QrDecoder | null} */
  let reader = null;
  const frame = () => {
    if (!stream) return;
    if (video.videoWidth && root.isConnected) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (context && reader) {
        context.drawImage(video, 0, 0);
        const text = reader.read(context.getImageData(0, 0, canvas.width, canvas.height));
        // The same code stays in view for many frames: read it once.
        if (text && text !== last) take(text);
        if (text) last = text;
      }
    }
    if (!root.isConnected) stopCamera();
    else requestAnimationFrame(frame);
  };
  // A second click while the decoder and the camera are still starting (the
  // permission question can take a while) must not open a second camera.
  let starting = false;
  button.addEventListener("click", async () => {
    if (stream) return stopCamera();
    if (starting) return;
    starting = true;
    try {
      reader = await decoder();
      if (!reader) return;
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
      status.textContent = SCAN_TEXT.denied;
      return;
    } finally {
      starting = false;
    }
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    button.textContent = SCAN_TEXT.stop;
    requestAnimationFrame(frame);
  });
}

/**
 * The QR text in an image file, or null.
 * @param {File} file
 * @param {QrDecoder} reader
 */
async function imageText(file, reader) {
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement("canvas");
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext("2d");
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    return reader.read(context.getImageData(0, 0, bitmap.width, bitmap.height));
  } catch {
    return null;
  }
}
