// @ts-check
// The scorer: one Web Worker with Pyodide for the whole tab, shared by every
// form and kept across instant navigation. This module is its client.

import { assetUrl } from "./base.js";
import { TEXT } from "./text.js";

/** @typedef {"idle" | "loading" | "ready" | "unavailable"} ScorerState */

/**
 * @typedef {object} Score
 * @property {number | null} [value]
 * @property {string | null} [band]
 * @property {string | null} [band_label]
 */

/**
 * The scorer's result (FORMAT.md "Result"), as far as the page reads it.
 * @typedef {object} Result
 * @property {string[]} hidden
 * @property {string[]} [hidden_sections]
 * @property {number} answered
 * @property {number} total
 * @property {Record<string, Score>} scores
 * @property {{id: string} | null} outcome null too while outcome_pending
 * @property {boolean} outcome_pending the instrument's `decide` rule is not met yet
 * @property {boolean} complete every visible question and every required one answered
 * @property {{id: string}[]} flags
 * @property {{strengths?: string[], work_points?: string[]}} [highlights]
 * @property {string[]} [missing_required]
 */

/** @typedef {{item?: string | null, message: string}} Problem */

/**
 * @typedef {{ok: true, result: Result}
 *   | {ok: false, kind: string, problems: Problem[]}} Reply
 */

/** @typedef {(state: ScorerState, reason: string) => void} StateListener */

/**
 * @typedef {{type: "ready"} | {type: "failed", message: string}
 *   | {type: "mark", name: string, at: number}
 *   | {type?: undefined, id: number, text?: string, error?: string}} WorkerMessage
 */

/**
 * A stage of the worker's start on this page's performance timeline
 * ("draaiboek:worker:python" …), for `make bench` and the browser's profiler.
 * @param {string} name
 * @param {number} at milliseconds since the epoch
 */
function markWorkerStage(name, at) {
  try {
    performance.mark(`draaiboek:worker:${name}`, { startTime: Math.max(0, at - performance.timeOrigin) });
  } catch {
    // An old browser without mark options: the marks are only for measuring.
  }
}

/** Why scoring cannot run in this browser at all, or "" when it can. */
function unavailableReason() {
  if (location.protocol === "file:") return TEXT.fileProtocol;
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return TEXT.oldBrowser;
  return "";
}

class Scorer {
  constructor() {
    /** @type {ScorerState} */
    this.state = "idle";
    this.reason = "";
    /** @type {Worker | null} */
    this.worker = null;
    this.nextId = 1;
    /** @type {Map<number, {resolve: (reply: Reply) => void, reject: (error: Error) => void}>} */
    this.waiting = new Map();
    /** @type {Set<StateListener>} */
    this.listeners = new Set();
  }

  // Start once, when the first form mounts: Pyodide loads and compiles in the
  // worker's own thread, in parallel with reading; the page's thread only
  // creates the worker.
  start() {
    if (this.state !== "idle") return;
    const reason = unavailableReason();
    if (reason) return this.become("unavailable", reason);
    this.become("loading");
    // Started from the page's <head> already (see the plugin); else start it now.
    const early = window.draaiboekWorker;
    delete window.draaiboekWorker;
    /** @type {Worker} */
    let worker;
    try {
      worker = early || new Worker(assetUrl("worker.mjs"), { type: "module" });
    } catch (error) {
      return this.become("unavailable", TEXT.failed(String(error)));
    }
    this.worker = worker;
    worker.onmessage = ({ data }) => this.receive(data);
    for (const data of (early && early.missed) || []) this.receive(/** @type {WorkerMessage} */ (data));
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || TEXT.runtimeUnreachable);
    };
  }

  /**
   * Fetch a form's definition in the worker while Pyodide is still loading.
   * @param {string} definition URL of the instrument's compiled JSON
   */
  preload(definition) {
    if (this.worker) this.worker.postMessage({ preload: definition });
  }

  /** @param {WorkerMessage} data */
  receive(data) {
    if (data.type === "mark") return markWorkerStage(data.name, data.at);
    if (data.type === "ready") return this.become("ready");
    if (data.type === "failed") return this.fail(data.message);
    const pending = this.waiting.get(data.id);
    if (!pending) return;
    this.waiting.delete(data.id);
    if (data.error || typeof data.text !== "string") pending.reject(new Error(data.error || "geen antwoord"));
    else pending.resolve(/** @type {Reply} */ (JSON.parse(data.text)));
  }

  /** @param {string} message */
  fail(message) {
    this.become("unavailable", TEXT.failed(message));
    for (const pending of this.waiting.values()) pending.reject(new Error(message));
    this.waiting.clear();
  }

  /** @param {ScorerState} state @param {string} [reason] */
  become(state, reason = "") {
    this.state = state;
    this.reason = reason;
    for (const listener of this.listeners) listener(state, reason);
  }

  /**
   * Score answers against an instrument in the worker.
   * @param {string} definition URL of the instrument's compiled JSON
   * @param {Record<string, unknown>} answers
   * @returns {Promise<Reply>}
   */
  score(definition, answers) {
    return /** @type {Promise<Reply>} */ (this.run("score", definition, answers));
  }

  /**
   * Any operation of draaiboek_scoring.messages (score, compare, group).
   * @param {string} op
   * @param {string} definition URL of the instrument's compiled JSON
   * @param {unknown} payload
   * @returns {Promise<{ok: true, result: any} | {ok: false, kind: string, problems: Problem[]}>}
   */
  run(op, definition, payload) {
    if (this.state === "unavailable") return Promise.reject(new Error(this.reason));
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("de rekenmodule is nog niet gestart"));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, definition, text: JSON.stringify(payload) });
    });
  }
}

/** The one scorer of this tab. */
export const scorer = new Scorer();
