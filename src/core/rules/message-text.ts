/**
 * A finding's message as it is shown: on one line, quotes nested as Chinese nests them.
 * Applied by `finding()` to every message, so each rule only words its own part.
 */

/**
 * White space as one space: a clerk's sentence quoted across its line breaks (a template's
 * `…情况说明\n     2026年…`) would break the line of the pane's list and of `check`'s output.
 */
export function oneLine(message: string): string {
  return /[\t\n\r\u3000]| {2}/.test(message) ? message.replace(/[\s\u3000]+/g, ' ').trim() : message;
}

/**
 * Quotes inside quotes as Chinese writes them: a message quoting a clerk's sentence that has
 * its own quotes (`说明中“‘三公’经费预算数为30.42万元”`) turns the inner pair “…” into ‘…’,
 * so no message shows `““` or `””`. A message whose quotes do not pair up (a clerk's text with
 * a quote left open) is left as it is: guessing would change the clerk's words.
 */
export function nestQuotes(message: string): string {
  if (!message.includes('“')) return message;
  let depth = 0;
  for (const ch of message) {
    if (ch === '“') depth++;
    else if (ch === '”') depth--;
    if (depth < 0) return message;
  }
  if (depth !== 0) return message;
  let out = '';
  for (const ch of message) {
    if (ch === '“') {
      out += depth % 2 === 1 ? '‘' : '“';
      depth++;
    } else if (ch === '”') {
      depth--;
      out += depth % 2 === 1 ? '’' : '”';
    } else out += ch;
  }
  return out;
}
