// @ts-check
// "Antwoorden als QR-code tonen" under a form: the answers (no label, no
// assessor, no date) as one or a few QR codes for the trainer's camera.

import { element } from "./dom.js";
import { collectAnswers } from "./form.js";
import { qrCanvas, qrTexts } from "./qr.js";

const QR_TEXT = {
  show: "Antwoorden als QR-code tonen",
  hide: "QR-code verbergen",
  one: "Laat deze code scannen op de groepspagina van je begeleider. Je naam zit er niet in.",
  many: (/** @type {number} */ n) => `Je antwoorden passen in ${n} codes. Laat ze één voor één scannen, in eender welke volgorde. Je naam zit er niet in.`,
  label: (/** @type {number} */ k, /** @type {number} */ n) => `QR-code ${k} van ${n} met je antwoorden`,
};

/**
 * Put the QR button after `form`.
 * @param {HTMLFormElement} form
 */
export function mountQrShow(form) {
  if (form.nextElementSibling?.matches(".db-qr-show")) return;
  const box = element("div", { class: "db-qr-show", "data-qr-show": "" });
  const button = element("button", { type: "button", class: "md-button", "data-action": "qr-show", "aria-expanded": "false" }, QR_TEXT.show);
  const codes = element("div", { class: "db-qr-codes", "data-qr-codes": "" });
  button.addEventListener("click", () => {
    if (codes.childElementCount) {
      codes.replaceChildren();
      button.textContent = QR_TEXT.show;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    const texts = qrTexts(form.dataset.instrument || "", Number(form.dataset.version), collectAnswers(form));
    codes.append(element("p", {}, texts.length === 1 ? QR_TEXT.one : QR_TEXT.many(texts.length)));
    for (const [index, text] of texts.entries()) {
      const figure = element("figure", { "data-qr-part": String(index + 1) });
      figure.append(qrCanvas(text, QR_TEXT.label(index + 1, texts.length)));
      if (texts.length > 1) figure.append(element("figcaption", {}, `${index + 1}/${texts.length}`));
      codes.append(figure);
    }
    button.textContent = QR_TEXT.hide;
    button.setAttribute("aria-expanded", "true");
  });
  box.append(button, codes);
  form.after(box);
}
