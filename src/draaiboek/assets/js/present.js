// @ts-check
// Projection: a presentation view of an instrument page or a group page for a
// workshop room. Large type, one part at a time (a section of the form and the
// result; the parts of the group overview), moved through with the arrow keys,
// PageUp/PageDown (what a presenter remote sends), Home/End; Escape stops.
//
// Showing one part means hiding everything else on the page: every sibling of
// the part and of each of its ancestors is marked `data-present-off` (and
// unmarked again when the part changes or the view ends), so the page's own
// markup and state stay exactly as they were. Nothing is copied or re-rendered:
// answers typed during the presentation are the form's answers.

import { element } from "./dom.js";

const PRESENT_TEXT = {
  start: "Presenteren",
  startHint: "Toont één deel tegelijk in grote letters, voor een projector.",
  stop: "Stoppen",
  previous: "Vorige",
  next: "Volgende",
  position: (/** @type {number} */ at, /** @type {number} */ of) => `Deel ${at} van ${of}`,
  keys: "Pijltjes of PageUp/PageDown om te bladeren, Esc om te stoppen.",
  empty: "Er is nog niets om te tonen.",
};

// The parts of a page, in order: those marked by their module (the group
// overview), else the visible sections of a form and its result.
const SLIDES = "[data-present-slide], form.db-instrument fieldset.db-section, [data-result]";
const OFF = "data-present-off";

/** @type {{host: HTMLElement, slides: HTMLElement[], at: number, bar: HTMLElement, onKey: (event: KeyboardEvent) => void} | null} */
let showing = null;

/**
 * Put a "Presenteren" button before `host` (a group page or an instrument form).
 * @param {HTMLElement} host
 */
export function mountPresent(host) {
  if (host.previousElementSibling?.matches(".db-present-start")) return;
  const wrap = element("p", { class: "db-present-start" });
  const button = element("button", { type: "button", class: "md-button", "data-action": "present", title: PRESENT_TEXT.startHint }, PRESENT_TEXT.start);
  button.addEventListener("click", () => start(host));
  wrap.append(button);
  host.before(wrap);
}

/** @param {HTMLElement} host */
function slidesOf(host) {
  const scope = host.closest("article") || document.body;
  return /** @type {HTMLElement[]} */ ([...scope.querySelectorAll(SLIDES)]).filter(
    (slide) => !slide.hidden && !slide.closest("[hidden]") && !slide.parentElement?.closest(SLIDES),
  );
}

/**
 * Enter the presentation view at the first part.
 * @param {HTMLElement} host
 */
export function start(host) {
  stop();
  const bar = element("div", { class: "db-present-bar", "data-present-bar": "", role: "region", "aria-label": PRESENT_TEXT.start });
  const previous = element("button", { type: "button", "data-action": "present-previous" }, PRESENT_TEXT.previous);
  const position = element("span", { "data-present-position": "", "aria-live": "polite" });
  const next = element("button", { type: "button", "data-action": "present-next" }, PRESENT_TEXT.next);
  const end = element("button", { type: "button", "data-action": "present-stop" }, PRESENT_TEXT.stop);
  previous.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  end.addEventListener("click", stop);
  bar.append(previous, position, next, end, element("span", { class: "db-present-keys" }, PRESENT_TEXT.keys));
  document.body.append(bar);
  /** @param {KeyboardEvent} event */
  const onKey = (event) => {
    // Keys typed into a field belong to the field (a number, a text).
    const target = /** @type {HTMLElement | null} */ (event.target instanceof HTMLElement ? event.target : null);
    const typing = target?.matches("input:not([type=radio]):not([type=checkbox]), textarea, select");
    const step = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
    if (event.key === "Escape") stop();
    else if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    else if (step) go(step);
    else if (event.key === "Home") go(-Infinity);
    else if (event.key === "End") go(Infinity);
    else return;
    event.preventDefault();
  };
  document.addEventListener("keydown", onKey, true);
  document.documentElement.classList.add("db-presenting");
  showing = { host, slides: slidesOf(host), at: 0, bar, onKey };
  show();
  next.focus();
}

/** Leave the presentation view; the page is as it was. */
export function stop() {
  if (!showing) return;
  const { host, bar, onKey } = showing;
  showing = null;
  document.removeEventListener("keydown", onKey, true);
  for (const hidden of document.querySelectorAll(`[${OFF}]`)) hidden.removeAttribute(OFF);
  for (const current of document.querySelectorAll("[data-present-current]")) current.removeAttribute("data-present-current");
  document.documentElement.classList.remove("db-presenting");
  bar.remove();
  const button = host.previousElementSibling?.querySelector("button");
  if (button instanceof HTMLElement) button.focus();
}

/** @param {number} step */
function go(step) {
  if (!showing) return;
  // Parts come and go while presenting (a section shown by an answer, the
  // group overview after a file): count them again on every step.
  const current = showing.slides[showing.at];
  showing.slides = slidesOf(showing.host);
  const from = Math.max(0, showing.slides.indexOf(current));
  showing.at = Math.min(Math.max(from + step, 0), Math.max(showing.slides.length - 1, 0));
  show();
}

function show() {
  if (!showing) return;
  for (const hidden of document.querySelectorAll(`[${OFF}]`)) hidden.removeAttribute(OFF);
  for (const current of document.querySelectorAll("[data-present-current]")) current.removeAttribute("data-present-current");
  const { slides, at, bar, host } = showing;
  const position = /** @type {HTMLElement} */ (bar.querySelector("[data-present-position]"));
  const slide = slides[at] || host;
  position.textContent = slides.length ? PRESENT_TEXT.position(at + 1, slides.length) : PRESENT_TEXT.empty;
  slide.setAttribute("data-present-current", "");
  /** @type {Element} */
  let node = slide;
  while (node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling !== bar && !sibling.matches("script, style, link")) sibling.setAttribute(OFF, "");
    }
    node = node.parentElement;
  }
  slide.scrollIntoView({ block: "start" });
}
