// @ts-check
// The scorer's limits on answers (draaiboek_scoring.answers: a text's length,
// a table's rows), written on the form at build time. The page applies the
// same ones, so it never keeps answers the scorer would refuse: a text field
// stops at the limit, a table stops growing, an import or a stored record
// over a limit is refused with the reason.

/** @typedef {{text: number, rows: number}} Limits */

/**
 * @param {HTMLFormElement} form
 * @returns {Limits}
 */
export function limitsOf(form) {
  return {
    text: Number(form.dataset.maxText) || Infinity,
    rows: Number(form.dataset.maxRows) || Infinity,
  };
}

/**
 * Text fields (also those of rows still to be added) take no more than the
 * scorer accepts.
 * @param {HTMLFormElement} form
 */
export function applyTextLimit(form) {
  const { text } = limitsOf(form);
  if (!Number.isFinite(text)) return;
  const fields = [...form.querySelectorAll("[data-item] textarea, [data-item] input[type=text]")];
  for (const template of form.querySelectorAll("template[data-row-template]")) {
    if (template instanceof HTMLTemplateElement) fields.push(...template.content.querySelectorAll("input[type=text]"));
  }
  for (const field of fields) field.setAttribute("maxlength", String(text));
}
