// @ts-check
// Answers as QR codes, for a workshop without a network between the devices.
//
// A participant's form shows its answers as one QR code, or as a few when
// they do not fit in one that a laptop camera reads well; the group page reads
// them back (camera or image file) in any order. The payload carries only what
// scoring needs — instrument id, version, answers — never a label, assessor or
// date: the group is anonymous. Each code is a line of ASCII:
//
//   DBQ1 <set> <k>/<n> <piece>
//
// `<set>` is a random tag that keeps the parts of one participant together
// (it names nobody); the pieces joined are `[instrument, version, answers]`
// as JSON with every non-ASCII character escaped, so byte mode needs no
// character set agreement between encoder and decoder.
//
// Encoder: qrcode-generator (MIT), bundled into forms.js; decoder: jsQR
// (Apache-2.0), in qrdecode.js, loaded only when the group page reads a code
// (qrload.js). Both are pinned npm packages; neither fetches anything.

import qrcode from "qrcode-generator";

const PREFIX = "DBQ1";
// Characters per code: about QR version 17 at error correction level M,
// which a laptop webcam still reads from a phone screen held at arm's length.
export const PART_SIZE = 500;

/**
 * The codes' texts for one set of answers.
 * @param {string} instrument
 * @param {number} version
 * @param {Record<string, unknown>} answers
 * @returns {string[]}
 */
export function qrTexts(instrument, version, answers) {
  const json = JSON.stringify([instrument, version, answers]).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  const count = Math.max(1, Math.ceil(json.length / PART_SIZE));
  const set = Math.random().toString(36).slice(2, 8).padEnd(6, "0");
  return Array.from({ length: count }, (_, k) => `${PREFIX} ${set} ${k + 1}/${count} ${json.slice(k * PART_SIZE, (k + 1) * PART_SIZE)}`);
}

/**
 * Draw one code on a new canvas.
 * @param {string} text
 * @param {string} label the canvas's accessible name
 */
export function qrCanvas(text, label) {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const cell = 6;
  const margin = 4;
  const size = (code.getModuleCount() + 2 * margin) * cell;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  const context = canvas.getContext("2d");
  if (context) {
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size, size);
    context.translate(margin * cell, margin * cell);
    code.renderTo2dContext(context, cell);
  }
  return canvas;
}

/**
 * Collects parts of codes in any order into complete answer sets.
 */
export class QrCollector {
  constructor() {
    /** @type {Map<string, {count: number, pieces: Map<number, string>}>} */
    this.sets = new Map();
    /** @type {Set<string>} */
    this.done = new Set();
  }

  /**
   * Take one code's text. Returns the envelope when its set is complete, else
   * what is known about the set; `null` when the text is not one of ours.
   * @param {string} text
   * @returns {{envelope?: {format: string, instrument: string, version: number, answers: Record<string, unknown>, meta: {}}, missing: number, repeat: boolean} | null}
   */
  add(text) {
    const match = /^DBQ1 ([a-z0-9]{6}) (\d+)\/(\d+) ([\s\S]*)$/.exec(text);
    if (!match) return null;
    const [, set, k, n, piece] = match;
    const count = Number(n);
    const index = Number(k);
    if (this.done.has(set)) return { missing: 0, repeat: true };
    if (!(count >= 1 && index >= 1 && index <= count)) return null;
    const entry = this.sets.get(set) || { count, pieces: new Map() };
    const repeat = entry.pieces.has(index);
    entry.pieces.set(index, piece);
    this.sets.set(set, entry);
    const missing = entry.count - entry.pieces.size;
    if (missing) return { missing, repeat };
    this.sets.delete(set);
    this.done.add(set);
    try {
      const json = Array.from({ length: entry.count }, (_, i) => entry.pieces.get(i + 1)).join("");
      const [instrument, version, answers] = JSON.parse(json);
      return { envelope: { format: "draaiboek-answers/1", instrument, version, answers, meta: {} }, missing: 0, repeat };
    } catch {
      return null;
    }
  }

  /** Parts still missing over all started sets. */
  get missing() {
    let total = 0;
    for (const entry of this.sets.values()) total += entry.count - entry.pieces.size;
    return total;
  }
}
