/**
 * Names of classification codes as a person reads them (issue 11 point 4). Published tables
 * write the same name with full- or half-width brackets, spaces or line breaks inside, `、`
 * or `,` between items, and with or without a trailing 支出; none of that makes it another
 * name. Anything else (an old edition's wording, another code's name) still differs.
 */
export function nameKey(name: string): string {
  return cachedKey(name);
}

function keyOf(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[〔［[]/g, '[')
    .replace(/[〕］\]]/g, ']')
    .replace(/[、，,;；]/g, ',')
    .replace(/[“”"]/g, '"')
    .replace(/[：:]/g, ':')
    .replace(/支出$/, '');
}

// A department's tables repeat the same few hundred names on every unit's rows: each is keyed
// once. Bounded, so a long run over many workbooks cannot grow it without end.
const keys = new Map<string, string>();

function cachedKey(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size >= 20000) keys.clear();
    keys.set(name, (k = keyOf(name)));
  }
  return k;
}

export function sameName(a: string, b: string): boolean {
  return a === b || cachedKey(a) === cachedKey(b);
}
