/* Bot text with its web addresses made into links: http and https only, as text nodes. */
import { el } from "./dom.js";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?'")\]]+$/;
const MAX_LABEL = 48;

/** A safe absolute http(s) address, or null. */
export function safeUrl(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (error) {
    return null;
  }
}

/** A link that opens in a new tab and tells the target nothing about this page. */
export function link(href, label) {
  return el("a", {
    text: label,
    attrs: { href: href, target: "_blank", rel: "noopener noreferrer nofollow" }
  });
}

/** Long addresses read as "host/path…"; the link still goes to the whole address. */
function label(href, written) {
  if (written.length <= MAX_LABEL) {
    return written;
  }
  const url = new URL(href);
  const rest = url.search || url.hash ? "\u2026" : "";
  return url.host + url.pathname.replace(/\/$/, "") + rest;
}

/** A fragment of text nodes and <a> elements for ``text``. */
export function linkify(text) {
  const fragment = document.createDocumentFragment();
  const source = String(text);
  let last = 0;
  for (const match of source.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    const trailing = candidate.match(TRAILING);
    if (trailing) {
      candidate = candidate.slice(0, -trailing[0].length);
    }
    const href = safeUrl(candidate);
    if (!href) {
      continue;
    }
    fragment.append(source.slice(last, match.index));
    fragment.append(link(href, label(href, candidate)));
    last = match.index + candidate.length;
  }
  fragment.append(source.slice(last));
  return fragment;
}
