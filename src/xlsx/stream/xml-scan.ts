import { isAscii, isUtf8 } from 'buffer';
import { LIMITS, WorkbookReadError, type ReadLimits } from './limits';

/**
 * A small, strict XML scanner for the parts of an .xlsx: tags, attributes and text, fed in
 * chunks as a part is inflated. It knows no DTD, so it refuses `<!DOCTYPE` and every entity
 * but the five predefined ones and character references: an entity attack ("billion laughs")
 * has nothing to expand. Namespace prefixes are dropped (`x:c` is `c`), as the parts of some
 * writers carry them.
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, entities not yet decoded (most text is never looked at). */
  text(raw: string): void;
}

/** An open tag at the sticky position: name, attributes (quoted values may hold `>`), `/`. */
const OPEN_TAG = /<([A-Za-z_][^\s/>]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&([^;&<]{0,12});/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export function decodeXml(raw: string, part: string): string {
  if (raw.indexOf('&') < 0) return raw;
  if (/&(?![^;&<]{0,12};)/.test(raw)) throw new WorkbookReadError(`${part} 不是有效的 XML（& 未转义）`);
  return raw.replace(ENTITY, (m, body: string) => {
    if (body in NAMED) return NAMED[body];
    const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : body.startsWith('#') ? parseInt(body.slice(1), 10) : NaN;
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff && /^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body)) return String.fromCodePoint(code);
    throw new WorkbookReadError(`${part} 含有未定义的 XML 实体“${m.slice(0, 20)}”，拒绝读取`);
  });
}

const needles = new Map<string, string>();
let lastAttrs = '';
let lastSimple = true;

/** The value of one attribute in a tag's attribute text, decoded; undefined when absent. */
export function attr(attrs: string, name: string, part: string): string | undefined {
  // Fast path for what writers emit (name="value", no spaces around =, double quotes only);
  // a cell's attributes are asked for two or three times in a row, so the test is kept.
  if (attrs !== lastAttrs) {
    lastAttrs = attrs;
    lastSimple = attrs.indexOf("'") < 0 && attrs.indexOf('= ') < 0 && attrs.indexOf(' =') < 0;
  }
  if (lastSimple) {
    let needle = needles.get(name);
    if (needle === undefined) needles.set(name, (needle = name + '="'));
    for (let at = attrs.indexOf(needle); at > 0; at = attrs.indexOf(needle, at + 1)) {
      const prev = attrs.charCodeAt(at - 1);
      if (prev !== 32 && prev !== 9 && prev !== 10 && prev !== 13 && prev !== 58 /* : of a prefix */) continue;
      const start = at + needle.length;
      const end = attrs.indexOf('"', start);
      if (end < 0) return undefined;
      const raw = attrs.slice(start, end);
      return raw.indexOf('&') < 0 ? raw : decodeXml(raw, part);
    }
    return undefined;
  }
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    if (m[1] === name || localName(m[1]) === name) return decodeXml(m[2] ?? m[3], part);
  }
  return undefined;
}

/** The end of the last whole UTF-8 character in `b` (a chunk may stop inside one). */
function wholeCharsEnd(b: Uint8Array): number {
  let k = b.length - 1;
  let back = 0;
  while (k >= 0 && back < 3 && (b[k] & 0xc0) === 0x80) {
    k--;
    back++;
  }
  if (k < 0 || b[k] < 0xc0) return b.length;
  const need = b[k] >= 0xf0 ? 4 : b[k] >= 0xe0 ? 3 : 2;
  return b.length - k < need ? k : b.length;
}

/**
 * Whole UTF-8 characters to a string, or null when the bytes are not valid UTF-8. Node's
 * buffer module by default (ASCII, most of a sheet's XML, decodes fastest as latin1); the task
 * pane passes `TextDecoder`, where the `buffer` import is an empty stub.
 */
export type Utf8Decode = (bytes: Uint8Array) => string | null;

export const nodeDecode: Utf8Decode = (bytes) => {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isAscii(whole)) return whole.toString('latin1');
  if (isUtf8(whole)) return whole.toString('utf8');
  return null;
};

export class XmlScanner {
  private pending: string[] = [];
  private pendingChars = 0;
  private carry: Uint8Array | null = null;

  constructor(
    private readonly part: string,
    private readonly handler: XmlHandler,
    private readonly limits: ReadLimits = LIMITS,
    private readonly decode: Utf8Decode = nodeDecode,
  ) {}

