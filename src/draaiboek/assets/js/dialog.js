// @ts-check
// Confirmations in a modal <dialog> instead of window.confirm: styled like the
// handbook, in Dutch buttons that say what they do, and keyboard-safe. Focus
// starts on "Annuleren" (the harmless choice), Escape cancels, and focus goes
// back to the button that asked.

import { element } from "./dom.js";
import { TEXT } from "./text.js";

/**
 * Ask before something that cannot be undone.
 * @param {string} message the question
 * @param {string} confirmLabel what the confirming button does ("Wissen")
 * @param {Element | null} [opener] where focus returns (default: what has focus now)
 * @returns {Promise<boolean>} true only when the person confirmed
 */
export function ask(message, confirmLabel, opener = document.activeElement) {
  const dialog = element("dialog", { class: "db-dialog", "data-dialog": "" });
  const text = element("p", { class: "db-dialog-message" }, message);
  text.id = `db-dialog-${Date.now()}`;
  dialog.setAttribute("aria-labelledby", text.id);
  const cancel = element("button", { type: "button", class: "md-button", "data-dialog-cancel": "" }, TEXT.dialogCancel);
  const confirm = element(
    "button",
    { type: "button", class: "md-button md-button--primary", "data-dialog-confirm": "" },
    confirmLabel,
  );
  const buttons = element("div", { class: "db-dialog-actions" });
  buttons.append(cancel, confirm);
  dialog.append(text, buttons);
  // Next to the button that asked (read in order by a screen reader), but shown
  // as a modal: the rest of the page is inert until a choice is made.
  (opener?.parentElement || document.body).append(dialog);
  return new Promise((resolve) => {
    /** @param {boolean} answer */
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener instanceof HTMLElement) opener.focus();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    confirm.addEventListener("click", () => close(true));
    // Escape: the browser fires "cancel"; close it ourselves so focus is restored.
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    cancel.focus();
  });
}
