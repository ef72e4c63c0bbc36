/* The site's colour, and text colours that keep WCAG AA contrast (4.5:1) with it. */
const DEFAULT = "#0b5cad";
const WHITE = [255, 255, 255];
const DARK = [17, 24, 39];

/** [r, g, b] from "#rgb" or "#rrggbb", or null. */
export function parseHex(value) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || "").trim());
  if (!match) {
    return null;
  }
  const hex = match[1].length === 3 ? match[1].replace(/./g, "$&$&") : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function css(rgb) {
  return "rgb(" + rgb.map(Math.round).join(", ") + ")";
}

/** ``rgb`` darkened step by step until it reads on white at 4.5:1. */
function inkOnWhite(rgb) {
  let ink = rgb;
  for (let step = 0; step < 40 && contrast(ink, WHITE) < 4.5; step += 1) {
    ink = ink.map((c) => c * 0.9);
  }
  return ink;
}

/**
 * CSS custom properties for a colour: --oiw-accent (backgrounds),
 * --oiw-on-accent (text on it) and --oiw-ink (the colour as text on white).
 */
export function theme(value) {
  const accent = parseHex(value) || parseHex(DEFAULT);
  const onAccent = contrast(accent, WHITE) >= contrast(accent, DARK) ? WHITE : DARK;
  return {
    "--oiw-accent": css(accent),
    "--oiw-on-accent": css(onAccent),
    "--oiw-ink": css(inkOnWhite(accent))
  };
}
