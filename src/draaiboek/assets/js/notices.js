// @ts-check
// Notices above a form: what happened to the answers (restored, imported,
// cleared, could not be saved), each with a close button and optional actions.

import { element, one } from "./dom.js";
import { TEXT } from "./text.js";

/** @typedef {"info" | "warning" | "error"} NoticeKind */
/** @typedef {{label: string, run: () => void}} NoticeAction */

/**
 * Add a notice to the form's notice area.
 * @param {HTMLFormElement} form
 * @param {NoticeKind} kind errors are announced at once (role=alert)
 * @param {string} message
 * @param {NoticeAction[]} [actions] buttons that close the notice and run
 * @param {string[]} [details] a list under the message
 */
export function showNotice(form, kind, message, actions = [], details = []) {
  const area = one(form, "[data-notices]");
  const box = element("div", {
    class: `db-notice db-notice-${kind}`,
    "data-notice": kind,
    role: kind === "error" ? "alert" : "status",
  });
  box.append(element("p", {}, message));
  if (details.length) {
    const list = element("ul");
    for (const detail of details) list.append(element("li", {}, detail));
    box.append(list);
  }
  const buttons = element("div", { class: "db-notice-actions" });
  for (const action of actions) {
    const button = element("button", { type: "button", class: "md-button" }, action.label);
    button.addEventListener("click", () => {
      box.remove();
      action.run();
    });
    buttons.append(button);
  }
  const close = element("button", { type: "button", class: "md-button", "data-close": "" }, TEXT.close);
  close.addEventListener("click", () => box.remove());
  buttons.append(close);
  box.append(buttons);
  area.append(box);
  return box;
}
