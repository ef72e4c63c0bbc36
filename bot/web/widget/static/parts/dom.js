/* Building DOM nodes without HTML strings: text always goes in as text. */
/**
 * el("button", {className, text, attrs: {"aria-label": ...}, on: {click: fn}}, [children])
 * Children may be nodes or strings; strings become text nodes.
 */
export function el(tag, options, children) {
  const node = document.createElement(tag);
  const opts = options || {};
  if (opts.className) {
    node.className = opts.className;
  }
  if (opts.text !== undefined && opts.text !== null) {
    node.textContent = String(opts.text);
  }
  for (const [name, value] of Object.entries(opts.attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, handler] of Object.entries(opts.on || {})) {
    node.addEventListener(type, handler);
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}

/** Text only screen readers read, such as "You said:". */
export function srOnly(text) {
  return el("span", { className: "oiw-sr", text: text });
}

/** A random id, for sessions and history entries. */
export function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
