/**
 * Text from a received workbook (sheet names, cell texts inside findings) or from a file name
 * reaches a clerk's terminal: escape sequences in it could clear the screen or print a fake
 * 可以报送 line, and one 100 KB cell would flood it. So echoed text loses every control
 * character (C0 including ESC, DEL, C1) and the bidirectional overrides that reorder what is
 * shown; line breaks and tabs become spaces; each quoted cell text is cut at 200 characters.
 * JSON keeps the whole text, escaped.
 */

export const MAX_ECHOED = 200;

// C0 (incl. ESC), DEL, C1, and the bidi embeddings/overrides/isolates (Trojan-Source reordering).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SPACING = /[\t\n\r]+/g;

/** One line of plain text, nothing a terminal would interpret. */
export function plain(text: string): string {
  return text.replace(CONTROL, '').replace(SPACING, ' ');
}

/** At most `max` characters (code points, so no half of a surrogate pair), with … when cut. */
export function cut(text: string, max = MAX_ECHOED): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/**
 * A finding's message as printed: cell texts are quoted “…” in our messages, so each quoted
 * part is cut; the whole line is also bounded (a cell text holding ” itself would escape
 * the quote-wise cut).
 */
export function safeMessage(message: string): string {
  const quoted = plain(message).replace(/“([^”]*)”/g, (_m, inner: string) => `“${cut(inner)}”`);
  return cut(quoted, 4 * MAX_ECHOED);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 but leaves DEL, C1, the bidi
 * controls and the line separators raw; they are escaped too, so the text is whole and inert.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
