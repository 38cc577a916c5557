// @ts-check
// "Op dit toestel": every record of this handbook in this browser, across
// instruments, to open, save as a file or delete; when answers were last
// saved to a file, and once, quietly, a reminder when that is long ago.

import { assetUrl } from "./base.js";
import { handbookRecords, markExported } from "./bundle.js";
import { ask } from "./dialog.js";
import { element, one } from "./dom.js";
import { formatDate } from "./format.js";
import { recordIdOf } from "./records.js";
import { scorer } from "./scorer.js";
import { showStorageText, storageKind, switchStorage } from "./storagechoice.js";
import { KEY_PREFIX, storageArea } from "./storage.js";
import { TEXT } from "./text.js";
import { download } from "./transfer.js";

/** The handbook's own rule: save answers to a file at least every 14 days. */
const REMIND_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

/** @typedef {{title: string, href: string, definition?: string}} InstrumentLink */

/** @param {string} iso */
function dateOf(iso) {
  const time = Date.parse(iso || "");
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * Mount one `[data-device]` overview.
 * @param {HTMLElement} root
 */
export function mountDevice(root) {
  root.dataset.mounted = "";
  const prefix = `${KEY_PREFIX}:${root.dataset.site}:`;
  /** @type {Record<string, InstrumentLink>} */
  const instruments = JSON.parse(root.dataset.instruments || "{}");
  // The area follows the person's choice, which this page can switch.
  const render = () => {
    const kind = storageKind(root.dataset.site, root.dataset.storage);
    // The intro above the overview says what this browser does (also after a switch in another tab).
    showStorageText(document, kind);
    for (const radio of root.querySelectorAll("input[data-storage-option]")) {
      if (radio instanceof HTMLInputElement) radio.checked = radio.value === kind;
    }
    showDevice(root, storageArea(kind), prefix, instruments, render);
  };
  const choice = storageChoice(root, render);
  if (choice) one(root, "[data-device-exported]").before(choice);
  render();
  // Completeness needs the scorer: asked only when there are records to judge.
  scorer.listeners.add((state) => {
    if (state === "ready" && root.isConnected) fillComplete(root, instruments);
  });
  if (root.querySelector("[data-device-complete]")) scorer.start();
  window.addEventListener("storage", (event) => {
    if (root.isConnected && (event.key === null || event.key.startsWith(prefix))) render();
  });
}

/**
 * @param {HTMLElement} root
 * @param {Storage | null} store
 * @param {string} prefix
 * @param {Record<string, InstrumentLink>} instruments
 * @param {() => void} render
 */
function showDevice(root, store, prefix, instruments, render) {
  const body = one(root, "[data-device-records]");
  const records = store ? handbookRecords(store, prefix) : [];
  records.sort((a, b) => (b.envelope.meta?.saved_at || "").localeCompare(a.envelope.meta?.saved_at || ""));
  body.replaceChildren(
    ...records.map(({ key, envelope }) => {
      const meta = envelope.meta || {};
      const link = instruments[envelope.instrument];
      const saved = dateOf(meta.saved_at || "");
      const row = element("tr", { "data-device-record": key });
      row.append(
        element("td", {}, meta.label || TEXT.unnamedRecord),
        element("td", {}, link ? link.title : envelope.instrument),
        element("td", {}, meta.date || "—"),
        element("td", {}, saved ? formatDate(saved) : "—"),
      );
      row.append(element("td", { "data-device-complete": "", "data-instrument": envelope.instrument }, "…"));
      const actions = element("td");
      const base = `${prefix}${envelope.instrument}:v${envelope.version}`;
      if (link) {
        const open = element("a", { href: link.href, class: "md-button", "data-action": "open-record" }, TEXT.openRecord);
        open.addEventListener("click", () => {
          // The form opens the record this tab asks for (see autosave.js).
          try {
            sessionStorage.setItem(`${base}:open`, recordIdOf(base, key) || "0");
          } catch {
            // Then the form opens its newest record.
          }
        });
        actions.append(open);
      }
      const save = element("button", { type: "button", class: "md-button", "data-action": "export-record" }, TEXT.saveRecord);
      save.addEventListener("click", () => {
        download(JSON.stringify(envelope, null, 2), `${envelope.instrument}-${meta.date || "meting"}.json`);
        markExported(store, prefix);
        render();
      });
      const remove = element("button", { type: "button", class: "md-button", "data-action": "delete-device-record" }, TEXT.deleteRecord);
      remove.addEventListener("click", async () => {
        const yes = await ask(TEXT.confirmDeleteRecord(meta.label || TEXT.unnamedRecord), TEXT.deleteRecordButton, remove);
        if (!yes) return;
        store?.removeItem(key);
        render();
      });
      actions.append(save, remove);
      row.append(actions);
      return row;
    }),
  );
  if (!records.length) {
    const row = element("tr");
    row.append(element("td", { colspan: "6" }, store ? TEXT.noRecords : TEXT.storageOff));
    body.append(row);
  }
  // Six column heads over one sentence only crowd a phone's screen.
  const head = body.closest("table")?.tHead;
  if (head) head.hidden = !records.length;
  if (scorer.state === "ready") fillComplete(root, instruments);
  const oldest = records.map(({ envelope }) => dateOf(envelope.meta?.saved_at || "")?.getTime() ?? Date.now());
  showExported(root, store, prefix, oldest.length ? Math.min(...oldest) : null);
}

/**
 * Where this browser keeps the answers: until wiped or until the browser
 * closes. Null when the site stores nothing (the owner's choice stands).
 * @param {HTMLElement} root
 * @param {() => void} render
 */
function storageChoice(root, render) {
  const site = root.dataset.site;
  if (root.dataset.storage !== "local" && root.dataset.storage !== "session") return null;
  const box = element("fieldset", { class: "db-records", "data-storage-choice": "" });
  box.append(element("legend", {}, TEXT.storageChoice));
  const current = () => /** @type {"local" | "session"} */ (storageKind(site, root.dataset.storage));
  for (const kind of /** @type {const} */ (["local", "session"])) {
    const id = `db-storage-${kind}`;
    const radio = element("input", { type: "radio", name: "db-storage-choice", id, value: kind, "data-storage-option": kind });
    if (kind === current()) radio.checked = true;
    const line = element("p");
    line.append(radio, " ", element("label", { for: id }, kind === "local" ? TEXT.storageLocal : TEXT.storageSession));
    box.append(line);
  }
  const status = element("p", { class: "db-status", role: "status", "data-storage-status": "" });
  const apply = element("button", { type: "button", class: "md-button", "data-action": "switch-storage" }, TEXT.storageApply);
  apply.addEventListener("click", async () => {
    const picked = box.querySelector("input[data-storage-option]:checked");
    const to = picked instanceof HTMLInputElement ? /** @type {"local" | "session"} */ (picked.value) : current();
    const from = current();
    if (to === from) {
      status.textContent = TEXT.storageUnchanged;
      return;
    }
    const question = TEXT.confirmStorageSwitch(to === "local" ? TEXT.storageLocal : TEXT.storageSession);
    if (!(await ask(question, TEXT.storageSwitchButton, apply))) return;
    status.textContent = switchStorage(site, from, to) ? TEXT.storageSwitched : TEXT.storageNotSwitched;
    render();
  });
  const actions = element("p");
  actions.append(apply);
  box.append(actions, status);
  return box;
}

/**
 * "volledig / nog niet volledig" per record, from its stored answers scored
 * by the worker; "—" where that cannot be known (no definition, the scorer
 * refuses the answers).
 * @param {HTMLElement} root
 * @param {Record<string, InstrumentLink>} instruments
 */
async function fillComplete(root, instruments) {
  const store = storageArea(storageKind(root.dataset.site, root.dataset.storage));
  for (const cell of root.querySelectorAll("[data-device-complete]")) {
    if (!(cell instanceof HTMLElement) || cell.dataset.deviceComplete) continue;
    const key = cell.closest("[data-device-record]")?.getAttribute("data-device-record") || "";
    const definition = instruments[cell.dataset.instrument || ""]?.definition;
    cell.dataset.deviceComplete = "pending";
    /** @type {unknown} */
    let complete = null;
    try {
      const envelope = JSON.parse(store?.getItem(key) || "null");
      if (definition && envelope) {
        const reply = await scorer.run("score", assetUrl(`instruments/${definition}`).href, envelope.answers);
        if (reply.ok) complete = reply.result.complete;
      }
    } catch {
      // Unknown: shown as such.
    }
    cell.dataset.deviceComplete = complete === true ? "yes" : complete === false ? "no" : "unknown";
    cell.textContent = complete === true ? TEXT.complete : complete === false ? TEXT.incomplete : "—";
  }
}

/**
 * When answers were last saved to a file; a reminder, once, when long ago.
 * @param {HTMLElement} root
 * @param {Storage | null} store
 * @param {string} prefix
 * @param {number | null} oldest when the oldest record was saved (null: no records)
 */
function showExported(root, store, prefix, oldest) {
  const exported = dateOf(store?.getItem(`${prefix}exported`) || "");
  one(root, "[data-device-exported]").textContent = exported
    ? TEXT.lastExported(formatDate(exported))
    : TEXT.neverExported;
  const reminder = one(root, "[data-device-reminder]");
  // Due when answers have waited 14 days for a file: since the last file, or
  // (never saved to a file) since the oldest record.
  const since = exported ? exported.getTime() : oldest;
  const due = oldest !== null && since !== null && Date.now() - since > REMIND_AFTER_MS;
  const remindedKey = `${prefix}reminded`;
  const reminded = dateOf(store?.getItem(remindedKey) || "");
  if (!due) return reminder.replaceChildren();
  // Once: shown on this page until it closes, then not again for 14 days.
  if (reminder.childElementCount) return;
  if (reminded && Date.now() - reminded.getTime() < REMIND_AFTER_MS) return;
  reminder.append(element("p", { class: "db-notice db-notice-info", role: "status", "data-device-remind": "" }, TEXT.exportReminder));
  try {
    store?.setItem(remindedKey, new Date().toISOString());
  } catch {
    // The reminder may then come again: harmless.
  }
}
