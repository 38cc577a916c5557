// @ts-check
// One instrument form on the page: wires its events to the other modules and
// keeps the little state a form has (the last answers sent, the newest score
// request). Everything else lives in the module named for it.

import { freshRecord, openFresh, restoreAnswers, saveAnswers, snapshotOf } from "./autosave.js";
import { assetUrl } from "./base.js";
import { exportAll } from "./bundle.js";
import { ask } from "./dialog.js";
import { collectAnswers, resetInputs } from "./form.js";
import { applyTextLimit, limitsOf } from "./limits.js";
import { showNotice } from "./notices.js";
import { blankSheet, filledSheet, printSheet } from "./print.js";
import { readMeta } from "./recordbar.js";
import { deleteRecord, duplicateRecord, newRecord, switchRecord } from "./recordactions.js";
import { showRefused, showResult, watchFocus } from "./result.js";
import { addRow, removeRow, rowsOf } from "./rows.js";
import { scorer } from "./scorer.js";
import { clearStale, markStale } from "./stale.js";
import { markInvalid, showReady, showScorerState, showScoringError } from "./status.js";
import { KEY_PREFIX, openStorage } from "./storage.js";
import { showStorageText, storageKind } from "./storagechoice.js";
import { followStorageChoice } from "./storagefollow.js";
import { watchOtherTabs } from "./tabs.js";
import { TEXT } from "./text.js";
import { exportFile, importFile } from "./transfer.js";

/** @typedef {import("./form.js").Answers} Answers */
/** @typedef {import("./scorer.js").Reply} Reply */
/** @typedef {import("./scorer.js").StateListener} StateListener */

/** @typedef {{clearAll: (prefix: string) => void}} Page what a form asks of the page */

/**
 * Mount one `form.db-instrument`.
 * @param {HTMLFormElement} form
 * @param {Page} page
 */
export function mountInstrument(form, page) {
  return new InstrumentForm(form, page);
}

