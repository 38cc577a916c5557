// @ts-check
// Mounting: every instrument form on every page, also the pages that
// mkdocs-material's instant navigation swaps in without a reload.

import { mountCompare } from "./compare.js";
import { mountDevice } from "./device.js";
import { mountGroup } from "./group.js";
import { mountPresent } from "./present.js";
import { mountQrShow } from "./qrshow.js";
import { mountInstrument } from "./instrument.js";

/** @typedef {import("./instrument.js").InstrumentForm} InstrumentForm */
import { watchPrint } from "./print.js";
import { removeHandbookData } from "./storage.js";
import { mountTagFilters } from "./tagfilter.js";
import { mountWerkmaps } from "./werkmap.js";

/** @type {Set<InstrumentForm>} */
const forms = new Set();

const page = {
  /**
   * "Wis alle gegevens van dit toestel": every key of this handbook, and every
   * form of it on this page.
   * @param {string} prefix
   */
  clearAll(prefix) {
    removeHandbookData(prefix);
    for (const mounted of forms) {
      if (!mounted.connected || mounted.prefix !== prefix) continue;
      mounted.startOver();
      mounted.rescore();
    }
  },
};

/** Mount the forms not mounted yet; forget those that left the page. */
export function mountAll() {
  for (const mounted of [...forms]) {
    if (!mounted.connected) {
      mounted.detach();
      forms.delete(mounted);
    }
  }
  for (const form of document.querySelectorAll("form.db-instrument:not([data-mounted])")) {
    if (form instanceof HTMLFormElement) forms.add(mountInstrument(form, page));
  }
  for (const overview of document.querySelectorAll("[data-device]:not([data-mounted])")) {
    if (overview instanceof HTMLElement) mountDevice(overview);
  }
  for (const comparison of document.querySelectorAll("[data-compare]:not([data-mounted])")) {
    if (comparison instanceof HTMLElement) mountCompare(comparison);
  }
  for (const overview of document.querySelectorAll("[data-group]:not([data-mounted])")) {
    if (overview instanceof HTMLElement) mountGroup(overview);
  }
  // Answers as QR codes, for a workshop without a network.
  for (const form of document.querySelectorAll("form.db-instrument")) {
    if (form instanceof HTMLFormElement) mountQrShow(form);
  }
  // The presentation view, for the projector in a workshop.
  for (const host of document.querySelectorAll("[data-group], form.db-instrument")) {
    if (host instanceof HTMLElement) mountPresent(host);
  }
  mountWerkmaps();
  mountTagFilters();
}

/** Mount now and on every page to come. */
export function watchPages() {
  watchPrint();
  // Both: document$ announces pages that instant navigation swaps in, but it
  // does not fire on file://. Mounting twice is harmless (data-mounted).
  const document$ = window.document$;
  if (document$ && typeof document$.subscribe === "function") document$.subscribe(mountAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  } else {
    mountAll();
  }
}
