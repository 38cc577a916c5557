// @ts-check
// A consensus record from a comparison: the assessors start from one of the
// compared records and settle every answer that differs (take one of the
// records' values, by default the start record's), then save the outcome as a
// new record on this device, which opens in the form.

import { element } from "./dom.js";
import { newRecordId, recordKey, recordName, savedMeta } from "./records.js";
import { TEXT } from "./text.js";
import { ANSWERS_FORMAT } from "./transfer.js";

/** @typedef {import("./records.js").Envelope} Envelope */
/** @typedef {{id: string, name: string, envelope: Envelope}} Choice */
/** @typedef {{text: string, section: string, options: Map<string, string>}} ItemText */ // options by String(value)

/**
 * How one answer reads: option labels for choices, text otherwise.
 * @param {unknown} value
 * @param {ItemText | undefined} item
 */
export function answerText(value, item) {
  if (value === null || value === undefined) return TEXT.consensusNoAnswer;
  const label = (/** @type {unknown} */ one) => item?.options.get(String(one)) ?? (typeof one === "string" ? one : JSON.stringify(one));
  if (Array.isArray(value) && value.every((one) => item?.options.has(String(one)))) return value.map(label).join(", ");
  return label(value);
}

/**
 * The consensus section under a comparison.
 * @param {object} context
 * @param {[string, {values: unknown[]}][]} context.differ the items that differ, with each record's value
 * @param {Choice[]} context.chosen the compared records, in the order of the values
 * @param {Map<string, ItemText>} context.items
 * @param {Storage | null} context.store
 * @param {string} context.base the records' key base
 * @param {string} context.instrument
 * @param {number} context.version
 * @param {string} context.idPrefix for element ids
 * @param {(id: string) => void} context.opened what to do once saved (open the record)
 */
export function consensusSection({ differ, chosen, items, store, base, instrument, version, idPrefix, opened }) {
  const section = element("section", { class: "db-consensus", "data-consensus": "" });
  section.append(element("h2", {}, TEXT.consensusTitle), element("p", {}, TEXT.consensusIntro));
  const startId = `${idPrefix}-consensus-start`;
  const start = element("select", { id: startId, "data-consensus-start": "" });
  for (const [index, choice] of chosen.entries()) start.append(element("option", { value: String(index) }, choice.name));
  const startLine = element("p");
  startLine.append(element("label", { for: startId }, TEXT.consensusStart), " ", start);
  section.append(startLine);

  /** @type {{id: string, fieldset: HTMLElement, values: unknown[]}[]} */
  const choices = [];
  for (const [id, item] of differ) {
    const fieldset = element("fieldset", { "data-consensus-item": id });
    fieldset.append(element("legend", {}, items.get(id)?.text || id));
    // One option per distinct answer, naming every record that gave it.
    /** @type {{key: string, value: unknown, names: string[]}[]} */
    const distinct = [];
    for (const [index, value] of item.values.entries()) {
      const key = JSON.stringify(value ?? null);
      const found = distinct.find((entry) => entry.key === key);
      if (found) found.names.push(chosen[index].name);
      else distinct.push({ key, value, names: [chosen[index].name] });
    }
    for (const [index, entry] of distinct.entries()) {
      const radioId = `${idPrefix}-consensus-${id}-${index}`;
      const radio = element("input", { type: "radio", name: `${idPrefix}-consensus-${id}`, id: radioId, value: entry.key });
      const line = element("p");
      line.append(radio, " ", element("label", { for: radioId }, `${answerText(entry.value, items.get(id))} (${entry.names.join(", ")})`));
      fieldset.append(line);
    }
    choices.push({ id, fieldset, values: item.values });
    section.append(fieldset);
  }
  // Every choice starts at the start record's answer ("keep the start record's").
  const reset = () => {
    const from = Number(start.value);
    for (const { fieldset, values } of choices) {
      const key = JSON.stringify(values[from] ?? null);
      for (const radio of fieldset.querySelectorAll("input[type=radio]")) {
        if (radio instanceof HTMLInputElement) radio.checked = radio.value === key;
      }
    }
  };
  start.addEventListener("change", reset);
  reset();

  const status = element("p", { class: "db-status", role: "status", "data-consensus-status": "" });
  const save = element("button", { type: "button", class: "md-button", "data-action": "save-consensus" }, TEXT.consensusSave);
  save.addEventListener("click", () => {
    const from = chosen[Number(start.value)].envelope;
    /** @type {Record<string, unknown>} */
    const answers = JSON.parse(JSON.stringify(from.answers));
    for (const { id, fieldset } of choices) {
      const radio = fieldset.querySelector("input[type=radio]:checked");
      if (!(radio instanceof HTMLInputElement)) continue;
      const value = JSON.parse(radio.value);
      if (value === null) delete answers[id];
      else answers[id] = value;
    }
    // Every assessor once, the start record's first.
    const envelopes = [from, ...chosen.map((choice) => choice.envelope)];
    const assessors = [...new Set(envelopes.map((one) => one.meta?.assessor?.trim() || "").filter(Boolean))];
    const label = `${from.meta?.label?.trim() || recordName(undefined, TEXT.unnamedRecord)} — consensus`;
    const meta = savedMeta({ label, assessor: assessors.join(", "), date: new Date().toISOString().slice(0, 10) });
    const envelope = { format: ANSWERS_FORMAT, instrument, version, answers, meta };
    if (!store) {
      status.textContent = TEXT.consensusNoStorage;
      return;
    }
    const id = newRecordId();
    try {
      store.setItem(recordKey(base, id), JSON.stringify(envelope));
    } catch {
      // Full storage: nothing was written, the choices stay on the page.
      status.textContent = TEXT.consensusFull;
      return;
    }
    status.textContent = TEXT.consensusSaved(label);
    opened(id);
  });
  const actions = element("p");
  actions.append(save);
  section.append(actions, status);
  return section;
}