export class InstrumentForm {
  /**
   * Mount a `form.db-instrument`: restore its answers, start the scorer.
   * @param {HTMLFormElement} form
   * @param {Page} page
   */
  constructor(form, page) {
    /** @type {HTMLFormElement} */
    this.form = form;
    this.page = page;
    /** @type {string} */
    this.id = form.dataset.instrument || "";
    /** @type {number} */
    this.version = Number(form.dataset.version);
    /** @type {string} */
    this.title = form.dataset.title || this.id;
    /** @type {string} URL of the compiled JSON */
    this.definition = assetUrl(`instruments/${form.dataset.definition}`).href;
    /** @type {string} every storage key of this handbook starts with it */
    this.prefix = `${KEY_PREFIX}:${form.dataset.site}:`;
    /** @type {string} where this version's records are saved (see records.js) */
    this.key = `${this.prefix}${this.id}:v${this.version}`;
    const kind = storageKind(form.dataset.site, form.dataset.storage);
    const storage = openStorage(kind);
    // The privacy line says what this browser does, not the site's default.
    showStorageText(form, kind);
    /** @type {Storage | null} */
    this.store = storage.area;
    /** false when the area is full: what it holds is shown, read-only */
    this.writable = storage.writable;
    /** @type {Set<string>} keys never to write to (a damaged record that could not be set aside) */
    this.blocked = new Set();
    /** @type {import("./autosave.js").CurrentRecord} the record the form shows */
    this.record = freshRecord(this);
    /** @type {HTMLElement | null} the one "storage is full" notice */
    this.fullNotice = null;
    /** @type {HTMLElement | null} the one "another tab changed this" notice */
    this.tabNotice = null;
    this.sequence = 0;
    /** @type {string | null} */
    this.lastSnapshot = null;
    form.dataset.mounted = "";

    form.addEventListener("submit", (event) => event.preventDefault());
    watchFocus(form);
    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.matches('input[type="file"][data-action="import"]')) {
        importFile(this, target);
      } else if (target instanceof HTMLSelectElement && target.dataset.action === "record") {
        switchRecord(this, target.value);
      } else {
        this.changed();
      }
    });
    form.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
      if (button instanceof HTMLButtonElement && form.contains(button)) this.act(button.dataset.action, button);
    });

    /** @type {StateListener} */
    this.onScorer = (state, reason) => {
      showScorerState(form, state, reason);
      if (state === "ready") this.rescore();
      // No result is coming: the search index need not wait for one.
      if (state === "unavailable") window.draaiboekStartSearch?.();
    };
    scorer.listeners.add(this.onScorer);
    this.onScorer(scorer.state, scorer.reason);
    if (form.dataset.storage !== "none" && !this.store) this.notice("warning", TEXT.storageOff);
    applyTextLimit(form);
    restoreAnswers(this);
    this.stopWatchingTabs = watchOtherTabs(this);
    this.stopFollowing = followStorageChoice(this);
    scorer.start();
    scorer.preload(this.definition);
    this.rescore();
  }

  get connected() {
    return this.form.isConnected;
  }

  /** Stop listening to the scorer (the form left the page). */
  detach() {
    scorer.listeners.delete(this.onScorer);
    this.stopWatchingTabs();
    this.stopFollowing();
  }

  /**
   * @param {import("./notices.js").NoticeKind} kind
   * @param {string} message
   */
  notice(kind, message) {
    return showNotice(this.form, kind, message);
  }

  /** Empty the form. */
  reset() {
    this.lastSnapshot = null;
    resetInputs(this.form);
  }

  /** Empty the form and its record bar: a new record, nothing stored yet. */
  startOver() {
    openFresh(this);
  }

  /** After any change of an answer or of the record's label, assessor or date: save and score, once per real change. */
  changed() {
    // A radio fires both input and change: the second finds nothing new to do.
    const answers = collectAnswers(this.form);
    const snapshot = snapshotOf(answers, readMeta(this.form));
    if (snapshot === this.lastSnapshot) return;
    this.lastSnapshot = snapshot;
    // Scoring first: the worker computes while this thread saves.
    this.rescore(answers);
    saveAnswers(this, answers);
  }

  /**
   * Ask the scorer for a result; only the newest request is shown.
   * @param {Answers} [answers]
   */
  rescore(answers = collectAnswers(this.form)) {
    if (scorer.state !== "ready") return;
    const sequence = ++this.sequence;
    scorer.score(this.definition, answers).then(
      (reply) => {
        if (sequence === this.sequence) this.showReply(reply);
      },
      (error) => {
        if (sequence !== this.sequence) return;
        showScoringError(this.form, String(error.message || error));
        markStale(this.form);
      },
    );
  }

  /** @param {Reply} reply */
  showReply(reply) {
    // A result is on screen: the search index may be built now (in a task of
    // its own, after this one has drawn the result).
    setTimeout(() => window.draaiboekStartSearch?.(), 0);
    markInvalid(this.form, []);
    if (reply.ok) {
      showReady(this.form);
      showResult(this.form, reply.result);
      clearStale(this.form);
      // For profiling and `make bench` (a PerformanceObserver sees every one);
      // only the latest stays in the buffer.
      performance.clearMarks("draaiboek:result");
      performance.mark("draaiboek:result", { detail: { instrument: this.id } });
    } else if (reply.kind === "answers") {
      markInvalid(this.form, reply.problems);
      showRefused(this.form, reply.problems.length);
      markStale(this.form);
    } else {
      showScoringError(this.form, reply.problems.map((problem) => problem.message).join("; "));
      markStale(this.form);
    }
  }

  /**
   * A button with data-action was clicked.
   * @param {string | undefined} action
   * @param {HTMLButtonElement} button
   */
  act(action, button) {
    const table = /** @type {HTMLElement} */ (button.closest('[data-type="table"]'));
    switch (action) {
      case "add-row":
        if (rowsOf(table).length >= limitsOf(this.form).rows) {
          return void this.notice("warning", TEXT.rowLimit(limitsOf(this.form).rows));
        }
        addRow(table);
        return this.changed();
      case "remove-row":
        removeRow(table, /** @type {HTMLElement} */ (button.closest("[data-row]")));
        return this.changed();
      case "export":
        return exportFile(this);
      case "print":
        return printSheet(filledSheet(this.form, this.title), "filled");
      case "print-blank":
        return printSheet(blankSheet(this.form, this.title), "blank");
      case "clear":
        return void ask(TEXT.confirmClear, TEXT.confirmClearButton, button).then((yes) => {
          if (!yes) return;
          // The record keeps its label; a record left with nothing is removed.
          this.reset();
          this.notice("info", TEXT.cleared);
          this.changed();
        });
      case "new-record":
        return newRecord(this);
      case "duplicate-record":
        return duplicateRecord(this);
      case "delete-record":
        return deleteRecord(this);
      case "export-all":
        return exportAll(this);
      case "clear-all":
        return void ask(TEXT.confirmClearAll, TEXT.confirmClearAllButton, button).then((yes) => {
          if (!yes) return;
          this.page.clearAll(this.prefix);
          this.notice("info", TEXT.clearedAll);
        });
      default:
        return;
    }
  }
}
