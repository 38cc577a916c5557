// @ts-check
// Small DOM helpers. Everything a result shows is written with textContent.

/**
 * A new element with attributes and (optionally) text.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/**
 * The first element that matches, which the rendered markup always has: a
 * missing one is a broken template, reported by name rather than as a null.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function one(root, selector) {
  const node = root.querySelector(selector);
  if (!(node instanceof HTMLElement)) throw new Error(`draaiboek: '${selector}' ontbreekt`);
  return node;
}

/**
 * Every element that matches, as an array of HTML elements.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement[]}
 */
export function all(root, selector) {
  return /** @type {HTMLElement[]} */ ([...root.querySelectorAll(selector)]);
}

/** @type {WeakMap<ParentNode, Map<string, HTMLElement[]>>} */
const lookedUp = new WeakMap();

/**
 * {@link all}, looked up once per root: for the markup the build rendered
 * (a form's items and their inputs, the result's outputs), which the page
 * never adds or removes. A result arrives on every answer, and looking the
 * same nodes up again each time was a third of the page's work.
 * Never for nodes the page itself adds or removes.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement[]}
 */
export function fixed(root, selector) {
  let found = lookedUp.get(root);
  if (!found) lookedUp.set(root, (found = new Map()));
  let nodes = found.get(selector);
  if (!nodes) found.set(selector, (nodes = all(root, selector)));
  return nodes;
}

/**
 * {@link one} for the markup the build rendered, looked up once (see {@link fixed}).
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function fixedOne(root, selector) {
  const [node] = fixed(root, selector);
  if (!node) throw new Error(`draaiboek: '${selector}' ontbreekt`);
  return node;
}

// Results arrive on every answer and mostly repeat what the page shows.
// Writing the same text or flag again still costs a style recalculation of
// the whole form, so these write only what changed.

/** @param {Node} node @param {string} text */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** @param {HTMLElement} node @param {boolean} hidden */
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/**
 * Set a data attribute, or remove it for null.
 * @param {HTMLElement} node
 * @param {string} key the dataset key (camelCase)
 * @param {string | null} value
 */
export function setData(node, key, value) {
  if (value === null) {
    if (key in node.dataset) delete node.dataset[key];
  } else if (node.dataset[key] !== value) node.dataset[key] = value;
}

/** @type {WeakMap<Element, string>} */
const drawn = new WeakMap();

/**
 * Replace `parent`'s children with `build()`'s, unless `signature` says they
 * would be the same as last time.
 * @param {Element} parent
 * @param {string} signature what the children show, as a string
 * @param {() => Node[]} build
 */
export function replaceIfChanged(parent, signature, build) {
  if (drawn.get(parent) === signature) return;
  parent.replaceChildren(...build());
  drawn.set(parent, signature);
}