  /** Bytes as they come out of the inflater; invalid UTF-8 is refused, never replaced. */
  pushBytes(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = null;
    }
    const end = wholeCharsEnd(bytes);
    if (end < bytes.length) this.carry = bytes.slice(end);
    const text = this.decode(bytes.subarray(0, end));
    if (text === null) throw new WorkbookReadError(`${this.part} 含有无效的 UTF-8 字符，文件已损坏`);
    this.push(text);
  }

  end(): void {
    if (this.carry) throw new WorkbookReadError(`${this.part} 含有无效的 UTF-8 字符，文件已损坏`);
    const s = this.pending.join('');
    this.pending = [];
    const at = this.scan(s, true);
    if (s.slice(at).trim() !== '') throw new WorkbookReadError(`${this.part} 不完整（XML 在元素中途结束）`);
  }

  private push(text: string): void {
    // Nothing can complete without a `<` or `>`: keep the piece without rescanning (linear in any case).
    if (this.pendingChars > 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
      this.keep(text);
      return;
    }
    const s = this.pending.length ? this.pending.join('') + text : text;
    this.pending = [];
    this.pendingChars = 0;
    const at = this.scan(s, false);
    if (at < s.length) this.keep(s.slice(at));
  }

  private keep(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars > this.limits.tokenChars) {
      throw new WorkbookReadError(`${this.part} 中有超过 ${Math.round(this.limits.tokenChars / 1048576)} M 字符的单个 XML 元素或文本，超出读取上限`);
    }
  }

  /** Hands on every complete token of `s`; returns where the first incomplete one starts. */
  private scan(s: string, final: boolean): number {
    const h = this.handler;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return i; // text may go on in the next chunk
      if (lt > i) h.text(s.slice(i, lt));
      i = lt;
      if (i + 1 >= n) return i;
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', i);
        if (gt < 0) return i;
        const ws = s.charCodeAt(gt - 1) <= 32; // `</c >` is rare: trim only then
        h.close(localName(ws ? s.slice(i + 2, gt).trim() : s.slice(i + 2, gt)));
        i = gt + 1;
      } else if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const e = s.indexOf('-->', i + 4);
          if (e < 0) return i;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', i)) {
          const e = s.indexOf(']]>', i + 9);
          if (e < 0) return i;
          // The handler decodes entities; CDATA has none, so escape its `&` to keep it literal.
          h.text(s.slice(i + 9, e).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
          i = e + 3;
        } else if (n - i < 9 && '<![CDATA['.startsWith(s.slice(i, n))) {
          return i;
        } else {
          throw new WorkbookReadError(`${this.part} 含有 DTD 或实体声明（${s.slice(i, i + 9)}…），为防实体膨胀攻击拒绝读取`);
        }
      } else if (c1 === 63 /* ? */) {
        const e = s.indexOf('?>', i + 2);
        if (e < 0) return i;
        i = e + 2;
      } else {
        // Fast path, no regex: the name up to white space, then the attributes up to the first
        // `>` outside quotes (an even count of `"` before it, no `'`); anything else goes to
        // OPEN_TAG below, which also knows a tag cut by the chunk's end.
        const gt = s.indexOf('>', i);
        if (gt > 0) {
          let k = i + 1;
          for (let c = s.charCodeAt(k); k < gt && c > 32 && c !== 47 && c !== 34 && c !== 39; c = s.charCodeAt(++k));
          const self = s.charCodeAt(gt - 1) === 47;
          const end = self ? gt - 1 : gt;
          let quotes = 0;
          let plain = k > i + 1;
          for (let x = k; x < end && plain; x++) {
            const c = s.charCodeAt(x);
            if (c === 34) quotes++;
            else if (c === 39 || c === 60) plain = false;
          }
          if (plain && (quotes & 1) === 0 && (k === end || s.charCodeAt(k) <= 32)) {
            h.open(localName(s.slice(i + 1, k)), k === end ? '' : s.slice(k, end), self);
            i = gt + 1;
            continue;
          }
        }
        OPEN_TAG.lastIndex = i;
        const m = OPEN_TAG.exec(s);
        if (!m) {
          // A quoted value may hold `>`, so a tag cut by the chunk's end can look broken: wait for more.
          if (!final) return i;
          throw new WorkbookReadError(`${this.part} 不是有效的 XML（${JSON.stringify(s.slice(i, i + 30))}）`);
        }
        h.open(localName(m[1]), m[2], m[3] === '/');
        i = OPEN_TAG.lastIndex;
      }
    }
    return n;
  }
}
